import FluentKit

/// Reporting (交账): the zone's reporting cycle and the reports units submit each period.
/// Every submission is its own row, kept exactly as submitted; review fields are the only ones set later.
struct CreateReports: NamedMigration {
    static let migrationName = "2026-11-26-create-reports"
    func prepare(on db: any Database) async throws {
        try await db.schema("reporting_cycles").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("kind", .string, .required)
            .field("due_weekday", .int, .required)
            .field("due_day", .int, .required)
            .field("due_hour", .int, .required)
            .field("version", .int, .required)
            .field("updated_at", .string, .required)
            .unique(on: "zone_id")
            .create()
        try await db.schema("reports").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("task_id", .int, .required, .references("tasks", "id"))
            .field("unit_id", .int, .required, .references("units", "id"))
            .field("period_key", .string, .required)
            .field("period_due", .string, .required)
            .field("submitted_at", .string, .required)
            .field("submitted_by", .int)
            .field("submitted_by_name", .string, .required)
            .field("late", .int, .required)
            .field("percent_done", .int, .required)
            .field("progress", .string, .required)
            .field("problems", .string, .required)
            .field("next_steps", .string, .required)
            .field("coordination", .string, .required)
            .field("status", .string, .required)
            .field("reviewed_at", .string)
            .field("reviewed_by_name", .string)
            .field("review_reason", .string)
            .field("version", .int, .required)
            .create()
        try await db.index("idx_reports_task_period", on: "reports", "task_id", "period_key")
        try await db.index("idx_reports_zone_status", on: "reports", "zone_id", "status")
        try await db.index("idx_reports_unit_period", on: "reports", "unit_id", "period_key")
    }
    func revert(on db: any Database) async throws {
        try await db.schema("reports").delete()
        try await db.schema("reporting_cycles").delete()
    }
}
