import FluentKit

/// Per-zone settings the office can change: for now the thresholds of the lights.
struct CreateZoneSettings: NamedMigration {
    static let migrationName = "2026-11-26-create-zone-settings"
    func prepare(on db: any Database) async throws {
        try await db.schema("zone_settings").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("light_yellow_gap", .int, .required)
            .field("light_red_gap", .int, .required)
            .field("milestone_warning_days", .int, .required)
            .field("version", .int, .required)
            .field("updated_at", .string, .required)
            .unique(on: "zone_id")
            .create()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("zone_settings").delete()
    }
}
