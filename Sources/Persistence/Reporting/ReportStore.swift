import Domain
import Foundation
import SQLKit

/// A report (交账) as submitted, with its review.
public struct Report: Codable, Sendable, Equatable, Identifiable {
    public enum Status: String, Codable, Sendable { case submitted, accepted, returned
        public var chineseName: String {
            switch self { case .submitted: return "待审核"; case .accepted: return "已通过"; case .returned: return "被退回" }
        }
    }
    public let id: Int
    public let taskId: Int
    public let unitId: Int
    public let periodKey: String
    public let periodDue: Day
    public let submittedAt: String
    public let submittedByName: String
    public let late: Bool
    public let percentDone: Int
    public let progress: String
    public let problems: String
    public let nextSteps: String
    public let coordination: String
    public let status: Status
    public let reviewedAt: String?
    public let reviewedByName: String?
    public let reviewReason: String?
    public let version: Int
    /// 佐证材料, in upload order.
    public var evidence: [EvidenceFile] = []
}

/// What a unit writes in a report.
public struct ReportDraft: Codable, Sendable, Equatable {
    public var percentDone: Int?
    public var progress: String?
    public var problems: String?
    public var nextSteps: String?
    public var coordination: String?
    public init(percentDone: Int? = nil, progress: String? = nil, problems: String? = nil, nextSteps: String? = nil, coordination: String? = nil) {
        self.percentDone = percentDone; self.progress = progress; self.problems = problems; self.nextSteps = nextSteps; self.coordination = coordination
    }

    /// 本期进展 is required; every text at most 2000 characters; percent 0…100.
    public func validated() throws -> (percent: Int, progress: String, problems: String, nextSteps: String, coordination: String) {
        guard let p = percentDone, (0...100).contains(p) else { throw ValidationError(field: "percentDone", "完成进度须在0到100之间") }
        func text(_ v: String?, _ field: String, _ label: String, required: Bool = false) throws -> String {
            let t = (v ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if required && t.isEmpty { throw ValidationError(field: field, "请填写\(label)") }
            if t.count > TextLimits.longText { throw ValidationError(field: field, "\(label)不能超过\(TextLimits.longText)个字") }
            return t
        }
        return (p, try text(progress, "progress", "本期进展", required: true), try text(problems, "problems", "存在问题"),
                try text(nextSteps, "nextSteps", "下步计划"), try text(coordination, "coordination", "需协调事项"))
    }
}

/// A draft's values once validated.
struct ReportValues: Sendable {
    let percent: Int, progress: String, problems: String, nextSteps: String, coordination: String
    init(_ v: (percent: Int, progress: String, problems: String, nextSteps: String, coordination: String)) {
        percent = v.percent; progress = v.progress; problems = v.problems; nextSteps = v.nextSteps; coordination = v.coordination
    }
}

extension Store {
    struct ReportRow: Decodable {
        let id: Int; let taskId: Int; let unitId: Int; let periodKey: String; let periodDue: String; let submittedAt: String
        let submittedByName: String; let late: Int; let percentDone: Int; let progress: String; let problems: String
        let nextSteps: String; let coordination: String; let status: String; let reviewedAt: String?; let reviewedByName: String?
        let reviewReason: String?; let version: Int
        var report: Report {
            Report(id: id, taskId: taskId, unitId: unitId, periodKey: periodKey, periodDue: .stored(periodDue), submittedAt: submittedAt,
                   submittedByName: submittedByName, late: late != 0, percentDone: percentDone, progress: progress, problems: problems,
                   nextSteps: nextSteps, coordination: coordination, status: Report.Status(rawValue: status) ?? .submitted,
                   reviewedAt: reviewedAt, reviewedByName: reviewedByName, reviewReason: reviewReason, version: version)
        }
    }
    static let reportColumns: SQLQueryString = "SELECT id, task_id, unit_id, period_key, period_due, submitted_at, submitted_by_name, late, percent_done, progress, problems, next_steps, coordination, status, reviewed_at, reviewed_by_name, review_reason, version FROM reports"

