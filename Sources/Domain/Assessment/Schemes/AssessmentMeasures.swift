import Foundation

/// Turns the zone's records into each unit's measures for a scheme's items — the only place that decides what
/// 任务完成率, 按期完成率, 交账及时率, 督办扣分, 指标完成度 and 评议 mean:
///
/// - 任务完成率: tasks the unit owns whose deadline is on or before the period's end (or the as-of day, if earlier);
///   Σ weight of those done ÷ Σ weight, in %.
/// - 按期完成率: tasks whose deadline falls within the period and on or before the as-of day; Σ weight of those done
///   on or before their deadline ÷ Σ weight, in %.
/// - 交账及时率: each reporting period due within the period (and by the as-of day) expects one report per task of
///   the unit open in it (started by the period's end, not done before its start); reports on time ÷ expected, in %.
///   A period with any on-time submission is on time.
/// - 督办扣分: Σ deduction of the orders issued to the unit within the period, not revoked.
/// - 指标完成度: the item's indicator, owned by the unit: the latest accepted value in the period against the
///   trajectory's target for that period (higher is better: actual ÷ target; lower: target ÷ actual), in %.
/// - 评议 and 人工录入: the average of the marks entered for the item.
/// - 季度结果: the published total of that quarter.
/// A unit with nothing behind an item has no measure (不涉及).
public enum AssessmentMeasures {
    public struct ReportCount: Sendable, Equatable {
        public var onTime: Int
        public var late: Int
        public init(onTime: Int, late: Int) { self.onTime = onTime; self.late = late }
    }
    public struct OrderFact: Sendable, Equatable {
        public var id: Int; public var unitId: Int; public var deduction: Double; public var reason: String; public var level: String
        public init(id: Int, unitId: Int, deduction: Double, reason: String, level: String) {
            self.id = id; self.unitId = unitId; self.deduction = deduction; self.reason = reason; self.level = level
        }
    }
    /// An indicator's reading for the period: the owner, the accepted value and the target it is read against.
    public struct IndicatorFact: Sendable, Equatable {
        public var indicatorId: Int; public var name: String; public var ownerUnitId: Int; public var direction: Indicator.Direction
        public var periodKey: String?; public var actual: Double?; public var target: Double?; public var valueId: Int?
        public init(indicatorId: Int, name: String, ownerUnitId: Int, direction: Indicator.Direction, periodKey: String?, actual: Double?, target: Double?, valueId: Int?) {
            self.indicatorId = indicatorId; self.name = name; self.ownerUnitId = ownerUnitId; self.direction = direction
            self.periodKey = periodKey; self.actual = actual; self.target = target; self.valueId = valueId
        }
    }
    /// A mark the office entered: 评议 or 人工录入 (item key), 加分/扣分 (adjustment key), 一票否决 (veto key).
    public struct MarkFact: Sendable, Equatable {
        public enum Kind: String, Codable, Sendable, CaseIterable {
            case review, manual, bonus, deduction, veto
            public var chineseName: String {
                switch self { case .review: return "评议"; case .manual: return "数据录入"; case .bonus: return "加分"; case .deduction: return "扣分"; case .veto: return "一票否决" }
            }
        }
        public var id: Int; public var unitId: Int; public var kind: Kind; public var key: String; public var points: Double?; public var reason: String; public var by: String
        public init(id: Int, unitId: Int, kind: Kind, key: String, points: Double?, reason: String, by: String) {
            self.id = id; self.unitId = unitId; self.kind = kind; self.key = key; self.points = points; self.reason = reason; self.by = by
        }
    }
    public struct Facts: Sendable {
        public var period: AssessmentPeriod
        public var asOf: Day
        public var units: [OrgUnit]
        public var tasks: [TaskItem]
        /// Reporting periods due within the period.
        public var reportingPeriods: [ReportingPeriod]
        /// Per unit: distinct (task, reporting period) pairs reported on time and late within `reportingPeriods`.
        public var reportCounts: [Int: ReportCount]
        /// Tasks with a late report in the period, to link to.
        public var lateReportTaskIds: Set<Int>
        public var orders: [OrderFact]
        public var indicators: [IndicatorFact]
        public var marks: [MarkFact]
        /// Quarter → unit id → published total.
        public var quarterTotals: [Int: [Int: Double]]
        /// Unit id → the figures of the appeals it leads, received in the period (only read when a scheme item needs them).
        public var appeals: [Int: AppealFigures] = [:]
        /// The zone's accidents, read when the scheme has the 安全生产 veto (`SafetyVeto.key`): a 重大 or worse liability
        /// accident answerable to a unit within the period vetoes it, as a recorded veto mark would.
        public var accidents: [Accident] = []
        /// Unit id → its 改革创新加分 for the period, read when the scheme has the adjustment `reformAdjustmentKey`.
        public var reformBonus: [Int: AdjustmentEntry] = [:]
        public init(period: AssessmentPeriod, asOf: Day, units: [OrgUnit], tasks: [TaskItem], reportingPeriods: [ReportingPeriod],
                    reportCounts: [Int: ReportCount], lateReportTaskIds: Set<Int>, orders: [OrderFact], indicators: [IndicatorFact],
                    marks: [MarkFact], quarterTotals: [Int: [Int: Double]]) {
            self.period = period; self.asOf = asOf; self.units = units; self.tasks = tasks; self.reportingPeriods = reportingPeriods
            self.reportCounts = reportCounts; self.lateReportTaskIds = lateReportTaskIds; self.orders = orders; self.indicators = indicators
            self.marks = marks; self.quarterTotals = quarterTotals
        }
    }

