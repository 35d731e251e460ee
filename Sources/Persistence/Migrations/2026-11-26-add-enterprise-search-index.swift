import FluentKit

/// The registry list is ordered by pinyin initials: an index in that order lets a search stop at its page's last row.
struct AddEnterpriseSearchIndex: NamedMigration {
    static let migrationName = "2026-11-26-add-enterprise-search-index"
    func prepare(on db: any Database) async throws {
        try await db.index("idx_enterprises_zone_initials", on: "enterprises", "zone_id", "initials", "name")
    }
    func revert(on db: any Database) async throws {
        try await db.sql.drop(index: "idx_enterprises_zone_initials").run()
    }
}
