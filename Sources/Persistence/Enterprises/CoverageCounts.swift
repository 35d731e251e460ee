import Domain
import Foundation
import SQLKit

/// The registry's computed indicators counted in the database, so a zone of 20,000 firms answers in milliseconds.
/// They follow `Coverage` and `ComputedIndicator.hnteCount` to the letter (the tests hold both to one independent count):
/// the group is the firms not archived whose latest year of figures up to `year` is 规上, in the industrial sections
/// (B, C, D) for R&D institutions and in manufacturing (C) for patents.
extension Store {
    public struct CoverageCount: Sendable, Equatable {
        public let group: Int
        public let covered: Int
        public let unknown: Int
    }

    static func latestAbove(_ zoneId: Int, year: Int, sections: [String]) -> SQLQueryString {
        """
         FROM enterprises e JOIN enterprise_years y ON y.enterprise_id = e.id
        WHERE e.zone_id = \(bind: zoneId) AND e.archived_at IS NULL AND substr(e.industry_code, 1, 1) IN (\(binds: sections))
          AND y.year = (SELECT MAX(y2.year) FROM enterprise_years y2 WHERE y2.enterprise_id = e.id AND y2.year <= \(bind: year))
          AND y.above_scale = 1
        """
    }

    /// 规上工业企业 and those with an R&D institution recognised by `end`.
    public func rdCoverageCount(zoneId: Int, year: Int, end: Day) async throws -> CoverageCount {
        struct R: Decodable { let n: Int; let covered: Int? }
        let r = try await sql.raw("SELECT COUNT(*) AS n, SUM(CASE WHEN EXISTS (SELECT 1 FROM enterprise_rd_centers c WHERE c.enterprise_id = e.id AND c.recognized_on <= \(bind: end.iso)) THEN 1 ELSE 0 END) AS covered "
                                  + Store.latestAbove(zoneId, year: year, sections: ["B", "C", "D"])).row(R.self)
        return CoverageCount(group: r?.n ?? 0, covered: r?.covered ?? 0, unknown: 0)
    }

    /// 规上制造业企业 with patent figures, those holding at least one valid patent, and those without figures.
    public func patentCoverageCount(zoneId: Int, year: Int) async throws -> CoverageCount {
        struct R: Decodable { let n: Int; let covered: Int?; let unknown: Int? }
        let r = try await sql.raw("""
            SELECT COUNT(*) AS n,
              SUM(CASE WHEN COALESCE(y.invention_patents, 0) + COALESCE(y.utility_patents, 0) + COALESCE(y.design_patents, 0) > 0 THEN 1 ELSE 0 END) AS covered,
              SUM(CASE WHEN y.invention_patents IS NULL AND y.utility_patents IS NULL AND y.design_patents IS NULL THEN 1 ELSE 0 END) AS unknown
            """ + Store.latestAbove(zoneId, year: year, sections: ["C"])).row(R.self)
        let unknown = r?.unknown ?? 0
        return CoverageCount(group: (r?.n ?? 0) - unknown, covered: r?.covered ?? 0, unknown: unknown)
    }

    /// Firms (not archived) holding a valid 高企 title on `day`.
    public func hnteCount(zoneId: Int, on day: Day) async throws -> Int {
        try await sql.raw("""
            SELECT COUNT(DISTINCT t.enterprise_id) AS n FROM enterprise_tiers t JOIN enterprises e ON e.id = t.enterprise_id
            WHERE t.zone_id = \(bind: zoneId) AND e.archived_at IS NULL AND t.kind = 'hnte' AND t.withdrawn_at IS NULL
              AND t.granted_on <= \(bind: day.iso) AND (t.expires_on IS NULL OR t.expires_on >= \(bind: day.iso))
            """).row(CountRow.self)?.n ?? 0
    }
}
