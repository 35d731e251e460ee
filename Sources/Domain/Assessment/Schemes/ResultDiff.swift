import Foundation

/// What changed for one unit between two published versions of a result (a recomputation never rewrites the
/// old version; it publishes a new one and lists these).
public struct ResultChange: Codable, Sendable, Equatable {
    public var unitId: Int
    public var unitName: String
    public var totalBefore: Double?
    public var totalAfter: Double?
    public var rankBefore: Int?
    public var rankAfter: Int?
    public var gradeBefore: String?
    public var gradeAfter: String?

    /// Units whose total, rank or grade differ (including units that joined or left), in the new order.
    public static func between(_ old: [Scorecard], _ new: [Scorecard]) -> [ResultChange] {
        let before = Dictionary(old.map { ($0.unitId, $0) }, uniquingKeysWith: { a, _ in a })
        var changes: [ResultChange] = []
        for c in new {
            let o = before[c.unitId]
            if o?.total != c.total || o?.rank != c.rank || o?.grade != c.grade {
                changes.append(ResultChange(unitId: c.unitId, unitName: c.unitName, totalBefore: o?.total, totalAfter: c.total,
                                            rankBefore: o?.rank, rankAfter: c.rank, gradeBefore: o?.grade, gradeAfter: c.grade))
            }
        }
        let present = Set(new.map(\.unitId))
        for o in old where !present.contains(o.unitId) {
            changes.append(ResultChange(unitId: o.unitId, unitName: o.unitName, totalBefore: o.total, totalAfter: nil,
                                        rankBefore: o.rank, rankAfter: nil, gradeBefore: o.grade, gradeAfter: nil))
        }
        return changes
    }
}
