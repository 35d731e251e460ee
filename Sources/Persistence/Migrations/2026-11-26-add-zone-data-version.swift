import FluentKit
import SQLKit

/// A counter per zone, raised by every business change in the same transaction: instances compare
/// it to know whether what they computed from the zone's data is still current.
struct AddZoneDataVersion: NamedMigration {
    static let migrationName = "2026-11-26-add-zone-data-version"
    func prepare(on db: any Database) async throws {
        // Plain SQL: the same statement on SQLite and PostgreSQL, with a default for existing rows.
        try await db.sql.raw("ALTER TABLE zones ADD COLUMN data_version BIGINT NOT NULL DEFAULT 0").run()
    }
    func revert(on db: any Database) async throws {
        try await db.sql.raw("ALTER TABLE zones DROP COLUMN data_version").run()
    }
}
