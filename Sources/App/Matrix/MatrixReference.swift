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

    static func spans(_ tasks: [TaskItem], by key: (TaskItem) -> Int, light: (TaskItem) -> Light) -> [Int: Span] {
        Dictionary(grouping: tasks, by: key).compactMapValues { ts in
            guard let start = ts.map(\.plannedStart).min(), let end = ts.map(\.deadline).max() else { return nil }
            return Span(start: start, end: end, progress: ProgressSummary(tasks: ts, light: light))
        }
    }

    static func load(_ req: Request, zoneId: Int, year: Int, progressTasks: @escaping @Sendable () async throws -> [TaskItem]) async throws -> MatrixReference {
        let store = req.store
        async let yearsQ = store.years(zoneId: zoneId)
        async let plansQ = store.plans(zoneId: zoneId, year: year)
        async let wpsQ = store.workPoints(zoneId: zoneId)
        async let unitsQ = store.units(zoneId: zoneId, includeArchived: true)
        async let usersQ = store.users(zoneId: zoneId, includeArchived: true)
        async let targetsQ = store.targets(zoneId: zoneId, year: year)
        async let tasksQ = progressTasks()
        let (years, plans, wps, units, users, targets, tasks) = try await (yearsQ, plansQ, wpsQ, unitsQ, usersQ, targetsQ, tasksQ)
        let planIds = Set(plans.map(\.id))
        let leaderIds = Set(plans.compactMap(\.leaderId))
        let byPlan = Dictionary(grouping: tasks, by: \.planId)
        let lights = LightBook(tasks, today: req.today, calendar: req.calendar, rules: req.lightRules)
        let light = lights.light
        var progress: [Int: ProgressSummary] = [:]
        for p in plans { progress[p.id] = ProgressSummary(tasks: byPlan[p.id] ?? [], light: light) }
        return MatrixReference(
            year: year, years: years.isEmpty ? [year] : years, plans: plans,
            workPoints: wps.filter { planIds.contains($0.planId) }, units: units.filter { !$0.archived },
            leaders: users.filter { leaderIds.contains($0.id) }, names: Names(units: units, people: users), targets: targets,
            progressByPlan: progress, total: ProgressSummary(tasks: tasks, light: light),
            workPointSpans: spans(tasks, by: \.workPointId, light: light), planSpans: spans(tasks, by: \.planId, light: light),
            lights: lights)
    }
}

extension Request {
    /// The matrix reference of a year, from the cache when the zone has not changed since.
    func matrixReference(_ actor: Actor, year: Int) async throws -> MatrixReference {
        try await cached(actor, "matrix|\(year)|\(today.iso)") {
            try await MatrixReference.load(self, zoneId: actor.zoneId, year: year) { try await self.progressTasks(actor, year: year) }
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
