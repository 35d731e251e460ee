import FluentKit
import SQLKit

public enum DatabaseSetup {
    /// Settings that make SQLite durable and fast: WAL keeps readers off the writer's back and
    /// synchronous=FULL means an acknowledged commit survives a crash (journal_mode is a property
    /// of the file); a 64 MB page cache and memory-mapped reads keep a large zone's pages in memory
    /// instead of re-reading them with pread on every query (both are per connection, so this is
    /// run on every pooled connection: pass one database handle per event loop).
    public static func tuneSQLite(_ connections: [any Database]) async throws {
        for (i, db) in connections.enumerated() {
            let sql = db as! any SQLDatabase
            if i == 0 { try await sql.raw("PRAGMA journal_mode=WAL").run() }
            try await sql.raw("PRAGMA synchronous=FULL").run()
            try await sql.raw("PRAGMA cache_size=-65536").run()
            try await sql.raw("PRAGMA mmap_size=268435456").run()
            try await sql.raw("PRAGMA temp_store=MEMORY").run()
        }
    }
}
