import Foundation

/// 功效系数法 (§3 of cn-assessment-methods.md). Each value is placed on a 60–100 band between the indicator's
/// 不允许值 x_s (unacceptable) and 满意值 x_h (satisfactory):
///
///     d_ij = 60 + 40 · (x_ij − x_s) / (x_h − x_s)
///
/// which for a cost indicator (x_h < x_s) is the mirrored form 60 + 40 · (x_s − x_ij) / (x_s − x_h).
/// Not clipped: with fixed reference values a unit worse than x_s scores below 60 (5.81 against 12 / 6 gives
/// 58.73), one better than x_h above 100. The total is the weighted sum D_i = Σ_j w_j · d_ij.
public enum EfficacyCoefficient {
    public static let base = 60.0
    public static let span = 40.0

    /// The satisfactory and unacceptable values used for one indicator.
    public struct Reference: Sendable, Equatable {
        public var satisfactory: Double
        public var unacceptable: Double
        public init(satisfactory: Double, unacceptable: Double) {
            self.satisfactory = satisfactory
            self.unacceptable = unacceptable
        }
    }

    /// d = 60 + 40 · (x − x_s) / (x_h − x_s), unclipped.
    public static func coefficient(_ x: Double, satisfactory: Double, unacceptable: Double) -> Double {
        base + span * (x - unacceptable) / (satisfactory - unacceptable)
    }

    /// Each indicator's reference values: the given `satisfactory` / `unacceptable`, otherwise the group's best
    /// (max for benefit, min for cost) / worst (min for benefit, max for cost) value in `matrix`.
    /// Throws when they coincide (a constant column with neither given) or point the wrong way
    /// (a benefit indicator needs satisfactory > unacceptable, a cost indicator satisfactory < unacceptable).
    public static func references(_ matrix: [[Double]], indicators: [ScoringIndicator]) throws -> [Reference] {
        try indicators.enumerated().map { j, indicator in
            let column = matrix.map { $0[j] }
            let low = column.min(), high = column.max()
            let best = indicator.type == .benefit ? high : low
            let worst = indicator.type == .benefit ? low : high
            guard let satisfactory = indicator.satisfactory ?? best,
                  let unacceptable = indicator.unacceptable ?? worst else {
                throw ValidationError(field: "units", "没有单位，无法取组内最优/最差值 / no units to take the group's best and worst values from")
            }
            let key = indicator.key
            if indicator.satisfactory == nil, indicator.unacceptable == nil, satisfactory == unacceptable {
                throw ValidationError(field: "indicators[\(j)]",
                                      "各单位在指标“\(key)”上取值相同（均为 \(formatNumber(satisfactory))），组内最优值与最差值重合，无法计算功效系数；请给出 satisfactory 与 unacceptable / every unit has the same value (\(formatNumber(satisfactory))) on indicator \"\(key)\", so the group's best and worst coincide; give satisfactory and unacceptable")
            }
            let ordered = indicator.type == .benefit ? satisfactory > unacceptable : satisfactory < unacceptable
            if !ordered {
                let field = "indicators[\(j)]." + (indicator.satisfactory != nil ? "satisfactory" : "unacceptable")
                let source = indicator.satisfactory == nil || indicator.unacceptable == nil
                    ? "（未给出的一方取组内最优/最差值）" : ""
                let sourceEn = indicator.satisfactory == nil || indicator.unacceptable == nil
                    ? " (the one not given is the group's best or worst value)" : ""
                let (zh, en) = indicator.type == .benefit
                    ? ("效益型指标的满意值应大于不允许值", "for a benefit indicator satisfactory must be greater than unacceptable")
                    : ("成本型指标的满意值应小于不允许值", "for a cost indicator satisfactory must be less than unacceptable")
                throw ValidationError(field: field,
                                      "指标“\(key)”：\(zh)，现为满意值 \(formatNumber(satisfactory))、不允许值 \(formatNumber(unacceptable))\(source) / indicator \"\(key)\": \(en); got satisfactory \(formatNumber(satisfactory)), unacceptable \(formatNumber(unacceptable))\(sourceEn)")
            }
            return Reference(satisfactory: satisfactory, unacceptable: unacceptable)
        }
    }

    /// d_ij for every cell.
    public static func coefficients(_ matrix: [[Double]], references: [Reference]) -> [[Double]] {
        matrix.map { row in
            row.enumerated().map { j, x in
                coefficient(x, satisfactory: references[j].satisfactory, unacceptable: references[j].unacceptable)
            }
        }
    }

    /// D_i = Σ_j w_j · d_ij — the method's total, used by `guatu score`.
    public static func scores(coefficients: [[Double]], weights: [Double]) -> [Double] {
        WeightedSum.scores(coefficients, weights: weights)
    }

    /// 改进功效系数法: the weighted geometric mean D_i = Π_j d_ij^(w_j) (weights summing to 1). Not used by
    /// `guatu score`; kept for schemes that choose it. Needs every d_ij > 0.
    public static func geometricScores(coefficients: [[Double]], weights: [Double]) -> [Double] {
        coefficients.map { row in
            var logSum = 0.0
            for (j, d) in row.enumerated() { logSum += weights[j] * log(d) }
            return exp(logSum)
        }
    }
}
