import FluentKit

/// 月通报: each month's bulletin as issued, its figures frozen as JSON.
struct CreateBulletins: NamedMigration {
    static let migrationName = "2026-11-26-create-bulletins"
    func prepare(on db: any Database) async throws {
        try await db.schema("bulletins").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("month", .string, .required)
            .field("number", .int, .required)
            .field("title", .string, .required)
            .field("issued_on", .string, .required)
            .field("issued_by_name", .string, .required)
            .field("content", .string, .required)
            .field("created_at", .string, .required)
            .unique(on: "zone_id", "month")
            .create()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("bulletins").delete()
    }
}
