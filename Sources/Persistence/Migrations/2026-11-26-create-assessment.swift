import FluentKit

/// 考核: schemes (one per zone, period and unit category; every saved definition kept as a version), the marks
/// the office enters (评议, data, 加分, 扣分, 一票否决), and published results (frozen, versioned, never rewritten).
struct CreateAssessment: NamedMigration {
    static let migrationName = "2026-11-26-create-assessment"
    func prepare(on db: any Database) async throws {
        try await db.schema("assessment_schemes").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("period_key", .string, .required)
            .field("category", .string, .required)
            .field("name", .string, .required)
            .field("definition", .string, .required)
            .businessColumns()
            .unique(on: "zone_id", "period_key", "category")
            .create()
        try await db.schema("assessment_scheme_versions").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("scheme_id", .int, .required, .references("assessment_schemes", "id"))
            .field("version", .int, .required)
            .field("definition", .string, .required)
            .field("saved_at", .string, .required)
            .field("saved_by_name", .string, .required)
            .unique(on: "scheme_id", "version")
            .create()
        try await db.schema("assessment_marks").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("scheme_id", .int, .required, .references("assessment_schemes", "id"))
            .field("unit_id", .int, .required, .references("units", "id"))
            .field("kind", .string, .required)
            .field("key", .string, .required)
            .field("points", .double)
            .field("reason", .string, .required)
            .field("entered_by_name", .string, .required)
            .field("entered_at", .string, .required)
            .field("after_publication", .int, .required)
            .field("withdrawn_at", .string)
            .create()
        try await db.index("idx_assessment_marks_scheme", on: "assessment_marks", "scheme_id", "unit_id")
        try await db.schema("assessment_results").intID()
            .field("zone_id", .int, .required, .references("zones", "id"))
            .field("scheme_id", .int, .required, .references("assessment_schemes", "id"))
            .field("result_version", .int, .required)
            .field("scheme_version", .int, .required)
            .field("published_at", .string, .required)
            .field("published_by_name", .string, .required)
            .field("note", .string, .required)
            .field("snapshot", .string, .required)
            .field("changes", .string, .required)
            .unique(on: "scheme_id", "result_version")
            .create()
    }
    func revert(on db: any Database) async throws {
        for t in ["assessment_results", "assessment_marks", "assessment_scheme_versions", "assessment_schemes"] { try await db.schema(t).delete() }
    }
}
