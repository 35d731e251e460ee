import Foundation

/// Why a CSV file could not be read. Each message is in Chinese for the person who uploaded the
/// file, then in English.
public enum CSVReadError: Error, Equatable, CustomStringConvertible {
    /// A quoted field opened on this 1-based line is never closed.
    case unterminatedQuote(line: Int)
    /// Neither UTF-8 (or UTF-16 with a byte order mark) nor GB18030/GBK.
    case unknownEncoding
    /// The bytes hold NUL characters: a binary file (an .xlsx or .xls renamed .csv), not text.
    case notText

    public var description: String {
        switch self {
        case .unterminatedQuote(let line):
            return "第 \(line) 行的引号没有闭合 / line \(line): a quoted field is never closed"
        case .unknownEncoding:
            return "无法识别文件编码，请另存为UTF-8编码的CSV / unknown text encoding: save the CSV as UTF-8"
        case .notText:
            return "文件不是文本格式的 CSV，Excel 文件请直接上传 .xlsx / not a text file: upload Excel files as .xlsx"
        }
    }
}

/// Reads CSV files as saved by Excel, WPS, LibreOffice and scripts (RFC 4180): fields separated
/// by commas, quoted with `"` when they hold a comma, a quote (doubled: `""`) or a line break;
/// lines ending in CRLF, LF or CR.
///
/// Encoding: UTF-8 with or without a byte order mark; UTF-16 with one (Excel's "Unicode text");
/// otherwise GB18030, which covers GBK and GB2312, the encoding Chinese Excel saves "CSV (逗号分隔)" in.
/// A file whose first line has tabs and no comma is read as tab-separated.
public enum CSVReader {
    /// The records, each a list of fields. `records[i]` is the row Excel shows as i + 1: a blank
    /// line is a record with one empty field, a line break inside quotes stays in its field, and
    /// a final line break adds no record. Rows may have different lengths; fields are not trimmed.
    public static func read(_ data: Data) throws -> [[String]] {
        try parse(decode(data))
    }

    /// GB18030-2000, the superset of GBK and GB2312. On Apple platforms this is
    /// `CFStringConvertEncodingToNSStringEncoding(CFStringEncoding(CFStringEncodings.GB_18030_2000.rawValue))`;
    /// that function is not exported by Foundation on Linux, but the value (kCFStringEncodingGB_18030_2000
    /// 0x0632 with the high bit that marks Core Foundation encodings) is the same, and decodes there too.
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// The text of `data`: BOMs stripped; UTF-8 if the bytes are valid UTF-8, else GB18030.
    static func decode(_ data: Data) throws -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let rest = bytes.dropFirst(3)
            guard isValidUTF8(rest) else { throw CSVReadError.unknownEncoding }
            return try text(utf8: rest)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            guard let text = String(data: Data(bytes.dropFirst(2)), encoding: encoding) else {
                throw CSVReadError.unknownEncoding
            }
            return text
        }
        if bytes.contains(0) { throw CSVReadError.notText }
        if isValidUTF8(bytes[...]) { return try text(utf8: bytes[...]) }
        guard let text = String(data: data, encoding: gb18030) else { throw CSVReadError.unknownEncoding }
        return text
    }

    private static func text(utf8 bytes: ArraySlice<UInt8>) throws -> String {
        if bytes.contains(0) { throw CSVReadError.notText }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// Splits decoded text into records and fields. A `"` opens a quoted field only at the
    /// start of a field; elsewhere it is an ordinary character (`5" screen`), and text after a
    /// closing quote is kept (`"a"b` reads `ab`), as Excel does.
    static func parse(_ text: String) throws -> [[String]] {
        let scalars = Array(text.unicodeScalars)
        let firstLine = scalars.prefix { $0 != "\n" && $0 != "\r" }
        let separator: Unicode.Scalar = firstLine.contains("\t") && !firstLine.contains(",") ? "\t" : ","

        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false          // the current field began with a quote
        var inQuotes = false
        var line = 1, quoteLine = 1
        var i = 0
        func endField() {
            record.append(String(field))
            field = String.UnicodeScalarView()
            quoted = false
        }
        while i < scalars.count {
            let s = scalars[i]
            let next: Unicode.Scalar? = i + 1 < scalars.count ? scalars[i + 1] : nil
            i += 1
            if inQuotes {
                if s == "\"" {
                    if next == "\"" { field.append("\""); i += 1 } else { inQuotes = false }
                } else {
                    if s == "\n" || (s == "\r" && next != "\n") { line += 1 }
                    field.append(s)
                }
                continue
            }
            switch s {
            case "\"" where field.isEmpty && !quoted:
                quoted = true
                inQuotes = true
                quoteLine = line
            case separator:
                endField()
            case "\r", "\n":
                if s == "\r" && next == "\n" { i += 1 }
                endField()
                records.append(record)
                record = []
                line += 1
            default:
                field.append(s)
            }
        }
        if inQuotes { throw CSVReadError.unterminatedQuote(line: quoteLine) }
        if !record.isEmpty || !field.isEmpty || quoted {
            endField()
            records.append(record)
        }
        return records
    }
}