    /// The zone's reporting cycle (weekly, Friday 17:00 until the office sets another).
    public func reportingCycle(zoneId: Int) async throws -> (cycle: ReportingCycle, version: Int) {
        struct R: Decodable { let kind: String; let dueWeekday: Int; let dueDay: Int; let dueHour: Int; let version: Int }
        guard let r = try await sql.raw("SELECT kind, due_weekday, due_day, due_hour, version FROM reporting_cycles WHERE zone_id = \(bind: zoneId)").row(R.self),
              let kind = ReportingCycle.Kind(rawValue: r.kind) else { return (.weekly, 0) }
        return (ReportingCycle(kind: kind, dueWeekday: r.dueWeekday, dueDay: r.dueDay, dueHour: r.dueHour), r.version)
    }

    public func setReportingCycle(_ c: ReportingCycle, version: Int, actor: Actor) async throws {
        do { try c.validate() } catch let e as ValidationError { throw StoreError.invalid(e) }
        let (before, current) = try await reportingCycle(zoneId: actor.zoneId)
        guard current == version else { throw StoreError.conflict(entity: "reporting_cycle", id: actor.zoneId, current: current) }
        try await write { tx in
            try await Store.saveZoneSetting(tx, table: "reporting_cycles", entity: "reporting_cycle", actor: actor, version: version,
                values: [("kind", c.kind.rawValue), ("due_weekday", c.dueWeekday), ("due_day", c.dueDay), ("due_hour", c.dueHour)],
                before: before, after: c)
        }
    }

    /// Records a submitted report and moves the task's percent done to it, in one transaction.
    /// Refused for an archived or finished-and-accepted period; a report after the due time is kept and marked late.
    public func submitReport(taskId: Int, period: ReportingPeriod, late: Bool, _ d: ReportDraft, evidence: [EvidenceUpload] = [], actor: Actor, today: Day,
                             calendar: WorkCalendar, authorize: @Sendable (TaskItem) throws -> Void) async throws -> Report {
        try await submitReports([(taskId, d)], evidence: [taskId: evidence], period: period, late: late, actor: actor, today: today, calendar: calendar,
                                authorize: authorize)[0]
    }

