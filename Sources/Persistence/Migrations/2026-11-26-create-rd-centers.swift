import FluentKit

/// 研发机构: each enterprise's R&D institutions with their recognition level and date.
struct CreateRDCenters: NamedMigration {
    static let migrationName = "2026-11-26-create-rd-centers"
    func prepare(on db: any Database) async throws {
        try await db.schema("enterprise_rd_centers").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("enterprise_id", .int, .required, .references("enterprises", "id"))
            .field("name", .string, .required)
            .field("level", .string, .required)
            .field("recognized_on", .string, .required)
            .field("created_at", .string, .required)
            .create()
        try await db.index("idx_rd_centers_enterprise", on: "enterprise_rd_centers", "enterprise_id")
    }
    func revert(on db: any Database) async throws {
        try await db.schema("enterprise_rd_centers").delete()
    }
}
