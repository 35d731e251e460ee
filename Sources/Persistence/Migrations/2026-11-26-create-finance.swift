import FluentKit

/// 金融助企纾困: firms' financing needs with the banks and products put before them and the outcome (a loan granted or
/// not), the banks' loan products listed for matching, and the relief measures granted to firms.
struct CreateFinance: NamedMigration {
    static let migrationName = "2026-11-26-create-finance"
    func prepare(on db: any Database) async throws {
        try await db.schema("financing_needs").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("enterprise_id", .int, .required, .references("enterprises", "id"))
            .field("amount_wan", .double, .required)
            .field("purpose", .string, .required)
            .field("urgency", .string, .required)
            .field("term_months", .int)
            .field("filed_on", .string, .required)
            .field("status", .string, .required)
            .field("unit_id", .int, .references("units", "id"))
            // The banks and products put before the firm, as JSON [{"bank": …, "product": …}] in the order added.
            .field("matches", .string, .required)
            .field("matched_on", .string)
            .field("granted_wan", .double)
            .field("granted_on", .string)
            .field("granted_bank", .string, .required)
            .field("declined_on", .string)
            .field("decline_reason", .string, .required)
            // granted_on or declined_on, whichever decided the need (for the month figures).
            .field("decided_on", .string)
            .businessColumns()
            .create()
        try await db.index("idx_financing_needs_zone_status", on: "financing_needs", "zone_id", "status")
        try await db.index("idx_financing_needs_zone_filed", on: "financing_needs", "zone_id", "filed_on")
        try await db.index("idx_financing_needs_enterprise", on: "financing_needs", "enterprise_id")
        try await db.schema("bank_products").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("bank", .string, .required)
            .field("name", .string, .required)
            .field("min_amount_wan", .double, .required)
            .field("max_amount_wan", .double, .required)
            .field("max_term_months", .int, .required)
            // Comma-separated codes: FinancingUrgency.code and EnterpriseTier.Kind raw values; empty: any.
            .field("urgencies", .string, .required)
            .field("tiers", .string, .required)
            .field("approval_workdays", .int)
            .field("annual_rate_percent", .double)
            .businessColumns()
            .create()
        try await db.index("idx_bank_products_zone", on: "bank_products", "zone_id")
        try await db.schema("relief_measures").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("enterprise_id", .int, .required, .references("enterprises", "id"))
            .field("kind", .string, .required)
            .field("amount_wan", .double, .required)
            .field("day", .string, .required)
            .field("institution", .string, .required)
            .field("note", .string, .required)
            .businessColumns()
            .create()
        try await db.index("idx_relief_measures_zone_day", on: "relief_measures", "zone_id", "day")
        try await db.index("idx_relief_measures_enterprise", on: "relief_measures", "enterprise_id")
    }
    func revert(on db: any Database) async throws {
        try await db.schema("relief_measures").delete()
        try await db.schema("bank_products").delete()
        try await db.schema("financing_needs").delete()
    }
}