    /// A scheme bonus with this key is filled from the reform library: each lead unit's outcomes adopted or promoted by
    /// higher bodies in the period, at the zone's `ReformBonusRules` (capped by the adjustment's own cap as any bonus).
    public static let reformAdjustmentKey = "reform"

    /// At most this many records are linked per item (the figure itself counts them all).
    public static let maxSources = 30

    public static func build(_ scheme: AssessmentScheme, _ f: Facts) -> [UnitData] {
        let sources = Set(scheme.items.map(\.source))
        let end = min(f.period.end, f.asOf)
        let tasksByUnit = Dictionary(grouping: f.tasks.filter { !$0.archived }, by: \.ownerUnitId)
        let periods = f.reportingPeriods.filter { $0.due <= f.asOf }
        let ordersByUnit = Dictionary(grouping: f.orders, by: \.unitId)
        let marksByUnit = Dictionary(grouping: f.marks, by: \.unitId)
        return f.units.map { unit in
            var d = UnitData(unitId: unit.id, unitName: unit.name)
            let tasks = tasksByUnit[unit.id] ?? []
            var common: [ItemSource: Measure] = [:]
            if sources.contains(.taskCompletion) {
                let due = tasks.filter { $0.deadline <= end }
                let done = due.filter { $0.status == .done }
                common[.taskCompletion] = weighted(due, done, "截至\(end)到期任务\(due.count)项，已完成\(done.count)项",
                                                   missing: due.filter { $0.status != .done }, label: "未完成")
            }
            if sources.contains(.taskOnTime) {
                let due = tasks.filter { $0.deadline >= f.period.start && $0.deadline <= end }
                let onTime = due.filter { $0.status == .done && ($0.doneOn ?? $0.deadline) <= $0.deadline }
                let ids = Set(onTime.map(\.id))
                common[.taskOnTime] = weighted(due, onTime, "期内到期任务\(due.count)项，按期完成\(onTime.count)项",
                                               missing: due.filter { !ids.contains($0.id) }, label: "未按期完成")
            }
            if sources.contains(.reportTimeliness) {
                var expected = 0
                var owing: [TaskItem] = []
                for t in tasks {
                    let n = periods.filter { t.owesReport(for: $0) }.count
                    expected += n
                    if n > 0, f.lateReportTaskIds.contains(t.id) { owing.append(t) }
                }
                let c = f.reportCounts[unit.id] ?? ReportCount(onTime: 0, late: 0)
                let onTime = min(c.onTime, expected)
                let missing = max(0, expected - c.onTime - c.late)
                common[.reportTimeliness] = expected == 0 ? Measure(value: nil, detail: "期内无应交账事项")
                    : Measure(value: 100 * Double(onTime) / Double(expected),
                              detail: "应交账\(expected)次，按时\(onTime)次，迟交\(c.late)次，未交\(missing)次",
                              sources: owing.prefix(maxSources).map { SourceRef(kind: .task, id: $0.id, label: "\($0.title)（有迟交）") })
            }
            if sources.contains(.supervision) {
                let orders = ordersByUnit[unit.id] ?? []
                let sum = orders.reduce(0) { $0 + $1.deduction }
                common[.supervision] = Measure(value: sum, detail: orders.isEmpty ? "期内未被督办" : "期内被督办\(orders.count)件，扣分合计\(formatNumber(sum))分",
                                               sources: orders.prefix(maxSources).map { SourceRef(kind: .order, id: $0.id, label: "\($0.level)：\($0.reason)（扣\(formatNumber($0.deduction))分）") })
            }
            if sources.contains(.appealOnTime) || sources.contains(.appealSatisfaction) {
                let a = f.appeals[unit.id] ?? AppealFigures()
                let link = [SourceRef(kind: .appeals, id: unit.id, label: "本单位主办的企业诉求")]
                common[.appealOnTime] = a.onTimeRate.map {
                    Measure(value: 100 * $0, detail: "期内受理诉求\(a.total)件：按期办结\(a.closedOnTime)件，已办结\(a.closed)件，逾期在办\(a.overdueOpen)件", sources: link)
                } ?? Measure(value: nil, detail: "期内无已办结或逾期的诉求")
                common[.appealSatisfaction] = a.satisfactionRate.map {
                    Measure(value: 100 * $0, detail: "企业评价\(a.rated)件，满意及基本满意\(a.satisfied)件", sources: link)
                } ?? Measure(value: nil, detail: "期内无企业评价")
            }
            let marks = marksByUnit[unit.id] ?? []
            for item in scheme.items {
                switch item.source {
                case .indicator:
                    d.measures[item.key] = indicatorMeasure(item.ref, unit: unit.id, f.indicators)
                case .review, .manual:
                    let mine = marks.filter { $0.kind == (item.source == .review ? .review : .manual) && $0.key == item.key }
                    let values = mine.compactMap(\.points)
                    d.measures[item.key] = values.isEmpty ? Measure(value: nil, detail: "未录入")
                        : Measure(value: values.reduce(0, +) / Double(values.count),
                                  detail: item.source == .review ? "\(values.count)位评议人平均" : mine.map { "\(formatNumber($0.points ?? 0))（\($0.reason)）" }.joined(separator: "；"),
                                  sources: mine.map { SourceRef(kind: .mark, id: $0.id, label: "\($0.by)：\(formatNumber($0.points ?? 0))分，\($0.reason)") })
                case .quarter:
                    let q = item.ref ?? 0
                    d.measures[item.key] = f.quarterTotals[q]?[unit.id].map { Measure(value: $0, detail: "第\(q)季度已发布总分\(formatNumber($0))") }
                        ?? Measure(value: nil, detail: "第\(q)季度结果未发布")
                default:
                    d.measures[item.key] = common[item.source]
                }
            }
            for m in marks {
                switch m.kind {
                case .bonus, .deduction: d.adjustments.append(AdjustmentEntry(key: m.key, points: m.points ?? 0, reason: m.reason, markId: m.id))
                case .veto: d.vetoes.append(VetoEntry(key: m.key, reason: m.reason, markId: m.id))
                default: break
                }
            }
            if scheme.hasReformBonus, let bonus = f.reformBonus[unit.id] {
                d.adjustments.append(bonus)
            }
            // A period that has not begun yet (as of before its start) has no accidents to count, and no valid range.
            if scheme.hasSafetyVeto, f.period.start <= end,
               let veto = SafetyVeto.entry(accidents: f.accidents, unitId: unit.id, period: f.period.start...end),
               !d.vetoes.contains(where: { $0.key == SafetyVeto.key }) {
                d.vetoes.append(veto)
            }
            return d
        }
    }

