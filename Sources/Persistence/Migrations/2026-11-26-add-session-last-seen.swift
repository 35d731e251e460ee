import FluentKit
import SQLKit

/// sessions.last_seen_at: when the session was last used (to the minute), for the idle timeout (等保: log out after inactivity).
struct AddSessionLastSeen: NamedMigration {
    static let migrationName = "2026-11-26-add-session-last-seen"
    func prepare(on db: any Database) async throws {
        try await db.sql.raw("ALTER TABLE sessions ADD COLUMN last_seen_at TEXT").run()
    }
    func revert(on db: any Database) async throws {}
}
