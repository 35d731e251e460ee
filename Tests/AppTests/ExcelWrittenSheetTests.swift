@testable import App
import Domain
import Foundation
import Persistence
@testable import Spreadsheet
import Testing
import Vapor
import VaporTesting

/// A 任务分解表 as Microsoft Excel 365 (Chinese locale) saves it, part by part: no Excel runs here, so the parts are
/// written out as Excel writes them (ECMA-376 plus Excel's own extensions) and zipped. The theme, printer settings and
/// thumbnail parts are left out; the reader never opens them.
///
/// 任务分解表 (shown rows):            A 任务编号 … P 权重; B4:B9 计划 and C4:C7 / C8:C9 工作要点 merged down
///   1  title, merged A1:P1           4  建立高企后备库   F rich text 科技|创新局, G two co-units, J date fmt 14, K date fmt 176
///   2  note, merged A2:P2            5  " 开展高企政策宣讲 " (xml:space), K date fmt 14, P =1+1 cached 2
///   3  header (* in red runs)        6  走访高企服务专员, K text "6月底前", L 10 formatted 0"个工作日"
///   7  hidden row                    8  专利清零入户辅导 under 专利清零行动, K date fmt 176;  9 styled empty, 10 empty
/// 单位名单 (hidden sheet): the units the 责任单位 drop-down lists (x14:dataValidation across sheets).
enum ExcelWrittenSheet {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
    /// Excel writes each part as the declaration, CRLF, then the whole document on one line.
    static func part(_ xml: String) -> String { declaration + xml.replacingOccurrences(of: "\n", with: "") }

