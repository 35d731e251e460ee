import FluentKit

/// 调度会: dispatch meetings with their generated agenda (frozen as JSON) and their decisions, each of
/// which became a task or a supervision order.
struct CreateMeetings: NamedMigration {
    static let migrationName = "2026-11-26-create-meetings"
    func prepare(on db: any Database) async throws {
        try await db.schema("meetings").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("held_on", .string, .required)
            .field("title", .string, .required)
            .field("agenda", .string, .required)
            .field("created_by_name", .string, .required)
            .field("created_at", .string, .required)
            .create()
        try await db.index("idx_meetings_zone", on: "meetings", "zone_id", "held_on")
        try await db.schema("meeting_decisions").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("meeting_id", .int, .required, .references("meetings", "id"))
            .field("about_task_id", .int, .required, .references("tasks", "id"))
            .field("text", .string, .required)
            .field("kind", .string, .required)
            .field("owner_unit_id", .int, .required, .references("units", "id"))
            .field("deadline", .string, .required)
            .field("task_id", .int, .references("tasks", "id"))
            .field("order_id", .int, .references("supervision_orders", "id"))
            .field("created_by_name", .string, .required)
            .field("created_at", .string, .required)
            .create()
        try await db.index("idx_decisions_meeting", on: "meeting_decisions", "meeting_id")
    }
    func revert(on db: any Database) async throws {
        try await db.schema("meeting_decisions").delete()
        try await db.schema("meetings").delete()
    }
}
