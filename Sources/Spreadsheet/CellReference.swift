/// A1-style cell references: column 1 is "A", 26 "Z", 27 "AA", 30 "AD", 16384 "XFD".
/// Written by `XLSXWriter`, parsed back by `XLSXReader`.
enum CellReference {
    /// Excel's limits: columns A...XFD, rows 1...1,048,576.
    static let maxColumn = 16_384
    static let maxRow = 1_048_576

    /// The letters of a 1-based column number (bijective base 26).
    static func columnLetters(_ column: Int) -> String {
        precondition(column >= 1, "columns are 1-based")
        var n = column
        var letters: [UInt8] = []
        while n > 0 {
            let remainder = (n - 1) % 26
            letters.append(UInt8(65 + remainder))   // "A" + remainder
            n = (n - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// "B3" for column 2, row 3 (both 1-based).
    static func cell(column: Int, row: Int) -> String {
        columnLetters(column) + String(row)
    }

    /// "A2:AD40", or just "A1" when both corners are the same cell.
    static func range(fromColumn c1: Int, row r1: Int, toColumn c2: Int, row r2: Int) -> String {
        let from = cell(column: c1, row: r1), to = cell(column: c2, row: r2)
        return from == to ? from : from + ":" + to
    }

    /// "$A$2:$AD$40": the absolute form used in defined names.
    static func absoluteRange(fromColumn c1: Int, row r1: Int, toColumn c2: Int, row r2: Int) -> String {
        "$\(columnLetters(c1))$\(r1):$\(columnLetters(c2))$\(r2)"
    }

    /// The 1-based column and row of "B3", "ab12" or "$AD$40": one to three letters, then a row
    /// number without leading zeros, each optionally after a "$". Nil for anything else. The
    /// result may lie beyond Excel's limits ("XFE1", "A9999999"); callers check `maxColumn` and
    /// `maxRow` themselves, so they can say which limit was passed.
    static func parse(_ reference: String) -> (column: Int, row: Int)? {
        var bytes = Array(reference.utf8)[...]
        if bytes.first == UInt8(ascii: "$") { bytes = bytes.dropFirst() }
        var column = 0, letters = 0
        while let b = bytes.first, letters < 4 {
            let upper = b & 0xDF   // ASCII upper case
            guard upper >= UInt8(ascii: "A"), upper <= UInt8(ascii: "Z") else { break }
            column = column * 26 + Int(upper - UInt8(ascii: "A")) + 1
            letters += 1
            bytes = bytes.dropFirst()
        }
        if bytes.first == UInt8(ascii: "$") { bytes = bytes.dropFirst() }
        guard (1...3).contains(letters), (1...7).contains(bytes.count), bytes.first != UInt8(ascii: "0"),
              bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        let row = bytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        return (column, row)
    }
}
