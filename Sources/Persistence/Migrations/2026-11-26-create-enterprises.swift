import FluentKit

/// 一企一档: enterprises (unique by credit code in a zone), their figures per year, and their tiers with dates.
struct CreateEnterprises: NamedMigration {
    static let migrationName = "2026-11-26-create-enterprises"
    func prepare(on db: any Database) async throws {
        try await db.schema("enterprises").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("credit_code", .string, .required)
            .field("name", .string, .required)
            .field("initials", .string, .required)
            .field("address", .string, .required)
            .field("industry_code", .string, .required)
            .field("chain", .string, .required)
            .field("founded_on", .string)
            .field("serving_unit_id", .int, .references("units", "id"))
            .field("visiting_official", .string, .required)
            .businessColumns()
            .unique(on: "zone_id", "credit_code")
            .create()
        try await db.index("idx_enterprises_zone_name", on: "enterprises", "zone_id", "name")
        try await db.schema("enterprise_years").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("enterprise_id", .int, .required, .references("enterprises", "id"))
            .field("year", .int, .required)
            .field("revenue", .double)
            .field("main_revenue", .double)
            .field("rd_expense", .double)
            .field("high_tech_revenue", .double)
            .field("tax", .double)
            .field("total_assets", .double)
            .field("employees", .int)
            .field("rd_staff", .int)
            .field("above_scale", .int, .required)
            .field("invention_patents", .int)
            .field("utility_patents", .int)
            .field("design_patents", .int)
            .field("updated_at", .string, .required)
            .unique(on: "enterprise_id", "year")
            .create()
        try await db.index("idx_enterprise_years_zone_year", on: "enterprise_years", "zone_id", "year")
        try await db.schema("enterprise_tiers").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("enterprise_id", .int, .required, .references("enterprises", "id"))
            .field("kind", .string, .required)
            .field("certificate", .string, .required)
            .field("granted_on", .string, .required)
            .field("expires_on", .string)
            .field("created_at", .string, .required)
            .field("withdrawn_at", .string)
            .create()
        try await db.index("idx_enterprise_tiers_enterprise", on: "enterprise_tiers", "enterprise_id")
    }
    func revert(on db: any Database) async throws {
        for t in ["enterprise_tiers", "enterprise_years", "enterprises"] { try await db.schema(t).delete() }
    }
}
