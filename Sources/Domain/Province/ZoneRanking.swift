import Foundation

/// One zone's year in figures, as the province sees it (全省园区比拼): read-only counts, no rows.
public struct ZoneFigures: Sendable, Equatable {
    public var zoneId: Int
    public var code: String
    public var name: String
    /// Tasks and milestones of the year's plans (not archived, not suspended).
    public var tasks = 0
    public var done = 0
    /// Not done and past their deadline on the day of the ranking.
    public var overdue = 0
    /// Supervision orders issued and not yet closed or cancelled.
    public var openOrders = 0
    /// Appeals the firms rated, and of those 满意 or 基本满意.
    public var appealsRated = 0
    public var appealsSatisfied = 0
    public init(zoneId: Int, code: String, name: String) { self.zoneId = zoneId; self.code = code; self.name = name }

    /// 按期率: the share of the year's tasks not overdue (1 when there are none).
    public var onTimeRate: Double { tasks == 0 ? 1 : Double(tasks - overdue) / Double(tasks) }
    /// 完成率: done over all.
    public var doneRate: Double { tasks == 0 ? 0 : Double(done) / Double(tasks) }
    /// 满意率 of rated appeals, nil with none rated.
    public var satisfactionRate: Double? { appealsRated == 0 ? nil : Double(appealsSatisfied) / Double(appealsRated) }
}

/// The province's league of zones. The order, stated so every place can be explained: zones with tasks this year
/// before those with none (nothing due is not a record to rank on), then 按期率 (higher first), then 完成率 (higher
/// first), then fewer open supervision orders, then the zone code. Zones equal on all of these but the code share a
/// place (1, 2, 2, 4).
public enum ZoneRanking {
    public struct Place: Sendable, Equatable {
        public let rank: Int
        public let figures: ZoneFigures
    }

    public static func rank(_ zones: [ZoneFigures]) -> [Place] {
        func key(_ z: ZoneFigures) -> (Int, Double, Double, Int) { (z.tasks == 0 ? 1 : 0, -z.onTimeRate, -z.doneRate, z.openOrders) }
        let sorted = zones.sorted { a, b in
            let ka = key(a), kb = key(b)
            if ka != kb { return ka < kb }
            return a.code < b.code
        }
        var out: [Place] = []
        for (i, z) in sorted.enumerated() {
            if let last = out.last, key(last.figures) == key(z) { out.append(Place(rank: last.rank, figures: z)) }
            else { out.append(Place(rank: i + 1, figures: z)) }
        }
        return out
    }
}
