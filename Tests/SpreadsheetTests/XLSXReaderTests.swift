import Foundation
import XCTest
import ZIPFoundation
@testable import Spreadsheet

/// Reads workbooks written by `XLSXWriter`, by LibreOffice (the fixture), and small packages
/// written by hand for the cases neither produces; and refuses broken or hostile files.
final class XLSXReaderTests: XCTestCase {

    // MARK: helpers

    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A minimal package: one sheet "s" with `sheetData` (and whatever follows it in `tail`),
    /// optional styles and shared strings, no _rels/.rels (readers fall back to xl/workbook.xml).
    private func package(sheetData: String, tail: String = "", styles: String? = nil, strings: [String]? = nil,
                         date1904: Bool = false, extraParts: [(path: String, xml: String)] = []) throws -> Data {
        var rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        rels += "<Relationship Id=\"rId1\" Type=\"\(Self.rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        var parts: [(path: String, xml: String)] = [
            ("xl/workbook.xml", "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.rel)\">"
                + (date1904 ? "<workbookPr date1904=\"1\"/>" : "")
                + "<sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"\(Self.main)\"><sheetData>\(sheetData)</sheetData>\(tail)</worksheet>"),
        ]
        if let styles {
            rels += "<Relationship Id=\"rId2\" Type=\"\(Self.rel)/styles\" Target=\"styles.xml\"/>"
            parts.append(("xl/styles.xml", "<styleSheet xmlns=\"\(Self.main)\">\(styles)</styleSheet>"))
        }
        if let strings {
            rels += "<Relationship Id=\"rId3\" Type=\"\(Self.rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            parts.append(("xl/sharedStrings.xml", "<sst xmlns=\"\(Self.main)\">"
                + strings.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>"))
        }
        parts.append(("xl/_rels/workbook.xml.rels", rels + "</Relationships>"))
        return try XLSXWriter.zip(parts + extraParts, modified: Date(timeIntervalSince1970: 0))
    }

    /// The one sheet of a hand-made package.
    private func readOne(_ data: Data) throws -> ReadSheet {
        let sheets = try XLSXReader.read(data)
        XCTAssertEqual(sheets.count, 1)
        return try XCTUnwrap(sheets.first)
    }

    private func readError(_ data: Data, limits: XLSXReader.Limits = .init()) -> XLSXReadError? {
        do { _ = try XLSXReader.read(data, limits: limits); return nil } catch { return error as? XLSXReadError }
    }

    /// What the reader should give back for a cell the writer wrote.
    private func expected(_ cell: Cell) -> ReadCell? {
        switch cell {
        case .text(let s): return s.isEmpty ? nil : .text(XMLText.cleaned(s))
        case .number(let d), .percent(let d): return .number(d)
        case .integer(let i): return .number(Double(i))
        case .date(let iso): return .date(iso)
        case .empty: return nil
        }
    }

    /// A file of Fixtures/, found next to this source file (so the test also runs where the
    /// manifest does not declare Fixtures as a resource).
    private func fixture(_ name: String) throws -> Data {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name + ".xlsx")
        return try Data(contentsOf: url)
    }

    // MARK: round trip with XLSXWriter

    func testWhatTheWriterWritesReadsBackEqual() throws {
        let rows: [[Cell]] = [
            [.text("信息中心"), .number(3.25), .integer(42), .percent(0.5), .date("2026-11-26")],
            [.text("第一行\n第二行"), .number(-1e-5), .integer(-7), .percent(0.125), .date("1900-03-01")],
            [.text("crlf\r\nkept"), .number(1234567.891), .integer(0), .percent(1), .date("9999-12-31")],
            [.text("_x0041_ stays literal"), .empty, .integer(999_999_999_999_999), .empty, .date("2024-02-29")],
            [.text("a<b & \"q\" 'x'"), .text("  padded  "), .text("=SUM(A1)"), .text("bell\u{07}dropped")],
        ]
        let plan = Sheet(name: "11月月报", columns: [Column("部门"), Column("数值"), Column("整数"), Column("完成率"), Column("截止日期")],
                         rows: rows, title: "2026年11月 工作月报")
        let summary = Sheet(name: "汇总/2", columns: [Column("项目"), Column("数量")], rows: [["合计", 2]])
        let sheets = try XLSXReader.read(try XLSXWriter.data(Workbook(sheets: [plan, summary])))

        XCTAssertEqual(sheets.map(\.name), ["11月月报", "汇总_2"], "the sanitized names, in tab order")
        let read = sheets[0]
        // title row 1, merged over the five columns; header row 2; data from row 3
        XCTAssertEqual(read.value(row: 1, col: 1), .text("2026年11月 工作月报"))
        XCTAssertEqual(read.merges, [CellRange(fromColumn: 1, fromRow: 1, toColumn: 5, toRow: 1)])
        XCTAssertEqual(read.merges.first?.description, "A1:E1")
        XCTAssertEqual((1...5).map { read.value(row: 2, col: $0) }, ["部门", "数值", "整数", "完成率", "截止日期"].map { .text($0) })
        for (r, cells) in rows.enumerated() {
            for (c, cell) in cells.enumerated() {
                XCTAssertEqual(read.value(row: r + 3, col: c + 1), expected(cell), "\(CellReference.cell(column: c + 1, row: r + 3))")
            }
        }
        // nothing more than was written
        XCTAssertEqual(read.rows.map(\.number), Array(1...7))
        XCTAssertEqual(read.rows.reduce(0) { $0 + $1.cells.count }, 1 + 5 + rows.joined().filter { $0 != .empty }.count)
        XCTAssertFalse(read.rows.contains { $0.hidden })
        XCTAssertNil(read.value(row: 6, col: 2))
        XCTAssertNil(read.value(row: 8, col: 1))
        XCTAssertEqual(read.value(row: 6, col: 3)?.text, "999999999999999")
        XCTAssertEqual(read.value(row: 4, col: 2)?.text, "-1E-05")

        XCTAssertEqual(sheets[1].value(row: 2, col: 1), .text("合计"))
        XCTAssertEqual(sheets[1].value(row: 2, col: 2), .number(2))
        XCTAssertEqual(sheets[1].merges, [])
    }

    // MARK: a workbook LibreOffice wrote

    /// Fixtures/libreoffice-plan.xlsx is libreoffice-plan.fods converted by LibreOffice 7.4
    /// (`soffice --headless --convert-to xlsx libreoffice-plan.fods`): shared strings, one of
    /// them rich text, a plan merged down A2:A4, row 3 hidden, formulas with cached number,
    /// error, boolean and text results, dates in yyyy\-mm\-dd and percentages in 0.0%.
    func testLibreOfficeWorkbook() throws {
        let sheets = try XLSXReader.read(try fixture("libreoffice-plan"))
        XCTAssertEqual(sheets.map(\.name), ["计划表", "Sheet2"])
        let plan = sheets[0]
        XCTAssertEqual((1...6).map { plan.value(row: 1, col: $0)?.text }, ["计划", "工作点", "截止日期", "进度", "说明", "合计"])
        XCTAssertEqual(plan.value(row: 2, col: 1), .text("优化营商环境"))
        XCTAssertNil(plan.value(row: 3, col: 1), "a merged cell other than the top-left is empty in the file")
        XCTAssertEqual(plan.merges, [CellRange(fromColumn: 1, fromRow: 2, toColumn: 1, toRow: 4)])
        XCTAssertEqual(plan.rows.map(\.hidden), [false, false, true, false])
        XCTAssertEqual(plan.row(3)?.hidden, true)
        // dates and percentages
        XCTAssertEqual(plan.value(row: 2, col: 3), .date("2026-11-26"))
        XCTAssertEqual(plan.value(row: 3, col: 3), .date("2024-02-29"))
        XCTAssertEqual(plan.value(row: 4, col: 3), .date("2027-01-15"))
        XCTAssertEqual((2...4).map { plan.value(row: $0, col: 4) }, [.number(0.5), .number(0.125), .number(0.75)])
        // rich text: the runs joined
        XCTAssertEqual(plan.value(row: 2, col: 5), .text("普通加粗结尾"))
        // formulas: their cached results
        XCTAssertEqual(plan.value(row: 2, col: 6), .number(137.5))
        XCTAssertEqual(plan.value(row: 3, col: 5), .error("#DIV/0!"))
        XCTAssertEqual(plan.value(row: 3, col: 6), .bool(true))
        XCTAssertEqual(plan.value(row: 3, col: 6)?.text, "TRUE")
        XCTAssertEqual(plan.value(row: 4, col: 5), .text("企业开办（重点）"))
        XCTAssertEqual(plan.value(row: 4, col: 6), .number(1234567.89))
        XCTAssertEqual(plan.value(row: 4, col: 6)?.text, "1234567.89")

        let other = sheets[1]
        XCTAssertEqual(other.value(row: 1, col: 1), .number(42))
        XCTAssertEqual(other.value(row: 1, col: 1)?.text, "42")
        XCTAssertEqual(other.value(row: 1, col: 2), .text("横向合并"))
        XCTAssertEqual(other.merges.map(\.description), ["B1:C1"])
    }

    func testFilledMergesCopiesTheTopLeftValueOverTheRange() throws {
        let sheets = try XLSXReader.read(try fixture("libreoffice-plan"))
        let plan = sheets[0].filledMerges()
        XCTAssertEqual((2...4).map { plan.value(row: $0, col: 1) }, Array(repeating: .text("优化营商环境"), count: 3))
        XCTAssertEqual(plan.value(row: 1, col: 1), .text("计划"), "outside the range nothing changes")
        XCTAssertEqual(plan.value(row: 3, col: 2), .text("隐藏的工作点"))
        XCTAssertEqual(plan.row(3)?.hidden, true)
        XCTAssertEqual(plan.merges, sheets[0].merges)
        XCTAssertEqual(sheets[1].filledMerges().value(row: 1, col: 3), .text("横向合并"))
        // the original is unchanged
        XCTAssertNil(sheets[0].value(row: 3, col: 1))
    }

    func testFilledMergesStopsAtTheLastUsedRowAndSkipsEmptyRanges() throws {
        let data = try package(
            sheetData: #"<row r="1"><c r="A1" t="inlineStr"><is><t>计划</t></is></c><c r="B1"><v>1</v></c></row>"#
                + #"<row r="2"><c r="B2"><v>2</v></c></row>"#,
            tail: #"<mergeCells><mergeCell ref="A1:A1000"/><mergeCell ref="C1:D2"/></mergeCells>"#)
        let sheet = try readOne(data)
        let filled = sheet.filledMerges()
        XCTAssertEqual(filled.rows.map(\.number), [1, 2], "no rows past the last used one")
        XCTAssertEqual(filled.value(row: 2, col: 1), .text("计划"))
        XCTAssertNil(filled.value(row: 1, col: 3), "C1:D2 has no value to copy")
        XCTAssertEqual(sheet.merges.count, 2)
    }

    // MARK: what Excel, WPS and others write that the two above do not

    func testInlineStringsEscapesCellsWithoutReferencesAndNamespacePrefixes() throws {
        let sheet = """
            <x:worksheet xmlns:x="\(Self.main)"><x:sheetData>\
            <x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:r><x:t>富</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">文本 </x:t></x:r>\
            <x:rPh sb="0" eb="1"><x:t>ふ</x:t></x:rPh></x:is></x:c>\
            <x:c t="s"><x:v>0</x:v></x:c><x:c t="str"><x:v>a_x000D__x000A_b</x:v></x:c>\
            <x:c r="E2" t="b"><x:v>0</x:v></x:c><x:c r="F2" t="e"><x:v>#N/A</x:v></x:c><x:c r="G2" t="d"><x:v>2026-11-26T08:30:00</x:v></x:c>\
            <x:c r="H2" s="0"/><x:c r="I2" t="s"><x:v>1</x:v></x:c><x:c r="J2" t="str"><x:f>A1</x:f></x:c></x:row>\
            <x:row hidden="true"><x:c r="A3"><x:v>1.5</x:v></x:c></x:row>\
            <x:row r="5"/></x:sheetData></x:worksheet>
            """
        let data = try XLSXWriter.zip([
            ("_rels/.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="\#(Self.rel)/officeDocument" Target="/book/main.xml"/></Relationships>"#),
            ("book/main.xml", #"<workbook xmlns="\#(Self.main)" xmlns:r="\#(Self.rel)"><sheets><sheet name="内联" sheetId="1" r:id="a"/><sheet name="图表" sheetId="2" r:id="b"/></sheets></workbook>"#),
            ("book/_rels/main.xml.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="\#(Self.rel)/worksheet" Target="../data/one.xml"/><Relationship Id="b" Type="\#(Self.rel)/chartsheet" Target="charts/c.xml"/><Relationship Id="s" Type="\#(Self.rel)/sharedStrings" Target="/book/strings.xml"/></Relationships>"#),
            ("book/strings.xml", #"<sst xmlns="\#(Self.main)"><si><t>_x005F_x0041_ and _x0041_</t></si><si><t></t></si></sst>"#),
            ("data/one.xml", sheet),
        ], modified: Date(timeIntervalSince1970: 0))
        let read = try readOne(data)
        XCTAssertEqual(read.name, "内联", "the chart sheet is left out")
        XCTAssertEqual(read.value(row: 2, col: 1), .text("富文本 "), "runs joined, the phonetic guide left out")
        XCTAssertEqual(read.value(row: 2, col: 2), .text("_x0041_ and A"), "a cell without r is the next column")
        XCTAssertEqual(read.value(row: 2, col: 3), .text("a\r\nb"))
        XCTAssertEqual(read.value(row: 2, col: 5), .bool(false))
        XCTAssertEqual(read.value(row: 2, col: 6), .error("#N/A"))
        XCTAssertEqual(read.value(row: 2, col: 7), .date("2026-11-26"))
        XCTAssertNil(read.value(row: 2, col: 8), "a styled empty cell")
        XCTAssertNil(read.value(row: 2, col: 9), "an empty shared string")
        XCTAssertNil(read.value(row: 2, col: 10), "a formula never calculated")
        XCTAssertEqual(read.rows.map(\.number), [2, 3, 5], "a row without r is the next row")
        XCTAssertEqual(read.rows.map(\.hidden), [false, true, false])
        XCTAssertEqual(read.value(row: 3, col: 1), .number(1.5))
        XCTAssertEqual(read.row(5)?.cells, [:])
    }

    /// Styles: 0 General, 1 built-in 14 (m/d/yyyy), 2 built-in 31 (Chinese yyyy"年"m"月"d"日"),
    /// 3 custom Chinese date, 4 custom number with quoted letters, 5 custom accounting, 6 built-in 22 (date and time),
    /// 7 built-in 10 (0.00%).
    private let styles = """
        <numFmts count="3"><numFmt numFmtId="170" formatCode="[$-804]yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/>\
        <numFmt numFmtId="171" formatCode="0.0&quot; days&quot;"/><numFmt numFmtId="172" formatCode="#,##0.00_);[Red]\\(#,##0.00\\)"/></numFmts>\
        <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>\
        <cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="170"/><xf numFmtId="171"/>\
        <xf numFmtId="172"/><xf numFmtId="22"/><xf numFmtId="10"/></cellXfs>\
        <dxfs count="1"><dxf><numFmt numFmtId="173" formatCode="yyyy"/></dxf></dxfs>
        """

    func testDateFormattedNumbersBecomeDates() throws {
        let cells = (0...7).map { #"<c r="\#(CellReference.columnLetters($0 + 1))1" s="\#($0)"><v>46352.75</v></c>"# }.joined()
        let read = try readOne(try package(sheetData: "<row r=\"1\">\(cells)</row>", styles: styles))
        XCTAssertEqual((1...8).map { read.value(row: 1, col: $0) }, [
            .number(46352.75), .date("2026-11-26"), .date("2026-11-26"), .date("2026-11-26"),
            .number(46352.75), .number(46352.75), .date("2026-11-26"), .number(46352.75),
        ])
    }

    func testDateSystemEdges() throws {
        let serials = ["1", "59", "60", "61", "0.5", "-3", "2958465", "2958466"]
        let cells = serials.enumerated().map { #"<c r="\#(CellReference.columnLetters($0.offset + 1))1" s="1"><v>\#($0.element)</v></c>"# }.joined()
        let data1900 = try package(sheetData: "<row r=\"1\">\(cells)</row>", styles: styles)
        let read1900 = try readOne(data1900)
        XCTAssertEqual((1...8).map { read1900.value(row: 1, col: $0) }, [
            .date("1900-01-01"), .date("1900-02-28"), .number(60), .date("1900-03-01"),
            .number(0.5), .number(-3), .date("9999-12-31"), .number(2958466),
        ], "60 is Lotus's 1900-02-29, a time alone (< 1) and days past 9999 stay numbers")

        // 1904 system: 2026-11-26 is 46352 - 1462
        let data1904 = try package(sheetData: #"<row r="1"><c r="A1" s="1"><v>44890</v></c><c r="B1" s="1"><v>1</v></c></row>"#,
                                   styles: styles, date1904: true)
        let read = try readOne(data1904)
        XCTAssertEqual(read.value(row: 1, col: 1), .date("2026-11-26"))
        XCTAssertEqual(read.value(row: 1, col: 2), .date("1904-01-02"))
    }

    func testSharedStringsTable() throws {
        let data = try package(sheetData: #"<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>0</v></c></row>"#,
                               strings: ["甲", "乙 &amp; 丙"])
        let read = try readOne(data)
        XCTAssertEqual(read.value(row: 1, col: 1), .text("乙 & 丙"))
        XCTAssertEqual(read.value(row: 1, col: 2), .text("甲"))
    }

    /// Foundation's XMLParser on Linux fails at the end of a document over 10 MB when given it
    /// whole; the reader streams it.
    func testWorksheetOverTenMegabytes() throws {
        let rows = String(repeating: "<row><c><v>1</v></c></row>", count: 420_000) + #"<row><c t="inlineStr"><is><t>最后</t></is></c></row>"#
        let read = try readOne(try package(sheetData: rows))
        XCTAssertEqual(read.rows.count, 420_001)
        XCTAssertEqual(read.value(row: 420_000, col: 1), .number(1))
        XCTAssertEqual(read.value(row: 420_001, col: 1), .text("最后"))
    }

    // MARK: building blocks

    func testParseCellReferences() {
        XCTAssertTrue(CellReference.parse("A1")! == (1, 1))
        XCTAssertTrue(CellReference.parse("ab12")! == (28, 12))
        XCTAssertTrue(CellReference.parse("$AD$40")! == (30, 40))
        XCTAssertTrue(CellReference.parse("XFD1048576")! == (16_384, 1_048_576))
        XCTAssertTrue(CellReference.parse("XFE1")! == (16_385, 1), "beyond the limit, for the caller to refuse")
        for bad in ["", "A", "1", "A0", "A01", "AAAA1", "A1B", "A-1", "A12345678", "1A", "A 1", "Ａ1", "$", "A$"] {
            XCTAssertNil(CellReference.parse(bad), bad)
        }
        for column in 1...CellReference.maxColumn {
            let ref = CellReference.cell(column: column, row: 7)
            guard let parsed = CellReference.parse(ref), parsed == (column, 7) else { return XCTFail(ref) }
        }
    }

    func testSerialToISODayIsTheInverseOfTheWriters() {
        var serial = ExcelDate.serial(iso: ExcelDate.firstSupported)!
        while serial <= ExcelDate.serial(iso: ExcelDate.lastSupported)! {
            guard let iso = ExcelDate.iso(serial: Double(serial), date1904: false), ExcelDate.serial(iso: iso) == serial else {
                return XCTFail("serial \(serial)")
            }
            serial += 13
        }
        XCTAssertEqual(ExcelDate.iso(serial: 46352.999, date1904: false), "2026-11-26", "the time of day is dropped")
        XCTAssertNil(ExcelDate.iso(serial: .nan, date1904: false))
    }

    func testDateFormatCodes() {
        for code in ["yyyy-mm-dd", "yyyy\\-mm\\-dd", "m/d/yy", "yyyy\"年\"m\"月\"d\"日\"", "[$-804]h:mm", "[h]:mm:ss", "mmm-yy",
                     "yyyy-mm-dd hh:mm", "[DBNum1][$-804]yyyy\"年\"m\"月\"", "dd/mm/yyyy;@"] {
            XCTAssertTrue(DateStyles.isDateFormatCode(code), code)
        }
        for code in ["General", "0", "0.0%", "#,##0.00_);[Red](#,##0.00)", "0.0\" days\"", "\"m²\"0", "0.00E+00", "@",
                     "[Red]0", "\\d0", "0_m", "0*s", "¥#,##0"] {
            XCTAssertFalse(DateStyles.isDateFormatCode(code), code)
        }
    }

    func testDisplayText() {
        XCTAssertEqual(ReadCell.number(42).text, "42")
        XCTAssertEqual(ReadCell.number(-7).text, "-7")
        XCTAssertEqual(ReadCell.number(-0.0).text, "0")
        XCTAssertEqual(ReadCell.number(3.25).text, "3.25")
        XCTAssertEqual(ReadCell.number(0.1 + 0.2).text, "0.3")
        XCTAssertEqual(ReadCell.number(1e-5).text, "1E-05")
        XCTAssertEqual(ReadCell.number(1e16).text, "1E+16")
        XCTAssertEqual(ReadCell.number(123456789012.5).text, "123456789012.5")
        XCTAssertEqual(ReadCell.date("2026-11-26").text, "2026-11-26")
        XCTAssertEqual(ReadCell.bool(false).text, "FALSE")
        XCTAssertEqual(ReadCell.error("#REF!").text, "#REF!")
    }

    // MARK: refused files

    func testNotAZipIsRefused() throws {
        XCTAssertEqual(readError(Data()), .notZip)
        XCTAssertEqual(readError(Data("计划,进度\n".utf8)), .notZip)
        // the start of an old .xls (OLE compound file)
        XCTAssertEqual(readError(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))), .notZip)
    }

    func testTruncatedAndCorruptedFilesAreRefused() throws {
        let data = try XLSXWriter.data(Workbook(sheets: [Sheet(name: "s", columns: [Column("a")], rows: [["x"], [1]])]))
        XCTAssertNoThrow(try XLSXReader.read(data))
        XCTAssertEqual(readError(data.prefix(data.count / 2)), .notZip, "an upload cut off half way")
        XCTAssertEqual(readError(data.dropLast(10)), .notZip)

        // a flipped byte inside the worksheet's compressed data
        let name = Data("xl/worksheets/sheet1.xml".utf8)
        let at = try XCTUnwrap(data.range(of: name)).lowerBound   // the local header's copy comes first
        let extra = Int(data[at - 2]) | Int(data[at - 1]) << 8
        var corrupt = data
        corrupt[at + name.count + extra + 20] ^= 0xFF
        XCTAssertEqual(readError(corrupt), .damagedPart("xl/worksheets/sheet1.xml"))
    }

    func testZipWithoutAWorkbookIsNotAnXLSX() throws {
        let data = try XLSXWriter.zip([("word/document.xml", "<document/>")], modified: Date(timeIntervalSince1970: 0))
        XCTAssertEqual(readError(data), .notXLSX)
        XCTAssertTrue(XLSXReadError.notXLSX.description.contains("Excel"))
    }

    func testMissingSheetPartIsRefused() throws {
        let data = try XLSXWriter.zip([
            ("xl/workbook.xml", #"<workbook xmlns="\#(Self.main)" xmlns:r="\#(Self.rel)"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(Self.rel)/worksheet" Target="worksheets/gone.xml"/></Relationships>"#),
        ], modified: Date(timeIntervalSince1970: 0))
        XCTAssertEqual(readError(data), .missingPart("xl/worksheets/gone.xml"))
    }

    /// 51 MB of XML that deflates to a few dozen kilobytes: refused on the size the entry declares.
    func testZipBombIsRefusedByItsDeclaredSize() throws {
        let row = "<row><c><v>1</v></c></row>"
        let rows = String(repeating: row, count: (XLSXReader.maxPartBytes + 1_000) / row.utf8.count)
        let data = try package(sheetData: rows)
        XCTAssertLessThan(data.count, 1_000_000)
        XCTAssertEqual(readError(data), .partTooLarge(part: "xl/worksheets/sheet1.xml", limit: XLSXReader.maxPartBytes))
        XCTAssertTrue(XLSXReadError.partTooLarge(part: "p", limit: XLSXReader.maxPartBytes).description.contains("50 MB"))
    }

    /// An entry that declares 100 bytes but inflates to 2 MB is stopped while unpacking.
    func testZipBombLyingAboutItsSizeIsStoppedWhileUnpacking() throws {
        let rows = String(repeating: "<row><c><v>1</v></c></row>", count: 80_000)   // 2 MB
        var data = try package(sheetData: rows)
        let name = Data("xl/worksheets/sheet1.xml".utf8)
        var patched = 0
        var from = data.startIndex
        while let found = data.range(of: name, in: from..<data.endIndex) {
            // local header: uncompressed size 8 bytes before the name; central directory: 18 before
            let isLocal = data[found.lowerBound - 30 ..< found.lowerBound - 26] == Data([0x50, 0x4B, 0x03, 0x04])
            let sizeAt = found.lowerBound - (isLocal ? 8 : 22)
            data.replaceSubrange(sizeAt..<sizeAt + 4, with: [100, 0, 0, 0])
            patched += 1
            from = found.upperBound
        }
        XCTAssertEqual(patched, 2, "local header and central directory")
        let limits = XLSXReader.Limits(maxPartBytes: 1_000_000)
        XCTAssertEqual(readError(data, limits: limits), .partTooLarge(part: "xl/worksheets/sheet1.xml", limit: 1_000_000))
    }

    func testTotalUnpackedSizeIsCapped() throws {
        let rows = String(repeating: "<row><c><v>1</v></c></row>", count: 30_000)   // 780 kB a sheet
        let second = (path: "xl/worksheets/sheet2.xml", xml: "<worksheet xmlns=\"\(Self.main)\"><sheetData>\(rows)</sheetData></worksheet>")
        var data = try package(sheetData: rows, extraParts: [second])
        let limits = XLSXReader.Limits(maxPartBytes: 1_000_000, maxTotalBytes: 1_500_000)
        XCTAssertNil(readError(data, limits: limits), "one sheet is within both limits")
        // the same two parts, both sheets in the workbook
        data = try XLSXWriter.zip([
            ("xl/workbook.xml", #"<workbook xmlns="\#(Self.main)" xmlns:r="\#(Self.rel)"><sheets><sheet name="a" sheetId="1" r:id="rId1"/><sheet name="b" sheetId="2" r:id="rId2"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(Self.rel)/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="\#(Self.rel)/worksheet" Target="worksheets/sheet2.xml"/></Relationships>"#),
            ("xl/worksheets/sheet1.xml", second.xml), second,
        ], modified: Date(timeIntervalSince1970: 0))
        XCTAssertEqual(readError(data, limits: limits), .tooLarge(limit: 1_500_000))
    }

    func testMalformedXMLIsRefused() throws {
        guard case .malformedXML(part: "xl/workbook.xml", _)? = readError(try XLSXWriter.zip([("xl/workbook.xml", "<workbook><sheets>")], modified: Date())) else {
            return XCTFail("unclosed <sheets>")
        }
        guard case .malformedXML(part: "xl/worksheets/sheet1.xml", _)? = readError(try package(sheetData: "<row><c><v>1</c></row>")) else {
            return XCTFail("unclosed <v>")
        }
        guard case .malformedXML(part: "xl/workbook.xml", _)? = readError(try XLSXWriter.zip([("xl/workbook.xml", "")], modified: Date())) else {
            return XCTFail("empty part")
        }
        // entity expansion ("billion laughs") never starts: no DOCTYPE at all
        let laughs = try XLSXWriter.zip([
            ("xl/workbook.xml", #"<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><workbook>&b;</workbook>"#),
        ], modified: Date())
        XCTAssertEqual(readError(laughs), .malformedXML(part: "xl/workbook.xml", detail: "DOCTYPE is not allowed"))
    }

    func testBadReferencesAndValuesNameTheSheetAndCell() throws {
        XCTAssertEqual(readError(try package(sheetData: #"<row r="1"><c r="1A"><v>1</v></c></row>"#)),
                       .badCellReference(sheet: "s", reference: "1A"))
        XCTAssertEqual(readError(try package(sheetData: #"<row r="x"/>"#)), .badCellReference(sheet: "s", reference: "x"))
        XCTAssertEqual(readError(try package(sheetData: "", tail: #"<mergeCells><mergeCell ref="A1:B"/></mergeCells>"#)),
                       .badCellReference(sheet: "s", reference: "A1:B"))
        XCTAssertEqual(readError(try package(sheetData: #"<row r="1"><c r="B1"><v>abc</v></c></row>"#)),
                       .badCellValue(sheet: "s", cell: "B1", detail: "\"abc\" is not a number"))
        XCTAssertEqual(readError(try package(sheetData: #"<row r="1"><c r="C1" t="s"><v>5</v></c></row>"#, strings: ["a"])),
                       .badCellValue(sheet: "s", cell: "C1", detail: "shared string 5 does not exist"))
        if case .malformedXML? = readError(try package(sheetData: #"<row r="2"/><row r="2"/>"#)) {} else { XCTFail("rows out of order") }
        if case .malformedXML? = readError(try package(sheetData: #"<row r="2"><c r="A3"><v>1</v></c></row>"#)) {} else { XCTFail("cell in the wrong row") }
        XCTAssertTrue(XLSXReadError.badCellValue(sheet: "月报", cell: "B3", detail: "d").description.contains("月报!B3"))
    }

    func testBeyondExcelsLimitsIsRefused() throws {
        XCTAssertEqual(readError(try package(sheetData: #"<row r="1048577"/>"#)), .tooManyRows(sheet: "s", row: 1_048_577))
        XCTAssertNil(readError(try package(sheetData: #"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#)))
        XCTAssertEqual(readError(try package(sheetData: #"<row r="1"><c r="XFE1"><v>1</v></c></row>"#)),
                       .tooManyColumns(sheet: "s", column: 16_385))
        XCTAssertEqual(readError(try package(sheetData: "", tail: #"<mergeCells><mergeCell ref="A1:A1048577"/></mergeCells>"#)),
                       .tooManyRows(sheet: "s", row: 1_048_577))
        // a tiny file whose merge would fill 16384 x 1048576 cells
        let corners = #"<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>"#
        XCTAssertEqual(readError(try package(sheetData: corners, tail: #"<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>"#)),
                       .tooManyMergedCells(sheet: "s", cells: 16_384 * 1_048_576))
        XCTAssertTrue(XLSXReadError.tooManyRows(sheet: "s", row: 1_048_577).description.contains("1048576"))
    }
}

