import Domain
import Persistence
import Vapor
import Views

/// The values of a computed indicator (`Indicator.Source.computed`) for each period of a year up to today, read
/// from the product's own records through `ComputedIndicator` and kept in the zone view cache until data changes.
enum ComputedValues {
    /// Where the records behind a computed indicator's figure are listed.
    static func records(_ m: ComputedMeasure, year: Int) -> (url: String, label: String) {
        switch m {
        case .tasksOnTime: return (SiteURL.matrix.path, "工作矩阵")
        case .reportsOnTime: return (SiteURL.reviews.path, "交账审核")
        case .ordersClosed: return (SiteURL.supervision.path, "督办")
        case .rdCoverage, .patentCoverage: return (SiteURL.enterpriseCoverage.with([("year", String(year - 1))]), "未覆盖的企业名单")
        case .investmentCompletion: return (SiteURL.projects.path, "重点项目")
        case .hnteCount: return (SiteURL.enterprises.with([("tier", "hnte")]), "高企名单")
        case .fiscalGrowth: return (SiteURL.fiscal.with([("year", String(year))]), "财政税收")
        case .appealsOnTime, .appealSatisfaction: return (SiteURL.appeals.path, "企业诉求")
        case .hazardRectification: return (SiteURL.safety.with([("year", String(year))]), "安全生产")
        }
    }

    static func values(_ req: Request, _ actor: Actor, _ indicator: Indicator, year: Int) async throws -> [String: Measure] {
        guard indicator.source == .computed, let m = indicator.formula else { return [:] }
        let (store, calendar, today) = (req.store, req.calendar, req.today)
        let zoneId = actor.zoneId
        let key = "computed|\(indicator.id)|\(m.rawValue)|\(indicator.frequency.rawValue)|\(year)|\(today.iso)"
        let work: @Sendable () async throws -> [String: Measure] = {
            try await compute(store: store, calendar: calendar, today: today, zoneId: zoneId, m: m, frequency: indicator.frequency, year: year)
        }
        // The registry's figures are read from the registry alone: kept until the registry changes, not until any task
        // does (the cockpit and the indicator pages read them after every write in the zone).
        if let entities = registryEntities(m) { return try await req.cached(actor, key, onlyFrom: entities, work) }
        return try await req.cached(actor, key, work)
    }

    /// The audited records a measure is computed from, when that is the registry alone (`CoverageCounts`: enterprises,
    /// their years, tiers and R&D centres; written only by `EnterpriseWriteStore` and `RDCenterStore`).
    static func registryEntities(_ m: ComputedMeasure) -> [String]? {
        switch m {
        case .rdCoverage, .patentCoverage, .hnteCount: return ["enterprise", "enterprise_year", "enterprise_tier", "rd_center"]
        default: return nil
        }
    }

    /// The uncached computation (the assessment reads computed indicators through it).
    /// `only`: compute just these period keys (the assessment asks for one at a time, latest first).
    static func compute(store: Store, calendar: WorkCalendar, today: Day, zoneId: Int, m: ComputedMeasure, frequency: Indicator.Frequency, year: Int,
                        only: Set<String>? = nil) async throws -> [String: Measure] {
        let keys = IndicatorPeriods.keys(year: year, frequency).filter { (IndicatorPeriods.firstDay($0) ?? today) <= today && (only?.contains($0) ?? true) }
        if m == .fiscalGrowth {
            let entries = try await store.fiscalEntries(zoneId: zoneId, years: [year - 1, year])
            return Dictionary(uniqueKeysWithValues: keys.compactMap { key in
                AssessmentPeriod(key: key).map { (key, ComputedIndicator.fiscalGrowth(entries, period: $0, asOf: today)) }
            })
        }
        if m == .hnteCount {
            var out: [String: Measure] = [:]
            for key in keys {
                guard let p = AssessmentPeriod(key: key) else { continue }
                let day = min(p.end, today)
                out[key] = ComputedIndicator.hnteCount(try await store.hnteCount(zoneId: zoneId, on: day), on: day)
            }
            return out
        }
        if m == .appealsOnTime || m == .appealSatisfaction {
            var out: [String: Measure] = [:]
            for key in keys {
                guard let p = AssessmentPeriod(key: key) else { continue }
                let end = min(p.end, today)
                let f = try await store.appealStatistics(zoneId: zoneId, received: Day(year: p.year, month: 1, day: 1)!...end, today: end).zone
                out[key] = ComputedIndicator.appeals(m, f, end: end)
            }
            return out
        }
        if m == .hazardRectification {
            let all = try await store.hazards(zoneId: zoneId, found: Day(year: year, month: 1, day: 1)!...Day.lastOfYear(year))
            var out: [String: Measure] = [:]
            for key in keys {
                guard let p = AssessmentPeriod(key: key) else { continue }
                let end = min(p.end, today)
                out[key] = ComputedIndicator.hazards(SafetyStatistics(hazards: all, from: Day(year: p.year, month: 1, day: 1)!, to: end).zone, end: end)
            }
            return out
        }
        if m == .investmentCompletion {
            let months = try await store.projectInvestments(zoneId: zoneId).values.flatMap { $0 }
            return Dictionary(uniqueKeysWithValues: keys.compactMap { key in
                AssessmentPeriod(key: key).map { (key, ComputedIndicator.investment(months, period: $0, asOf: today)) }
            })
        }
        if m == .rdCoverage || m == .patentCoverage {
            var out: [String: Measure] = [:]
            for key in keys {
                guard let p = AssessmentPeriod(key: key) else { continue }
                let c = m == .rdCoverage ? try await store.rdCoverageCount(zoneId: zoneId, year: p.year, end: min(p.end, today))
                                         : try await store.patentCoverageCount(zoneId: zoneId, year: p.year)
                out[key] = ComputedIndicator.coverage(m, count: (c.group, c.covered, c.unknown))
            }
            return out
        }
        var filter = TaskFilter(year: year); filter.order = .id
        let tasks = m == .ordersClosed ? [] : try await store.tasks(zoneId: zoneId, filter)
        let orders = m == .ordersClosed ? try await store.orderFacts(zoneId: zoneId) : []
        let cycle = try await store.reportingCycle(zoneId: zoneId).cycle
        var out: [String: Measure] = [:]
        for key in keys {
            guard let period = AssessmentPeriod(key: key) else { continue }
            let reporting = m == .reportsOnTime ? period.months.flatMap { BulletinBuilder.periodsDue(in: year, $0, cycle: cycle, calendar: calendar) } : []
            let counts = m == .reportsOnTime ? try await store.reportCounts(zoneId: zoneId, periodKeys: reporting.filter { $0.due <= today }.map(\.key)) : [:]
            let facts = AssessmentMeasures.Facts(period: period, asOf: today, units: [], tasks: tasks, reportingPeriods: reporting, reportCounts: counts,
                                                 lateReportTaskIds: [], orders: [], indicators: [], marks: [], quarterTotals: [:])
            out[key] = ComputedIndicator.value(m, facts: facts, orders: orders)
        }
        return out
    }
}
