import Foundation

/// What `XLSXReader` gives back for one worksheet: the rows that are in the file, with their
/// cells' values, and the merged ranges. Row and column numbers are 1-based, as Excel shows
/// them (row 1, column 1 = A1).
public struct ReadSheet: Sendable, Equatable {
    /// The tab name.
    public let name: String
    /// The rows the file holds, in ascending order of `number`. Rows with nothing in them are
    /// usually absent; a row may be present with no cells (a hidden or formatted empty row).
    public let rows: [ReadRow]
    /// The merged ranges (`<mergeCells>`), in file order. Only a range's top-left cell holds a value.
    public let merges: [CellRange]
    /// `rows` index of each row number.
    private let rowIndex: [Int: Int]

    /// A sheet as the reader builds it; public so callers can build one in their tests.
    /// `rows` must be in ascending order of `number`.
    public init(name: String, rows: [ReadRow], merges: [CellRange]) {
        self.name = name
        self.rows = rows
        self.merges = merges
        var index: [Int: Int] = [:]
        for (i, row) in rows.enumerated() { index[row.number] = i }
        rowIndex = index
    }

    /// The value at a 1-based row and column (`value(row: 3, col: 2)` is B3), nil for an empty cell.
    public func value(row: Int, col: Int) -> ReadCell? {
        guard let i = rowIndex[row] else { return nil }
        return rows[i].cells[col]
    }

    /// The row numbered `number`, if the file has it.
    public func row(_ number: Int) -> ReadRow? {
        rowIndex[number].map { rows[$0] }
    }

    /// The number of the last row that holds a value (0 when the sheet holds none).
    public var lastUsedRow: Int {
        rows.last { !$0.cells.isEmpty }?.number ?? 0
    }

    /// The same sheet with each merged range's top-left value copied into every cell of the range,
    /// so a plan name merged down over its ten work points reads on all ten rows. Ranges whose
    /// top-left cell is empty are left alone, and ranges stop at the last row that holds a value:
    /// a merge reaching below the data adds no rows. Rows a range covers that the file lacks are
    /// added (not hidden). `merges` is kept as it was.
    public func filledMerges() -> ReadSheet {
        let lastRow = lastUsedRow
        var cellsByRow: [Int: [Int: ReadCell]] = [:]
        var hidden: [Int: Bool] = [:]
        for row in rows {
            cellsByRow[row.number] = row.cells
            hidden[row.number] = row.hidden
        }
        for range in merges {
            guard let value = value(row: range.fromRow, col: range.fromColumn),
                  let area = range.clipped(toRow: lastRow) else { continue }
            for r in area.fromRow...area.toRow {
                for c in area.fromColumn...area.toColumn {
                    cellsByRow[r, default: [:]][c] = value
                }
            }
        }
        let filled = cellsByRow.keys.sorted().map {
            ReadRow(number: $0, hidden: hidden[$0] ?? false, cells: cellsByRow[$0] ?? [:])
        }
        return ReadSheet(name: name, rows: filled, merges: merges)
    }

    /// How many cells `filledMerges()` writes: the reader refuses sheets where this is absurd.
    var filledMergeCellCount: Int {
        let lastRow = lastUsedRow
        return merges.reduce(0) { total, range in
            guard value(row: range.fromRow, col: range.fromColumn) != nil,
                  let area = range.clipped(toRow: lastRow) else { return total }
            return total + area.cellCount
        }
    }

    public static func == (a: ReadSheet, b: ReadSheet) -> Bool {
        a.name == b.name && a.rows == b.rows && a.merges == b.merges
    }
}

/// One `<row>` of a worksheet.
public struct ReadRow: Sendable, Equatable {
    /// The 1-based row number, as in the file (and as Excel shows it).
    public let number: Int
    /// Whether the row is hidden (`hidden="1"`), e.g. filtered out or hidden by hand.
    public let hidden: Bool
    /// The row's values by 1-based column number (1 = A). Empty cells are absent.
    public let cells: [Int: ReadCell]

    public init(number: Int, hidden: Bool, cells: [Int: ReadCell]) {
        self.number = number
        self.hidden = hidden
        self.cells = cells
    }
}

/// One cell's value as read. Formulas give their cached result (what Excel last showed);
/// a formula never calculated has no value and its cell reads as empty.
public enum ReadCell: Sendable, Equatable, Hashable {
    /// A shared or inline string, or a formula's text result.
    case text(String)
    /// A number without a date format (percentages read as their fraction: 50% is 0.5).
    case number(Double)
    /// A number with a date format, as the ISO day `YYYY-MM-DD`; a time of day is dropped.
    case date(String)
    /// TRUE or FALSE.
    case bool(Bool)
    /// An error value such as "#DIV/0!" or "#N/A".
    case error(String)

    /// The value as text: strings as they are, numbers with at most 15 significant digits (as
    /// many as Excel shows) and no trailing ".0" (42, 3.25, 0.3 for 0.30000000000000004, 1E-05),
    /// dates as `YYYY-MM-DD`, booleans as TRUE / FALSE, errors as their code.
    public var text: String {
        switch self {
        case .text(let s): return s
        case .number(let d): return ReadCell.display(d)
        case .date(let iso): return iso
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .error(let code): return code
        }
    }

    static func display(_ d: Double) -> String {
        guard d.isFinite else { return String(d) }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        // %g drops trailing zeros; Excel writes exponents upper case: 1E-05, 1E+16
        return String(format: "%.15g", d).uppercased()
    }
}

/// A rectangle of cells, 1-based and inclusive: A2:C4 is rows 2...4, columns 1...3.
public struct CellRange: Sendable, Equatable, Hashable, CustomStringConvertible {
    public let fromColumn: Int
    public let fromRow: Int
    public let toColumn: Int
    public let toRow: Int

    /// The corners in any order; the range is stored top-left to bottom-right.
    public init(fromColumn: Int, fromRow: Int, toColumn: Int, toRow: Int) {
        self.fromColumn = min(fromColumn, toColumn)
        self.fromRow = min(fromRow, toRow)
        self.toColumn = max(fromColumn, toColumn)
        self.toRow = max(fromRow, toRow)
    }

    /// "A2:C4" (or "A2" for a single cell).
    public var description: String {
        CellReference.range(fromColumn: fromColumn, row: fromRow, toColumn: toColumn, row: toRow)
    }

    public func contains(row: Int, col: Int) -> Bool {
        (fromRow...toRow).contains(row) && (fromColumn...toColumn).contains(col)
    }

    var cellCount: Int { (toRow - fromRow + 1) * (toColumn - fromColumn + 1) }

    /// The part of the range in rows 1...row, nil if none.
    func clipped(toRow row: Int) -> CellRange? {
        guard fromRow <= row else { return nil }
        return CellRange(fromColumn: fromColumn, fromRow: fromRow, toColumn: toColumn, toRow: min(toRow, row))
    }
}
