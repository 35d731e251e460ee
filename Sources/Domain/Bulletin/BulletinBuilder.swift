import Foundation

/// Computes a month's bulletin from the zone's data. Pure: the caller reads the data, this decides
/// what each figure means.
///
/// - Tasks: the year's tasks not archived; lights as of `asOf`.
/// - Reports: each reporting period whose due day falls in the month expects one report per task of the
///   unit that was open in that period (started by its end, not finished before its start). A report
///   not marked late is on time; a late one is late; none is missing.
/// - Completion: tasks whose deadline is on or before `asOf`, done on or before their deadline.
/// - Ranking: by on-time reporting rate, then completion rate (a rate with nothing behind it counts as
///   100%), then red tasks (fewer first); equal units share a rank; a unit with neither rate is unranked.
/// - Orders: issued in the month; closed (办结) in the month; issued and not ended at `asOf`, and of those
///   the ones past their reply day (an answered order waiting for the office's check still counts as open).
public enum BulletinBuilder {
    public struct ReportFact: Sendable {
        public let taskId: Int
        public let periodKey: String
        public let late: Bool
        public init(taskId: Int, periodKey: String, late: Bool) { self.taskId = taskId; self.periodKey = periodKey; self.late = late }
    }
    /// An order: when issued (nil while only proposed), when it ended (办结 or 撤销), its reply day, and whether it ended 办结.
    public struct OrderFact: Sendable {
        public let issuedOn: Day?
        public let endedOn: Day?
        public let replyDue: Day?
        public let closed: Bool
        public init(issuedOn: Day?, endedOn: Day?, replyDue: Day?, closed: Bool) {
            self.issuedOn = issuedOn; self.endedOn = endedOn; self.replyDue = replyDue; self.closed = closed
        }
    }
    public struct Input: Sendable {
        public var month: (year: Int, month: Int)
        public var number: Int
        public var title: String
        public var issuingBody: String
        public var issuedOn: Day
        public var tasks: [TaskItem]
        public var plans: [Plan]
        public var units: [OrgUnit]
        public var personNames: [Int: String]
        public var periods: [ReportingPeriod]
        public var reports: [ReportFact]
        public var orders: [OrderFact]
        public init(month: (year: Int, month: Int), number: Int, title: String, issuingBody: String, issuedOn: Day, tasks: [TaskItem], plans: [Plan],
                    units: [OrgUnit], personNames: [Int: String], periods: [ReportingPeriod], reports: [ReportFact], orders: [OrderFact]) {
            self.month = month; self.number = number; self.title = title; self.issuingBody = issuingBody; self.issuedOn = issuedOn; self.tasks = tasks
            self.plans = plans; self.units = units; self.personNames = personNames; self.periods = periods; self.reports = reports; self.orders = orders
        }
    }

    public static func monthKey(_ year: Int, _ month: Int) -> String {
        String(format: "%04d-%02d", year, month)
    }

    /// The reporting periods whose due day falls in the month, under `cycle`.
    public static func periodsDue(in year: Int, _ month: Int, cycle: ReportingCycle, calendar: WorkCalendar) -> [ReportingPeriod] {
        let first = Day(year: year, month: month, day: 1)!
        let last = Day(year: year, month: month, day: Day.daysIn(month: month, year: year))!
        var out: [ReportingPeriod] = []
        var seen = Set<String>()
        // A period's due day can fall up to a few days before its nominal day (moved off holidays): look a week past the month.
        var d = first.adding(days: -7)
        while d <= last.adding(days: 14) {
            let p = cycle.period(containing: d, calendar: calendar)
            if !seen.contains(p.key), p.due >= first, p.due <= last { out.append(p) }
            seen.insert(p.key)
            d = p.end.adding(days: 1)
        }
        return out
    }

    public static func build(_ i: Input, calendar: WorkCalendar, rules: LightRules) -> Bulletin {
        let first = Day(year: i.month.year, month: i.month.month, day: 1)!
        let last = Day(year: i.month.year, month: i.month.month, day: Day.daysIn(month: i.month.month, year: i.month.year))!
        let asOf = min(last, i.issuedOn)
        let tasks = i.tasks.filter { !$0.archived }
        // Only periods already due by the as-of day expect a report.
        let periods = i.periods.filter { $0.due <= asOf }
        let light = Dictionary(uniqueKeysWithValues: tasks.map { ($0.id, Light.of($0, today: asOf, calendar: calendar, rules: rules)) })
        let unitName = Dictionary(i.units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })

        // Reports expected, on time, late, missing — per task.
        var byTaskPeriod: [String: Bool] = [:]   // "task|period" → late
        for r in i.reports {
            let k = "\(r.taskId)|\(r.periodKey)"
            // Any on-time submission makes the period on time.
            byTaskPeriod[k] = (byTaskPeriod[k] ?? true) && r.late
        }
        struct ReportCount { var expected = 0, onTime = 0, late = 0 }
        var perUnit: [Int: ReportCount] = [:]
        for t in tasks {
            for p in periods where t.owesReport(for: p) {
                var c = perUnit[t.ownerUnitId] ?? ReportCount()
                c.expected += 1
                switch byTaskPeriod["\(t.id)|\(p.key)"] {
                case false?: c.onTime += 1
                case true?: c.late += 1
                case nil: break
                }
                perUnit[t.ownerUnitId] = c
            }
        }

