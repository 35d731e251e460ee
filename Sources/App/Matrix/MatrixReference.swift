import Domain
import Persistence
import Vapor
import Views

/// What every matrix page of a zone's year needs besides the task rows: plans, work points, units,
/// leaders, names, and each plan's progress. Computed once per zone data version and kept in
/// memory: the version comes with the signed-in principal on every request, and every business
/// write raises it, so any instance notices a change made through any other.
struct MatrixReference: Sendable {
    let year: Int
    let years: [Int]
    let plans: [Plan]
    let workPoints: [WorkPoint]
    let units: [OrgUnit]
    let leaders: [UserAccount]
    let names: Names
    let targets: [PositioningTarget]
    let progressByPlan: [Int: ProgressSummary]
    let total: ProgressSummary
    /// Per work point and per plan: first start, last deadline and progress (the battle map's summary bars).
    let workPointSpans: [Int: Span]
    let planSpans: [Int: Span]
    /// Each live task's light today, worked out once for all the summaries above (and the cockpit).
    let lights: LightBook

    struct Span: Sendable {
        let start: Day
        let end: Day
        let progress: ProgressSummary
    }

    /// A span built up one task at a time.
    struct SpanTally {
        var start: Day, end: Day, progress = ProgressSummary.Tally()
        init(_ t: TaskItem) { start = t.plannedStart; end = t.deadline }
        mutating func add(_ t: TaskItem, _ light: Light) {
            start = min(start, t.plannedStart); end = max(end, t.deadline); progress.add(t, light)
        }
        var span: Span { Span(start: start, end: end, progress: progress.summary) }
    }

    static func load(_ req: Request, _ actor: Actor, year: Int, progressTasks: @escaping @Sendable () async throws -> [TaskItem]) async throws -> MatrixReference {
        let store = req.store, zoneId = actor.zoneId
        async let yearsQ = store.years(zoneId: zoneId)
        async let plansQ = store.plans(zoneId: zoneId, year: year)
        async let wpsQ = store.workPoints(zoneId: zoneId)
        async let directoryQ = req.directory(actor)
        async let namesQ = req.names(actor)
        async let targetsQ = store.targets(zoneId: zoneId, year: year)
        async let tasksQ = progressTasks()
        let (years, plans, wps, directory, names, targets, tasks) = try await (yearsQ, plansQ, wpsQ, directoryQ, namesQ, targetsQ, tasksQ)
        let units = directory.units, users = directory.people
        let planIds = Set(plans.map(\.id))
        let leaderIds = Set(plans.compactMap(\.leaderId))
        let lights = LightBook(tasks, today: req.today, calendar: req.calendar, rules: req.lightRules)
        // One pass fills every plan's and work point's figures (grouping the tasks first copied each one per grouping).
        var total = ProgressSummary.Tally()
        var byPlan: [Int: SpanTally] = [:], byWorkPoint: [Int: SpanTally] = [:]
        for t in tasks {
            let l = lights.light(t)
            total.add(t, l)
            byPlan[t.planId, default: SpanTally(t)].add(t, l)
            byWorkPoint[t.workPointId, default: SpanTally(t)].add(t, l)
        }
        var progress: [Int: ProgressSummary] = [:]
        for p in plans { progress[p.id] = byPlan[p.id]?.progress.summary ?? ProgressSummary.Tally().summary }
        return MatrixReference(
            year: year, years: years.isEmpty ? [year] : years, plans: plans,
            workPoints: wps.filter { planIds.contains($0.planId) }, units: units.filter { !$0.archived },
            leaders: users.filter { leaderIds.contains($0.id) }, names: names, targets: targets,
            progressByPlan: progress, total: total.summary,
            workPointSpans: byWorkPoint.mapValues(\.span), planSpans: byPlan.mapValues(\.span),
            lights: lights)
    }
}

extension Request {
    /// The matrix reference of a year, from the cache when the zone has not changed since.
    func matrixReference(_ actor: Actor, year: Int) async throws -> MatrixReference {
        try await cached(actor, "matrix|\(year)|\(today.iso)") {
            try await MatrixReference.load(self, actor, year: year) { try await self.progressTasks(actor, year: year) }
        }
    }

    /// The year's live tasks as lights and progress need them (`Store.tasksForProgress`), sorted by id: worked out once
    /// per zone data version for the matrix reference and the cockpit, from the snapshot kept up to date by the audit
    /// log (`TaskSnapshots`).
    func progressTasks(_ actor: Actor, year: Int) async throws -> [TaskItem] {
        try await cached(actor, "progresstasks|\(year)") { [store, application] in
            try await application.taskSnapshots.tasks(store, zoneId: actor.zoneId, year: year)
        }
    }

    /// How many tasks match a filter: a scan of the zone, so kept until the zone changes.
    func countTasks(_ actor: Actor, _ f: TaskFilter) async throws -> Int {
        try await cached(actor, "count|" + Store.cacheKey(f)) { [store] in try await store.countTasks(zoneId: actor.zoneId, f) }
    }
}
