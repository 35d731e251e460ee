import FluentKit

struct CreateUsersAndSessions: NamedMigration {
    static let migrationName = "2026-11-26-create-users-and-sessions"
    func prepare(on db: any Database) async throws {
        try await db.schema("users").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("unit_id", .int, .references("units", "id"))
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("title", .string, .required)
            .field("roles", .string, .required)
            // Empty: the person is on record (a leader, a responsible person) but cannot sign in.
            .field("password_hash", .string, .required)
            .field("failed_logins", .int, .required)
            .field("locked_until", .string)
            .businessColumns()
            .unique(on: "username")
            .create()
        // Sessions live in the database so any instance behind a load balancer can answer.
        try await db.schema("sessions")
            .field("id", .string, .identifier(auto: false))
            .field("user_id", .int, .required, .references("users", "id"))
            .field("csrf_token", .string, .required)
            .field("created_at", .string, .required)
            .field("expires_at", .string, .required)
            .create()
        try await db.schema("api_tokens").intID()
            .field("user_id", .int, .required, .references("users", "id"))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .string, .required)
            .field("last_used_at", .string)
            .field("revoked_at", .string)
            .unique(on: "token_hash")
            .create()
        try await db.index("idx_sessions_user", on: "sessions", "user_id")
    }
    func revert(on db: any Database) async throws {
        try await db.schema("api_tokens").delete()
        try await db.schema("sessions").delete()
        try await db.schema("users").delete()
    }
}
