import Foundation
import Testing
import ZIPFoundation
@testable import Spreadsheet

// Property-based tests of the two readers of uploaded files, `CSVReader` and `XLSXReader`: random grids written
// (RFC 4180 text written here, the project having no CSV writer; .xlsx with `XLSXWriter`) read back equal, and
// random or damaged bytes never crash nor hang a reader, which answers with rows or its own error type.
//
// Every case has its own SplitMix64 seed, named in any failure with the input, so a failing case reproduces alone.
// At most five failures per property are reported, then a count.

// MARK: - Seeded randomness

/// SplitMix64 (Steele, Lea, Flood 2014): the same sequence on every platform and run.
private final class SplitMix64 {
    private(set) var state: UInt64

    init(seed: UInt64) { state = seed }

    func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound)) &+ 1
        if width == 0 { return Int(truncatingIfNeeded: next()) }   // the whole of Int
        return range.lowerBound &+ Int(truncatingIfNeeded: next() % width)
    }

    func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    func chance(_ p: Double) -> Bool { Double(next() >> 11) / 9_007_199_254_740_992.0 < p }

    func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    static func caseSeed(_ base: UInt64, _ index: Int) -> UInt64 {
        SplitMix64(seed: base ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03)).next()
    }
}

/// Collects failures of one property: the first few are recorded as issues, the rest counted.
private final class PropertyLog {
    let property: String
    private(set) var failures = 0
    static let limit = 5

    init(_ property: String) { self.property = property }

    func check(_ ok: Bool, _ message: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation) {
        if !ok { fail(message(), sourceLocation: sourceLocation) }
    }

    func fail(_ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        failures += 1
        if failures <= Self.limit {
            Issue.record(Comment(rawValue: "[\(property)] \(message)"), sourceLocation: sourceLocation)
        }
    }

    func finish(sourceLocation: SourceLocation = #_sourceLocation) {
        if failures > Self.limit {
            Issue.record(Comment(rawValue: "[\(property)] \(failures - Self.limit) more failing cases not shown"),
                         sourceLocation: sourceLocation)
        }
    }
}

/// Bytes for a failure message: hex, cut if long.
private func hex(_ bytes: [UInt8], limit: Int = 400) -> String {
    bytes.prefix(limit).map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
        .joined(separator: " ") + (bytes.count > limit ? " …(\(bytes.count) bytes)" : "")
}

// MARK: - CSV

private enum CSVFuzz {
    /// Pieces of cell text: commas, quotes, line breaks of every kind, Chinese, emoji, combining marks, spaces.
    /// Never NUL (a NUL makes the file binary, `notText`) nor U+FEFF (a leading one is a byte order mark).
    static let pieces = ["a", "Z", "0", "12.5", "-3", "计划", "优化营商环境", "，", ",", ",,", "\"", "\"\"", "\r", "\n",
                         "\r\n", "\n\r", " ", "  ", "😀", "é", "e\u{301}", "\"\u{301}", "5\" screen", "'", ";", "=SUM(A1)",
                         "\u{3000}", "“引号”", "\\", "#", "\u{1}", "\u{7F}", "\u{85}", "\u{2028}", "𠀀", "ｘ", "%"]

    /// A cell; `tabs` allows tab characters (not in the first row, where a tab and no comma would make the
    /// reader take the file as tab-separated, as documented).
    static func cell(_ g: SplitMix64, tabs: Bool) -> String {
        if g.chance(0.25) { return "" }
        var s = ""
        for _ in 0..<g.int(1...5) { s += tabs && g.chance(0.08) ? "\t" : g.pick(pieces) }
        return s
    }

    static func grid(_ g: SplitMix64) -> [[String]] {
        (0..<g.int(0...8)).map { r in (0..<g.int(1...6)).map { _ in cell(g, tabs: r > 0) } }
    }

