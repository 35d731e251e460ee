import Domain
import NIOConcurrencyHelpers
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

    struct Span: Sendable {
        let start: Day
        let end: Day
        let progress: ProgressSummary
    }

    static func spans(_ tasks: [TaskItem], by key: (TaskItem) -> Int, today: Day, calendar: WorkCalendar, rules: LightRules) -> [Int: Span] {
        Dictionary(grouping: tasks, by: key).compactMapValues { ts in
            guard let start = ts.map(\.plannedStart).min(), let end = ts.map(\.deadline).max() else { return nil }
            return Span(start: start, end: end, progress: ProgressSummary(tasks: ts, today: today, calendar: calendar, rules: rules))
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
        var progress: [Int: ProgressSummary] = [:]
        for p in plans { progress[p.id] = ProgressSummary(tasks: byPlan[p.id] ?? [], today: req.today, calendar: req.calendar, rules: req.lightRules) }
        return MatrixReference(
            year: year, years: years.isEmpty ? [year] : years, plans: plans,
            workPoints: wps.filter { planIds.contains($0.planId) }, units: units.filter { !$0.archived },
            leaders: users.filter { leaderIds.contains($0.id) }, names: Names(units: units, people: users), targets: targets,
            progressByPlan: progress, total: ProgressSummary(tasks: tasks, today: req.today, calendar: req.calendar, rules: req.lightRules),
            workPointSpans: spans(tasks, by: \.workPointId, today: req.today, calendar: req.calendar, rules: req.lightRules),
            planSpans: spans(tasks, by: \.planId, today: req.today, calendar: req.calendar, rules: req.lightRules))
    }
}

/// A small in-memory cache of computed views, keyed by zone and checked against the zone's data version.
final class ZoneViewCache: Sendable {
    private struct Entry { let version: Int; let value: any Sendable }
    private let entries = NIOLockedValueBox<[String: Entry]>([:])
    /// Computations under way, so that a burst of requests after a change computes once (single flight).
    private let inFlight = NIOLockedValueBox<[String: (version: Int, task: Task<any Sendable, any Error>)]>([:])
    static let maxEntries = 256

    func value<T: Sendable>(zoneId: Int, key: String, version: Int, _ make: @escaping @Sendable () async throws -> T) async throws -> T {
        let fullKey = "\(zoneId)|\(key)"
        if let e = entries.withLockedValue({ $0[fullKey] }), e.version == version, let v = e.value as? T { return v }
        let task: Task<any Sendable, any Error> = inFlight.withLockedValue { running in
            if let r = running[fullKey], r.version == version { return r.task }
            let t = Task<any Sendable, any Error> { try await make() }
            running[fullKey] = (version, t)
            return t
        }
        defer { inFlight.withLockedValue { if $0[fullKey]?.version == version { $0[fullKey] = nil } } }
        guard let value = try await task.value as? T else { throw Abort(.internalServerError) }
        entries.withLockedValue { dict in
            if dict.count >= Self.maxEntries { dict.removeAll() }
            if let existing = dict[fullKey], existing.version > version { return }
            dict[fullKey] = Entry(version: version, value: value)
        }
        return value
    }
}

extension Application {
    private struct CacheKey: StorageKey { typealias Value = ZoneViewCache }
    var zoneViews: ZoneViewCache {
        if let c = storage[CacheKey.self] { return c }
        let c = ZoneViewCache()
        storage[CacheKey.self] = c
        return c
    }
}

extension Request {
    /// The zone's data version as of this request.
    func zoneDataVersion(_ actor: Actor) async throws -> Int {
        if let v = signedIn?.zoneDataVersion { return v }
        return try await store.dataVersion(zoneId: actor.zoneId)
    }

    /// Something derived from the zone's data, computed once per data version.
    func cached<T: Sendable>(_ actor: Actor, _ key: String, _ make: @escaping @Sendable () async throws -> T) async throws -> T {
        try await application.zoneViews.value(zoneId: actor.zoneId, key: key, version: try await zoneDataVersion(actor), make)
    }

    /// The matrix reference of a year, from the cache when the zone has not changed since.
    func matrixReference(_ actor: Actor, year: Int) async throws -> MatrixReference {
        try await cached(actor, "matrix|\(year)|\(today.iso)") {
            try await MatrixReference.load(self, zoneId: actor.zoneId, year: year) { try await self.progressTasks(actor, year: year) }
        }
    }

    /// The year's live tasks as lights and progress need them (`Store.tasksForProgress`), read once per zone data version
    /// for the matrix reference and the cockpit.
    func progressTasks(_ actor: Actor, year: Int) async throws -> [TaskItem] {
        try await cached(actor, "progresstasks|\(year)") { [store] in try await store.tasksForProgress(zoneId: actor.zoneId, year: year) }
    }

    /// How many tasks match a filter: a scan of the zone, so kept until the zone changes.
    func countTasks(_ actor: Actor, _ f: TaskFilter) async throws -> Int {
        try await cached(actor, "count|" + Store.cacheKey(f)) { [store] in try await store.countTasks(zoneId: actor.zoneId, f) }
    }
}
