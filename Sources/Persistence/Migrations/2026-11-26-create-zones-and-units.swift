import FluentKit

struct CreateZonesAndUnits: NamedMigration {
    static let migrationName = "2026-11-26-create-zones-and-units"
    func prepare(on db: any Database) async throws {
        try await db.schema("zones").intID()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("created_at", .string, .required)
            .unique(on: "code")
            .create()
        try await db.schema("units").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("name", .string, .required)
            .field("short_name", .string, .required)
            .field("kind", .string, .required)
            .field("sort_order", .int, .required)
            .businessColumns()
            .unique(on: "zone_id", "name")
            .create()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("units").delete()
        try await db.schema("zones").delete()
    }
}