    /// RFC 4180 text: fields holding a comma, quote, CR or LF quoted (quotes doubled), others quoted at random;
    /// records ended by `newline`. Without a final line break, a last record of one empty field is written `""`
    /// (otherwise it would be no record at all).
    static func csv(_ rows: [[String]], newline: String, finalNewline: Bool, g: SplitMix64) -> String {
        var out = ""
        for (r, row) in rows.enumerated() {
            let last = r == rows.count - 1
            let fields = row.map { field -> String in
                let special = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
                let loneEmpty = last && !finalNewline && row.count == 1 && field.isEmpty
                guard special || loneEmpty || g.chance(0.15) else { return field }
                var quoted = String.UnicodeScalarView()
                quoted.append("\"")
                for u in field.unicodeScalars {
                    if u == "\"" { quoted.append("\"") }
                    quoted.append(u)
                }
                quoted.append("\"")
                return String(quoted)
            }
            out += fields.joined(separator: ",")
            if !last || finalNewline { out += newline }
        }
        return out
    }

    enum Encoding: CaseIterable { case utf8, utf8BOM, utf16LE, utf16BE }

    static func encode(_ text: String, _ encoding: Encoding) -> [UInt8] {
        switch encoding {
        case .utf8: return Array(text.utf8)
        case .utf8BOM: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .utf16LE: return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] }
        case .utf16BE: return [0xFE, 0xFF] + text.utf16.flatMap { [UInt8(truncatingIfNeeded: $0 >> 8), UInt8(truncatingIfNeeded: $0)] }
        }
    }
}

// MARK: - XLSX

private enum XLSXFuzz {
    static let textPieces = ["a", "Z", "0", "计划", "信息中心", "<", ">", "&", "\"", "'", "&amp;", "<b>", "]]>", "<![CDATA[x]]>",
                             "_x0041_", "_x005F_", "_x000D_", "_xD800_", "__x0041_", "_x00", "\r", "\n", "\r\n", "\t", " ",
                             "  ", "\u{1}", "\u{B}", "\u{7F}", "\u{FFFE}", "\u{FFFF}", "😀", "e\u{301}", "\u{A0}", "\u{2028}",
                             "=SUM(A1)", "&#13;", "%", "第一行", "\u{3000}", "𠀀"]

    static func text(_ g: SplitMix64) -> String {
        if g.chance(0.08) { return "" }
        var s = ""
        for _ in 0..<g.int(1...6) { s += g.pick(textPieces) }
        // A dropped character inside an _xHHHH_ look-alike hits a known writer issue (see the end of the file):
        // such texts are kept without the dropped characters.
        let cleaned = XMLText.cleaned(s)
        if cleaned != s, cleaned.contains("_x") { s = cleaned }
        return s
    }

    static let sampleDoubles: [Double] = [0, -0.0, 1, -1, 0.5, 3.25, 1e-5, -1e-5, 1_234_567.891, 1e15, 1e16, 1e300, -1e-300,
                                          .leastNonzeroMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
                                          0.1 + 0.2, .pi, 46352.75, 2_958_465, 60, 0.125]

    static func double(_ g: SplitMix64) -> Double {
        switch g.below(4) {
        case 0: return g.pick(sampleDoubles)
        case 1: return Double(g.int(-1_000_000...1_000_000)) / Double(g.pick([1, 10, 100, 1_000, 7, 3]))
        case 2:
            let d = Double(bitPattern: g.next())
            return d.isFinite ? d : 42
        default: return Double(g.int(-999_999_999_999_999...999_999_999_999_999))
        }
    }

