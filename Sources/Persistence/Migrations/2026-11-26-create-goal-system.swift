import FluentKit

struct CreateGoalSystem: NamedMigration {
    static let migrationName = "2026-11-26-create-goal-system"
    func prepare(on db: any Database) async throws {
        try await db.schema("years").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("year", .int, .required)
            .field("title", .string, .required)
            .unique(on: "zone_id", "year")
            .create()
        try await db.schema("positioning_targets").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("year", .int, .required)
            .field("kind", .string, .required)
            .field("statement", .string, .required)
            .field("indicator_id", .int)
            .businessColumns()
            .create()
        try await db.schema("plans").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("year", .int, .required)
            .field("seq", .int, .required)
            .field("name", .string, .required)
            .field("goal", .string, .required)
            .field("leader_id", .int, .references("users", "id"))
            .field("lead_unit_id", .int, .references("units", "id"))
            .businessColumns()
            .create()
        try await db.schema("plan_co_units")
            .field("plan_id", .int, .required, .references("plans", "id"))
            .field("unit_id", .int, .required, .references("units", "id"))
            .field("zone_id", .int, .required, .references("zones", "id"))
            .unique(on: "plan_id", "unit_id")
            .create()
        try await db.schema("work_points").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("plan_id", .int, .required, .references("plans", "id"))
            .field("seq", .int, .required)
            .field("title", .string, .required)
            .field("goal", .string, .required)
            .field("lead_unit_id", .int, .references("units", "id"))
            .businessColumns()
            .create()
        try await db.index("idx_plans_zone_year", on: "plans", "zone_id", "year")
        try await db.index("idx_work_points_plan", on: "work_points", "plan_id")
        try await db.index("idx_plan_co_units_unit", on: "plan_co_units", "unit_id")
    }
    func revert(on db: any Database) async throws {
        for t in ["work_points", "plan_co_units", "plans", "positioning_targets", "years"] {
            try await db.schema(t).delete()
        }
    }
}
