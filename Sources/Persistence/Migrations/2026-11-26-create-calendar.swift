import FluentKit

/// Holiday notices loaded after release (the State Council publishes next year's each November)
/// and each zone's own overrides (a local day off, a special working day).
struct CreateCalendar: NamedMigration {
    static let migrationName = "2026-11-26-create-calendar"
    func prepare(on db: any Database) async throws {
        // Global: the notices are national. One row per year; a new load replaces the year's row.
        try await db.schema("calendar_notices").intID()
            .field("year", .int, .required)
            .field("body", .string, .required)
            .field("loaded_at", .string, .required)
            .field("loaded_by", .string, .required)
            .unique(on: "year")
            .create()
        try await db.schema("calendar_overrides").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("day", .string, .required)
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .businessColumns()
            .create()
        try await db.index("idx_calendar_overrides_zone", on: "calendar_overrides", "zone_id", "day")
    }
    func revert(on db: any Database) async throws {
        try await db.schema("calendar_overrides").delete()
        try await db.schema("calendar_notices").delete()
    }
}
