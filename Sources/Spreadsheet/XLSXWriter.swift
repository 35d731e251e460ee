import Foundation
import ZIPFoundation

/// Why a workbook could not be written. Every case names the sheet and cell so the caller can
/// fix the data; nothing is silently changed except sheet names (see `Sheet.name`) and
/// characters XML cannot carry.
public enum XLSXError: Error, Equatable, CustomStringConvertible {
    /// A workbook needs at least one sheet.
    case noSheets
    /// `.date` that is not a valid `YYYY-MM-DD` day from 1900-03-01 to 9999-12-31.
    case invalidDate(sheet: String, cell: String, value: String)
    /// `.number` or `.percent` that is NaN or infinite.
    case nonFiniteNumber(sheet: String, cell: String)
    /// `.text` longer than Excel's 32,767 characters (UTF-16 units).
    case textTooLong(sheet: String, cell: String, length: Int)
    /// More than 1,048,576 rows, title and header included.
    case tooManyRows(sheet: String, rows: Int)
    /// More than 16,384 columns.
    case tooManyColumns(sheet: String, columns: Int)
    /// The zip library failed.
    case archive(String)

    public var description: String {
        switch self {
        case .noSheets: return "a workbook needs at least one sheet"
        case let .invalidDate(sheet, cell, value):
            return "\(sheet)!\(cell): \"\(value)\" is not a date YYYY-MM-DD from \(ExcelDate.firstSupported) to \(ExcelDate.lastSupported)"
        case let .nonFiniteNumber(sheet, cell): return "\(sheet)!\(cell): NaN or infinity cannot be stored in a cell"
        case let .textTooLong(sheet, cell, length):
            return "\(sheet)!\(cell): text of \(length) characters, Excel holds at most \(XLSXWriter.maxTextLength)"
        case let .tooManyRows(sheet, rows): return "\(sheet): \(rows) rows, Excel holds at most \(CellReference.maxRow)"
        case let .tooManyColumns(sheet, columns): return "\(sheet): \(columns) columns, Excel holds at most \(CellReference.maxColumn)"
        case let .archive(message): return "zip: \(message)"
        }
    }
}

/// Writes a `Workbook` as an Office Open XML spreadsheet (.xlsx) that Excel, WPS and
/// LibreOffice open without repair: shared strings, one style sheet, frozen header, column
/// widths, merged title, autoFilter and A4 print setup.
public enum XLSXWriter {
    /// Excel's limit on the characters in one cell.
    public static let maxTextLength = 32_767
    /// The media type to send with the file.
    public static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// The .xlsx file's bytes. Throws `XLSXError` for values Excel cannot hold.
    public static func data(_ workbook: Workbook) throws -> Data {
        guard !workbook.sheets.isEmpty else { throw XLSXError.noSheets }
        let names = SheetName.uniqueNames(workbook.sheets.map(\.name))
        let created = workbook.created ?? Date()

        var strings = SharedStrings()
        var sheetXML: [String] = []
        for (i, sheet) in workbook.sheets.enumerated() {
            sheetXML.append(try WorksheetPart.xml(sheet, name: names[i], isFirst: i == 0, strings: &strings,
                                                  finalNames: Dictionary(Swift.zip(workbook.sheets.map(\.name), names), uniquingKeysWith: { a, _ in a })))
        }

        var parts: [(path: String, xml: String)] = [
            ("[Content_Types].xml", XMLPart.contentTypes(sheetCount: names.count)),
            ("_rels/.rels", XMLPart.rootRelationships),
            ("docProps/app.xml", XMLPart.app(names: names)),
            ("docProps/core.xml", XMLPart.core(creator: workbook.creator, created: created)),
            ("xl/workbook.xml", XMLPart.workbook(names: names, sheets: workbook.sheets)),
            ("xl/_rels/workbook.xml.rels", XMLPart.workbookRelationships(sheetCount: names.count)),
            ("xl/styles.xml", StylesPart.xml(fontName: workbook.fontName)),
        ]
        for (i, xml) in sheetXML.enumerated() {
            parts.append(("xl/worksheets/sheet\(i + 1).xml", xml))
        }
        parts.append(("xl/sharedStrings.xml", strings.xml))
        return try zip(parts, modified: created)
    }

    /// Deflated zip of the parts, in order, built in memory.
    static func zip(_ parts: [(path: String, xml: String)], modified: Date) throws -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
            for part in parts {
                let bytes = Data(part.xml.utf8)
                try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(bytes.count),
                                     modificationDate: modified, compressionMethod: .deflate,
                                     provider: { position, size in
                                         let start = Int(position)
                                         return bytes.subdata(in: start..<min(start + size, bytes.count))
                                     })
            }
            guard let data = archive.data else { throw XLSXError.archive("the in-memory archive has no data") }
            return data
        } catch let error as XLSXError {
            throw error
        } catch {
            throw XLSXError.archive(String(describing: error))
        }
    }
}
