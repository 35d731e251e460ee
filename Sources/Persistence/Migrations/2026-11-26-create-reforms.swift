import FluentKit

/// 改革项目库: reform items and research topics (课题攻关) with their brand level, lead and co-units, the matrix task
/// that carries their reports and orders (optional), their years and dated stages (JSON); the outcomes higher bodies
/// adopted or promoted; and the zone's rule turning outcomes into assessment bonus points.
struct CreateReforms: NamedMigration {
    static let migrationName = "2026-11-26-create-reforms"
    func prepare(on db: any Database) async throws {
        try await db.schema("reform_items").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("title", .string, .required)
            .field("kind", .string, .required)
            .field("brand_level", .string, .required)
            .field("lead_unit_id", .int, .required, .references("units", "id"))
            .field("co_unit_ids", .string, .required)
            .field("task_id", .int, .references("tasks", "id"))
            .field("first_year", .int, .required)
            .field("last_year", .int, .required)
            .field("stages", .string, .required)
            .businessColumns()
            .create()
        try await db.index("idx_reform_items_zone", on: "reform_items", "zone_id", "first_year")
        try await db.index("idx_reform_items_unit", on: "reform_items", "lead_unit_id")
        try await db.schema("reform_outcomes").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("reform_id", .int, .required, .references("reform_items", "id"))
            .field("kind", .string, .required)
            .field("level", .string, .required)
            .field("body", .string, .required)
            .field("day", .string, .required)
            .field("evidence", .string, .required)
            .field("created_at", .string, .required)
            .create()
        try await db.index("idx_reform_outcomes_reform", on: "reform_outcomes", "reform_id")
        try await db.index("idx_reform_outcomes_zone_day", on: "reform_outcomes", "zone_id", "day")
        try await db.schema("reform_settings").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("bonus_rules", .string, .required)
            .field("version", .int, .required)
            .field("updated_at", .string, .required)
            .unique(on: "zone_id")
            .create()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("reform_settings").delete()
        try await db.schema("reform_outcomes").delete()
        try await db.schema("reform_items").delete()
    }
}
