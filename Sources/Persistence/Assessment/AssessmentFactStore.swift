import Domain
import Foundation
import SQLKit

/// The reads an assessment needs beyond tasks and units, aggregated in the database so a year of a large zone
/// (200,000 reports) comes back as a few rows per unit.
extension Store {
    /// Per unit: distinct (task, reporting period) pairs with an on-time report, and those reported only late.
    public func reportCounts(zoneId: Int, periodKeys: [String]) async throws -> [Int: AssessmentMeasures.ReportCount] {
        guard !periodKeys.isEmpty else { return [:] }
        struct R: Decodable { let unitId: Int; let l: Int; let n: Int }
        let rows = try await sql.raw("""
            SELECT unit_id, l, COUNT(*) AS n FROM (
              SELECT unit_id, task_id, period_key, MIN(late) AS l FROM reports
              WHERE zone_id = \(bind: zoneId) AND period_key IN (\(binds: periodKeys)) GROUP BY unit_id, task_id, period_key
            ) x GROUP BY unit_id, l
            """).rows(R.self)
        var out: [Int: AssessmentMeasures.ReportCount] = [:]
        for r in rows {
            var c = out[r.unitId] ?? .init(onTime: 0, late: 0)
            if r.l == 0 { c.onTime += r.n } else { c.late += r.n }
            out[r.unitId] = c
        }
        return out
    }

    /// Tasks with a report that came in late in the periods.
    public func lateReportTaskIds(zoneId: Int, periodKeys: [String]) async throws -> Set<Int> {
        guard !periodKeys.isEmpty else { return [] }
        struct R: Decodable { let taskId: Int }
        return Set(try await sql.raw("SELECT DISTINCT task_id FROM reports WHERE zone_id = \(bind: zoneId) AND period_key IN (\(binds: periodKeys)) AND late <> 0")
            .rows(R.self).map(\.taskId))
    }

    /// Orders issued within [start, end] and not revoked, with their deductions.
    public func orderDeductions(zoneId: Int, start: Day, end: Day) async throws -> [AssessmentMeasures.OrderFact] {
        struct R: Decodable { let id: Int; let receivingUnitId: Int; let deduction: Double; let reason: String; let level: String }
        return try await sql.raw("""
            SELECT id, receiving_unit_id, deduction, reason, level FROM supervision_orders
            WHERE zone_id = \(bind: zoneId) AND issued_on >= \(bind: start.iso) AND issued_on <= \(bind: end.iso) AND status <> \(bind: OrderStatus.cancelled.rawValue) ORDER BY id
            """).rows(R.self).map {
                .init(id: $0.id, unitId: $0.receivingUnitId, deduction: $0.deduction, reason: $0.reason, level: EscalationLevel(code: $0.level)?.chineseName ?? $0.level)
            }
    }

    /// Each indicator's latest accepted value for a period that ends within the assessment period, with the
    /// trajectory's target for it.
    public func indicatorFacts(zoneId: Int, indicatorIds: [Int], period: AssessmentPeriod) async throws -> [AssessmentMeasures.IndicatorFact] {
        guard !indicatorIds.isEmpty else { return [] }
        var out: [AssessmentMeasures.IndicatorFact] = []
        let values = try await indicatorValues(zoneId: zoneId, indicatorIds: indicatorIds).filter { $0.status == .accepted }
        for id in Set(indicatorIds).sorted() {
            guard let ind = try? await indicator(id: id, zoneId: zoneId) else { continue }
            let keys = IndicatorPeriods.keys(year: period.year, ind.frequency)
            let inWindow = Set(IndicatorPeriods.keys(year: period.year, ind.frequency, endingWithin: period))
            let latest = values.filter { $0.indicatorId == id && inWindow.contains($0.periodKey) }.max { $0.periodKey < $1.periodKey }
            var target: Double?
            if let latest, let year = try await indicatorYear(indicatorId: id, year: period.year, zoneId: zoneId) {
                target = year.trajectory.targets(keys: keys).first { $0.key == latest.periodKey }?.target
            }
            out.append(.init(indicatorId: id, name: ind.name, ownerUnitId: ind.ownerUnitId, direction: ind.direction, periodKey: latest?.periodKey,
                             actual: latest?.value, target: target, valueId: latest?.id))
        }
        return out
    }
}
