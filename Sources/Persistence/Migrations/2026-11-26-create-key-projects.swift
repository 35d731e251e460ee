import FluentKit

/// 重点项目: investment projects with their stage dates, and their monthly investment planned and done.
struct CreateKeyProjects: NamedMigration {
    static let migrationName = "2026-11-26-create-key-projects"
    func prepare(on db: any Database) async throws {
        try await db.schema("key_projects").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("name", .string, .required)
            .field("enterprise_id", .int, .references("enterprises", "id"))
            .field("chain", .string, .required)
            .field("total_investment", .double, .required)
            .field("owner_unit_id", .int, .required, .references("units", "id"))
            .field("task_id", .int, .references("tasks", "id"))
            .field("stage", .string, .required)
            .field("stage_dates", .string, .required)
            .businessColumns()
            .create()
        try await db.schema("project_investments").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("project_id", .int, .required, .references("key_projects", "id"))
            .field("month", .string, .required)
            .field("planned", .double, .required)
            .field("actual", .double)
            .field("updated_at", .string, .required)
            .unique(on: "project_id", "month")
            .create()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("project_investments").delete()
        try await db.schema("key_projects").delete()
    }
}
