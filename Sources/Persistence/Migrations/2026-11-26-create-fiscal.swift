import FluentKit

/// 财政税收: monthly revenue by category and the year's targets by category.
struct CreateFiscal: NamedMigration {
    static let migrationName = "2026-11-26-create-fiscal"
    func prepare(on db: any Database) async throws {
        try await db.schema("fiscal_revenues").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("month", .string, .required)
            .field("category", .string, .required)
            .field("amount", .double, .required)
            .field("updated_at", .string, .required)
            .unique(on: "zone_id", "month", "category")
            .create()
        try await db.schema("fiscal_targets").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("year", .int, .required)
            .field("category", .string, .required)
            .field("target", .double, .required)
            .unique(on: "zone_id", "year", "category")
            .create()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("fiscal_targets").delete()
        try await db.schema("fiscal_revenues").delete()
    }
}
