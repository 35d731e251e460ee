import Domain
import Foundation
import SQLKit

/// A report of an earlier period loaded in bulk (the demo's history): submitted on time or late, accepted.
public struct HistoricReport: Sendable {
    public let taskId: Int, unitId: Int, period: ReportingPeriod, late: Bool, percentDone: Int, progress: String
    public init(taskId: Int, unitId: Int, period: ReportingPeriod, late: Bool, percentDone: Int, progress: String) {
        self.taskId = taskId; self.unitId = unitId; self.period = period; self.late = late; self.percentDone = percentDone; self.progress = progress
    }
}

extension Store {
    /// Inserts earlier periods' reports in one transaction, 500 rows per statement, with one audit line for the batch
    /// (tasks' progress is not touched: these periods are history).
    public func insertReportHistory(_ rows: [HistoricReport], actor: Actor) async throws {
        guard !rows.isEmpty else { return }
        try await write { tx in
            let now = Store.timestamp()
            var i = 0
            while i < rows.count {
                let chunk = rows[i..<min(i + 500, rows.count)]
                i += chunk.count
                var q: SQLQueryString = "INSERT INTO reports (zone_id, task_id, unit_id, period_key, period_due, submitted_at, submitted_by_name, late, percent_done, progress, problems, next_steps, coordination, status, reviewed_at, reviewed_by_name, version) VALUES "
                for (k, r) in chunk.enumerated() {
                    if k > 0 { q += ", " }
                    let submitted = (r.late ? r.period.due.adding(days: 2) : r.period.due).iso + "T08:00:00.000Z"
                    q += "(\(bind: actor.zoneId), \(bind: r.taskId), \(bind: r.unitId), \(bind: r.period.key), \(bind: r.period.due.iso), \(bind: submitted), '演示填报', \(bind: r.late ? 1 : 0), \(bind: r.percentDone), \(bind: r.progress), '', '', '', 'accepted', \(bind: now), \(bind: actor.displayName), 1)"
                }
                try await tx.raw(q).run()
            }
            try await Store.audit(tx, actor: actor, action: .create, entity: "report", id: nil, before: Optional<String>.none,
                                  after: ["batch": "历史交账记录", "count": String(rows.count)])
        }
    }
}
