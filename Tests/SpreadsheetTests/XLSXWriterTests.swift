import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import ZIPFoundation
@testable import Spreadsheet

/// Writes workbooks, unzips them with ZIPFoundation and checks the XML parts.
/// (An end-to-end read-back with openpyxl is `python3 scripts/check-xlsx.py FILE`.)
final class XLSXWriterTests: XCTestCase {

    // MARK: helpers

    /// Every part of the package, path → UTF-8 text; fails on a bad CRC (ZIPFoundation checks it).
    private func unzip(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read, pathEncoding: nil)
        var parts: [String: String] = [:]
        for entry in archive {
            XCTAssertEqual(entry.type, .file, entry.path)
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return parts
    }

    /// Whether `xml` is well-formed, per Foundation's XML parser. (`XMLParser.parse()` alone
    /// returns true for malformed XML on Linux; `XMLEvents` also listens for the parse error.)
    private func isWellFormed(_ xml: String) -> Bool {
        (try? XMLEvents.parse(Data(xml.utf8), path: "", start: { _, _ in }, end: { _, _ in })) != nil
    }

    func testWellFormedCheckCanFail() {
        XCTAssertTrue(isWellFormed("<a><b/></a>"))
        XCTAssertFalse(isWellFormed("<a><b></a>"))
        XCTAssertFalse(isWellFormed("<a>"))
    }

    /// A 30-column monthly bulletin with a title, plus a small second sheet.
    private func bulletin() -> Workbook {
        var columns = [Column("部门", width: 20), Column("完成率", width: 10), Column("截止日期", width: 12),
                       Column("备注 <&>\"", width: 30)]
        while columns.count < 30 { columns.append(Column("指标\(columns.count + 1)", width: 8)) }
        var rows: [[Cell]] = [
            [.text("信息中心"), .percent(0.5), .date("2026-11-26"), .text("a<b & c>d \"q\""), .integer(42), .number(3.25)],
            [.text("办公室"), .percent(0.125), .date("2026-01-01"), .empty, .integer(-7), .number(1e-5)],
        ]
        rows[0] += (6..<30).map { .integer($0) }   // fill out to column AD
        let bulletin = Sheet(name: "11月月报", columns: columns, rows: rows, title: "2026年11月 工作月报", landscape: true)
        let summary = Sheet(name: "汇总", columns: [Column("项目"), Column("数量")], rows: [["合计", 2]])
        return Workbook(sheets: [bulletin, summary], created: Date(timeIntervalSince1970: 1_795_000_000))
    }

    // MARK: package

