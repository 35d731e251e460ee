import Domain
import Persistence
import Vapor

/// Reads what a scheme needs from the zone's records and computes it. The domain decides what each figure
/// means (`AssessmentMeasures`, `SchemeScoring`); this only fetches, concurrently, and only the sources the
/// scheme's items use.
enum AssessmentReads {
    static func facts(store: Store, calendar: WorkCalendar, today: Day, zoneId: Int, scheme: StoredScheme, definition: AssessmentScheme) async throws -> AssessmentMeasures.Facts {
        let period = scheme.period
        let sources = Set(definition.items.map(\.source))
        let needsTasks = !sources.isDisjoint(with: [.taskCompletion, .taskOnTime, .reportTimeliness])
        var periodKeys: [ReportingPeriod] = []
        if sources.contains(.reportTimeliness) {
            let cycle = try await store.reportingCycle(zoneId: zoneId).cycle
            periodKeys = period.months.flatMap { BulletinBuilder.periodsDue(in: period.year, $0, cycle: cycle, calendar: calendar) }
        }
        let keys = periodKeys.filter { $0.due <= today }.map(\.key)
        var filter = TaskFilter(year: period.year); filter.order = .id
        let indicatorItems = definition.items.filter { $0.source == .indicator }
        // An indicator item without a ref reads every indicator each unit owns.
        let indicatorIds = indicatorItems.contains { $0.ref == nil } ? try await store.indicators(zoneId: zoneId).map(\.id) : indicatorItems.compactMap(\.ref)
        async let unitsQ = store.units(zoneId: zoneId)
        async let tasksQ = needsTasks ? store.tasks(zoneId: zoneId, filter) : []
        async let countsQ = store.reportCounts(zoneId: zoneId, periodKeys: keys)
        async let lateQ = store.lateReportTaskIds(zoneId: zoneId, periodKeys: keys)
        async let ordersQ = sources.contains(.supervision) ? store.orderDeductions(zoneId: zoneId, start: period.start, end: period.end) : []
        async let indicatorsQ = store.indicatorFacts(zoneId: zoneId, indicatorIds: indicatorIds, period: period)
        async let marksQ = store.marks(schemeId: scheme.id, zoneId: zoneId)
        async let quartersQ = sources.contains(.quarter) ? store.quarterTotals(zoneId: zoneId, year: period.year, category: scheme.category) : [:]
        let (units, tasks, counts, late, orders, fetched, marks, quarters) = try await (unitsQ, tasksQ, countsQ, lateQ, ordersQ, indicatorsQ, marksQ, quartersQ)
        var indicators = fetched
        // Computed indicators have no stored values: read their latest period in the window from the product's records.
        if indicators.contains(where: { $0.actual == nil }) {
            let definitions = Dictionary(uniqueKeysWithValues: try await store.indicators(zoneId: zoneId).map { ($0.id, $0) })
            for (k, fact) in indicators.enumerated() {
                guard let def = definitions[fact.indicatorId], def.source == .computed, let m = def.formula else { continue }
                let all = IndicatorPeriods.keys(year: period.year, def.frequency)
                let window = IndicatorPeriods.keys(year: period.year, def.frequency, endingWithin: period)
                var found: (key: String, actual: Double)?
                for key in window.reversed() {
                    let v = try await ComputedValues.compute(store: store, calendar: calendar, today: today, zoneId: zoneId, m: m, frequency: def.frequency,
                                                             year: period.year, only: [key])
                    if let actual = v[key]?.value { found = (key, actual); break }
                }
                guard let (key, actual) = found else { continue }
                let target = try await store.indicatorYear(indicatorId: def.id, year: period.year, zoneId: zoneId)?.trajectory.targets(keys: all).first { $0.key == key }?.target
                indicators[k] = .init(indicatorId: def.id, name: def.name, ownerUnitId: def.ownerUnitId, direction: def.direction, periodKey: key, actual: actual,
                                      target: target, valueId: nil)
            }
        }
        var facts = AssessmentMeasures.Facts(period: period, asOf: today, units: units.filter { $0.kind == scheme.category }, tasks: tasks,
                                             reportingPeriods: periodKeys, reportCounts: counts, lateReportTaskIds: late, orders: orders, indicators: indicators,
                                             marks: marks.map(\.fact), quarterTotals: quarters)
        if definition.hasReformBonus {
            let items = try await store.reformItems(zoneId: zoneId)
            let rules = try await store.reformBonusRules(zoneId: zoneId).rules
            facts.reformBonus = ReformBonusByUnit.adjustments(items: items, rules: rules, period: period, key: AssessmentMeasures.reformAdjustmentKey)
        }
        if definition.hasSafetyVeto {
            facts.accidents = try await store.accidents(zoneId: zoneId)
        }
        if !sources.isDisjoint(with: [.appealOnTime, .appealSatisfaction]) {
            let end = min(period.end, today)
            let stats = try await store.appealStatistics(zoneId: zoneId, received: period.start...max(period.start, end), today: end)
            facts.appeals = stats.byUnit.reduce(into: [:]) { out, e in if let u = e.key { out[u] = e.value } }
        }
        return facts
    }

    /// The data and the result of `definition` over today's records.
    /// Through the zone's view cache: the facts are read once per zone data version (every audited change bumps it),
    /// so a what-if that only changes weights or rules recomputes from memory.
    static func compute(_ req: Request, actor: Actor, scheme: StoredScheme, definition: AssessmentScheme) async throws -> (data: [UnitData], result: SchemeResult) {
        try definition.validate()
        let sources = Set(definition.items.map(\.source)).map(\.rawValue).sorted().joined(separator: ",")
        let indicators = definition.items.filter { $0.source == .indicator }.map { $0.ref.map(String.init) ?? "all" }.sorted().joined(separator: ",")
        let (store, calendar, today) = (req.store, req.calendar, req.today)
        // The key names everything the facts depend on: the sources read, the indicators, and whether accidents are read (the 安全生产 veto).
        let vetoes = (definition.hasSafetyVeto ? "safety" : "") + (definition.hasReformBonus ? "+reform" : "")
        let f = try await req.cached(actor, "assessment|\(scheme.id)|\(today.iso)|\(sources)|\(indicators)|\(vetoes)") {
            try await facts(store: store, calendar: calendar, today: today, zoneId: actor.zoneId, scheme: scheme, definition: definition)
        }
        let data = AssessmentMeasures.build(definition, f)
        return (data, try SchemeScoring.score(definition, units: data))
    }

    static func compute(store: Store, calendar: WorkCalendar, today: Day, zoneId: Int, scheme: StoredScheme, definition: AssessmentScheme) async throws -> (data: [UnitData], result: SchemeResult) {
        try definition.validate()
        let f = try await facts(store: store, calendar: calendar, today: today, zoneId: zoneId, scheme: scheme, definition: definition)
        let data = AssessmentMeasures.build(definition, f)
        return (data, try SchemeScoring.score(definition, units: data))
    }
}
