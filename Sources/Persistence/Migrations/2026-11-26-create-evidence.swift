import FluentKit

/// 佐证材料: files attached to a submitted report, by content hash (the bytes live in the blob store).
struct CreateEvidence: NamedMigration {
    static let migrationName = "2026-11-26-create-evidence"
    func prepare(on db: any Database) async throws {
        try await db.schema("evidence_files").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("report_id", .int, .required, .references("reports", "id"))
            .field("sha256", .string, .required)
            .field("filename", .string, .required)
            .field("kind", .string, .required)
            .field("size", .int, .required)
            .field("uploaded_at", .string, .required)
            .create()
        try await db.index("idx_evidence_report", on: "evidence_files", "report_id")
    }
    func revert(on db: any Database) async throws {
        try await db.schema("evidence_files").delete()
    }
}
