import FluentKit

/// 标准体系: every revision of an indicator's definition with the day it takes effect, so a value is read with
/// the definition in force for its period; and `indicators.formula` for indicators the product computes.
struct CreateIndicatorDefinitions: NamedMigration {
    static let migrationName = "2026-11-26-create-indicator-definitions"
    func prepare(on db: any Database) async throws {
        try await db.schema("indicators").field("formula", .string).update()
        try await db.schema("indicator_definitions").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("indicator_id", .int, .required, .references("indicators", "id"))
            .field("version", .int, .required)
            .field("effective_from", .string, .required)
            .field("definition", .string, .required)
            .field("saved_at", .string, .required)
            .field("saved_by_name", .string, .required)
            .unique(on: "indicator_id", "version")
            .create()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("indicator_definitions").delete()
        try await db.schema("indicators").deleteField("formula").update()
    }
}