    /// Several tasks' reports at once (one screen in the inbox): all are stored or none. A broken rule
    /// names the task in its message.
    public func submitReports(_ items: [(taskId: Int, draft: ReportDraft)], evidence: [Int: [EvidenceUpload]] = [:], period: ReportingPeriod, late: Bool, actor: Actor, today: Day,
                              calendar: WorkCalendar, authorize: @Sendable (TaskItem) throws -> Void) async throws -> [Report] {
        struct Prepared: Sendable {
            let task: TaskItem; let after: TaskItem
            let v: ReportValues
        }
        var prepared: [Prepared] = []
        for (taskId, d) in items {
            let task = try await self.task(id: taskId, zoneId: actor.zoneId)
            func named(_ e: ValidationError) -> StoreError {
                .invalid(items.count == 1 ? e : ValidationError(field: e.field, "“\(task.title)”：\(e.message)"))
            }
            let v: ReportValues
            do { v = ReportValues(try d.validated()) } catch let e as ValidationError { throw named(e) }
            try authorize(task)
            guard !task.archived else { throw named(ValidationError(field: "taskId", "任务已归档，不能再交账")) }
            var progress = TaskDraft(); progress.percentDone = v.percent
            let after = try validated { try TaskRules.apply(progress, to: task, today: today, calendar: calendar) }
            prepared.append(Prepared(task: task, after: after, v: v))
        }
        let all = prepared
        return try await write { tx in
            var out: [Report] = []
            for p in all {
                let task = p.task, after = p.after, v = p.v
                struct S: Decodable { let status: String }
                let existing = try await tx.raw("SELECT status FROM reports WHERE task_id = \(bind: task.id) AND period_key = \(bind: period.key) ORDER BY id DESC LIMIT 1").row(S.self)
                if existing?.status == Report.Status.accepted.rawValue {
                    throw StoreError.duplicate(field: "periodKey", message: "“\(task.title)”本期（\(period.key)）报告已通过审核，无需再报")
                }
                let now = Store.timestamp()
                let id = try await tx.raw("""
                    INSERT INTO reports (zone_id, task_id, unit_id, period_key, period_due, submitted_at, submitted_by, submitted_by_name, late, percent_done,
                      progress, problems, next_steps, coordination, status, version)
                    VALUES (\(bind: actor.zoneId), \(bind: task.id), \(bind: task.ownerUnitId), \(bind: period.key), \(bind: period.due.iso), \(bind: now),
                      \(bind: actor.userId), \(bind: actor.displayName), \(bind: late ? 1 : 0), \(bind: v.percent), \(bind: v.progress), \(bind: v.problems),
                      \(bind: v.nextSteps), \(bind: v.coordination), 'submitted', 1) RETURNING id
                    """).row(IDRow.self)!.id
                if after != task {
                    try await Store.versionedUpdate(tx, table: "tasks", entity: "task", id: task.id, zoneId: actor.zoneId, version: task.version,
                        set: "percent_done = \(bind: after.percentDone), status = \(bind: after.status.rawValue), done_on = \(bind: after.doneOn?.iso)")
                    var audited = after; audited.version = task.version + 1
                    try await Store.audit(tx, actor: actor, action: .update, entity: "task", id: task.id, before: task, after: audited)
                }
                let report = Report(id: id, taskId: task.id, unitId: task.ownerUnitId, periodKey: period.key, periodDue: period.due, submittedAt: now,
                                    submittedByName: actor.displayName, late: late, percentDone: v.percent, progress: v.progress, problems: v.problems,
                                    nextSteps: v.nextSteps, coordination: v.coordination, status: .submitted, reviewedAt: nil, reviewedByName: nil,
                                    reviewReason: nil, version: 1,
                                    evidence: try await Store.attach(tx, evidence[task.id] ?? [], reportId: id, zoneId: actor.zoneId, at: now))
                try await Store.audit(tx, actor: actor, action: .create, entity: "report", id: id, before: Optional<Report>.none, after: report)
                // The draft of this period, if any, has become the report.
                try await tx.raw("DELETE FROM report_drafts WHERE task_id = \(bind: task.id) AND period_key = \(bind: period.key)").run()
                out.append(report)
            }
            return out
        }
    }

    /// Accepts or returns a submitted report, if nobody reviewed it since `version`.
    public func reviewReport(id: Int, version: Int, accept: Bool, reason: String, actor: Actor) async throws -> Report {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if !accept && reason.isEmpty { throw StoreError.invalid(ValidationError(field: "reason", "退回时请写明理由")) }
        guard reason.count <= TextLimits.longText else { throw StoreError.invalid(ValidationError(field: "reason", "理由不能超过\(TextLimits.longText)个字")) }
        guard let before = try await sql.raw(Store.reportColumns + " WHERE id = \(bind: id) AND zone_id = \(bind: actor.zoneId)").row(ReportRow.self)?.report
        else { throw StoreError.notFound(entity: "report", id: id) }
        guard before.status == .submitted else {
            throw StoreError.conflict(entity: "report", id: id, current: before.version)
        }
        return try await write { tx in
            let status: Report.Status = accept ? .accepted : .returned
            guard try await tx.raw("""
                UPDATE reports SET status = \(bind: status.rawValue), reviewed_at = \(bind: Store.timestamp()), reviewed_by_name = \(bind: actor.displayName),
                  review_reason = \(bind: reason), version = version + 1 WHERE id = \(bind: id) AND zone_id = \(bind: actor.zoneId) AND version = \(bind: version) RETURNING id
                """).row(IDRow.self) != nil else { throw StoreError.conflict(entity: "report", id: id, current: before.version + 1) }
            let after = try await tx.raw(Store.reportColumns + " WHERE id = \(bind: id)").row(ReportRow.self)!.report
            try await Store.audit(tx, actor: actor, action: .update, entity: "report", id: id, before: before, after: after)
            return after
        }
    }

