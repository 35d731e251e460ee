import FluentKit
import SQLKit

/// Every migration, in the order it runs. Append only: a migration that has landed is never edited.
public enum GuatuMigrations {
    public static let all: [any AsyncMigration] = [
        CreateZonesAndUnits(),
        CreateUsersAndSessions(),
        CreateGoalSystem(),
        CreateTasks(),
        CreateAuditLog(),
        AddZoneDataVersion(),
        AddTaskZoneIdIndex(),
        CreateCalendar(),
        CreateBaselines(),
        CreateZoneSettings(),
        CreateCalendarFeeds(),
        CreateReports(),
        CreateEvidence(),
        CreateSupervision(),
        CreateBulletins(),
        CreateNotifications(),
        CreateMeetings(),
        CreateReportDrafts(),
        AddReportZonePeriodIndex(),
        CreateIndicators(),
        CreateIndicatorRanks(),
        CreateAssessment(),
        CreateIndicatorDefinitions(),
        CreateIndicatorEvidence(),
        CreateEnterprises(),
        CreateRDCenters(),
        CreateIncubation(),
        CreateKeyProjects(),
        CreateFiscal(),
        AddEnterpriseSearchIndex(),
        CreateAppeals(),
        CreatePolicies(),
        CreateSafety(),
        CreateReforms(),
        CreateFinance(),
        AddAppealUnits(),
        AddSessionLastSeen(),
        SealAuditLog(),
        CreateJobRuns(),
        CreateRateCounters(),
        AddPasswordAge(),
        AppendOnlyAuditLog(),
        AddAuditEntityIndex(),
    ]
}

/// A named migration: the name is stable and dated, so renaming the Swift type changes nothing.
protocol NamedMigration: AsyncMigration {
    static var migrationName: String { get }
}
extension NamedMigration {
    public var name: String { Self.migrationName }
}

extension Database {
    var sql: any SQLDatabase { self as! any SQLDatabase }

    func index(_ name: String, on table: String, _ columns: String..., unique: Bool = false) async throws {
        var b = sql.create(index: name).on(table)
        if unique { b = b.unique() }
        for c in columns { b = b.column(c) }
        try await b.run()
    }
}

extension SchemaBuilder {
    /// A loop's step log (`OrderEvent` rows): who did what, from which status to which, with what text, about one `parent` row.
    func stepEventColumns(parent column: String, references table: String) -> Self {
        field("zone_id", .int, .required, .references("zones", "id"))
            .field(.string(column), .int, .required, .references(table, "id"))
            .field("at", .string, .required)
            .field("action", .string, .required)
            .field("actor_name", .string, .required)
            .field("from_status", .string, .required)
            .field("to_status", .string, .required)
            .field("text", .string, .required)
    }
    /// Files attached to one `parent` row, by content hash (the bytes live in the blob store).
    func fileColumns(parent column: String, references table: String) -> Self {
        field("zone_id", .int, .required, .references("zones", "id"))
            .field(.string(column), .int, .required, .references(table, "id"))
            .field("sha256", .string, .required)
            .field("filename", .string, .required)
            .field("kind", .string, .required)
            .field("size", .int, .required)
            .field("uploaded_at", .string, .required)
    }

    /// An auto-increment integer primary key that both SQLite and PostgreSQL generate.
    func intID() -> Self { field("id", .int, .identifier(auto: true)) }
    /// created_at / updated_at as ISO-8601 text, version for optimistic locking, archived_at for soft archive.
    func businessColumns() -> Self {
        field("version", .int, .required)
            .field("archived_at", .string)
            .field("created_at", .string, .required)
            .field("updated_at", .string, .required)
    }
}