        func isRed(_ t: TaskItem) -> Bool { light[t.id] == .red || light[t.id] == .overdue }
        func doneOnTime(_ t: TaskItem) -> Bool { t.status == .done && (t.doneOn ?? t.deadline) <= t.deadline }

        var unitLines: [Bulletin.UnitLine] = []
        let byUnit = Dictionary(grouping: tasks, by: \.ownerUnitId)
        for u in i.units where !u.archived || byUnit[u.id] != nil {
            let ts = byUnit[u.id] ?? []
            let c = perUnit[u.id] ?? ReportCount()
            let due = ts.filter { $0.deadline <= asOf }
            guard !ts.isEmpty || c.expected > 0 else { continue }
            unitLines.append(Bulletin.UnitLine(
                unitId: u.id, name: u.name, tasks: ts.count, due: due.count, doneOnTime: due.filter(doneOnTime).count, red: ts.filter(isRed).count,
                reportsExpected: c.expected, reportsOnTime: c.onTime, reportsLate: c.late, reportsMissing: c.expected - c.onTime - c.late,
                onTimeReportRate: c.expected > 0 ? Double(c.onTime) / Double(c.expected) : nil,
                completionRate: due.isEmpty ? nil : Double(due.filter(doneOnTime).count) / Double(due.count), rank: 0))
        }
        // A unit with nothing to rate (no report expected, no task due) is listed last, unranked (rank 0).
        func rated(_ u: Bulletin.UnitLine) -> Bool { u.onTimeReportRate != nil || u.completionRate != nil }
        func key(_ u: Bulletin.UnitLine) -> (Double, Double, Int) { (u.onTimeReportRate ?? 1, u.completionRate ?? 1, -u.red) }
        unitLines.sort { a, b in
            if rated(a) != rated(b) { return rated(a) }
            return key(a) != key(b) ? key(a) > key(b) : a.name < b.name
        }
        for idx in unitLines.indices where rated(unitLines[idx]) {
            unitLines[idx].rank = idx > 0 && key(unitLines[idx]) == key(unitLines[idx - 1]) ? unitLines[idx - 1].rank : idx + 1
        }

        let byPlan = Dictionary(grouping: tasks, by: \.planId)
        let planLines = i.plans.filter { !$0.archived }.sorted { ($0.seq, $0.id) < ($1.seq, $1.id) }.map { p -> Bulletin.PlanLine in
            let ts = byPlan[p.id] ?? []
            return Bulletin.PlanLine(seq: p.seq, name: p.name, leader: p.leaderId.flatMap { i.personNames[$0] } ?? "—",
                                     leadUnit: p.leadUnitId.flatMap { unitName[$0] } ?? "—", tasks: ts.count, done: ts.filter { $0.status == .done }.count,
                                     red: ts.filter(isRed).count, percentDone: ProgressSummary(tasks: ts, today: asOf, calendar: calendar, rules: rules).percentDone)
        }

        let red = tasks.filter(isRed).sorted { ($0.deadline, $0.id) < ($1.deadline, $1.id) }.map {
            Bulletin.RedLine(taskId: $0.id, title: $0.title, unit: unitName[$0.ownerUnitId] ?? "—", deadline: $0.deadline, percentDone: $0.percentDone,
                             light: light[$0.id] ?? .red)
        }
        let summary = ProgressSummary(tasks: tasks, today: asOf, calendar: calendar, rules: rules)
        let totals = perUnit.values.reduce(into: ReportCount()) { $0.expected += $1.expected; $0.onTime += $1.onTime; $0.late += $1.late }
        let inMonth = { (d: Day?) in d.map { $0 >= first && $0 <= last } ?? false }
        let openAtEnd = i.orders.filter { o in (o.issuedOn.map { $0 <= asOf } ?? false) && (o.endedOn.map { $0 > asOf } ?? true) }
        return Bulletin(
            month: monthKey(i.month.year, i.month.month), number: i.number, title: i.title, issuingBody: i.issuingBody, issuedOn: i.issuedOn, asOf: asOf,
            overall: .init(tasks: tasks.count, done: summary.count(.done) + summary.count(.doneLate), doneLate: summary.count(.doneLate),
                           red: summary.count(.red), overdue: summary.count(.overdue), yellow: summary.count(.yellow), percentDone: summary.percentDone,
                           reportsExpected: totals.expected, reportsOnTime: totals.onTime, reportsLate: totals.late,
                           reportsMissing: totals.expected - totals.onTime - totals.late),
            plans: planLines, units: unitLines, redList: red,
            orders: .init(opened: i.orders.filter { inMonth($0.issuedOn) }.count, closed: i.orders.filter { $0.closed && inMonth($0.endedOn) }.count,
                          openAtEnd: openAtEnd.count, overdue: openAtEnd.filter { ($0.replyDue.map { $0 < asOf }) ?? false }.count))
    }
}
