import Domain
import Foundation
import SQLKit

/// The appeal figures counted in SQL (the 100,000-appeal zone cannot be read row by row for every page). The rules are
/// `AppealFigures`'s, restated; a test holds both to the same answer on a generated set.
extension Store {
    struct FigureRow: Decodable {
        let k: String?; let total: Int; let declined: Int?; let closed: Int?; let closedOnTime: Int?; let overdueOpen: Int?; let rated: Int?
        let satisfied: Int?; let reopened: Int?; let workdays: Int?
        var figures: AppealFigures {
            var f = AppealFigures()
            f.total = total; f.declined = declined ?? 0; f.closed = closed ?? 0; f.closedOnTime = closedOnTime ?? 0; f.overdueOpen = overdueOpen ?? 0
            f.open = total - f.declined - f.closed; f.rated = rated ?? 0; f.satisfied = satisfied ?? 0; f.reopened = reopened ?? 0
            f.workdaysToClose = workdays ?? 0
            return f
        }
    }

    /// Figures of the appeals received in `year` (all years if nil), for the zone, per lead unit (nil: not yet assigned) and per category,
    /// judged on `today`.
    public func appealStatistics(zoneId: Int, year: Int?, today: Day) async throws -> AppealStatistics {
        try await appealStatistics(zoneId: zoneId, received: year.map { Day(year: $0, month: 1, day: 1)!...Day.lastOfYear($0) }, today: today)
    }

    /// Figures of the appeals received within `received` (all if nil), judged on `today` (a period's end for the assessment).
    public func appealStatistics(zoneId: Int, received: ClosedRange<Day>?, today: Day) async throws -> AppealStatistics {
        let t = today.iso
        var w: SQLQueryString = " WHERE zone_id = \(bind: zoneId)"
        if let r = received { w += " AND received_on >= \(bind: r.lowerBound.iso) AND received_on <= \(bind: r.upperBound.iso)" }
        func query(_ key: String) -> SQLQueryString {
            let k: SQLQueryString = key == "unit" ? "CAST(lead_unit_id AS TEXT)" : key == "category" ? "category" : "NULL"
            let group: SQLQueryString = key == "unit" ? " GROUP BY lead_unit_id" : key == "category" ? " GROUP BY category" : ""
            return "SELECT " + k + """
                 AS k, COUNT(*) AS total,
                  SUM(CASE WHEN status = 'declined' THEN 1 ELSE 0 END) AS declined,
                  SUM(CASE WHEN status = 'closed' THEN 1 ELSE 0 END) AS closed,
                  SUM(CASE WHEN status = 'closed' AND assigned_on <= assign_due AND answered_on <= answer_due AND closed_on <= resolve_due THEN 1 ELSE 0 END) AS closed_on_time,
                  SUM(CASE WHEN status IN ('received', 'assigned', 'handling', 'answered') AND ((assigned_on IS NULL AND assign_due < \(bind: t))
                      OR (answered_on IS NULL AND answer_due < \(bind: t)) OR resolve_due < \(bind: t)) THEN 1 ELSE 0 END) AS overdue_open,
                  SUM(CASE WHEN status = 'closed' AND satisfaction IS NOT NULL THEN 1 ELSE 0 END) AS rated,
                  SUM(CASE WHEN status = 'closed' AND satisfaction IN ('satisfied', 'fairlySatisfied') THEN 1 ELSE 0 END) AS satisfied,
                  SUM(CASE WHEN status <> 'declined' AND reopen_count > 0 THEN 1 ELSE 0 END) AS reopened,
                  CAST(SUM(CASE WHEN status = 'closed' THEN workdays_to_close ELSE 0 END) AS BIGINT) AS workdays
                FROM appeals
                """ + w + group
        }
        var s = AppealStatistics()
        if let z = try await sql.raw(query("zone")).row(FigureRow.self), z.total > 0 { s.zone = z.figures }
        for r in try await sql.raw(query("unit")).rows(FigureRow.self) { s.byUnit[r.k.flatMap { Int($0) }] = r.figures }
        for r in try await sql.raw(query("category")).rows(FigureRow.self) {
            if let c = r.k.flatMap(AppealCategory.init(rawValue:)) { s.byCategory[c] = r.figures }
        }
        return s
    }

    /// Open appeals assigned to a unit, past their answer or resolve due day on `today`, with no order yet for the stage that
    /// is late now (one order per late stage: an order the office cancelled or closed is not proposed again).
    public func appealsDueForSupervision(zoneId: Int, today: Day) async throws -> [Appeal] {
        let t = today.iso
        return try await sql.raw(Store.appealColumns + """
             WHERE zone_id = \(bind: zoneId) AND lead_unit_id IS NOT NULL AND status IN ('assigned', 'handling', 'answered')
              AND ((answered_on IS NULL AND answer_due < \(bind: t)) OR resolve_due < \(bind: t))
              AND NOT EXISTS (SELECT 1 FROM supervision_orders o WHERE o.zone_id = \(bind: zoneId) AND o.appeal_id = appeals.id
                             AND o.appeal_stage = CASE WHEN resolve_due < \(bind: t) THEN 'resolve' ELSE 'answer' END)
             ORDER BY id
            """).rows(AppealRow.self).map(\.appeal)
    }
}
