import Foundation

/// Reads one xl/worksheets/sheetN.xml into a `ReadSheet`: the rows of `<sheetData>` with their
/// cells' values, and `<mergeCells>`.
struct WorksheetReader {
    /// The sheet's tab name, for errors.
    let sheet: String
    /// The part's path in the package, for errors.
    let path: String
    let sharedStrings: [String]
    let dateStyles: DateStyles
    let date1904: Bool

    func read(_ data: Data) throws -> ReadSheet {
        var rows: [ReadRow] = []
        var merges: [CellRange] = []
        var inSheetData = false

        // the open row
        var rowNumber = 0, rowHidden = false, cells: [Int: ReadCell] = [:], lastColumn = 0
        // the open cell
        var cell: (reference: String, column: Int, type: String, style: Int)?
        var value: String?, inline: String?
        var inlineDepth = 0, phoneticDepth = 0

        try XMLEvents.parse(data, path: path, start: { name, attributes in
            switch name {
            case "sheetData":
                inSheetData = true
            case "row" where inSheetData:
                let previous = rows.last?.number ?? 0
                if let r = attributes["r"] {
                    guard let number = Int(r), number >= 1 else { throw XLSXReadError.badCellReference(sheet: sheet, reference: r) }
                    rowNumber = number
                } else {
                    rowNumber = previous + 1   // r is optional: the next row
                }
                guard rowNumber <= CellReference.maxRow else { throw XLSXReadError.tooManyRows(sheet: sheet, row: rowNumber) }
                guard rowNumber > previous else {
                    throw XLSXReadError.malformedXML(part: path, detail: "row \(rowNumber) comes after row \(previous)")
                }
                rowHidden = attributes.flag("hidden")
                cells = [:]
                lastColumn = 0
            case "c" where inSheetData:
                var column = lastColumn + 1   // r is optional: the next column
                var reference = CellReference.cell(column: min(column, CellReference.maxColumn), row: rowNumber)
                if let r = attributes["r"] {
                    guard let parsed = CellReference.parse(r) else { throw XLSXReadError.badCellReference(sheet: sheet, reference: r) }
                    guard parsed.row == rowNumber else {
                        throw XLSXReadError.malformedXML(part: path, detail: "cell \(r) is inside row \(rowNumber)")
                    }
                    column = parsed.column
                    reference = r
                }
                guard column <= CellReference.maxColumn else { throw XLSXReadError.tooManyColumns(sheet: sheet, column: column) }
                guard column > lastColumn else {
                    throw XLSXReadError.malformedXML(part: path, detail: "cell \(reference) is out of order in row \(rowNumber)")
                }
                lastColumn = column
                cell = (reference, column, attributes["t"] ?? "n", attributes["s"].flatMap { Int($0) } ?? 0)
                value = nil
                inline = nil
            case "is" where cell != nil:
                inlineDepth += 1
                inline = inline ?? ""
            case "rPh":
                phoneticDepth += 1
            case "mergeCell":
                if let ref = attributes["ref"] { merges.append(try range(ref)) }
            default:
                break
            }
        }, end: { name, text in
            switch name {
            case "v" where cell != nil:
                value = text
            case "t" where inlineDepth > 0 && phoneticDepth == 0:
                inline = (inline ?? "") + text
            case "is" where inlineDepth > 0:
                inlineDepth -= 1
            case "rPh":
                phoneticDepth -= 1
            case "c" where cell != nil:
                if let open = cell, let read = try cellValue(open, value: value, inline: inline) {
                    cells[open.column] = read
                }
                cell = nil
            case "row" where inSheetData:
                rows.append(ReadRow(number: rowNumber, hidden: rowHidden, cells: cells))
            case "sheetData":
                inSheetData = false
            default:
                break
            }
        })
        return ReadSheet(name: sheet, rows: rows, merges: merges)
    }

    /// The value of a finished `<c>`, or nil for an empty cell (no value, or empty text).
    /// `t` says how to read `<v>`: s a shared-string index, str a formula's text, inlineStr the
    /// `<is>` text, b 0/1, e an error code, d an ISO date; n (or none) a number, a date if the
    /// cell's style has a date format.
    func cellValue(_ cell: (reference: String, column: Int, type: String, style: Int),
                   value: String?, inline: String?) throws -> ReadCell? {
        func bad(_ detail: String) -> XLSXReadError {
            XLSXReadError.badCellValue(sheet: sheet, cell: cell.reference, detail: detail)
        }
        func text(_ s: String, decoded: Bool = false) -> ReadCell? {
            let string = decoded ? s : XMLEvents.decodeEscapes(s)
            return string.isEmpty ? nil : .text(string)
        }
        if cell.type == "inlineStr" { return inline.flatMap { text($0) } ?? value.flatMap { text($0) } }
        guard let value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        switch cell.type {
        case "s":
            guard let index = Int(trimmed), sharedStrings.indices.contains(index) else {
                throw bad("shared string \(trimmed) does not exist")
            }
            return text(sharedStrings[index], decoded: true)
        case "str":
            return text(value)
        case "b":
            switch trimmed {
            case "1", "true": return .bool(true)
            case "0", "false": return .bool(false)
            default: throw bad("\"\(trimmed)\" is not a boolean")
            }
        case "e":
            return trimmed.isEmpty ? nil : .error(trimmed)
        case "d":
            let day = String(trimmed.prefix(10))
            guard ExcelDate.serial(iso: day) != nil else { throw bad("\"\(trimmed)\" is not a date") }
            return .date(day)
        case "n":
            if trimmed.isEmpty { return nil }
            guard let number = Double(trimmed), number.isFinite else { throw bad("\"\(trimmed)\" is not a number") }
            if dateStyles.isDate(style: cell.style), let day = ExcelDate.iso(serial: number, date1904: date1904) {
                return .date(day)
            }
            return .number(number)
        default:
            throw bad("unknown cell type t=\"\(cell.type)\"")
        }
    }

    /// A `<mergeCell ref="A1:C3">` (or a single cell "A1").
    func range(_ ref: String) throws -> CellRange {
        let corners = ref.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(corners.count) else { throw XLSXReadError.badCellReference(sheet: sheet, reference: ref) }
        var points: [(column: Int, row: Int)] = []
        for corner in corners {
            guard let point = CellReference.parse(corner) else { throw XLSXReadError.badCellReference(sheet: sheet, reference: ref) }
            guard point.row <= CellReference.maxRow else { throw XLSXReadError.tooManyRows(sheet: sheet, row: point.row) }
            guard point.column <= CellReference.maxColumn else { throw XLSXReadError.tooManyColumns(sheet: sheet, column: point.column) }
            points.append(point)
        }
        let last = points[points.count - 1]
        return CellRange(fromColumn: points[0].column, fromRow: points[0].row, toColumn: last.column, toRow: last.row)
    }
}