    func testPackageHasAllPartsAndEveryPartIsWellFormedXML() throws {
        let parts = try unzip(try XLSXWriter.data(bulletin()))
        let expected = ["[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml",
                        "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                        "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/sharedStrings.xml"]
        XCTAssertEqual(Set(parts.keys), Set(expected))
        for (path, xml) in parts {
            XCTAssertTrue(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"), path)
            XCTAssertTrue(isWellFormed(xml), "\(path) is not well-formed XML")
        }
        let types = try XCTUnwrap(parts["[Content_Types].xml"])
        XCTAssertTrue(types.contains("<Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"))
        let rels = try XCTUnwrap(parts["xl/_rels/workbook.xml.rels"])
        XCTAssertTrue(rels.contains("Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet2.xml\""))
        XCTAssertTrue(rels.contains("Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\""))
        let workbook = try XCTUnwrap(parts["xl/workbook.xml"])
        XCTAssertTrue(workbook.contains("<sheet name=\"11月月报\" sheetId=\"1\" r:id=\"rId1\"/>"))
        XCTAssertTrue(workbook.contains("<sheet name=\"汇总\" sheetId=\"2\" r:id=\"rId2\"/>"))
    }

    func testEntriesAreDeflatedAndContentTypesComeFirst() throws {
        let data = try XLSXWriter.data(bulletin())
        let archive = try Archive(data: data, accessMode: .read, pathEncoding: nil)
        let entries = Array(archive)
        XCTAssertEqual(entries.first?.path, "[Content_Types].xml")
        for entry in entries {
            XCTAssertLessThan(entry.compressedSize, entry.uncompressedSize + 64, entry.path)
        }
        let sheet1 = try XCTUnwrap(archive["xl/worksheets/sheet1.xml"])
        XCTAssertLessThan(sheet1.compressedSize, sheet1.uncompressedSize, "sheet XML should be deflated")
    }

    func testSameWorkbookWithFixedDateGivesSameBytes() throws {
        XCTAssertEqual(try XLSXWriter.data(bulletin()), try XLSXWriter.data(bulletin()))
    }

    // MARK: shared strings and escaping

    func testSharedStringsHoldTheChineseTextOnce() throws {
        var wb = bulletin()
        wb.sheets[1].rows.append(["信息中心", 3])   // same string as on sheet 1
        let sst = try XCTUnwrap(try unzip(try XLSXWriter.data(wb))["xl/sharedStrings.xml"])
        XCTAssertTrue(sst.contains("<t xml:space=\"preserve\">2026年11月 工作月报</t>"))
        XCTAssertTrue(sst.contains("<t xml:space=\"preserve\">信息中心</t>"))
        XCTAssertTrue(sst.contains("<t xml:space=\"preserve\">部门</t>"))
        XCTAssertEqual(sst.components(separatedBy: ">信息中心<").count - 1, 1, "a repeated string is stored once")
        // uniqueCount < count because of the repeat
        let unique = try XCTUnwrap(sst.firstMatch(#"uniqueCount="(\d+)""#).flatMap { Int($0) })
        let count = try XCTUnwrap(sst.firstMatch(#" count="(\d+)""#).flatMap { Int($0) })
        XCTAssertLessThan(unique, count)
    }

    func testXMLSpecialCharactersAreEscapedAndControlCharactersDropped() throws {
        let sheet = Sheet(name: "s", columns: [Column("<&>\"")],
                          rows: [["a<b & c>d \"q\" 'x'"], ["bell\u{07}null\u{00}vt\u{0B}end"], ["tab\tnew\nline"],
                                 ["_x0041_ stays literal"], ["crlf\r\nkept"], ["=HYPERLINK(\"x\")"]])
        let parts = try unzip(try XLSXWriter.data(Workbook(sheets: [sheet])))
        let sst = try XCTUnwrap(parts["xl/sharedStrings.xml"])
        XCTAssertTrue(isWellFormed(sst))
        XCTAssertTrue(sst.contains(">&lt;&amp;&gt;&quot;<"), sst)
        XCTAssertTrue(sst.contains(">a&lt;b &amp; c&gt;d &quot;q&quot; &apos;x&apos;<"), sst)
        XCTAssertTrue(sst.contains(">bellnullvtend<"), "control characters are dropped")
        XCTAssertTrue(sst.contains(">tab\tnew\nline<"), "tab and newline are kept")
        XCTAssertTrue(sst.contains(">_x005F_x0041_ stays literal<"), "a literal _xHHHH_ is protected")
        XCTAssertTrue(sst.contains(">crlf&#13;\nkept<"), "a carriage return survives XML normalisation")
        XCTAssertFalse(sst.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" && $0 != "\n" })
        // multi-line text gets the wrapping style
        let xml = try XCTUnwrap(parts["xl/worksheets/sheet1.xml"])
        XCTAssertTrue(xml.contains("<c r=\"A4\" s=\"\(CellStyle.wrapped.rawValue)\" t=\"s\">"), xml)
        XCTAssertTrue(xml.contains("<c r=\"A6\" s=\"\(CellStyle.wrapped.rawValue)\" t=\"s\">"), xml)
        XCTAssertNotNil(xml.range(of: #"<c r="A5" t="s">"#), "single-line text has no style")
        // text that looks like a formula stays text: a shared string, never an <f> element
        XCTAssertTrue(sst.contains(">=HYPERLINK(&quot;x&quot;)<"))
        XCTAssertFalse(xml.contains("<f>"))
        XCTAssertNotNil(xml.range(of: #"<c r="A7" t="s">"#))
        // rows with line breaks are made tall enough for them (15 pt a line)
        XCTAssertTrue(xml.contains("<row r=\"4\" ht=\"30\">"), xml)
        XCTAssertTrue(xml.contains("<row r=\"6\" ht=\"30\">"), "\\r\\n is one line break")
        XCTAssertTrue(xml.contains("<row r=\"5\">"))
    }

    func testSheetNamesAreEscapedInWorkbookXML() throws {
        let wb = Workbook(sheets: [Sheet(name: "R&D <1>", columns: [Column("a")], rows: [])])
        let workbook = try XCTUnwrap(try unzip(try XLSXWriter.data(wb))["xl/workbook.xml"])
        XCTAssertTrue(workbook.contains("<sheet name=\"R&amp;D &lt;1&gt;\""), workbook)
        XCTAssertTrue(isWellFormed(workbook))
    }

    // MARK: the sheet

    func testCellReferencesAndNumbersStoredAsNumbers() throws {
        let xml = try XCTUnwrap(try unzip(try XLSXWriter.data(bulletin()))["xl/worksheets/sheet1.xml"])
        // title row 1, header row 2, data from row 3; column 30 is AD
        XCTAssertTrue(xml.contains("<dimension ref=\"A1:AD4\"/>"), xml)
        XCTAssertTrue(xml.contains("<c r=\"AD2\" s=\"\(CellStyle.header.rawValue)\" t=\"s\">"), "header of column 30")
        XCTAssertTrue(xml.contains("<c r=\"Z3\"><v>25</v></c>"))
        XCTAssertTrue(xml.contains("<c r=\"AA3\"><v>26</v></c>"))
        XCTAssertTrue(xml.contains("<c r=\"AD3\"><v>29</v></c>"))
        // integers and numbers: a plain <v>, no t="s"
        XCTAssertTrue(xml.contains("<c r=\"E3\"><v>42</v></c>"))
        XCTAssertTrue(xml.contains("<c r=\"F3\"><v>3.25</v></c>"))
        XCTAssertTrue(xml.contains("<c r=\"E4\"><v>-7</v></c>"))
        XCTAssertTrue(xml.contains("<c r=\"F4\"><v>1E-05</v></c>"))
        // percent: the fraction, with the 0.0% style
        XCTAssertTrue(xml.contains("<c r=\"B3\" s=\"\(CellStyle.percent.rawValue)\"><v>0.5</v></c>"))
        XCTAssertTrue(xml.contains("<c r=\"B4\" s=\"\(CellStyle.percent.rawValue)\"><v>0.125</v></c>"))
        // date: the Excel serial (2026-11-26 = 46352) with the yyyy-mm-dd style
        XCTAssertTrue(xml.contains("<c r=\"C3\" s=\"\(CellStyle.date.rawValue)\"><v>46352</v></c>"))
        XCTAssertTrue(xml.contains("<c r=\"C4\" s=\"\(CellStyle.date.rawValue)\"><v>46023</v></c>"))
        // empty cells are not written
        XCTAssertFalse(xml.contains("r=\"D4\""))
        // text cells refer to the shared strings
        XCTAssertNotNil(xml.range(of: #"<c r="A3" t="s"><v>\d+</v></c>"#, options: .regularExpression))
    }

    func testFrozenPaneCountsTheTitleRow() throws {
        let parts = try unzip(try XLSXWriter.data(bulletin()))
        let withTitle = try XCTUnwrap(parts["xl/worksheets/sheet1.xml"])
        XCTAssertTrue(withTitle.contains("<pane ySplit=\"2\" topLeftCell=\"A3\" activePane=\"bottomLeft\" state=\"frozen\"/>"), withTitle)
        XCTAssertTrue(withTitle.contains("<sheetView workbookViewId=\"0\" tabSelected=\"1\">"))
        let noTitle = try XCTUnwrap(parts["xl/worksheets/sheet2.xml"])
        XCTAssertTrue(noTitle.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"), noTitle)
        XCTAssertFalse(noTitle.contains("tabSelected"))

        var unfrozen = bulletin()
        unfrozen.sheets[0].frozenHeaderRows = 0
        let xml = try XCTUnwrap(try unzip(try XLSXWriter.data(unfrozen))["xl/worksheets/sheet1.xml"])
        XCTAssertFalse(xml.contains("<pane"))
    }

    func testColumnsMergedTitleAutoFilterAndPrintSetup() throws {
        let parts = try unzip(try XLSXWriter.data(bulletin()))
        let xml = try XCTUnwrap(parts["xl/worksheets/sheet1.xml"])
        XCTAssertTrue(xml.contains("<col min=\"1\" max=\"1\" width=\"20\" customWidth=\"1\"/>"))
        XCTAssertTrue(xml.contains("<col min=\"30\" max=\"30\" width=\"8\" customWidth=\"1\"/>"))
        XCTAssertTrue(xml.contains("<mergeCells count=\"1\"><mergeCell ref=\"A1:AD1\"/></mergeCells>"))
        XCTAssertTrue(xml.contains("<c r=\"A1\" s=\"\(CellStyle.titleLeft.rawValue)\" t=\"s\">"), "30 wide columns: title left-aligned")
        XCTAssertTrue(xml.contains("<row r=\"1\" ht=\"24\" customHeight=\"1\">"))
        XCTAssertTrue(xml.contains("<autoFilter ref=\"A2:AD4\"/>"))
        XCTAssertTrue(xml.contains("<pageSetUpPr fitToPage=\"1\"/>"))
        XCTAssertTrue(xml.contains("<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"))
        // schema order: sheetData, autoFilter, mergeCells, printOptions, pageMargins, pageSetup
        let order = ["<sheetPr>", "<dimension", "<sheetViews>", "<cols>", "<sheetData>", "<autoFilter", "<mergeCells",
                     "<printOptions", "<pageMargins", "<pageSetup"].map { xml.range(of: $0)!.lowerBound }
        XCTAssertEqual(order, order.sorted())

        let summary = try XCTUnwrap(parts["xl/worksheets/sheet2.xml"])
        XCTAssertTrue(summary.contains("<autoFilter ref=\"A1:B2\"/>"))
        XCTAssertFalse(summary.contains("<mergeCells"))
        XCTAssertTrue(summary.contains("orientation=\"portrait\""))

        let workbook = try XCTUnwrap(parts["xl/workbook.xml"])
        XCTAssertTrue(workbook.contains("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">&apos;11月月报&apos;!$A$2:$AD$4</definedName>"), workbook)
        XCTAssertTrue(workbook.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">&apos;11月月报&apos;!$1:$2</definedName>"), workbook)
    }

    func testNarrowSheetCentresItsTitle() throws {
        let sheet = Sheet(name: "s", columns: [Column("a", width: 10), Column("b", width: 10)], rows: [], title: "标题")
        let xml = try XCTUnwrap(try unzip(try XLSXWriter.data(Workbook(sheets: [sheet])))["xl/worksheets/sheet1.xml"])
        XCTAssertTrue(xml.contains("<c r=\"A1\" s=\"\(CellStyle.title.rawValue)\" t=\"s\">"))
        XCTAssertTrue(xml.contains("<mergeCell ref=\"A1:B1\"/>"))
    }

    func testStylesDefineFontsFillBordersAndNumberFormats() throws {
        let styles = try XCTUnwrap(try unzip(try XLSXWriter.data(bulletin()))["xl/styles.xml"])
        XCTAssertTrue(styles.contains("<numFmt numFmtId=\"164\" formatCode=\"0.0%\"/>"))
        XCTAssertTrue(styles.contains("<numFmt numFmtId=\"165\" formatCode=\"yyyy-mm-dd\"/>"))
        XCTAssertTrue(styles.contains("<font><sz val=\"11\"/><name val=\"等线\"/>"))
        XCTAssertTrue(styles.contains("<font><b/><sz val=\"14\"/>"))
        XCTAssertTrue(styles.contains("<left style=\"thin\">"))
        XCTAssertTrue(styles.contains("patternType=\"solid\""))
        XCTAssertTrue(styles.contains("<cellXfs count=\"7\">"))
        XCTAssertEqual(styles.components(separatedBy: "<xf ").count - 1, 1 + 7, "one cellStyleXf + seven cellXfs")
    }

    // MARK: building blocks

    func testColumnLetters() {
        let cases = [(1, "A"), (26, "Z"), (27, "AA"), (30, "AD"), (52, "AZ"), (53, "BA"), (702, "ZZ"),
                     (703, "AAA"), (16_384, "XFD")]
        for (n, letters) in cases { XCTAssertEqual(CellReference.columnLetters(n), letters, "column \(n)") }
        XCTAssertEqual(CellReference.cell(column: 30, row: 1), "AD1")
        XCTAssertEqual(CellReference.range(fromColumn: 1, row: 1, toColumn: 1, row: 1), "A1")
    }

    func testExcelDateSerials() {
        XCTAssertEqual(ExcelDate.serial(iso: "1900-03-01"), 61)
        XCTAssertEqual(ExcelDate.serial(iso: "1970-01-01"), 25_569)
        XCTAssertEqual(ExcelDate.serial(iso: "2024-02-29"), 45_351)
        XCTAssertEqual(ExcelDate.serial(iso: "2026-11-26"), 46_352)
        XCTAssertEqual(ExcelDate.serial(iso: "9999-12-31"), 2_958_465)
        for bad in ["2026-02-29", "2026-13-01", "2026-11-31", "2026-1-01", "26-11-26", "2026/11/26", "1900-02-28",
                    "2026-11-26T00:00:00", "", "２０２６-11-26"] {
            XCTAssertNil(ExcelDate.serial(iso: bad), bad)
        }
    }

    func testSheetNamesAreSanitizedTruncatedAndUnique() throws {
        let names = SheetName.uniqueNames(["月报[1]:*?/\\", String(repeating: "很长的名字", count: 10), "Sheet", "sheet",
                                           "'quoted'", "", "History"])
        XCTAssertEqual(names[0], "月报_1______")
        XCTAssertEqual(names[1].utf16.count, 31)
        XCTAssertEqual(names[2], "Sheet")
        XCTAssertEqual(names[3], "sheet (2)", "names are unique ignoring case")
        XCTAssertEqual(names[4], "quoted")
        XCTAssertEqual(names[5], "Sheet6")
        XCTAssertEqual(names[6], "Sheet7")
        for name in names {
            XCTAssertLessThanOrEqual(name.utf16.count, 31)
            XCTAssertFalse(name.contains { SheetName.forbidden.contains($0) })
        }
        // the same long name twice: the second gets a suffix and still fits
        let twice = SheetName.uniqueNames([String(repeating: "长", count: 40), String(repeating: "长", count: 40)])
        XCTAssertEqual(twice[1], String(repeating: "长", count: 27) + " (2)")
        // and the written workbook uses the sanitized names
        let wb = Workbook(sheets: [Sheet(name: "a/b", columns: [], rows: []), Sheet(name: "A/B", columns: [], rows: [])])
        let workbook = try XCTUnwrap(try unzip(try XLSXWriter.data(wb))["xl/workbook.xml"])
        XCTAssertTrue(workbook.contains("name=\"a_b\""))
        XCTAssertTrue(workbook.contains("name=\"A_B (2)\""))
    }

    func testAutoWidthCountsChineseAsTwoAndIsCapped() {
        XCTAssertEqual(Column.displayWidth("abc"), 3)
        XCTAssertEqual(Column.displayWidth("信息中心"), 8)
        XCTAssertEqual(Column.displayWidth("（A）"), 5)
        XCTAssertEqual(Column.displayWidth("第一行\n第二行很长"), 10, "the widest line")
        let chinese = Column.auto(header: "部门", values: [.text("信息中心（数据管理）")])   // 20 units
        let latin = Column.auto(header: "部门", values: [.text("abcdefghij")])            // 10 units
        XCTAssertEqual(chinese.header, "部门")
        XCTAssertEqual(chinese.width, 22)
        XCTAssertEqual(latin.width, 12)
        XCTAssertEqual(Column.auto(header: "x", values: [.text(String(repeating: "长", count: 100))]).width, Column.maxAutoWidth)
        XCTAssertEqual(Column.auto(header: "x", values: []).width, Column.minAutoWidth)
        XCTAssertEqual(Column.auto(header: "d", values: [.date("2026-11-26")]).width, 12)
        // a long header wins over short values (bold + filter button)
        XCTAssertGreaterThan(Column.auto(header: "一个很长的表头文字", values: [1]).width, 18)
    }

    // MARK: errors

    func testValuesExcelCannotHoldAreErrorsNamingTheCell() {
        func error(_ cells: [Cell]) -> XLSXError? {
            let sheet = Sheet(name: "月报", columns: [Column("a"), Column("b")], rows: [cells], title: "t")
            do { _ = try XLSXWriter.data(Workbook(sheets: [sheet])); return nil } catch { return error as? XLSXError }
        }
        XCTAssertEqual(error([.empty, .date("2026-02-30")]), .invalidDate(sheet: "月报", cell: "B3", value: "2026-02-30"))
        XCTAssertEqual(error([.number(.nan)]), .nonFiniteNumber(sheet: "月报", cell: "A3"))
        XCTAssertEqual(error([.percent(.infinity)]), .nonFiniteNumber(sheet: "月报", cell: "A3"))
        XCTAssertEqual(error([.text(String(repeating: "x", count: 32_768))]),
                       .textTooLong(sheet: "月报", cell: "A3", length: 32_768))
        XCTAssertNil(error([.text(String(repeating: "x", count: 32_767))]))
        XCTAssertThrowsError(try XLSXWriter.data(Workbook(sheets: []))) { XCTAssertEqual($0 as? XLSXError, .noSheets) }
        XCTAssertTrue("\(XLSXError.invalidDate(sheet: "s", cell: "B3", value: "x"))".contains("s!B3"))
    }

    func testEmptySheetIsStillValid() throws {
        let parts = try unzip(try XLSXWriter.data(Workbook(sheets: [Sheet(name: "空", columns: [], rows: [])])))
        let xml = try XCTUnwrap(parts["xl/worksheets/sheet1.xml"])
        XCTAssertTrue(xml.contains("<dimension ref=\"A1\"/>"))
        XCTAssertTrue(xml.contains("<sheetData></sheetData>"))
        XCTAssertFalse(xml.contains("<autoFilter"))
        XCTAssertTrue(isWellFormed(try XCTUnwrap(parts["xl/sharedStrings.xml"])))
    }
}

private extension String {
    /// The first capture group of `pattern`, if it matches.
    func firstMatch(_ pattern: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: self, range: NSRange(startIndex..., in: self)),
              match.numberOfRanges > 1, let range = Range(match.range(at: 1), in: self) else { return nil }
        return String(self[range])
    }
}
