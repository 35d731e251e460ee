import FluentKit

/// Secret iCalendar subscription URLs, per person or per unit. Only the token's hash is kept.
struct CreateCalendarFeeds: NamedMigration {
    static let migrationName = "2026-11-26-create-calendar-feeds"
    func prepare(on db: any Database) async throws {
        try await db.schema("calendar_feeds").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("user_id", .int, .required, .references("users", "id"))
            .field("kind", .string, .required)
            .field("unit_id", .int, .references("units", "id"))
            .field("token_hash", .string, .required)
            .field("created_at", .string, .required)
            .field("revoked_at", .string)
            .unique(on: "token_hash")
            .create()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("calendar_feeds").delete()
    }
}
