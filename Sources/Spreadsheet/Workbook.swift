import Foundation

/// A workbook to be written as an .xlsx file by `XLSXWriter.data(_:)`: one or more sheets,
/// plus the few document properties that end up in docProps/ and styles.xml.
public struct Workbook: Sendable, Equatable {
    public var sheets: [Sheet]
    /// Written to docProps/core.xml (dc:creator, cp:lastModifiedBy).
    public var creator: String
    /// Written to docProps/core.xml and used as the zip entries' dates; `nil` means "now" at
    /// write time. Set it to get byte-identical output for the same workbook.
    public var created: Date?
    /// The workbook's default font (all cells; the header is its bold, the title its 14 pt bold).
    /// 等线 (DengXian) is Excel's default for Chinese; Excel, WPS and LibreOffice substitute a
    /// font they have if it is missing.
    public var fontName: String

    public init(sheets: [Sheet], creator: String = "Guatu", created: Date? = nil, fontName: String = "等线") {
        self.sheets = sheets
        self.creator = creator
        self.created = created
        self.fontName = fontName
    }
}

/// One worksheet: an optional title row, one header row made of `columns`, then `rows`.
///
/// Layout (1-based row numbers as Excel shows them):
/// - with `title`: row 1 is the title (bold 14 pt, merged across all columns), row 2 the header;
/// - without: row 1 is the header.
/// The header row gets an autoFilter; the title and the first `frozenHeaderRows` rows from the
/// header on stay frozen on screen and repeat on every printed page.
public struct Sheet: Sendable, Equatable {
    /// The tab name. Excel allows at most 31 characters and none of `[ ] : * ? / \`; the writer
    /// sanitizes (replaces those with `_`, trims, truncates, makes names unique in the workbook)
    /// and never fails because of a name.
    public var name: String
    /// Header text and width of each column, left to right. May be empty (no header row then).
    public var columns: [Column]
    /// Data rows, each a list of cells from column A on. A row may be shorter or longer than
    /// `columns`; missing cells are simply empty.
    public var rows: [[Cell]]
    /// How many rows, counted from the header row, stay frozen (1 = just the header; 0 = no frozen
    /// pane at all, not even for the title).
    public var frozenHeaderRows: Int
    /// Optional title row above the header, merged over the header's width.
    public var title: String?
    /// Print in landscape rather than portrait. Paper is always A4, scaled to fit the page width.
    public var landscape: Bool
    /// Drop-down lists on columns of this sheet.
    public var validations: [ListValidation]
    /// A hidden sheet (the lists behind drop-downs); the first sheet should stay visible.
    public var hidden: Bool

    public init(name: String, columns: [Column], rows: [[Cell]], frozenHeaderRows: Int = 1,
                title: String? = nil, landscape: Bool = false, validations: [ListValidation] = [], hidden: Bool = false) {
        self.name = name
        self.columns = columns
        self.rows = rows
        self.frozenHeaderRows = frozenHeaderRows
        self.title = title
        self.landscape = landscape
        self.validations = validations
        self.hidden = hidden
    }
}

/// A drop-down list on one column's data cells, from the first data row through `throughRow` (as Excel numbers
/// rows), whose choices are the values in column `sourceColumn` of the sheet named `sourceSheet`, below its header
/// (rows 2 through `sourceCount + 1`: a sheet without a title). Excel, WPS and LibreOffice show the list; with
/// `strict` a value not in the list gets a warning the user may override, without it any text is accepted (a cell
/// that may hold several choices, like 配合单位).
public struct ListValidation: Sendable, Equatable {
    public var column: Int
    public var throughRow: Int
    public var sourceSheet: String
    public var sourceColumn: Int
    public var sourceCount: Int
    public var strict: Bool
    /// Columns are counted from 0 (A).
    public init(column: Int, throughRow: Int, sourceSheet: String, sourceColumn: Int, sourceCount: Int, strict: Bool = true) {
        self.column = column; self.throughRow = throughRow; self.sourceSheet = sourceSheet
        self.sourceColumn = sourceColumn; self.sourceCount = sourceCount; self.strict = strict
    }
}

/// A column: its header text and its width in Excel's unit, roughly "characters of the default
/// font" (a digit or Latin letter is about 1, a Chinese character about 2).
/// `Column.auto(header:values:)` computes the width from the content.
public struct Column: Sendable, Equatable {
    public var header: String
    public var width: Double

    public init(_ header: String, width: Double = 10) {
        self.header = header
        self.width = width
    }
}

/// One cell's value. Everything but `.text` is stored as a number, so Excel can sum and sort it.
public enum Cell: Sendable, Equatable, Hashable {
    /// A string (shared-string table). XML-special characters are escaped and characters XML
    /// cannot carry (control characters other than tab and newline) are dropped.
    /// At most 32,767 UTF-16 units, Excel's limit; longer text makes the writer throw.
    case text(String)
    /// A number shown with Excel's General format. Must be finite (NaN and ±∞ make the writer throw).
    case number(Double)
    /// An integer, stored as a number. Excel keeps 15 significant digits: beyond ±999,999,999,999,999
    /// Excel rounds it; store such values (IDs) as `.text`.
    case integer(Int)
    /// A fraction shown as a percentage with one decimal: 0.5 shows "50.0%", 0.1234 "12.3%".
    case percent(Double)
    /// A day as ISO `YYYY-MM-DD` ("2026-11-26"), stored as a real Excel date (a serial number)
    /// shown as yyyy-mm-dd. Must be a valid date from 1900-03-01 to 9999-12-31, else the writer throws.
    case date(String)
    /// Nothing: no cell is written.
    case empty
}

extension Cell: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
}

extension Sheet {
    /// A table sheet: Chinese headers, each column as wide as its content, the header row frozen, a title above.
    public static func table(_ name: String, title: String, headers: [String], rows: [[Cell]]) -> Sheet {
        let columns = headers.enumerated().map { i, h in Column.auto(header: h, values: rows.map { i < $0.count ? $0[i] : .empty }) }
        return Sheet(name: name, columns: columns, rows: rows, frozenHeaderRows: 1, title: title)
    }
}
