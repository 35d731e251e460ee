import FluentKit

/// Lets the API's id-ordered task list walk one zone's tasks in order and stop at the page's end,
/// instead of sorting the zone (measured: 51 → see bench/README.md).
struct AddTaskZoneIdIndex: NamedMigration {
    static let migrationName = "2026-11-26-add-task-zone-id-index"
    func prepare(on db: any Database) async throws {
        try await db.index("idx_tasks_zone_id", on: "tasks", "zone_id", "id")
    }
    func revert(on db: any Database) async throws {
        try await db.sql.raw("DROP INDEX idx_tasks_zone_id").run()
    }
}
