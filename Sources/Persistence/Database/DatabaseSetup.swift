import FluentKit
import SQLKit

public enum DatabaseSetup {
    /// Per-connection settings that make SQLite durable and concurrent: WAL keeps readers off the
    /// writer's back, synchronous=FULL means an acknowledged commit survives a crash.
    public static func tuneSQLite(_ db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        try await sql.raw("PRAGMA synchronous=FULL").run()
    }
}
