import Foundation
import SQLKit

/// What a backup and a restore need from the database: a consistent copy made while the server runs, and the
/// tables and their rows, to count them in the manifest and to compare a restored copy with its source.
extension Store {
    /// SQLite's `VACUUM INTO`: a complete, consistent copy of the database as of one moment (one read transaction),
    /// written while other connections go on reading and writing. The target must not exist yet.
    public func copySQLite(to path: String) async throws {
        try await sql.raw("VACUUM INTO \(bind: path)").run()
    }

    /// Every table of the schema, in name order (Fluent's own bookkeeping included).
    public func tableNames() async throws -> [String] {
        struct N: Decodable { let name: String }
        if sql.dialect.name == "postgresql" {
            return try await sql.raw("SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename").rows(N.self).map(\.name)
        }
        return try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").rows(N.self).map(\.name)
    }

    /// Row counts per table.
    public func tableCounts() async throws -> [String: Int] {
        var out: [String: Int] = [:]
        for t in try await tableNames() {
            out[t] = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: t)").row(CountRow.self)?.n ?? 0
        }
        return out
    }

    /// A table's rows as text, one line per row (columns in order, lines sorted): what a restore is compared by.
    public func tableDump(_ table: String) async throws -> [String] {
        // Every column cast to text on the database side, so the dump does not depend on how a driver decodes types.
        struct C: Decodable { let name: String }
        let columns: [String]
        if sql.dialect.name == "postgresql" {
            columns = try await sql.raw("SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = \(bind: table) ORDER BY ordinal_position").rows(C.self).map(\.name)
        } else {
            columns = try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table)) ORDER BY cid").rows(C.self).map(\.name)
        }
        guard !columns.isEmpty else { return [] }
        var select: SQLQueryString = "SELECT "
        for (i, c) in columns.enumerated() {
            if i > 0 { select += " || '\u{1F}' || " }
            select += "COALESCE(CAST(\(ident: c) AS TEXT), '∅')"
        }
        struct L: Decodable { let line: String }
        return try await sql.raw(select + " AS line FROM \(ident: table)").rows(L.self).map(\.line).sorted()
    }
}
