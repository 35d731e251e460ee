import Foundation

/// One problem with one row of an imported sheet: the row as the user numbers it (the sheet's row number), the
/// column by its header, the cell's reference when the column is known ("E7"), and what is wrong. An import with any
/// of these applies nothing.
public struct ImportRowError: Error, Sendable, Equatable, Codable {
    public let line: Int
    public let column: String
    public let message: String
    public let cell: String?
    public init(line: Int, column: String, _ message: String, cell: String? = nil) {
        self.line = line; self.column = column; self.message = message; self.cell = cell
    }
}

/// The whole import refused, with every row's problems.
public struct ImportRejected: Error, Sendable, Equatable {
    public let errors: [ImportRowError]
    public init(_ errors: [ImportRowError]) { self.errors = errors }
}
