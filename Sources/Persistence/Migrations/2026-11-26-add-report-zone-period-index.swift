import FluentKit

/// The lag list, reminders and bulletins ask "which tasks have a report in these periods" for a whole
/// zone: an index on (zone_id, period_key) answers that without reading the zone's every report.
struct AddReportZonePeriodIndex: NamedMigration {
    static let migrationName = "2026-11-26-add-report-zone-period-index"
    func prepare(on db: any Database) async throws {
        try await db.index("idx_reports_zone_period", on: "reports", "zone_id", "period_key", "task_id")
    }
    func revert(on db: any Database) async throws {
        try await db.sql.drop(index: "idx_reports_zone_period").run()
    }
}
