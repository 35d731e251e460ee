import Domain
import Foundation
import SQLKit

/// Every zone's year in counts, for the province's league (`ZoneRanking`): one grouped query per table, so the
/// cost does not grow with the number of zones.
extension Store {
    public func zoneFigures(year: Int, today: Day) async throws -> [ZoneFigures] {
        var figures: [Int: ZoneFigures] = [:]
        for z in try await zones() { figures[z.id] = ZoneFigures(zoneId: z.id, code: z.code, name: z.name) }
        struct T: Decodable { let zoneId: Int; let n: Int; let done: Int?; let overdue: Int? }
        for r in try await sql.raw("""
            SELECT t.zone_id, COUNT(*) AS n,
              SUM(CASE WHEN t.status = 'done' THEN 1 ELSE 0 END) AS done,
              SUM(CASE WHEN t.status <> 'done' AND t.deadline < \(bind: today.iso) THEN 1 ELSE 0 END) AS overdue
            FROM tasks t JOIN plans p ON p.id = t.plan_id
            WHERE p.year = \(bind: year) AND t.archived_at IS NULL AND p.archived_at IS NULL AND t.status <> 'suspended'
            GROUP BY t.zone_id
            """).rows(T.self) {
            figures[r.zoneId]?.tasks = r.n; figures[r.zoneId]?.done = r.done ?? 0; figures[r.zoneId]?.overdue = r.overdue ?? 0
        }
        struct O: Decodable { let zoneId: Int; let n: Int }
        for r in try await sql.raw("""
            SELECT zone_id, COUNT(*) AS n FROM supervision_orders WHERE status IN ('issued', 'signed', 'answered') GROUP BY zone_id
            """).rows(O.self) {
            figures[r.zoneId]?.openOrders = r.n
        }
        struct A: Decodable { let zoneId: Int; let rated: Int; let satisfied: Int? }
        for r in try await sql.raw("""
            SELECT zone_id, COUNT(*) AS rated, SUM(CASE WHEN satisfaction IN ('satisfied', 'fairlySatisfied') THEN 1 ELSE 0 END) AS satisfied
            FROM appeals WHERE satisfaction IS NOT NULL AND received_on >= \(bind: "\(year)-01-01") AND received_on <= \(bind: "\(year)-12-31")
            GROUP BY zone_id
            """).rows(A.self) {
            figures[r.zoneId]?.appealsRated = r.rated; figures[r.zoneId]?.appealsSatisfied = r.satisfied ?? 0
        }
        return figures.values.sorted { $0.zoneId < $1.zoneId }
    }
}
