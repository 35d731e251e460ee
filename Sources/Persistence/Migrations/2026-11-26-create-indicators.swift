import FluentKit

/// 指标: indicators, each year's baseline, target and interim targets, and the values per period
/// (entered by the owner unit, reviewed by the office; every submission kept).
struct CreateIndicators: NamedMigration {
    static let migrationName = "2026-11-26-create-indicators"
    func prepare(on db: any Database) async throws {
        try await db.schema("indicators").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("unit", .string, .required)
            .field("direction", .string, .required)
            .field("frequency", .string, .required)
            .field("caliber", .string, .required)
            .field("source", .string, .required)
            .field("owner_unit_id", .int, .required, .references("units", "id"))
            .businessColumns()
            .unique(on: "zone_id", "code")
            .create()
        try await db.schema("indicator_years").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("indicator_id", .int, .required, .references("indicators", "id"))
            .field("year", .int, .required)
            .field("baseline", .double, .required)
            .field("target", .double, .required)
            .field("interim", .string, .required)
            .field("version", .int, .required)
            .field("updated_at", .string, .required)
            .unique(on: "indicator_id", "year")
            .create()
        try await db.schema("indicator_values").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("indicator_id", .int, .required, .references("indicators", "id"))
            .field("period_key", .string, .required)
            .field("value", .double, .required)
            .field("note", .string, .required)
            .field("status", .string, .required)
            .field("entered_by_name", .string, .required)
            .field("entered_at", .string, .required)
            .field("reviewed_by_name", .string)
            .field("review_reason", .string)
            .field("version", .int, .required)
            .create()
        try await db.index("idx_indicator_values", on: "indicator_values", "indicator_id", "period_key")
    }
    func revert(on db: any Database) async throws {
        try await db.schema("indicator_values").delete()
        try await db.schema("indicator_years").delete()
        try await db.schema("indicators").delete()
    }
}
