/// xl/styles.xml and the indices of its cell formats (`s="…"` on a cell).
enum CellStyle: Int {
    case normal = 0
    /// Bold, light fill, thin borders, centred.
    case header = 1
    /// 14 pt bold, centred over the merged title row.
    case title = 2
    /// 0.0%
    case percent = 3
    /// yyyy-mm-dd
    case date = 4
    /// Text with line breaks: wrapped, so every line shows (readers grow the row to fit).
    case wrapped = 5
    /// The title, left-aligned: for sheets wider than a screen, where a centred title would sit
    /// out of view.
    case titleLeft = 6
}

enum StylesPart {
    static let percentFormatID = 164
    static let dateFormatID = 165
    static let percentFormat = "0.0%"
    static let dateFormat = "yyyy-mm-dd"
    static let headerFill = "FFD9E1F2"   // light blue-grey

    static func xml(fontName: String) -> String {
        let font = XMLText.escape(fontName)
        return XMLPart.declaration + """
        <styleSheet xmlns="\(XMLPart.mainNamespace)">\
        <numFmts count="2">\
        <numFmt numFmtId="\(percentFormatID)" formatCode="\(percentFormat)"/>\
        <numFmt numFmtId="\(dateFormatID)" formatCode="\(dateFormat)"/>\
        </numFmts>\
        <fonts count="3">\
        <font><sz val="11"/><name val="\(font)"/><family val="2"/></font>\
        <font><b/><sz val="11"/><name val="\(font)"/><family val="2"/></font>\
        <font><b/><sz val="14"/><name val="\(font)"/><family val="2"/></font>\
        </fonts>\
        <fills count="3">\
        <fill><patternFill patternType="none"/></fill>\
        <fill><patternFill patternType="gray125"/></fill>\
        <fill><patternFill patternType="solid"><fgColor rgb="\(headerFill)"/><bgColor indexed="64"/></patternFill></fill>\
        </fills>\
        <borders count="2">\
        <border><left/><right/><top/><bottom/><diagonal/></border>\
        <border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>\
        <top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>\
        </borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="7">\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">\
        <alignment horizontal="center" vertical="center"/></xf>\
        <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">\
        <alignment horizontal="center" vertical="center"/></xf>\
        <xf numFmtId="\(percentFormatID)" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="\(dateFormatID)" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1"/></xf>\
        <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">\
        <alignment horizontal="left" vertical="center"/></xf>\
        </cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        <dxfs count="0"/>\
        <tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/>\
        </styleSheet>
        """
    }
}
