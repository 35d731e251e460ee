import FluentKit
import SQLKit

/// job_runs: one row per run of a background job. A scheduled run's slot is unique per job, so when several
/// instances wake for the same slot exactly one inserts it and runs; a failed or abandoned run is taken over by
/// whichever instance comes next (`Store.claimJob`).
struct CreateJobRuns: NamedMigration {
    static let migrationName = "2026-11-27-create-job-runs"
    func prepare(on db: any Database) async throws {
        try await db.schema("job_runs").intID()
            .field("job", .string, .required)
            .field("slot", .string, .required)
            .field("status", .string, .required)
            .field("owner", .string, .required)
            .field("attempts", .int, .required)
            .field("requested_by", .string, .required)
            .field("created_at", .string, .required)
            .field("started_at", .string)
            .field("finished_at", .string)
            .field("lease_until", .string)
            .field("summary", .string, .required)
            .field("error", .string, .required)
            .unique(on: "job", "slot")
            .create()
        try await db.index("idx_job_runs_job_status", on: "job_runs", "job", "status")
    }
    func revert(on db: any Database) async throws {
        try await db.schema("job_runs").delete()
    }
}
