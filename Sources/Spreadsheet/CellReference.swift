/// A1-style cell references: column 1 is "A", 26 "Z", 27 "AA", 30 "AD", 16384 "XFD".
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
}
