import FluentKit

/// 草稿: one working copy per task and period, replaced on every save, removed when the report is submitted.
struct CreateReportDrafts: NamedMigration {
    static let migrationName = "2026-11-26-create-report-drafts"
    func prepare(on db: any Database) async throws {
        try await db.schema("report_drafts").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("task_id", .int, .required, .references("tasks", "id"))
            .field("period_key", .string, .required)
            .field("percent_done", .int)
            .field("progress", .string, .required)
            .field("problems", .string, .required)
            .field("next_steps", .string, .required)
            .field("coordination", .string, .required)
            .field("saved_by_name", .string, .required)
            .field("saved_at", .string, .required)
            .unique(on: "task_id", "period_key")
            .create()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("report_drafts").delete()
    }
}
