import Foundation
import SQLKit

/// One run of a background job, as the admin page shows it.
public struct JobRun: Sendable, Equatable, Decodable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case queued, running, ok, failed
        public var chineseName: String {
            switch self {
            case .queued: return "排队中"
            case .running: return "运行中"
            case .ok: return "成功"
            case .failed: return "失败"
            }
        }
    }
    public let id: Int
    public let job: String
    public let slot: String
    public let status: Status
    public let owner: String
    public let attempts: Int
    public let requestedBy: String
    public let createdAt: String
    public let startedAt: String?
    public let finishedAt: String?
    public let leaseUntil: String?
    public let summary: String
    public let error: String
}

/// Background jobs that run once across every instance (`job_runs`): claiming is a single conditional write,
/// so two instances racing for one run cannot both win, on SQLite or PostgreSQL.
extension Store {
    /// A run fails this many times at most before it is left for a person to look at.
    public static let jobMaxAttempts = 3

    /// The run of `job` this instance should do now, if any, already marked running under `owner` with a lease:
    /// the scheduled `slot` when no instance has started it yet, else a queued run ("run now"), a failed run whose
    /// retry delay has passed, or a running one whose owner's lease ran out (the instance died).
    public func claimJob(_ job: String, slot: String?, owner: String, now: Date, lease: TimeInterval, retryAfter: TimeInterval) async throws -> Int? {
        let t = Store.timestamp(now), until = Store.timestamp(now.addingTimeInterval(lease))
        let retryBefore = Store.timestamp(now.addingTimeInterval(-retryAfter))
        return try await write { tx in
            if let slot, let id = try await tx.raw("""
                INSERT INTO job_runs (job, slot, status, owner, attempts, requested_by, created_at, started_at, lease_until, summary, error)
                VALUES (\(bind: job), \(bind: slot), 'running', \(bind: owner), 1, 'schedule', \(bind: t), \(bind: t), \(bind: until), '', '')
                ON CONFLICT (job, slot) DO NOTHING RETURNING id
                """).row(IDRow.self)?.id {
                return id
            }
            let open: SQLQueryString = """
                job = \(bind: job) AND (status = 'queued'
                  OR (status = 'failed' AND attempts < \(bind: Store.jobMaxAttempts) AND finished_at < \(bind: retryBefore))
                  OR (status = 'running' AND attempts < \(bind: Store.jobMaxAttempts) AND lease_until < \(bind: t)))
                """
            // The condition is repeated on the row itself: on PostgreSQL a second instance that waited for the row
            // re-reads it after the first one's commit and finds it no longer open.
            let update: SQLQueryString = """
                UPDATE job_runs SET status = 'running', owner = \(bind: owner), attempts = attempts + 1, started_at = \(bind: t),
                  lease_until = \(bind: until), error = ''
                """
            return try await tx.raw(update + " WHERE id = (SELECT id FROM job_runs WHERE " + open + " ORDER BY id LIMIT 1) AND " + open + " RETURNING id")
                .row(IDRow.self)?.id
        }
    }

    /// Records how a claimed run ended (only while `owner` still holds it).
    public func finishJob(id: Int, owner: String, now: Date, summary: String, error: String?) async throws {
        try await write { tx in
            try await tx.raw("""
                UPDATE job_runs SET status = \(bind: error == nil ? "ok" : "failed"), finished_at = \(bind: Store.timestamp(now)),
                  lease_until = NULL, summary = \(bind: summary), error = \(bind: String((error ?? "").prefix(2000)))
                WHERE id = \(bind: id) AND owner = \(bind: owner) AND status = 'running'
                """).run()
        }
    }

    /// "Run now" from the admin page or `guatu jobs run`: a queued run the next instance to look takes.
    /// One queued run per job at a time: asking twice does not run it twice.
    @discardableResult
    public func queueJob(_ job: String, requestedBy: String, now: Date = Date()) async throws -> Bool {
        // The unique index on queued runs (job_runs_one_queued) makes a second request, from any instance, a no-op.
        try await write { tx in
            try await tx.raw("""
                INSERT INTO job_runs (job, slot, status, owner, attempts, requested_by, created_at, summary, error)
                VALUES (\(bind: job), \(bind: "manual:" + UUID().uuidString), 'queued', '', 0, \(bind: requestedBy), \(bind: Store.timestamp(now)), '', '')
                ON CONFLICT DO NOTHING RETURNING id
                """).first() != nil
        }
    }

    /// The latest runs, newest first (of one job, or of all).
    public func jobRuns(job: String? = nil, limit: Int = 50) async throws -> [JobRun] {
        let filter: SQLQueryString = job.map { " WHERE job = \(bind: $0)" } ?? ""
        return try await sql.raw("SELECT * FROM job_runs" + filter + " ORDER BY id DESC LIMIT \(bind: limit)").rows(JobRun.self)
    }

    /// Each job's latest run.
    public func lastJobRuns() async throws -> [String: JobRun] {
        let rows = try await sql.raw("SELECT * FROM job_runs WHERE id IN (SELECT MAX(id) FROM job_runs GROUP BY job)").rows(JobRun.self)
        return Dictionary(rows.map { ($0.job, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Sessions past their end, removed by the hourly job (a signed-in request refuses them anyway).
    public func deleteExpiredSessions(now: Date = Date()) async throws -> Int {
        try await write { tx in
            try await tx.raw("DELETE FROM sessions WHERE expires_at < \(bind: Store.timestamp(now)) RETURNING id").rows(IDRowText.self).count
        }
    }
}

/// A row whose only column is a text id (sessions are keyed by the hash of their secret).
struct IDRowText: Decodable { let id: String }
