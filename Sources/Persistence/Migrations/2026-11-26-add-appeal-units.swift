import FluentKit
import SQLKit

/// Which units each appeal is with (its lead unit and co-units) as rows, so a unit's list and its count read an index
/// instead of scanning every appeal's co-unit text; and indexes for the category and status filters, newest first.
struct AddAppealUnits: NamedMigration {
    static let migrationName = "2026-11-26-add-appeal-units"
    func prepare(on db: any Database) async throws {
        try await db.schema("appeal_units").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("appeal_id", .int, .required, .references("appeals", "id"))
            .field("unit_id", .int, .required, .references("units", "id"))
            .field("lead", .bool, .required)
            .unique(on: "appeal_id", "unit_id")
            .create()
        try await db.index("idx_appeal_units_unit", on: "appeal_units", "zone_id", "unit_id", "appeal_id")
        try await db.index("idx_appeals_zone_category", on: "appeals", "zone_id", "category", "received_on")
        try await db.index("idx_appeals_zone_status_received", on: "appeals", "zone_id", "status", "received_on")
        // The appeals already assigned: their lead unit and co-units.
        struct R: Decodable { let id: Int; let zoneId: Int; let leadUnitId: Int; let coUnitIds: String }
        let rows = try await db.sql.raw("SELECT id, zone_id, lead_unit_id, co_unit_ids FROM appeals WHERE lead_unit_id IS NOT NULL")
            .all(decoding: R.self, with: SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase))
        for r in rows {
            try await db.sql.raw("INSERT INTO appeal_units (zone_id, appeal_id, unit_id, lead) VALUES (\(bind: r.zoneId), \(bind: r.id), \(bind: r.leadUnitId), \(bind: true))").run()
            for co in Set(r.coUnitIds.split(separator: ",").compactMap { Int($0) }) where co != r.leadUnitId {
                try await db.sql.raw("INSERT INTO appeal_units (zone_id, appeal_id, unit_id, lead) VALUES (\(bind: r.zoneId), \(bind: r.id), \(bind: co), \(bind: false))").run()
            }
        }
    }
    func revert(on db: any Database) async throws {
        try await db.schema("appeal_units").delete()
    }
}
