import Foundation

/// 考核方案: how one category of units (职能部门, 街道办事处, 平台公司) is assessed for one period of a year.
/// Items carry points and a scoring rule each; bonus and deduction entries are capped; a veto caps the grade;
/// grades come from score bands, with quotas. The definition is stored as JSON and versioned: every save is a
/// new version, and a published result names the version it was computed with.
public struct AssessmentScheme: Codable, Sendable, Equatable {
    /// How the items' weights are set.
    public enum Weighting: String, Codable, Sendable, CaseIterable {
        /// Each item's points as written; they must sum to 100.
        case points
        /// 层次分析法: weights from `pairwise` (one row per item); refused when CR ≥ 0.10.
        case ahp
        /// 熵权法: objective weights from how much each item's data varies across the units.
        case entropy
        public var chineseName: String {
            switch self { case .points: return "按分值"; case .ahp: return "层次分析法（判断矩阵）"; case .entropy: return "熵权法" }
        }
    }
    /// How item results become a total.
    public enum Aggregation: String, Codable, Sendable, CaseIterable {
        /// Σ item points (each item scored by its rule).
        case sum
        /// TOPSIS closeness to the ideal × 100 over the items' data.
        case topsis
        public var chineseName: String { self == .sum ? "各项得分相加" : "TOPSIS 逼近理想解" }
    }

    public var items: [SchemeItem]
    public var weighting: Weighting
    /// For `.ahp`: n × n over `items`.
    public var pairwise: [[Double]]?
    public var aggregation: Aggregation
    /// 加分 and 扣分 entries the scheme accepts, each with its own cap.
    public var adjustments: [Adjustment]
    /// Cap on all bonus points together (nil: no cap beyond each entry's).
    public var bonusCap: Double?
    /// Cap on all deductions together.
    public var deductionCap: Double?
    /// 一票否决 items: a unit with one is ranked after the others and its grade is capped.
    public var vetoes: [Veto]
    /// Best first; the last band's `min` is ignored (everything below).
    public var grades: [GradeBand]
    /// Decimals the total is rounded to (half up) before ranking.
    public var decimals: Int

    public init(items: [SchemeItem], weighting: Weighting = .points, pairwise: [[Double]]? = nil, aggregation: Aggregation = .sum,
                adjustments: [Adjustment] = [], bonusCap: Double? = nil, deductionCap: Double? = nil, vetoes: [Veto] = [],
                grades: [GradeBand] = GradeBand.standard, decimals: Int = 2) {
        self.items = items; self.weighting = weighting; self.pairwise = pairwise; self.aggregation = aggregation
        self.adjustments = adjustments; self.bonusCap = bonusCap; self.deductionCap = deductionCap; self.vetoes = vetoes
        self.grades = grades; self.decimals = decimals
    }
}

/// One assessed item: where its data comes from, its points and how the data becomes points.
public struct SchemeItem: Codable, Sendable, Equatable {
    public var key: String
    public var name: String
    public var source: ItemSource
    /// For `.indicator`: which indicator (nil: every indicator the unit owns); for `.quarter`: which quarter (1–4).
    public var ref: Int?
    public var points: Double
    public var rule: ItemRule
    /// For `.manual` data where less is better (e.g. 投诉件数); supervision deductions always are.
    public var lowerIsBetter: Bool?
    public init(key: String, name: String, source: ItemSource, ref: Int? = nil, points: Double, rule: ItemRule, lowerIsBetter: Bool? = nil) {
        self.key = key; self.name = name; self.source = source; self.ref = ref; self.points = points; self.rule = rule
        self.lowerIsBetter = lowerIsBetter
    }
    /// Less is better for this item's measure.
    public var isCost: Bool { source.isCost || lowerIsBetter == true }
}

/// Where an item's data comes from. Every source but `.manual` is read by the product from its own records.
public enum ItemSource: String, Codable, Sendable, CaseIterable {
    /// 任务完成率: the weighted share of the unit's tasks due by the period's end that are done (task weights).
    case taskCompletion
    /// 按期完成率: the weighted share of tasks due within the period done by their deadline.
    case taskOnTime
    /// 交账及时率: the share of reports due within the period that were submitted on time.
    case reportTimeliness
    /// 督办扣分: the deductions of the supervision orders issued to the unit within the period.
    case supervision
    /// 指标完成度: one indicator the unit owns, or all of them (`ref` nil), actual against the trajectory's target for the period (%).
    case indicator
    /// 评议: the average of reviewers' marks (0–100).
    case review
    /// 季度结果: the published total of quarter `ref` (an annual scheme built from the quarters).
    case quarter
    /// Entered by the office per unit (e.g. a statistics figure), as a review mark with key = item key.
    case manual
    /// 诉求按期率: the unit's appeals (as lead unit) received in the period, `AppealFigures.onTimeRate` judged at the period's end.
    case appealOnTime
    /// 诉求满意率: the same appeals' `AppealFigures.satisfactionRate`.
    case appealSatisfaction

    public var chineseName: String {
        switch self {
        case .taskCompletion: return "任务完成率"
        case .taskOnTime: return "任务按期完成率"
        case .reportTimeliness: return "交账及时率"
        case .supervision: return "督办扣分"
        case .indicator: return "指标完成度"
        case .review: return "评议得分"
        case .quarter: return "季度考核结果"
        case .manual: return "人工录入"
        case .appealOnTime: return "企业诉求按期办结率"
        case .appealSatisfaction: return "企业诉求满意率"
        }
    }
    /// The unit of the measure, for explanations.
    public var measureUnit: String {
        switch self {
        case .supervision, .review, .quarter: return "分"
        case .manual: return ""
        default: return "%"
        }
    }
    /// Less is better (the rule deducts per unit of the measure).
    public var isCost: Bool { self == .supervision }
}

/// 加分 / 扣分 entries the office records per unit with a reason; each kind has its own cap.
public struct Adjustment: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case bonus, deduction
        public var chineseName: String { self == .bonus ? "加分" : "扣分" }
    }
    public var key: String
    public var name: String
    public var kind: Kind
    /// Most points this entry can add or take for one unit in the period.
    public var cap: Double
    public init(key: String, name: String, kind: Kind, cap: Double) { self.key = key; self.name = name; self.kind = kind; self.cap = cap }
}

/// 一票否决: e.g. 重大安全生产事故; the unit's grade is at best `gradeCap`.
public struct Veto: Codable, Sendable, Equatable {
    public var key: String
    public var name: String
    public var gradeCap: String
    public init(key: String, name: String, gradeCap: String) { self.key = key; self.name = name; self.gradeCap = gradeCap }
}

/// A grade band: a total of at least `min` earns `name`, and no more than `quota` (a share of the units in the
/// scheme, rounded down) may hold it.
public struct GradeBand: Codable, Sendable, Equatable {
    public var name: String
    public var min: Double
    public var quota: Double?
    public init(name: String, min: Double, quota: Double? = nil) { self.name = name; self.min = min; self.quota = quota }

    public static let standard: [GradeBand] = [
        GradeBand(name: "优秀", min: 90, quota: 0.3), GradeBand(name: "良好", min: 80),
        GradeBand(name: "一般", min: 60), GradeBand(name: "较差", min: 0),
    ]
}
