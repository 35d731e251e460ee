import FluentKit
import SQLKit

/// audit_log (zone_id, entity_type, id): the newest audit line of a zone for some kinds of record in one index
/// lookup (`Store.entityVersion`), so a view computed only from those records (the registry's coverage indicators)
/// is kept until one of them changes, not until anything in the zone does.
struct AddAuditEntityIndex: NamedMigration {
    static let migrationName = "2026-11-27-add-audit-entity-index"
    func prepare(on db: any Database) async throws {
        try await db.index("idx_audit_zone_entity", on: "audit_log", "zone_id", "entity_type", "id")
    }
    func revert(on db: any Database) async throws {
        try await db.sql.raw("DROP INDEX idx_audit_zone_entity").run()
    }
}
