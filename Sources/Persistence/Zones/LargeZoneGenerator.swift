import Domain
import Foundation
import SQLKit

/// Fills a large synthetic zone for benchmarks: bulk inserts in one transaction, no audit of its
/// own (it writes audit rows as data, to give the audit table its real size).
extension Store {
    public struct LargeZoneSize: Sendable {
        public var units = 60, users = 300, plans = 10, workPoints = 200, tasks = 20_000, audit = 200_000
        /// Weekly reports, spread over the tasks round-robin (each task's weeks from its start), and open supervision orders.
        public var reports = 200_000, orders = 500
        public init() {}
    }

    /// Returns the zone id. `officePasswordHash` is given to the user `office-bench`.
    public func generateLargeZone(code: String, size: LargeZoneSize, year: Int, today: Day, officePasswordHash: String) async throws -> Int {
        try await write { tx in
            let now = Store.timestamp()
            let zone = try await tx.raw("INSERT INTO zones (code, name, created_at) VALUES (\(bind: code), \(bind: "压测高新区"), \(bind: now)) RETURNING id").row(IDRow.self)!.id
            try await Store.ensureYear(tx, zoneId: zone, year: year)
            var unitIds: [Int] = []
            for i in 1...size.units {
                unitIds.append(try await tx.raw("INSERT INTO units (zone_id, name, short_name, kind, sort_order, version, created_at, updated_at) VALUES (\(bind: zone), \(bind: "压测单位\(i)"), \(bind: "单位\(i)"), 'department', \(bind: i), 1, \(bind: now), \(bind: now)) RETURNING id").row(IDRow.self)!.id)
            }
            var userIds: [Int] = []
            for i in 1...size.users {
                let isOffice = i == 1
                let uid = try await tx.raw("""
                    INSERT INTO users (zone_id, unit_id, username, display_name, title, roles, password_hash, failed_logins, version, created_at, updated_at)
                    VALUES (\(bind: zone), \(bind: unitIds[i % unitIds.count]), \(bind: isOffice ? "office-bench" : "\(code)-u\(i)"), \(bind: "人员\(i)"), \(bind: i <= 10 ? "副主任" : "科员"),
                            \(bind: isOffice ? "office" : (i <= 10 ? "leader" : "reporter")), \(bind: isOffice ? officePasswordHash : ""), 0, 1, \(bind: now), \(bind: now)) RETURNING id
                    """).row(IDRow.self)!.id
                userIds.append(uid)
            }
            var planIds: [Int] = []
            for p in 1...size.plans {
                planIds.append(try await tx.raw("INSERT INTO plans (zone_id, year, seq, name, goal, leader_id, lead_unit_id, version, created_at, updated_at) VALUES (\(bind: zone), \(bind: year), \(bind: p), \(bind: "压测计划\(p)"), '', \(bind: userIds[p % 10]), \(bind: unitIds[p % unitIds.count]), 1, \(bind: now), \(bind: now)) RETURNING id").row(IDRow.self)!.id)
            }
            var wpIds: [(Int, Int)] = []
            for w in 1...size.workPoints {
                let plan = planIds[(w - 1) % planIds.count]
                wpIds.append((try await tx.raw("INSERT INTO work_points (zone_id, plan_id, seq, title, goal, lead_unit_id, version, created_at, updated_at) VALUES (\(bind: zone), \(bind: plan), \(bind: w), \(bind: "压测工作要点\(w)"), '', \(bind: unitIds[w % unitIds.count]), 1, \(bind: now), \(bind: now)) RETURNING id").row(IDRow.self)!.id, plan))
            }
            var rng = SplitMix(state: 42)
            let statuses = ["done", "in_progress", "not_started", "in_progress"]
            let batch = 200
            var t = 0
            var spans: [(start: Day, deadline: Day, unit: Int)] = []
            while t < size.tasks {
                var q: SQLQueryString = "INSERT INTO tasks (zone_id, plan_id, work_point_id, seq, kind, title, owner_unit_id, responsible_person, deliverable, acceptance_standard, weight, planned_start, deadline, duration_days, percent_done, status, done_on, version, created_at, updated_at) VALUES "
                var first = true
                for _ in 0..<min(batch, size.tasks - t) {
                    t += 1
                    let (wp, plan) = wpIds[t % wpIds.count]
                    let start = Day(year: year, month: 1, day: 2)!.adding(days: Int(rng.next() % 300))
                    let deadline = start.adding(days: 10 + Int(rng.next() % 60))
                    let status = statuses[Int(rng.next() % 4)]
                    let pct = status == "done" ? 100 : (status == "not_started" ? 0 : Int(rng.next() % 100))
                    spans.append((start, deadline, unitIds[t % unitIds.count]))
                    if !first { q += ", " }
                    first = false
                    q += "(\(bind: zone), \(bind: plan), \(bind: wp), \(bind: t), 'task', \(bind: "压测任务\(t)"), \(bind: unitIds[t % unitIds.count]), '', '', '', 1, \(bind: start.iso), \(bind: deadline.iso), 10, \(bind: pct), \(bind: status), \(bind: status == "done" ? deadline.iso : nil), 1, \(bind: now), \(bind: now))"
                }
                try await tx.raw(q).run()
            }
            struct TaskIdRow: Decodable { let id: Int }
            let taskIds = try await tx.raw("SELECT id FROM tasks WHERE zone_id = \(bind: zone) ORDER BY id").rows(TaskIdRow.self).map(\.id)
            let cycle = ReportingCycle.weekly, calendar = WorkCalendar()
            var r = 0
            while r < size.reports && !taskIds.isEmpty {
                var q: SQLQueryString = "INSERT INTO reports (zone_id, task_id, unit_id, period_key, period_due, submitted_at, submitted_by_name, late, percent_done, progress, problems, next_steps, coordination, status, version) VALUES "
                var first = true
                for _ in 0..<min(500, size.reports - r) {
                    let i = r % taskIds.count, week = r / taskIds.count
                    r += 1
                    let period = cycle.period(containing: spans[i].start.adding(days: 7 * week), calendar: calendar)
                    if !first { q += ", " }
                    first = false
                    q += "(\(bind: zone), \(bind: taskIds[i]), \(bind: spans[i].unit), \(bind: period.key), \(bind: period.due.iso), \(bind: now), 'bench', \(bind: r % 10 == 0 ? 1 : 0), 50, '本周按计划推进', '', '', '', \(bind: r % 3 == 0 ? "submitted" : "accepted"), 1)"
                }
                try await tx.raw(q).run()
            }
            for o in 0..<min(size.orders, taskIds.count) {
                let i = (o * 37) % taskIds.count
                try await tx.raw("""
                    INSERT INTO supervision_orders (zone_id, task_id, receiving_unit_id, issuing_unit, level, source, reason, required_actions, reply_workdays, deduction,
                      leaders_copied, status, issued_on, reply_due, answer, created_by_name, created_at, version, updated_at)
                    VALUES (\(bind: zone), \(bind: taskIds[i]), \(bind: spans[i].unit), '督查室', 'supervision', 'manual', '滞后', '说明原因', 5, 0.5, '',
                      \(bind: o % 2 == 0 ? "issued" : "signed"), \(bind: today.adding(days: -(o % 20)).iso), \(bind: today.adding(days: 7 - (o % 20)).iso), '', 'bench', \(bind: now), 1, \(bind: now))
                    """).run()
            }
            // Sealed onto the zone's chain like every other line, so `guatu audit verify` holds on a generated zone too.
            let lines = (0..<size.audit).map { i in
                AuditChain.Line(zoneId: zone, at: now, userId: userIds[(i + 1) % userIds.count], username: "bench", action: "update", entity: "task",
                                entityId: (i + 1) % max(1, size.tasks) + 1, before: "{\"percentDone\":10}", after: "{\"percentDone\":20}")
            }
            try await Store.appendAudit(tx, lines)
            return zone
        }
    }
}

struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
