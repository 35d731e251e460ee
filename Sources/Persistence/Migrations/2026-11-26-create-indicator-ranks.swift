import FluentKit

/// 同类排名: the zone's rank among its peers per indicator, period and scope (one row each, replaced
/// when corrected; every change audited).
struct CreateIndicatorRanks: NamedMigration {
    static let migrationName = "2026-11-26-create-indicator-ranks"
    func prepare(on db: any Database) async throws {
        try await db.schema("indicator_ranks").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("indicator_id", .int, .required, .references("indicators", "id"))
            .field("period_key", .string, .required)
            .field("scope", .string, .required)
            .field("rank", .int, .required)
            .field("out_of", .int)
            .field("entered_by_name", .string, .required)
            .field("entered_at", .string, .required)
            .unique(on: "indicator_id", "period_key", "scope")
            .create()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("indicator_ranks").delete()
    }
}
