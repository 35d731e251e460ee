import FluentKit

/// 提醒: in-app notifications, the delivery log (one row per event, channel and recipient — the unique
/// key is what keeps a reminder from going out twice, across instances too), and each zone's channels.
struct CreateNotifications: NamedMigration {
    static let migrationName = "2026-11-26-create-notifications"
    func prepare(on db: any Database) async throws {
        try await db.schema("notifications").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("user_id", .int, .required, .references("users", "id"))
            .field("event_key", .string, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("link", .string, .required)
            .field("created_at", .string, .required)
            .field("read_at", .string)
            .unique(on: "user_id", "event_key")
            .create()
        try await db.index("idx_notifications_user", on: "notifications", "user_id", "read_at")
        try await db.schema("deliveries").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("event_key", .string, .required)
            .field("channel", .string, .required)
            .field("target", .string, .required)
            .field("title", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("error", .string, .required)
            .field("created_at", .string, .required)
            .field("updated_at", .string, .required)
            .unique(on: "zone_id", "event_key", "channel", "target")
            .create()
        try await db.index("idx_deliveries_zone", on: "deliveries", "zone_id", "id")
        try await db.schema("notify_settings").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("settings", .string, .required)
            .field("version", .int, .required)
            .field("updated_at", .string, .required)
            .unique(on: "zone_id")
            .create()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("notify_settings").delete()
        try await db.schema("deliveries").delete()
        try await db.schema("notifications").delete()
    }
}
