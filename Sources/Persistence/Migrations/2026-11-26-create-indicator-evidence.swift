import FluentKit

/// 佐证材料 for indicator values: files the owner unit attaches when it enters a value (bytes in the blob store).
struct CreateIndicatorEvidence: NamedMigration {
    static let migrationName = "2026-11-26-create-indicator-evidence"
    func prepare(on db: any Database) async throws {
        try await db.schema("indicator_evidence").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("value_id", .int, .required, .references("indicator_values", "id"))
            .field("sha256", .string, .required)
            .field("filename", .string, .required)
            .field("kind", .string, .required)
            .field("size", .int, .required)
            .field("uploaded_at", .string, .required)
            .create()
        try await db.index("idx_indicator_evidence_value", on: "indicator_evidence", "value_id")
    }
    func revert(on db: any Database) async throws {
        try await db.schema("indicator_evidence").delete()
    }
}