    /// Completion of one indicator (`ref`) the unit owns, or the average over all it owns with a confirmed value,
    /// each counted at most 100% so that one indicator ahead does not hide another behind.
    static func indicatorMeasure(_ ref: Int?, unit: Int, _ all: [IndicatorFact]) -> Measure {
        let owned = all.filter { $0.ownerUnitId == unit && (ref == nil || $0.indicatorId == ref) }
        guard !owned.isEmpty else { return Measure(value: nil, detail: ref == nil ? "本单位无负责的指标" : "非本单位指标") }
        var parts: [(Double, String, Int)] = []
        for ind in owned {
            guard let actual = ind.actual, let target = ind.target, let key = ind.periodKey else { continue }
            let completion: Double
            if ind.direction == .higher { completion = target == 0 ? (actual >= 0 ? 100 : 0) : 100 * actual / target }
            else { completion = actual <= 0 ? 100 : 100 * target / actual }
            parts.append((completion, "\(ind.name)\(IndicatorPeriods.label(key))实际\(formatNumber(actual))、目标\(formatNumber(target))，完成\(String(format: "%.1f", completion))%", ind.indicatorId))
        }
        guard !parts.isEmpty else { return Measure(value: nil, detail: "期内无已确认的指标数据") }
        let sources = owned.filter { $0.valueId != nil }.map { SourceRef(kind: .indicator, id: $0.indicatorId, label: $0.name) }
        if ref != nil { return Measure(value: parts[0].0, detail: parts[0].1, sources: sources) }
        let avg = parts.reduce(0) { $0 + min($1.0, 100) } / Double(parts.count)
        return Measure(value: avg, detail: "\(parts.count)项指标平均完成\(String(format: "%.1f", avg))%（单项超额按100%计）：" + parts.map(\.1).joined(separator: "；"), sources: sources)
    }

    /// Σ weight of `good` ÷ Σ weight of `all`, in %; nil (不涉及) when there is nothing.
    static func weighted(_ all: [TaskItem], _ good: [TaskItem], _ detail: String, missing: [TaskItem], label: String) -> Measure {
        let total = all.reduce(0) { $0 + $1.weight }
        guard !all.isEmpty, total > 0 else { return Measure(value: nil, detail: "期内无到期任务") }
        let got = good.reduce(0) { $0 + $1.weight }
        return Measure(value: 100 * got / total, detail: "\(detail)（权重\(formatNumber(got))/\(formatNumber(total))）",
                       sources: missing.prefix(maxSources).map { SourceRef(kind: .task, id: $0.id, label: "\($0.title)（\(label)）") })
    }
}

extension AssessmentScheme {
    /// The scheme has the 安全生产 veto: accidents are read and a 重大 liability accident vetoes its unit.
    public var hasSafetyVeto: Bool { vetoes.contains { $0.key == SafetyVeto.key } }
    /// The scheme has the 改革创新 bonus: the reform library's outcomes fill it.
    public var hasReformBonus: Bool { adjustments.contains { $0.key == AssessmentMeasures.reformAdjustmentKey } }
}
