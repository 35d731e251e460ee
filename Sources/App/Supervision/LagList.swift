import Domain
import Persistence
import Vapor

/// What lags in a zone today: red, overdue and yellow tasks, tasks whose reports are missing, and the
/// orders the zone's rules would propose. One pass over the year's open tasks (the lean read kept up to date by
/// `TaskSnapshots`, with the lights of the matrix reference), the reports of the recent periods and the open orders
/// (each kept until a report or an order changes). The entries' tasks carry no texts:
/// `titled` fills in the titles of those a page lists.
struct LagList {
    struct Entry {
        let task: TaskItem
        let light: Light
        let missedPeriods: Int
        let openOrderId: Int?
    }
    let entries: [Entry]
    let proposals: [Proposal]

    /// How many past periods are looked at for missing reports (at least the rule's threshold).
    static func lookBack(_ rules: ProposalRules) -> Int { max(rules.missingReports, 4) }

    static func compute(_ req: Request, _ actor: Actor, rules: ProposalRules) async throws -> LagList {
        let store = req.store, zoneId = actor.zoneId, year = req.today.year
        let (cycle, current) = try await ReportingController.currentPeriod(req, zoneId: zoneId)
        // The periods that count: the current one once past due, then the ones before it, newest first.
        var periods: [ReportingPeriod] = current.isLate(at: ReportingController.now(req)) ? [current] : []
        var p = current
        for _ in 0..<lookBack(rules) {
            p = cycle.period(containing: p.start.adding(days: -1), calendar: req.calendar)
            periods.append(p)
        }
        async let tasksQ = req.progressTasks(actor, year: year)
        async let lightsQ = req.matrixReference(actor, year: year)
        // Which tasks reported in those periods changes only with reports' own audited writes.
        let keys = periods.map(\.key)
        async let reportedQ = req.cached(actor, "reported|" + keys.joined(separator: ","), onlyFrom: ["report"]) {
            try await store.reportedTasks(zoneId: zoneId, periodKeys: keys)
        }
        async let ordersQ = req.openOrders(actor)
        let (tasks, lights, reported, orders) = try await (tasksQ, lightsQ.lights, reportedQ, ordersQ)
        var openOrder: [Int: Int] = [:]
        for o in orders { if let t = o.taskId, openOrder[t] == nil { openOrder[t] = o.id } }
        var entries: [Entry] = []
        var inputs: [ProposalInput] = []
        for t in tasks where t.status != .done && t.status != .suspended {
            let light = lights.light(t)
            var missed = 0
            for period in periods {
                // Only periods in which the task was open count; a report stops the run.
                guard period.end >= t.plannedStart, period.start <= t.deadline else { continue }
                if reported[period.key]?.contains(t.id) == true { break }
                missed += 1
            }
            let lagging = light == .red || light == .overdue || light == .yellow || missed > 0
            guard lagging else { continue }
            entries.append(Entry(task: t, light: light, missedPeriods: missed, openOrderId: openOrder[t.id]))
            inputs.append(ProposalInput(taskId: t.id, unitId: t.ownerUnitId, light: light, missedPeriods: missed, hasOpenOrder: openOrder[t.id] != nil))
        }
        // Most pressing first; sorted by small keys rather than moving the entries (each carries its task) around.
        func severity(_ l: Light) -> Int { l == .overdue ? 0 : l == .red ? 1 : l == .yellow ? 2 : 3 }
        let sortKeys = entries.map { (severity($0.light), -$0.missedPeriods, $0.task.deadline.ordinal, $0.task.id) }
        let sorted = entries.indices.sorted { sortKeys[$0] < sortKeys[$1] }.map { entries[$0] }
        return LagList(entries: sorted, proposals: ProposalRules.proposals(tasks: inputs, rules: rules))
    }

    /// The first `count` entries with their tasks' titles.
    func titled(_ req: Request, _ actor: Actor, first count: Int) async throws -> [Entry] {
        let shown = Array(entries.prefix(count))
        let titles = try await req.store.taskTitles(zoneId: actor.zoneId, ids: shown.map(\.task.id))
        return shown.map { e in
            var t = e.task
            t.title = titles[t.id] ?? ""
            return Entry(task: t, light: e.light, missedPeriods: e.missedPeriods, openOrderId: e.openOrderId)
        }
    }
}