    /// The newest report of each task for a period.
    public func latestReports(zoneId: Int, periodKey: String, taskIds: [Int]) async throws -> [Int: Report] {
        guard !taskIds.isEmpty else { return [:] }
        let rows = try await sql.raw(Store.reportColumns + " WHERE zone_id = \(bind: zoneId) AND period_key = \(bind: periodKey) AND task_id IN (\(binds: taskIds)) ORDER BY id").rows(ReportRow.self)
        var out: [Int: Report] = [:]
        for r in rows { out[r.taskId] = r.report }
        return out
    }

    public func reports(taskId: Int, zoneId: Int) async throws -> [Report] {
        try await sql.raw(Store.reportColumns + " WHERE zone_id = \(bind: zoneId) AND task_id = \(bind: taskId) ORDER BY id DESC").rows(ReportRow.self).map(\.report)
    }

    public func report(id: Int, zoneId: Int) async throws -> Report {
        guard let r = try await sql.raw(Store.reportColumns + " WHERE id = \(bind: id) AND zone_id = \(bind: zoneId)").row(ReportRow.self) else {
            throw StoreError.notFound(entity: "report", id: id)
        }
        return r.report
    }

    /// Reports waiting for review, oldest first.
    public func pendingReports(zoneId: Int, limit: Int = 200, offset: Int = 0) async throws -> [Report] {
        try await sql.raw(Store.reportColumns + " WHERE zone_id = \(bind: zoneId) AND status = 'submitted' ORDER BY id LIMIT \(bind: limit) OFFSET \(bind: offset)").rows(ReportRow.self).map(\.report)
    }

    /// How many reports wait for review in the zone.
    public func countPendingReports(zoneId: Int) async throws -> Int {
        struct N: Decodable { let n: Int }
        return try await sql.raw("SELECT COUNT(*) AS n FROM reports WHERE zone_id = \(bind: zoneId) AND status = 'submitted'").row(N.self)?.n ?? 0
    }
}

extension Store {
    /// For each period key, the tasks that have any report in it (submitted, accepted or returned).
    public func reportedTasks(zoneId: Int, periodKeys: [String]) async throws -> [String: Set<Int>] {
        guard !periodKeys.isEmpty else { return [:] }
        // Read column by column: a zone's weeks of reports are tens of thousands of rows, and Codable spent more on keys.
        let rows = try await sql.raw("SELECT DISTINCT period_key, task_id FROM reports WHERE zone_id = \(bind: zoneId) AND period_key IN (\(binds: periodKeys))").all()
        var out: [String: Set<Int>] = [:]
        for r in rows { out[try r.decode(column: "period_key", as: String.self), default: []].insert(try r.decode(column: "task_id", as: Int.self)) }
        return out
    }
}

extension Store {
    /// Task → the newest non-empty 需协调事项 among the given periods' reports.
    public func coordinationAsks(zoneId: Int, periodKeys: [String]) async throws -> [Int: String] {
        guard !periodKeys.isEmpty else { return [:] }
        struct R: Decodable { let taskId: Int; let coordination: String }
        let rows = try await sql.raw("SELECT task_id, coordination FROM reports WHERE zone_id = \(bind: zoneId) AND period_key IN (\(binds: periodKeys)) AND coordination <> '' ORDER BY id").rows(R.self)
        var out: [Int: String] = [:]
        for r in rows { out[r.taskId] = r.coordination }
        return out
    }
}
