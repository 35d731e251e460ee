import Foundation

/// How an item's measure becomes points. `points` is the item's full points (after AHP or entropy weighting,
/// 100 × its weight). No rule gives less than zero, and only `.ratio` with a cap above 100% gives more than the
/// item's points (超额完成加分, up to points × cap).
public struct ItemRule: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// 完成比例: points × min(measure ÷ target, cap ÷ 100%); target 100 by default.
        case ratio
        /// 达标得分: full points when the measure reaches the threshold, none otherwise.
        case threshold
        /// 名次计分: the best unit gets the item's points, each following place `step` fewer.
        case rankPoints
        /// 与最优值之比: points × measure ÷ the best unit's measure (cost: best ÷ measure).
        case ratioToBest
        /// 功效系数法: points × (60 + 40 × position between the unacceptable and satisfactory values) ÷ 100,
        /// the group's worst and best where those are not given; kept within 0 and the item's points.
        case efficacy
        /// 按次扣分: points − per × measure, not below 0 (督办扣分 with per = 1 deducts the orders' points).
        case deductPer

        public var chineseName: String {
            switch self {
            case .ratio: return "完成比例计分"
            case .threshold: return "达标得分"
            case .rankPoints: return "名次计分"
            case .ratioToBest: return "与最优值之比"
            case .efficacy: return "功效系数法"
            case .deductPer: return "按次扣分"
            }
        }
    }
    public var kind: Kind
    /// `.ratio`: the target measure (default 100); `.threshold`: the threshold.
    public var target: Double?
    /// `.ratio`: the most a unit can reach, in % of the points (default 100, i.e. no extra points above target).
    public var cap: Double?
    /// `.rankPoints`: points fewer per place (default 3).
    public var step: Double?
    /// `.deductPer`: points deducted per unit of the measure (default 1).
    public var per: Double?
    /// `.efficacy`: fixed references (满意值, 不允许值); both or neither.
    public var satisfactory: Double?
    public var unacceptable: Double?

    public init(kind: Kind, target: Double? = nil, cap: Double? = nil, step: Double? = nil, per: Double? = nil,
                satisfactory: Double? = nil, unacceptable: Double? = nil) {
        self.kind = kind; self.target = target; self.cap = cap; self.step = step; self.per = per
        self.satisfactory = satisfactory; self.unacceptable = unacceptable
    }

    /// Refuses parameters the rule cannot compute with (a zero target would divide by zero), naming `field`.
    public func validate(field: String) throws {
        func positive(_ v: Double?, _ name: String, _ label: String) throws {
            if let v, !(v.isFinite && v > 0) { throw ValidationError(field: "\(field).\(name)", "\(label)须为正数") }
        }
        func finite(_ v: Double?, _ name: String, _ label: String) throws {
            if let v, !v.isFinite { throw ValidationError(field: "\(field).\(name)", "\(label)须为数字") }
        }
        switch kind {
        case .ratio:
            try positive(target, "target", "目标值（除数）")
            try positive(cap, "cap", "封顶比例")
        case .threshold: try finite(target, "target", "达标值")
        case .rankPoints:
            if let step, !(step.isFinite && step >= 0) { throw ValidationError(field: "\(field).step", "每名次递减分须为不小于0的数") }
        case .ratioToBest: break
        case .efficacy:
            try finite(satisfactory, "satisfactory", "满意值"); try finite(unacceptable, "unacceptable", "不允许值")
            if (satisfactory == nil) != (unacceptable == nil) {
                throw ValidationError(field: "\(field).satisfactory", "满意值和不允许值须同时填写或同时不填（不填则取本组最优、最差值）")
            }
            if let s = satisfactory, let u = unacceptable, s == u {
                throw ValidationError(field: "\(field).satisfactory", "满意值与不允许值相同，无法计算功效系数（除数为0）")
            }
        case .deductPer: try positive(per, "per", "每次扣分")
        }
    }

    /// The rule in words, for the scorecard: "40分 × min(任务完成率 ÷ 100%, 1)".
    public func describe(points: Double, measure: String, unit: String) -> String {
        let p = formatNumber(points) + "分"
        switch kind {
        case .ratio:
            let t = formatNumber(target ?? 100) + unit
            let c = formatNumber((cap ?? 100) / 100)
            return "\(p) × min(\(measure) ÷ \(t), \(c))"
        case .threshold: return "\(measure)达到\(formatNumber(target ?? 100))\(unit)得\(p)，否则0分"
        case .rankPoints: return "第1名\(p)，每后一名减\(formatNumber(step ?? 3))分"
        case .ratioToBest: return "\(p) × \(measure) ÷ 最优单位\(measure)"
        case .efficacy:
            if let s = satisfactory, let u = unacceptable {
                return "\(p) × [60 + 40 × (\(measure) − \(formatNumber(u))) ÷ (\(formatNumber(s)) − \(formatNumber(u)))] ÷ 100"
            }
            return "\(p) × [60 + 40 × (\(measure) − 本组最差) ÷ (本组最优 − 本组最差)] ÷ 100"
        case .deductPer: return "\(p) − \(formatNumber(per ?? 1)) × \(measure)，扣完为止"
        }
    }
}
