import FluentKit

/// 孵化链条: carriers (苗圃, 孵化器, 加速器, 产业园区) and each firm's stays in them.
struct CreateIncubation: NamedMigration {
    static let migrationName = "2026-11-26-create-incubation"
    func prepare(on db: any Database) async throws {
        try await db.schema("carriers").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("name", .string, .required)
            .field("stage", .string, .required)
            .field("level", .string, .required)
            .field("capacity", .int, .required)
            .businessColumns()
            .unique(on: "zone_id", "name")
            .create()
        try await db.schema("incubation_steps").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("enterprise_id", .int, .required, .references("enterprises", "id"))
            .field("carrier_id", .int, .required, .references("carriers", "id"))
            .field("entered_on", .string, .required)
            .field("left_on", .string)
            .field("outcome", .string)
            .field("version", .int, .required)
            .create()
        try await db.index("idx_incubation_steps_enterprise", on: "incubation_steps", "enterprise_id")
        try await db.index("idx_incubation_steps_zone", on: "incubation_steps", "zone_id", "carrier_id")
    }
    func revert(on db: any Database) async throws {
        try await db.schema("incubation_steps").delete()
        try await db.schema("carriers").delete()
    }
}
