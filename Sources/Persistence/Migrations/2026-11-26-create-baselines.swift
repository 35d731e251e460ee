import FluentKit
import SQLKit

/// Work point deadlines (the end the roadmap is reversed from) and baselines (基线): approved
/// schedules, kept row by row and never changed, so every later date is measured against them.
struct CreateBaselines: NamedMigration {
    static let migrationName = "2026-11-26-create-baselines"
    func prepare(on db: any Database) async throws {
        try await db.sql.raw("ALTER TABLE work_points ADD COLUMN deadline TEXT").run()
        try await db.schema("baselines").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("work_point_id", .int, .required, .references("work_points", "id"))
            .field("approved_at", .string, .required)
            .field("approved_by", .string, .required)
            .field("note", .string, .required)
            .create()
        try await db.schema("baseline_tasks")
            .field("baseline_id", .int, .required, .references("baselines", "id"))
            .field("task_id", .int, .required, .references("tasks", "id"))
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("planned_start", .string, .required)
            .field("deadline", .string, .required)
            .unique(on: "baseline_id", "task_id")
            .create()
        try await db.index("idx_baseline_tasks_task", on: "baseline_tasks", "task_id")
    }
    func revert(on db: any Database) async throws {
        try await db.schema("baseline_tasks").delete()
        try await db.schema("baselines").delete()
        try await db.sql.raw("ALTER TABLE work_points DROP COLUMN deadline").run()
    }
}