    static let contentTypes = #"""
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>
"""#
    static let rootRels = #"""
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
"""#
    static let workbook = #"""
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2">
<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="28526"/><workbookPr filterPrivacy="1" defaultThemeVersion="166925"/>
<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x15"><x15ac:absPath url="D:\督查室\2026\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent>
<xr:revisionPtr revIDLastSave="0" documentId="13_ncr:1_{6F1D2C4B-9B1A-4E8A-8C43-1A2B3C4D5E6F}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/>
<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15720" xr2:uid="{A1B2C3D4-0E0F-4A5B-8C9D-0E1F2A3B4C5D}"/></bookViews>
<sheets><sheet name="任务分解表" sheetId="1" r:id="rId1"/><sheet name="单位名单" sheetId="2" state="hidden" r:id="rId2"/></sheets>
<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">任务分解表!$A$3:$P$10</definedName></definedNames><calcPr calcId="191029"/>
<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext><ext uri="{B58B0392-4F1F-4190-BB64-5DF3571DCE5F}" xmlns:xcalcf="http://schemas.microsoft.com/office/spreadsheetml/2018/calcfeatures"><xcalcf:calcFeatures><xcalcf:feature name="microsoft.com:RD"/><xcalcf:feature name="microsoft.com:Single"/><xcalcf:feature name="microsoft.com:FV"/><xcalcf:feature name="microsoft.com:CNMTM"/><xcalcf:feature name="microsoft.com:LET_WF"/><xcalcf:feature name="microsoft.com:LAMBDA_WF"/><xcalcf:feature name="microsoft.com:ARRAYTEXT_WF"/></xcalcf:calcFeatures></ext></extLst></workbook>
"""#
    static let workbookRels = #"""
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
"""#
    /// cellXfs: 0 常规, 1 title, 2 bordered, 3 date 14 (yyyy/m/d in zh-CN), 4 date 176 (yyyy"年"m"月"d"日"), 5 text "@" (49), 6 0"个工作日" (177).
    static let styles = #"""
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2 xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision">
<numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/><numFmt numFmtId="177" formatCode="0&quot;个工作日&quot;"/></numFmts>
<fonts count="4" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font><font><sz val="9"/><name val="等线"/><family val="3"/><charset val="134"/><scheme val="minor"/></font>
<font><b/><sz val="16"/><color theme="1"/><name val="方正小标宋简体"/><family val="4"/><charset val="134"/></font><font><b/><sz val="11"/><color rgb="FFFF0000"/><name val="等线"/><family val="3"/><charset val="134"/><scheme val="minor"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs>
<cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf><xf numFmtId="14" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>
<xf numFmtId="176" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf><xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>
<xf numFmtId="177" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf></cellXfs>
<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>
<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext><ext uri="{9260A510-F301-46a8-8635-F512D64BE5F5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst></styleSheet>
"""#
    /// 45 references to 37 strings. 5, 7, 12 and 22 are rich text; 20 and 34 carry phonetic runs; 22 and 30 are both 科技创新局.
    static let sharedStrings = #"""
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="45" uniqueCount="37">
<si><t>2026年度科创生态培育计划任务分解表</t><phoneticPr fontId="1" type="noConversion"/></si><si><t>填报单位：测试高新区党政办　　填报日期：2026年6月</t><phoneticPr fontId="1" type="noConversion"/></si>
<si><t>任务编号</t><phoneticPr fontId="1" type="noConversion"/></si><si><t>计划</t><phoneticPr fontId="1" type="noConversion"/></si><si><t>工作要点</t><phoneticPr fontId="1" type="noConversion"/></si>
<si><r><rPr><b/><sz val="11"/><color rgb="FFFF0000"/><rFont val="等线"/><family val="3"/><charset val="134"/><scheme val="minor"/></rPr><t>*</t></r><r><rPr><b/><sz val="11"/><color theme="1"/><rFont val="等线"/><family val="3"/><charset val="134"/><scheme val="minor"/></rPr><t>任务名称</t></r><phoneticPr fontId="1" type="noConversion"/></si>
<si><t>类型</t><phoneticPr fontId="1" type="noConversion"/></si>
<si><r><rPr><b/><sz val="11"/><color rgb="FFFF0000"/><rFont val="等线"/><family val="3"/><charset val="134"/><scheme val="minor"/></rPr><t>*</t></r><r><rPr><b/><sz val="11"/><color theme="1"/><rFont val="等线"/><family val="3"/><charset val="134"/><scheme val="minor"/></rPr><t>责任单位</t></r><phoneticPr fontId="1" type="noConversion"/></si>
<si><t>配合单位</t><phoneticPr fontId="1" type="noConversion"/></si><si><t>分管领导</t><phoneticPr fontId="1" type="noConversion"/></si><si><t>责任人</t><phoneticPr fontId="1" type="noConversion"/></si><si><t>计划开始</t><phoneticPr fontId="1" type="noConversion"/></si>
<si><r><rPr><b/><sz val="11"/><color rgb="FFFF0000"/><rFont val="等线"/><family val="3"/><charset val="134"/><scheme val="minor"/></rPr><t>*</t></r><r><rPr><b/><sz val="11"/><color theme="1"/><rFont val="等线"/><family val="3"/><charset val="134"/><scheme val="minor"/></rPr><t>完成时限</t></r><phoneticPr fontId="1" type="noConversion"/></si>
<si><t>工期（工作日）</t><phoneticPr fontId="1" type="noConversion"/></si><si><t>前置任务</t><phoneticPr fontId="1" type="noConversion"/></si><si><t>成果形式</t><phoneticPr fontId="1" type="noConversion"/></si><si><t>验收标准</t><phoneticPr fontId="1" type="noConversion"/></si><si><t>权重</t><phoneticPr fontId="1" type="noConversion"/></si>
<si><t>科创生态培育计划</t><phoneticPr fontId="1" type="noConversion"/></si><si><t>一、高新技术企业培育</t><phoneticPr fontId="1" type="noConversion"/></si>
<si><t>建立高企后备库</t><rPh sb="0" eb="2"><t>ジャンリー</t></rPh><phoneticPr fontId="1" type="noConversion"/></si><si><t>任务</t><phoneticPr fontId="1" type="noConversion"/></si>
<si><r><rPr><sz val="11"/><color theme="1"/><rFont val="等线"/><family val="3"/><charset val="134"/><scheme val="minor"/></rPr><t>科技</t></r><r><rPr><b/><sz val="11"/><color rgb="FFFF0000"/><rFont val="等线"/><family val="3"/><charset val="134"/><scheme val="minor"/></rPr><t>创新局</t></r><phoneticPr fontId="1" type="noConversion"/></si>
<si><t>经济发展局、创业服务中心</t><phoneticPr fontId="1" type="noConversion"/></si><si><t>张三</t><phoneticPr fontId="1" type="noConversion"/></si><si><t>工作方案</t><phoneticPr fontId="1" type="noConversion"/></si><si><t>方案印发</t><phoneticPr fontId="1" type="noConversion"/></si>
<si><t xml:space="preserve"> 开展高企政策宣讲 </t><phoneticPr fontId="1" type="noConversion"/></si><si><t>经济发展局</t><phoneticPr fontId="1" type="noConversion"/></si><si><t>走访高企服务专员</t><phoneticPr fontId="1" type="noConversion"/></si>
<si><t>科技创新局</t><phoneticPr fontId="1" type="noConversion"/></si><si><t>6月底前</t><phoneticPr fontId="1" type="noConversion"/></si><si><t>已停办的任务</t><phoneticPr fontId="1" type="noConversion"/></si><si><t>专利清零行动</t><phoneticPr fontId="1" type="noConversion"/></si>
<si><t>专利清零入户辅导</t><rPh sb="0" eb="2"><t>ズァンリー</t></rPh><rPh sb="2" eb="4"><t>チンリン</t></rPh><phoneticPr fontId="1" type="noConversion"/></si><si><t>李四</t><phoneticPr fontId="1" type="noConversion"/></si><si><t>创业服务中心</t><phoneticPr fontId="1" type="noConversion"/></si></sst>
"""#
    static let worksheetRoot = #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" "#
    static let sheet1 = worksheetRoot + #"""
xr:uid="{5C0C5B61-7C3A-4F57-9D0A-3B7E0F2A1D11}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:P10"/>
<sheetViews><sheetView tabSelected="1" zoomScale="85" zoomScaleNormal="85" workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="D5" sqref="D5"/></sheetView></sheetViews>
<sheetFormatPr defaultRowHeight="14.25" x14ac:dyDescent="0.2"/><cols><col min="1" max="1" width="9" customWidth="1"/><col min="2" max="3" width="20.625" customWidth="1"/><col min="4" max="4" width="30.625" customWidth="1"/><col min="5" max="16" width="12.625" customWidth="1"/></cols><sheetData>
<row r="1" spans="1:16" ht="30" customHeight="1" x14ac:dyDescent="0.2"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1"/><c r="C1" s="1"/><c r="D1" s="1"/><c r="E1" s="1"/><c r="F1" s="1"/><c r="G1" s="1"/><c r="H1" s="1"/><c r="I1" s="1"/><c r="J1" s="1"/><c r="K1" s="1"/><c r="L1" s="1"/><c r="M1" s="1"/><c r="N1" s="1"/><c r="O1" s="1"/><c r="P1" s="1"/></row>
<row r="2" spans="1:16" ht="20.1" customHeight="1" x14ac:dyDescent="0.2"><c r="A2" t="s"><v>1</v></c></row>
<row r="3" spans="1:16" ht="28.5" customHeight="1" x14ac:dyDescent="0.2"><c r="A3" s="2" t="s"><v>2</v></c><c r="B3" s="2" t="s"><v>3</v></c><c r="C3" s="2" t="s"><v>4</v></c><c r="D3" s="2" t="s"><v>5</v></c><c r="E3" s="2" t="s"><v>6</v></c><c r="F3" s="2" t="s"><v>7</v></c><c r="G3" s="2" t="s"><v>8</v></c><c r="H3" s="2" t="s"><v>9</v></c><c r="I3" s="2" t="s"><v>10</v></c><c r="J3" s="2" t="s"><v>11</v></c><c r="K3" s="2" t="s"><v>12</v></c><c r="L3" s="2" t="s"><v>13</v></c><c r="M3" s="2" t="s"><v>14</v></c><c r="N3" s="2" t="s"><v>15</v></c><c r="O3" s="2" t="s"><v>16</v></c><c r="P3" s="2" t="s"><v>17</v></c></row>
<row r="4" spans="1:16" ht="28.5" customHeight="1" x14ac:dyDescent="0.2"><c r="A4" s="2"/><c r="B4" s="2" t="s"><v>18</v></c><c r="C4" s="2" t="s"><v>19</v></c><c r="D4" s="5" t="s"><v>20</v></c><c r="E4" s="2" t="s"><v>21</v></c><c r="F4" s="2" t="s"><v>22</v></c><c r="G4" s="5" t="s"><v>23</v></c><c r="H4" s="2"/><c r="I4" s="2" t="s"><v>24</v></c><c r="J4" s="3"><v>46083</v></c><c r="K4" s="4"><v>46295</v></c><c r="L4" s="6"/><c r="M4" s="2"/><c r="N4" s="5" t="s"><v>25</v></c><c r="O4" s="5" t="s"><v>26</v></c><c r="P4" s="2"/></row>
<row r="5" spans="1:16" ht="28.5" customHeight="1" x14ac:dyDescent="0.2"><c r="A5" s="2"/><c r="B5" s="2"/><c r="C5" s="2"/><c r="D5" s="5" t="s"><v>27</v></c><c r="E5" s="2" t="s"><v>21</v></c><c r="F5" s="2" t="s"><v>28</v></c><c r="G5" s="5"/><c r="H5" s="2"/><c r="I5" s="2"/><c r="J5" s="3"/><c r="K5" s="3"><v>46203</v></c><c r="L5" s="6"/><c r="M5" s="2"/><c r="N5" s="5"/><c r="O5" s="5"/><c r="P5" s="2"><f>1+1</f><v>2</v></c></row>
<row r="6" spans="1:16" ht="28.5" customHeight="1" x14ac:dyDescent="0.2"><c r="A6" s="2"/><c r="B6" s="2"/><c r="C6" s="2"/><c r="D6" s="5" t="s"><v>29</v></c><c r="E6" s="2" t="s"><v>21</v></c><c r="F6" s="2" t="s"><v>30</v></c><c r="G6" s="5"/><c r="H6" s="2"/><c r="I6" s="2"/><c r="J6" s="3"/><c r="K6" s="5" t="s"><v>31</v></c><c r="L6" s="6"><v>10</v></c><c r="M6" s="2"/><c r="N6" s="5"/><c r="O6" s="5"/><c r="P6" s="2"/></row>
<row r="7" spans="1:16" ht="28.5" hidden="1" customHeight="1" x14ac:dyDescent="0.2"><c r="A7" s="2"/><c r="B7" s="2"/><c r="C7" s="2"/><c r="D7" s="5" t="s"><v>32</v></c><c r="E7" s="2" t="s"><v>21</v></c><c r="F7" s="2" t="s"><v>30</v></c><c r="G7" s="5"/><c r="H7" s="2"/><c r="I7" s="2"/><c r="J7" s="3"/><c r="K7" s="3"><v>46203</v></c><c r="L7" s="6"/><c r="M7" s="2"/><c r="N7" s="5"/><c r="O7" s="5"/><c r="P7" s="2"/></row>
<row r="8" spans="1:16" ht="28.5" customHeight="1" x14ac:dyDescent="0.2"><c r="A8" s="2"/><c r="B8" s="2"/><c r="C8" s="2" t="s"><v>33</v></c><c r="D8" s="5" t="s"><v>34</v></c><c r="E8" s="2" t="s"><v>21</v></c><c r="F8" s="2" t="s"><v>28</v></c><c r="G8" s="5"/><c r="H8" s="2"/><c r="I8" s="2" t="s"><v>35</v></c><c r="J8" s="3"/><c r="K8" s="4"><v>46218</v></c><c r="L8" s="6"/><c r="M8" s="2"/><c r="N8" s="5"/><c r="O8" s="5"/><c r="P8" s="2"/></row>
<row r="9" spans="1:16" ht="28.5" customHeight="1" x14ac:dyDescent="0.2"><c r="A9" s="2"/><c r="B9" s="2"/><c r="C9" s="2"/><c r="D9" s="5"/><c r="E9" s="2"/><c r="F9" s="2"/><c r="G9" s="5"/><c r="H9" s="2"/><c r="I9" s="2"/><c r="J9" s="3"/><c r="K9" s="4"/><c r="L9" s="6"/><c r="M9" s="2"/><c r="N9" s="5"/><c r="O9" s="5"/><c r="P9" s="2"/></row>
<row r="10" spans="1:16" ht="20.1" customHeight="1" x14ac:dyDescent="0.2"/></sheetData>
<autoFilter ref="A3:P10" xr:uid="{8E2B7F0A-31C4-4D59-A6E1-7B0C2D3E4F50}"/><mergeCells count="5"><mergeCell ref="A1:P1"/><mergeCell ref="A2:P2"/><mergeCell ref="B4:B9"/><mergeCell ref="C4:C7"/><mergeCell ref="C8:C9"/></mergeCells><phoneticPr fontId="1" type="noConversion"/>
<dataValidations count="1"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" xr:uid="{3D4E5F60-7182-4394-A5B6-C7D8E9F00112}" sqref="E4:E200"><formula1>"任务,节点"</formula1></dataValidation></dataValidations>
<pageMargins left="0.70866141732283472" right="0.70866141732283472" top="0.74803149606299213" bottom="0.74803149606299213" header="0.31496062992125984" footer="0.31496062992125984"/><pageSetup paperSize="9" scale="62" fitToHeight="0" orientation="landscape"/>
<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" xr:uid="{0A1B2C3D-4E5F-4607-8899-AABBCCDDEEFF}"><x14:formula1><xm:f>单位名单!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>F4:F200</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>
"""#
    static let sheet2 = worksheetRoot + #"""
xr:uid="{9F8E7D6C-5B4A-4392-8170-6F5E4D3C2B1A}"><dimension ref="A1:A3"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="14.25" x14ac:dyDescent="0.2"/><sheetData>
<row r="1" spans="1:1" x14ac:dyDescent="0.2"><c r="A1" t="s"><v>30</v></c></row><row r="2" spans="1:1" x14ac:dyDescent="0.2"><c r="A2" t="s"><v>28</v></c></row><row r="3" spans="1:1" x14ac:dyDescent="0.2"><c r="A3" t="s"><v>36</v></c></row></sheetData>
<phoneticPr fontId="1" type="noConversion"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>
"""#
    static let calcChain = #"<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="P5" i="1" l="1"/></calcChain>"#
    static let core = #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>督查室</dc:creator><cp:lastModifiedBy>督查室</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2026-03-01T01:02:03Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-06-12T08:30:00Z</dcterms:modified></cp:coreProperties>"#
    static let appProperties = #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="2" baseType="lpstr"><vt:lpstr>任务分解表</vt:lpstr><vt:lpstr>单位名单</vt:lpstr></vt:vector></TitlesOfParts><Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>"#

    /// The .xlsx, parts in Excel's order, entries dated 1980-01-01 as Excel dates them.
    static func data() throws -> Data {
        try XLSXWriter.zip([
            ("[Content_Types].xml", part(contentTypes)), ("_rels/.rels", part(rootRels)), ("xl/workbook.xml", part(workbook)),
            ("xl/_rels/workbook.xml.rels", part(workbookRels)), ("xl/worksheets/sheet1.xml", part(sheet1)), ("xl/worksheets/sheet2.xml", part(sheet2)),
            ("xl/styles.xml", part(styles)), ("xl/sharedStrings.xml", part(sharedStrings)), ("xl/calcChain.xml", part(calcChain)),
            ("docProps/core.xml", part(core)), ("docProps/app.xml", part(appProperties)),
        ], modified: Date(timeIntervalSince1970: 315_532_800))
    }
}

@Suite("Excel 365中文版保存的任务分解表：按Excel显示的内容导入")
struct ExcelWrittenSheetTests {
    static let hiddenRowNote = "工作表“任务分解表”中的隐藏行未导入：第7行。"

    /// The fixture, plus 创业服务中心 (the third unit the sheet names); its id.
    static func fixture(_ app: Application) async throws -> (Fixture, Int) {
        let f = try await Fixture.make(app)
        let boot = Actor(userId: 0, username: "fixture", displayName: "fixture", zoneId: f.zoneId, unitId: nil, roles: [.office])
        var ud = UnitDraft(); ud.name = "创业服务中心"
        let centre = try await app.store.createUnit(ud, actor: boot).id
        return (f, centre)
    }

    /// The four tasks rows 4, 5, 6 and 8 describe, and nothing from the hidden row.
    static func expectTheFourTasks(_ tasks: [TaskItem], _ f: Fixture, centre: Int) throws {
        func task(_ title: String) throws -> TaskItem { try #require(tasks.first { $0.title == title }, "no task “\(title)”") }
        let pool = try task("建立高企后备库")   // phonetic run left out
        #expect(pool.workPointId == f.workPointId && pool.kind == .task)
        #expect(pool.ownerUnitId == f.unitA, "rich text 科技|创新局 reads as 科技创新局")
        #expect(pool.coUnitIds.count == 2 && Set(pool.coUnitIds) == [f.unitB, centre])
        #expect(pool.plannedStart == Day(iso: "2026-03-02"), "serial 46083 with built-in format 14")
        #expect(pool.deadline == Day(iso: "2026-09-30"), "serial 46295 with yyyy\"年\"m\"月\"d\"日\";@")
        #expect(pool.responsiblePerson == "张三" && pool.deliverable == "工作方案" && pool.acceptanceStandard == "方案印发" && pool.weight == 1)
        let talk = try task("开展高企政策宣讲")   // xml:space="preserve" spaces trimmed by the importer
        #expect(talk.workPointId == f.workPointId, "merged 工作要点 C4:C7 applies to row 5")
        #expect(talk.ownerUnitId == f.unitB && talk.coUnitIds.isEmpty)
        #expect(talk.deadline == Day(iso: "2026-06-30") && talk.plannedStart == testToday)
        #expect(talk.weight == 2, "the formula's cached value")
        let visit = try task("走访高企服务专员")
        #expect(visit.workPointId == f.workPointId && visit.ownerUnitId == f.unitA)
        #expect(visit.deadline == Day(iso: "2026-06-30"), "text 6月底前")
        #expect(visit.durationDays == 10 && WorkCalendar.official.workdays(from: visit.plannedStart, to: visit.deadline) == 10)
        let patent = try task("专利清零入户辅导")
        #expect(patent.workPointId == f.secondWorkPointId, "merged 工作要点 C8:C9, not C4:C7")
        #expect(patent.ownerUnitId == f.unitB && patent.responsiblePerson == "李四" && patent.deadline == Day(iso: "2026-07-15"))
        #expect(!tasks.contains { $0.title == "已停办的任务" || $0.title.hasPrefix(" ") || $0.title.contains("ジ") })
    }

    @Test("读取：富文本连写、注音不混入、保留空格、两种日期格式与文字日期、公式取缓存值、纵向合并逐行填充、隐藏行不导入并说明、隐藏工作表不读；dryRun不写入", arguments: TestDB.all)
    func reads(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let (f, centre) = try await Self.fixture(app)
            let data = try ExcelWrittenSheet.data()

            let (rows, notes) = try SheetUpload.rows(of: data, filename: "2026年度任务分解表.xlsx", headers: TaskSheetColumn.title.names)
            #expect(rows.map { $0.line } == [1, 2, 3, 4, 5, 6, 8, 9, 10])
            #expect(notes == [Self.hiddenRowNote])
            func at(_ line: Int, _ column: Character) -> String {
                guard let cells = rows.first(where: { $0.line == line })?.cells, let i = Array("ABCDEFGHIJKLMNOP").firstIndex(of: column), i < cells.count else { return "" }
                return cells[i]
            }
            #expect(at(1, "P") == "2026年度科创生态培育计划任务分解表")
            #expect(at(3, "D") == "*任务名称" && at(3, "K") == "*完成时限" && at(3, "L") == "工期（工作日）")
            #expect(at(4, "B") == "科创生态培育计划" && at(4, "C") == "一、高新技术企业培育")
            #expect(at(4, "D") == "建立高企后备库", "phonetic runs (rPh) are not text")
            #expect(at(4, "F") == "科技创新局", "rich text runs join")
            #expect(at(4, "G") == "经济发展局、创业服务中心")
            #expect(at(4, "J") == "2026-03-02", "numFmtId 14 is a date")
            #expect(at(4, "K") == "2026-09-30", "custom numFmt 176 yyyy\"年\"m\"月\"d\"日\";@ is a date")
            #expect(at(5, "B") == "科创生态培育计划" && at(5, "C") == "一、高新技术企业培育", "merged cells fill down")
            #expect(at(5, "D") == " 开展高企政策宣讲 ", "xml:space=\"preserve\" keeps the spaces")
            #expect(at(5, "K") == "2026-06-30" && at(5, "P") == "2")
            #expect(at(6, "C") == "一、高新技术企业培育" && at(6, "K") == "6月底前")
            #expect(at(6, "L") == "10", "0\"个工作日\" is a number format, not a date")
            #expect(at(8, "B") == "科创生态培育计划" && at(8, "C") == "专利清零行动" && at(8, "D") == "专利清零入户辅导")
            #expect(at(8, "K") == "2026-07-15")
            #expect(!rows.flatMap { $0.cells }.contains("已停办的任务"))
            #expect(!rows.flatMap { $0.cells }.contains("创业服务中心"), "the hidden 单位名单 sheet is not the one read")

            let ctx = try await app.store.taskSheetContext(zoneId: f.zoneId, year: 2026, today: testToday, calendar: try await app.calendar(zoneId: f.zoneId))
            do {
                let changes = try TaskSheetImport.changes(rows, ctx)
                #expect(changes.creates.map(\.line) == [4, 5, 6, 8])
                #expect(changes.newPlans.isEmpty && changes.newWorkPoints.isEmpty && changes.leaderChanges.isEmpty)
                #expect(changes.updates.isEmpty && changes.unchanged.isEmpty && changes.notes.isEmpty)
                try Self.expectTheFourTasks(changes.creates.map(\.task), f, centre: centre)
            } catch let e as ImportRejected {
                Issue.record("the sheet was refused: \(e.errors)")
            }

            var api = Browser(app, bearer: f.tokens["office"])
            let before = try await app.store.tasks(zoneId: f.zoneId, TaskFilter(year: 2026)).count
            let dry = try await api.send(.POST, "/api/v1/tasks/import?year=2026&dryRun=true", bytes: ByteBuffer(bytes: Array(data)), contentType: XLSXWriter.contentType)
            #expect(dry.status == .ok, "\(dry.text)")
            let preview = try dry.json()
            let created = try #require(preview["created"] as? [[String: Any]])
            #expect(created.compactMap { $0["line"] as? Int } == [4, 5, 6, 8] && created.allSatisfy { !($0["id"] is Int) })
            #expect(created.compactMap { $0["title"] as? String } == ["建立高企后备库", "开展高企政策宣讲", "走访高企服务专员", "专利清零入户辅导"])
            #expect(created.compactMap { $0["deadline"] as? String } == ["2026-09-30", "2026-06-30", "2026-06-30", "2026-07-15"])
            #expect((preview["newPlans"] as? [Any])?.isEmpty == true && (preview["newWorkPoints"] as? [Any])?.isEmpty == true)
            #expect((preview["updated"] as? [Any])?.isEmpty == true && preview["unchanged"] as? Int == 0)
            #expect(preview["notes"] as? [String] == [Self.hiddenRowNote])
            #expect(try await app.store.tasks(zoneId: f.zoneId, TaskFilter(year: 2026)).count == before)
        }
    }

    @Test("正式导入：201，新建4项任务，字段与表中一致，不新建计划和工作要点；再导一次全部无变化", arguments: TestDB.all)
    func applies(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let (f, centre) = try await Self.fixture(app)
            let data = try ExcelWrittenSheet.data()
            let calendar = try await app.calendar(zoneId: f.zoneId)
            let ctxBefore = try await app.store.taskSheetContext(zoneId: f.zoneId, year: 2026, today: testToday, calendar: calendar)
            var api = Browser(app, bearer: f.tokens["office"])

            let applied = try await api.send(.POST, "/api/v1/tasks/import?year=2026", bytes: ByteBuffer(bytes: Array(data)), contentType: XLSXWriter.contentType)
            #expect(applied.status == .created, "\(applied.text)")
            let created = try #require(try applied.json()["created"] as? [[String: Any]])
            let ids = created.compactMap { $0["id"] as? Int }
            #expect(ids.count == 4)

            let tasks = try await app.store.tasks(zoneId: f.zoneId, TaskFilter(year: 2026))
            #expect(tasks.count == ctxBefore.tasks.count + 4)
            let made = tasks.filter { ids.contains($0.id) }
            #expect(made.count == 4 && made.allSatisfy { $0.planId == f.planId })
            try Self.expectTheFourTasks(made, f, centre: centre)

            let ctxAfter = try await app.store.taskSheetContext(zoneId: f.zoneId, year: 2026, today: testToday, calendar: calendar)
            #expect(ctxAfter.plans.count == ctxBefore.plans.count && ctxAfter.workPoints.count == ctxBefore.workPoints.count)
            #expect(ctxAfter.units.count == ctxBefore.units.count)

            // The same file again: every row matches the task it made (by 工作要点 and the trimmed 任务名称).
            let again = try await api.send(.POST, "/api/v1/tasks/import?year=2026&dryRun=true", bytes: ByteBuffer(bytes: Array(data)), contentType: XLSXWriter.contentType)
            #expect(again.status == .ok, "\(again.text)")
            let second = try again.json()
            #expect((second["created"] as? [Any])?.isEmpty == true && (second["updated"] as? [Any])?.isEmpty == true)
            #expect(second["unchanged"] as? Int == 4)
        }
    }
}
