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
    /// 研发机构覆盖率: 规上工业企业 with an R&D institution recognised by the period's end, % (`Coverage.rdCenters`).
    case rdCoverage
    /// 专利覆盖率 (专利清零): 规上制造业企业 holding a valid patent, % (`Coverage.patents`).
    case patentCoverage
    /// 重点项目投资完成率: Σ actual ÷ Σ planned investment of the year's months up to the period's end, % (`InvestmentProgress`).
    case investmentCompletion
    /// 有效高新技术企业数: firms holding a valid 高企 certificate on the period's last day (or today), 家.
    case hnteCount
    /// 一般公共预算收入同比增长: the year to date against the same months of last year, % (`FiscalSummary`).
    case fiscalGrowth
    /// 企业诉求按期办结率: appeals received in the year up to the period's end, `AppealFigures.onTimeRate` then, %.
    case appealsOnTime
    /// 企业诉求满意率: the same appeals' `AppealFigures.satisfactionRate`, %.
    case appealSatisfaction
    /// 隐患整改率: hazards found in the year up to the period's end, verified by then, % (`SafetyFigures.rectificationRate`).
    case hazardRectification

    public var chineseName: String {
        switch self {
        case .tasksOnTime: return "全区任务按期完成率"
        case .reportsOnTime: return "全区交账及时率"
        case .ordersClosed: return "全区督办件办结率"
        case .rdCoverage: return "规上工业企业研发机构覆盖率"
        case .patentCoverage: return "规上制造业企业有效专利覆盖率"
        case .investmentCompletion: return "重点项目投资完成率"
        case .hnteCount: return "有效高新技术企业数"
        case .fiscalGrowth: return "一般公共预算收入同比增长"
        case .appealsOnTime: return "企业诉求按期办结率"
        case .appealSatisfaction: return "企业诉求满意率"
        case .hazardRectification: return "安全隐患整改率"
        }
    }
    public var unit: String { self == .hnteCount ? "家" : "%" }
}

public enum ComputedIndicator {
    /// The measure over `facts` (one period), the whole zone counted as one unit; nil when nothing was due.
    /// A coverage measure from counts (group, covered, without data) — as the database counts them for a zone.
    public static func coverage(_ m: ComputedMeasure, count: (group: Int, covered: Int, unknown: Int)) -> Measure {
        guard count.group > 0 else { return Measure(value: nil, detail: "登记的企业中没有规上\(m == .rdCoverage ? "工业" : "制造业")企业") }
        let rate = 100 * Double(count.covered) / Double(count.group)
        let detail = m == .rdCoverage
            ? "规上工业企业\(count.group)家，建有研发机构\(count.covered)家，未建\(count.group - count.covered)家"
            : "规上制造业企业\(count.group)家，拥有有效专利\(count.covered)家，“零专利”\(count.group - count.covered)家" + (count.unknown == 0 ? "" : "，缺专利数据\(count.unknown)家")
        return Measure(value: rate, detail: detail)
    }

    /// 一般公共预算收入同比增长 for the year to date through the period's last month (or the last month with figures).
    public static func fiscalGrowth(_ entries: [FiscalEntry], period: AssessmentPeriod, asOf: Day) -> Measure {
        let end = min(period.end, asOf)
        let withData = entries.filter { $0.month.hasPrefix(String(format: "%04d-", period.year)) }.compactMap { Int($0.month.suffix(2)) }.max() ?? 0
        let month = min(end.year > period.year ? 12 : end.month, withData)
        guard month >= 1, let total = FiscalSummary.lines(entries, targets: [:], year: period.year, through: month).last, let g = total.growth else {
            return Measure(value: nil, detail: "无本年或上年同期数据")
        }
        return Measure(value: g, detail: "1—\(month)月累计\(String(format: "%.0f", total.cumulative))万元，上年同期\(String(format: "%.0f", total.lastYearCumulative))万元")
    }

    /// 有效高新技术企业数 on `day`, counted by the database.
    public static func hnteCount(_ n: Int, on day: Day) -> Measure {
        Measure(value: Double(n), detail: "\(day)有效高企\(n)家")
    }

    /// 企业诉求按期办结率 or 满意率 from the zone's figures for the appeals received from the year's start to `end`.
    public static func appeals(_ m: ComputedMeasure, _ f: AppealFigures, end: Day) -> Measure {
        if m == .appealSatisfaction {
            guard let r = f.satisfactionRate else { return Measure(value: nil, detail: "截至\(end)无企业评价") }
            return Measure(value: 100 * r, detail: "截至\(end)企业评价\(f.rated)件，满意及基本满意\(f.satisfied)件")
        }
        guard let r = f.onTimeRate else { return Measure(value: nil, detail: "截至\(end)无已办结或逾期的诉求") }
        return Measure(value: 100 * r, detail: "截至\(end)受理\(f.total)件，已办结\(f.closed)件（按期\(f.closedOnTime)件），逾期在办\(f.overdueOpen)件")
    }

    /// 隐患整改率 from the figures of the hazards found from the year's start to `end`.
    public static func hazards(_ f: SafetyFigures, end: Day) -> Measure {
        guard let r = f.rectificationRate else { return Measure(value: nil, detail: "截至\(end)本年未发现隐患") }
        return Measure(value: 100 * r, detail: "截至\(end)本年发现隐患\(f.found)项（重大\(f.foundMajor)项），已验收销号\(f.verified)项，逾期未销号\(f.overdue)项")
    }

    /// 重点项目投资完成率 for a period: the year's months through the period's last month (or the as-of month).
    public static func investment(_ months: [MonthlyInvestment], period: AssessmentPeriod, asOf: Day) -> Measure {
        let end = min(period.end, asOf)
        let f = InvestmentProgress.figure(months, year: period.year, through: end.year > period.year ? 12 : end.month)
        guard let rate = f.rate else { return Measure(value: nil, detail: "截至\(end.month)月无计划投资") }
        return Measure(value: rate, detail: "截至\(end.month)月计划投资\(String(format: "%.0f", f.plannedToDate))万元，完成\(String(format: "%.0f", f.actualToDate))万元")
    }

    public static func value(_ m: ComputedMeasure, facts: AssessmentMeasures.Facts, orders: [BulletinBuilder.OrderFact]) -> Measure {
        switch m {
        case .rdCoverage, .patentCoverage, .investmentCompletion, .hnteCount, .fiscalGrowth, .appealsOnTime, .appealSatisfaction, .hazardRectification:
            return Measure(value: nil, detail: "按企业库、项目库或诉求计算")
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
