import FluentKit
import SQLKit

/// users.password_changed_at (NULL: the owner must choose a new password at the next sign-in) and
/// password_history (earlier hashes, so a new password cannot repeat a recent one). 等保: 口令定期更换.
struct AddPasswordAge: NamedMigration {
    static let migrationName = "2026-11-27-add-password-age"
    func prepare(on db: any Database) async throws {
        try await db.sql.raw("ALTER TABLE users ADD COLUMN password_changed_at TEXT").run()
        // Passwords already set count from today: nobody is locked out by the upgrade itself.
        try await db.sql.raw("UPDATE users SET password_changed_at = \(bind: Store.timestamp()) WHERE password_hash <> ''").run()
        try await db.schema("password_history").intID()
            .field("user_id", .int, .required, .references("users", "id"))
            .field("password_hash", .string, .required)
            .field("replaced_at", .string, .required)
            .create()
        try await db.index("idx_password_history_user", on: "password_history", "user_id", "id")
    }
    func revert(on db: any Database) async throws {
        try await db.schema("password_history").delete()
    }
}
