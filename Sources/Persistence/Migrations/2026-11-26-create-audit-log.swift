import FluentKit

struct CreateAuditLog: NamedMigration {
    static let migrationName = "2026-11-26-create-audit-log"
    func prepare(on db: any Database) async throws {
        // Append only: no code path updates or deletes a row of this table.
        try await db.schema("audit_log").intID()
            .field("zone_id", .int)
            .field("at", .string, .required)
            .field("user_id", .int)
            .field("username", .string, .required)
            .field("action", .string, .required)
            .field("entity_type", .string, .required)
            .field("entity_id", .int)
            .field("before_json", .string)
            .field("after_json", .string)
            .create()
        try await db.index("idx_audit_entity", on: "audit_log", "entity_type", "entity_id")
        try await db.index("idx_audit_zone_at", on: "audit_log", "zone_id", "at")
    }
    func revert(on db: any Database) async throws {
        try await db.schema("audit_log").delete()
    }
}
