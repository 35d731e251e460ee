import FluentKit
import SQLKit

/// rate_counters: requests per key (a token, a user, an address) per fixed window, shared by every instance.
struct CreateRateCounters: NamedMigration {
    static let migrationName = "2026-11-27-create-rate-counters"
    func prepare(on db: any Database) async throws {
        try await db.sql.raw("""
            CREATE TABLE rate_counters (counter_key TEXT NOT NULL, window_start TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (counter_key, window_start))
            """).run()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("rate_counters").delete()
    }
}