    static func iso(_ g: SplitMix64) -> String {
        let year = g.chance(0.2) ? g.pick([1900, 2024, 9999]) : g.int(1900...9999)
        var month = g.int(1...12)
        if year == 1900, month < 3 { month = 3 }
        let day = g.chance(0.2) ? ExcelDate.daysIn(month: month, year: year) : g.int(1...28)
        func pad(_ n: Int, _ w: Int) -> String { String(repeating: "0", count: max(0, w - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    static func cell(_ g: SplitMix64) -> Cell {
        switch g.below(10) {
        case 0, 1, 2: return .text(text(g))
        case 3: return .number(double(g))
        case 4: return .integer(g.chance(0.2) ? g.pick([Int.min, Int.max, 0, -1, 999_999_999_999_999]) : g.int(Int.min...Int.max))
        case 5: return .percent(double(g))
        case 6: return .date(iso(g))
        default: return .empty
        }
    }

    static let sheetNames = ["计划表", "Sheet1", "sheet1", "汇总/2", "[报表]", "a:b*c?d", "'引号'", " 空格 ", "", "History",
                             "history", "很长的名字很长的名字很长的名字很长的名字很长的名字很长的名字很长", "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀",
                             "<&\"'>", "tab\tname", "A&B", "_x0041_", "Sheet1 (2)", "\u{7F}控制"]

    static func sheet(_ g: SplitMix64) -> Sheet {
        let columns = (0..<g.pick([0, 0, 1, 2, 3, 5])).map { _ in Column(g.chance(0.2) ? "" : text(g), width: Double(g.int(0...40))) }
        let rows = (0..<g.int(0...10)).map { _ in (0..<g.int(0...8)).map { _ in cell(g) } }
        let name = g.chance(0.7) ? g.pick(sheetNames) : text(g)
        return Sheet(name: name, columns: columns, rows: rows, frozenHeaderRows: g.int(0...2),
                     title: g.chance(0.4) ? text(g) : nil, landscape: g.chance(0.5))
    }

    /// What the reader should give back for a cell the writer wrote (as `XLSXReaderTests.expected`): text without
    /// the characters XML cannot carry, absent when that leaves nothing; every number kind as its Double.
    static func expected(_ cell: Cell) -> ReadCell? {
        switch cell {
        case .text(let s):
            let cleaned = XMLText.cleaned(s)
            return cleaned.isEmpty ? nil : .text(cleaned)
        case .number(let d), .percent(let d): return .number(d)
        case .integer(let i): return .number(Double(i))
        case .date(let iso): return .date(iso)
        case .empty: return nil
        }
    }

    static let created = Date(timeIntervalSince1970: 1_764_115_200)   // 2025-11-26, fixed so output is stable

    /// Every part of a package, in archive order.
    static func unzip(_ data: Data) throws -> [(path: String, xml: String)] {
        let archive = try Archive(data: data, accessMode: .read, pathEncoding: nil)
        var parts: [(path: String, xml: String)] = []
        for entry in archive where entry.type == .file {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts.append((entry.path, String(decoding: bytes, as: UTF8.self)))
        }
        return parts
    }

    static func fixture(_ name: String) throws -> Data {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
        return try Data(contentsOf: url)
    }

    /// A workbook with a bit of everything, the base of the damaged-file properties.
    static func richWorkbook() throws -> Data {
        let rows: [[Cell]] = [
            [.text("信息中心"), .number(3.25), .integer(42), .percent(0.5), .date("2026-11-26")],
            [.text("第一行\n第二行"), .number(-1e-5), .integer(-7), .percent(0.125), .date("1900-03-01")],
            [.text("a<b & \"q\" 'x' _x0041_"), .empty, .text("crlf\r\nkept"), .empty, .date("9999-12-31")],
        ]
        let plan = Sheet(name: "11月月报", columns: [Column("部门"), Column("数值"), Column("整数"), Column("完成率"), Column("截止日期")],
                         rows: rows, title: "2026年11月 工作月报")
        let summary = Sheet(name: "汇总", columns: [Column("项目"), Column("数量")], rows: [["合计", 2], ["备注", .text("无")]])
        return try XLSXWriter.data(Workbook(sheets: [plan, summary], created: created))
    }

    static let hostileSnippets = [
        "<!DOCTYPE x>", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", "<row r=\"0\">", "<row r=\"1048577\">", "<row r=\"-1\">",
        "<row r=\"99999999999999999999\">", "<row>", "</row>", "<c r=\"XFE1\"><v>1</v></c>", "<c r=\"A1\" t=\"s\"><v>999</v></c>",
        "<c t=\"s\"><v>-1</v></c>", "<c t=\"b\"><v>2</v></c>", "<c t=\"e\"><v></v></c>", "<c t=\"d\"><v>2026-13-01</v></c>",
        "<c t=\"zz\"><v>1</v></c>", "<c s=\"-1\"><v>1e308</v></c>", "<c s=\"4\"><v>2958466</v></c>", "<c s=\"4\"><v>-5</v></c>",
        "<c><v>nan</v></c>", "<c><v>inf</v></c>", "<c><v>1e999</v></c>", "<v>abc</v>", "<mergeCell ref=\"A1:XFD1048576\"/>",
        "<mergeCell ref=\"A1:B\"/>", "<mergeCell ref=\"\"/>", "<mergeCells><mergeCell ref=\"A1:C1048576\"/></mergeCells>",
        "&amp;", "&#0;", "&#xD800;", "&undefined;", "]]>", "<![CDATA[x]]>", "_x0000_", "_xD800_", "<is><t>x</t></is>",
        "<si><t>extra</t></si>", "<sheet name=\"x\" sheetId=\"9\" r:id=\"rId99\"/>", "<sheet/>", "<workbookPr date1904=\"1\"/>",
        "<Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"../../../../etc/passwd\"/>",
        "<Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"/\"/>", "<xf numFmtId=\"14\"/>",
        "<numFmt numFmtId=\"0\" formatCode=\"yyyy\"/>", "\u{0}", "\u{FEFF}", "<?xml version=\"1.1\"?>", "<a:b xmlns:a=\"\">",
    ]
}

// MARK: - Properties

@Suite struct SpreadsheetFuzzTests {

    // MARK: CSV

    /// 3: 1,500 random grids (commas, quotes, CR, LF and CRLF inside cells, Chinese, emoji, combining marks, empty
    /// cells and rows of one empty cell), written as RFC 4180 text with CRLF, LF or CR line ends, with or without a
    /// final line break, in UTF-8 with or without a byte order mark or in UTF-16 LE/BE with one, read back equal.
    @Test func csvGridsReadBackEqual() {
        let log = PropertyLog("CSV round trip")
        for i in 0..<1_500 {
            let seed = SplitMix64.caseSeed(0xC5F_0001, i)
            let g = SplitMix64(seed: seed)
            let rows = CSVFuzz.grid(g)
            let newline = g.pick(["\r\n", "\n", "\r"])
            let finalNewline = g.chance(0.6)
            let text = CSVFuzz.csv(rows, newline: newline, finalNewline: finalNewline, g: g)
            let encoding: CSVFuzz.Encoding = rows.isEmpty ? .utf8 : g.pick(CSVFuzz.Encoding.allCases)
            let bytes = CSVFuzz.encode(text, encoding)
            let context = "seed \(seed), \(encoding), rows \(String(reflecting: rows)), text \(String(reflecting: text))"
            do {
                let read = try CSVReader.read(Data(bytes))
                log.check(read == rows, "read back \(String(reflecting: read)); \(context)")
                // Equal as Strings is canonical equivalence; the reader must keep the very scalars.
                log.check(read.map { $0.map { Array($0.unicodeScalars) } } == rows.map { $0.map { Array($0.unicodeScalars) } },
                          "scalars changed; \(context)")
            } catch {
                log.fail("threw \(error); \(context)")
            }
        }
        log.finish()
    }

    /// 3: 3,000 byte soups (CSV punctuation, CR/LF, NUL, byte order marks, UTF-8 Chinese, stray high bytes, GBK
    /// pairs, odd-length UTF-16) never crash the reader: it returns rows or throws a `CSVReadError`, an
    /// unterminated quote names a line of the file, and rows it returns read back the same when written out again.
    @Test(.timeLimit(.minutes(2))) func csvByteSoupReadsOrThrowsCSVReadError() {
        let log = PropertyLog("CSV byte soup")
        let tokens: [[UInt8]] = [[0x2C], [0x22], [0x22, 0x22], [0x0D], [0x0A], [0x0D, 0x0A], [0x09], [0x00], [0x20], [0x61],
                                 [0x31], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], Array("计划".utf8), Array("😀".utf8),
                                 [0xBC, 0xC6], [0xD6, 0xD0], [0x95, 0x32, 0x82, 0x36], [0x80], [0xC3], [0xE4, 0xB8], [0xF4, 0x90],
                                 [0xED, 0xA0, 0x80], [0xC0, 0xAF], Array("a,\"b\"\"c\",d\r\n".utf8)]
        for i in 0..<3_000 {
            let seed = SplitMix64.caseSeed(0xC5F_0002, i)
            let g = SplitMix64(seed: seed)
            var bytes: [UInt8] = []
            for _ in 0..<g.int(0...40) {
                bytes += g.chance(0.85) ? g.pick(tokens) : [UInt8(truncatingIfNeeded: g.next())]
            }
            let context = "seed \(seed), bytes \(hex(bytes))"
            do {
                let rows = try CSVReader.read(Data(bytes))
                log.check(rows.allSatisfy { !$0.isEmpty }, "a record without fields; \(context)")
                // Written out again (UTF-8, comma-separated, every record ended) the rows read back the same, unless
                // the first row holds a tab (the file would read as tab-separated) or starts with U+FEFF (a BOM).
                let firstRowHasTab = rows.first?.contains { $0.unicodeScalars.contains("\t") } ?? false
                let leadingBOM = rows.first?.first?.unicodeScalars.first == "\u{FEFF}"
                // (UTF-16 files may hold NUL characters, which UTF-8 ones may not: they read as binary.)
                let hasNUL = rows.contains { $0.contains { $0.unicodeScalars.contains("\u{0}") } }
                if !firstRowHasTab && !leadingBOM && !hasNUL {
                    let again = CSVFuzz.csv(rows, newline: "\r\n", finalNewline: true, g: SplitMix64(seed: seed))
                    do {
                        let reread = try CSVReader.read(Data(again.utf8))
                        log.check(reread == rows, "rows \(String(reflecting: rows)) written as \(String(reflecting: again)) read back \(String(reflecting: reread)); \(context)")
                    } catch {
                        log.fail("rows \(String(reflecting: rows)) written out do not read back: \(error); \(context)")
                    }
                }
            } catch let error as CSVReadError {
                if case .unterminatedQuote(let line) = error {
                    let breaks = bytes.filter { $0 == 0x0A || $0 == 0x0D }.count
                    log.check(line >= 1 && line <= breaks + 1, "unterminated quote on line \(line) of \(breaks + 1); \(context)")
                }
                log.check(!error.description.isEmpty, "empty description; \(context)")
            } catch {
                log.fail("threw \(type(of: error)) \(error), not CSVReadError; \(context)")
            }
        }
        log.finish()
    }

    // MARK: XLSX round trip

    /// 4: 120 random workbooks (1–3 sheets; hostile sheet names; optional title and header; text with Chinese,
    /// XML-special characters < & " ' > ]]>, _xHHHH_ look-alikes, CR, LF, tabs, control characters the writer drops;
    /// numbers from subnormal to the largest finite; integers to Int.min and Int.max; percentages; dates from
    /// 1900-03-01 to 9999-12-31; empty cells) written by `XLSXWriter` read back cell for cell.
    @Test func xlsxWorkbooksReadBackEqual() throws {
        let log = PropertyLog("XLSX round trip")
        for i in 0..<120 {
            let seed = SplitMix64.caseSeed(0x715_0001, i)
            let g = SplitMix64(seed: seed)
            let sheets = (0..<g.int(1...3)).map { _ in XLSXFuzz.sheet(g) }
            let context = "seed \(seed), sheets \(String(reflecting: sheets))"
            let data: Data
            do {
                data = try XLSXWriter.data(Workbook(sheets: sheets, created: XLSXFuzz.created))
            } catch {
                log.fail("the writer refused: \(error); \(context)")
                continue
            }
            let read: [ReadSheet]
            do {
                read = try XLSXReader.read(data)
            } catch {
                log.fail("the reader refused the writer's file: \(error); \(context)")
                continue
            }
            log.check(read.map(\.name) == SheetName.uniqueNames(sheets.map(\.name)),
                      "names \(read.map(\.name)), sanitized \(SheetName.uniqueNames(sheets.map(\.name))); \(context)")
            guard read.count == sheets.count else { log.fail("\(read.count) sheets read; \(context)"); continue }
            for (sheet, got) in zip(sheets, read) {
                Self.checkSheet(sheet, got, log, context)
            }
        }
        log.finish()
    }

    private static func checkSheet(_ sheet: Sheet, _ got: ReadSheet, _ log: PropertyLog, _ context: String) {
        var expected: [Int: [Int: ReadCell]] = [:]
        var row = 1
        if let title = sheet.title {
            expected[row] = XLSXFuzz.expected(.text(title)).map { [1: $0] } ?? [:]
            row += 1
        }
        if !sheet.columns.isEmpty {
            var cells: [Int: ReadCell] = [:]
            for (c, column) in sheet.columns.enumerated() { cells[c + 1] = XLSXFuzz.expected(.text(column.header)) }
            expected[row] = cells
            row += 1
        }
        for cells in sheet.rows {
            var map: [Int: ReadCell] = [:]
            for (c, cell) in cells.enumerated() { map[c + 1] = XLSXFuzz.expected(cell) }
            expected[row] = map
            row += 1
        }
        let location = "sheet \(String(reflecting: got.name)); \(context)"
        log.check(got.rows.map(\.number) == Array(1..<row), "rows \(got.rows.map(\.number)), wrote 1..<\(row); \(location)")
        log.check(!got.rows.contains { $0.hidden }, "a hidden row; \(location)")
        for r in 1..<row {
            let cells = got.row(r)?.cells ?? [:]
            for (c, want) in expected[r] ?? [:] where cells[c] != want {
                log.fail("\(CellReference.cell(column: c, row: r)) read \(String(describing: cells[c])), wrote \(String(describing: want)); \(location)")
            }
            for c in cells.keys where expected[r]?[c] == nil {
                log.fail("\(CellReference.cell(column: c, row: r)) read \(String(describing: cells[c])), wrote nothing; \(location)")
            }
        }
        var merges: [CellRange] = []
        if sheet.title != nil {
            let width = sheet.columns.isEmpty ? max(1, sheet.rows.map(\.count).max() ?? 0) : sheet.columns.count
            if width > 1 { merges = [CellRange(fromColumn: 1, fromRow: 1, toColumn: width, toRow: 1)] }
            // filledMerges copies the title over its range.
            if let title = expected[1]?[1], width > 1 {
                let filled = got.filledMerges()
                log.check((1...width).allSatisfy { filled.value(row: 1, col: $0) == title }, "title not filled over A1:\(width); \(location)")
            }
        }
        log.check(got.merges == merges, "merges \(got.merges), expected \(merges); \(location)")
    }

    // MARK: XLSX damaged files

    /// What any answer of the reader must satisfy: rows ascending within Excel's limits, cells within the columns,
    /// no empty text, finite numbers, merged ranges within the limits; and no single read taking seconds.
    private static func checkRead(_ data: Data, _ log: PropertyLog, _ context: @autoclosure () -> String) {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let sheets = try XLSXReader.read(data)
            for sheet in sheets {
                let numbers = sheet.rows.map(\.number)
                log.check(zip(numbers, numbers.dropFirst()).allSatisfy { $0 < $1 }
                            && numbers.allSatisfy { (1...CellReference.maxRow).contains($0) },
                          "rows out of order or range: \(numbers.prefix(20)); \(context())")
                for row in sheet.rows {
                    for (column, value) in row.cells {
                        log.check((1...CellReference.maxColumn).contains(column), "column \(column); \(context())")
                        switch value {
                        case .text(let s), .error(let s): log.check(!s.isEmpty, "an empty text or error value; \(context())")
                        case .number(let d): log.check(d.isFinite, "number \(d); \(context())")
                        case .date(let iso): log.check(iso.utf8.count == 10, "date \(iso); \(context())")
                        case .bool: break
                        }
                    }
                }
                log.check(sheet.merges.allSatisfy { $0.fromRow >= 1 && $0.toRow <= CellReference.maxRow && $0.fromColumn >= 1 && $0.toColumn <= CellReference.maxColumn },
                          "merged range beyond the limits: \(sheet.merges.prefix(5)); \(context())")
                log.check(sheet.filledMergeCellCount <= XLSXReader.maxMergedCells, "\(sheet.filledMergeCellCount) merged cells; \(context())")
                if sheet.filledMergeCellCount <= 20_000 {
                    let filled = sheet.filledMerges()
                    let filledNumbers = filled.rows.map(\.number)
                    log.check(zip(filledNumbers, filledNumbers.dropFirst()).allSatisfy { $0 < $1 } && filled.merges == sheet.merges,
                              "filledMerges() rows out of order or merges changed; \(context())")
                }
            }
        } catch is XLSXReadError {
            // refused, as it should be
        } catch {
            log.fail("threw \(type(of: error)) \(error), not XLSXReadError; \(context())")
        }
        let elapsed = clock.now - start
        log.check(elapsed < .seconds(5), "one read took \(elapsed); \(context())")
    }

    /// 4: 300 damaged copies of a written workbook and of the LibreOffice fixture (random bytes flipped, ranges
    /// deleted or duplicated, the file truncated, little-endian size and offset fields overwritten) never crash or
    /// hang the reader: it returns sheets that keep the reader's invariants, or throws `XLSXReadError`.
    @Test(.timeLimit(.minutes(2))) func damagedXLSXBytesReadOrThrowXLSXReadError() throws {
        let log = PropertyLog("XLSX damaged bytes")
        let bases = [try XLSXFuzz.richWorkbook(), try XLSXFuzz.fixture("libreoffice-plan.xlsx")]
        for base in bases { #expect(throws: Never.self) { _ = try XLSXReader.read(base) } }
        for i in 0..<300 {
            let seed = SplitMix64.caseSeed(0x715_0002, i)
            let g = SplitMix64(seed: seed)
            let b = g.below(bases.count)
            var bytes = [UInt8](bases[b])
            var edits: [String] = []
            for _ in 0..<g.int(1...4) {
                let at = g.below(bytes.count)
                switch g.below(6) {
                case 0, 1:
                    let old = bytes[at]
                    bytes[at] = g.chance(0.5) ? old ^ UInt8(1 << g.below(8)) : UInt8(truncatingIfNeeded: g.next())
                    edits.append("byte \(at): \(old) → \(bytes[at])")
                case 2:
                    let end = min(bytes.count, at + g.int(1...64))
                    bytes.removeSubrange(at..<end)
                    edits.append("delete \(at)..<\(end)")
                case 3:
                    let end = min(bytes.count, at + g.int(1...64)), to = g.int(0...bytes.count)
                    let copy = Array(bytes[at..<end])
                    bytes.insert(contentsOf: copy, at: to)
                    edits.append("copy \(at)..<\(end) to \(to)")
                case 4:
                    let keep = g.int(0...bytes.count)
                    bytes.removeSubrange(keep..<bytes.count)
                    edits.append("truncate to \(keep)")
                default:   // a 16- or 32-bit little-endian field overwritten (sizes, offsets, counts, name lengths)
                    let width = g.chance(0.5) ? 2 : 4
                    guard at + width <= bytes.count else { continue }
                    let value = g.pick([0, 1, 0xFF, 0xFFFF, 0xFFFF_FFFF, UInt64(bytes.count), g.next()])
                    for k in 0..<width { bytes[at + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(k))) }
                    edits.append("\(width * 8)-bit field at \(at) = \(value & (width == 2 ? 0xFFFF : 0xFFFF_FFFF))")
                }
                if bytes.isEmpty { break }
            }
            Self.checkRead(Data(bytes), log, "seed \(seed), base \(b == 0 ? "written workbook" : "LibreOffice fixture"), edits \(edits)")
        }
        log.finish()
    }

    /// 4: 250 packages whose XML parts are damaged before zipping (so the XML reaches the parser): bytes flipped,
    /// deleted, duplicated or cut; hostile fragments inserted (DOCTYPE, entities, rows and cells beyond Excel's
    /// limits, bad shared-string indices, bad types, absurd merges, path traversal in relationships); a part
    /// dropped or renamed. The reader returns sheets that keep its invariants or throws `XLSXReadError`.
    @Test(.timeLimit(.minutes(2))) func damagedXLSXPartsReadOrThrowXLSXReadError() throws {
        let log = PropertyLog("XLSX damaged parts")
        let bases = [try XLSXFuzz.unzip(try XLSXFuzz.richWorkbook()), try XLSXFuzz.unzip(try XLSXFuzz.fixture("libreoffice-plan.xlsx"))]
        for i in 0..<250 {
            let seed = SplitMix64.caseSeed(0x715_0003, i)
            let g = SplitMix64(seed: seed)
            let b = g.below(bases.count)
            var parts = bases[b]
            var edits: [String] = []
            for _ in 0..<g.int(1...3) {
                guard !parts.isEmpty else { break }
                // Worksheets, shared strings, workbook, its relationships and styles are where the reader looks.
                let preferred = parts.indices.filter { p in
                    let path = parts[p].path
                    return path.hasPrefix("xl/worksheets/") || path.hasSuffix("sharedStrings.xml") || path.hasSuffix("workbook.xml")
                        || path.hasSuffix("workbook.xml.rels") || path.hasSuffix("styles.xml")
                }
                let p = !preferred.isEmpty && g.chance(0.85) ? g.pick(preferred) : g.below(parts.count)
                var bytes = Array(parts[p].xml.utf8)
                let at = bytes.isEmpty ? 0 : g.below(bytes.count)
                switch g.below(8) {
                case 0:
                    if !bytes.isEmpty { bytes[at] = UInt8(truncatingIfNeeded: g.next()) }
                    edits.append("\(parts[p].path): byte \(at) changed")
                case 1:
                    let end = min(bytes.count, at + g.int(1...30))
                    bytes.removeSubrange(at..<end)
                    edits.append("\(parts[p].path): delete \(at)..<\(end)")
                case 2:
                    let end = min(bytes.count, at + g.int(1...200)), to = g.int(0...bytes.count)
                    let copy = Array(bytes[at..<end])
                    bytes.insert(contentsOf: copy, at: to)
                    edits.append("\(parts[p].path): copy \(at)..<\(end) to \(to)")
                case 3:
                    bytes.removeSubrange(at..<bytes.count)
                    edits.append("\(parts[p].path): cut at \(at)")
                case 4, 5:
                    // a fragment, preferably right after a tag ends
                    let snippet = g.pick(XLSXFuzz.hostileSnippets)
                    let tagEnds = bytes.indices.filter { bytes[$0] == UInt8(ascii: ">") }
                    let to = !tagEnds.isEmpty && g.chance(0.8) ? g.pick(tagEnds) + 1 : g.int(0...bytes.count)
                    bytes.insert(contentsOf: Array(snippet.utf8), at: to)
                    edits.append("\(parts[p].path): insert \(String(reflecting: snippet)) at \(to)")
                case 6:
                    // a number inside the part changed (row and cell numbers, indices, sizes)
                    let digits = bytes.indices.filter { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[$0]) }
                    if !digits.isEmpty {
                        let d = g.pick(digits)
                        let replacement = Array(g.pick(["0", "9", "99999999", "-1", "1048577", "16385", ""]).utf8)
                        bytes.replaceSubrange(d...d, with: replacement)
                        edits.append("\(parts[p].path): digit at \(d) → \(String(decoding: replacement, as: UTF8.self))")
                    }
                default:
                    // the part dropped or renamed; its text is left as it was
                    if g.chance(0.5) {
                        edits.append("drop \(parts[p].path)")
                        parts.remove(at: p)
                    } else {
                        let newPath = g.pick(["xl/other.xml", "XL/workbook.xml", parts[p].path + "x", "/" + parts[p].path, "xl/../" + parts[p].path])
                        edits.append("rename \(parts[p].path) to \(newPath)")
                        parts[p].path = newPath
                    }
                    continue
                }
                parts[p].xml = String(decoding: bytes, as: UTF8.self)
            }
            let context = "seed \(seed), base \(b == 0 ? "written workbook" : "LibreOffice fixture"), edits \(edits)"
            let data: Data
            do {
                data = try XLSXWriter.zip(parts, modified: XLSXFuzz.created)
            } catch {
                continue   // the zip library refused the parts (a path it does not take): nothing to read
            }
            Self.checkRead(data, log, context)
        }
        log.finish()
    }

    /// Found while writing the round-trip property (the random texts reach it only rarely): a control character the
    /// writer drops, sitting inside an `_xHHHH_` look-alike, must not hide it from the underscore protection.
    /// "_x00\u{1}41_" was written as `_x0041_` and read back (in this reader, and in Excel) as "A".
    @Test func droppedControlCharacterDoesNotTurnTextIntoAnEscape() throws {
        let text = "_x00\u{1}41_"
        let data = try XLSXWriter.data(Workbook(sheets: [Sheet(name: "s", columns: [], rows: [[.text(text)]])],
                                                created: XLSXFuzz.created))
        let read = try XLSXReader.read(data)
        #expect(read.first?.value(row: 1, col: 1) == .text("_x0041_"))
    }
}
