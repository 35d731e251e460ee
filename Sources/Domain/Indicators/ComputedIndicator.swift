import Foundation

/// What a computed indicator (`Indicator.Source.computed`) measures: the zone as a whole, read from the product's
/// own records, with the same definitions the assessment uses for a unit (`AssessmentMeasures`).
public enum ComputedMeasure: String, Codable, Sendable, CaseIterable {
    /// 任务按期完成率: tasks due within the period (by the as-of day), weighted share done by their deadline, %.
    case tasksOnTime
    /// 交账及时率: reports due within the period submitted on time, % of those expected.
    case reportsOnTime
    /// 督办办结率: orders issued in the year by the period's end, not revoked, share closed (办结) by then, %.
    case ordersClosed

    public var chineseName: String {
        switch self { case .tasksOnTime: return "全区任务按期完成率"; case .reportsOnTime: return "全区交账及时率"; case .ordersClosed: return "全区督办件办结率" }
    }
    public var unit: String { "%" }
}

public enum ComputedIndicator {
    /// The measure over `facts` (one period), the whole zone counted as one unit; nil when nothing was due.
    public static func value(_ m: ComputedMeasure, facts: AssessmentMeasures.Facts, orders: [BulletinBuilder.OrderFact]) -> Measure {
        switch m {
        case .ordersClosed:
            let end = min(facts.period.end, facts.asOf)
            let issued = orders.filter { o in o.issuedOn.map { $0.year == facts.period.year && $0 <= end } ?? false }
                .filter { o in !(o.endedOn.map { $0 <= end } ?? false) || o.closed }
            let closed = issued.filter { o in o.closed && (o.endedOn.map { $0 <= end } ?? false) }
            guard !issued.isEmpty else { return Measure(value: nil, detail: "截至\(end)本年未下发督办单") }
            return Measure(value: 100 * Double(closed.count) / Double(issued.count), detail: "截至\(end)本年下发督办单\(issued.count)件，已办结\(closed.count)件")
        case .tasksOnTime, .reportsOnTime:
            let zone = OrgUnit(id: 0, name: "全区", shortName: "全区", kind: .department, sortOrder: 0)
            var f = facts
            f.units = [zone]
            f.tasks = facts.tasks.map { var t = $0; t.ownerUnitId = 0; return t }
            let total = facts.reportCounts.values.reduce(AssessmentMeasures.ReportCount(onTime: 0, late: 0)) { .init(onTime: $0.onTime + $1.onTime, late: $0.late + $1.late) }
            f.reportCounts = [0: total]
            let source: ItemSource = m == .tasksOnTime ? .taskOnTime : .reportTimeliness
            let scheme = AssessmentScheme(items: [SchemeItem(key: "x", name: m.chineseName, source: source, points: 100, rule: ItemRule(kind: .ratio))])
            return AssessmentMeasures.build(scheme, f).first?.measures["x"] ?? Measure(value: nil, detail: "无数据")
        }
    }
}
