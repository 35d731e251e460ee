import Foundation

/// 加权求和 (§2 of cn-assessment-methods.md, without its bonus/deduction/veto rules, which a scheme adds on top):
/// S_i = Σ_j w_j · x_ij, where x_ij are already scores — points, or 0–1 fractions with w_j the points of each
/// indicator.
public enum WeightedSum {
    public static func scores(_ matrix: [[Double]], weights: [Double]) -> [Double] {
        matrix.map { row in
            var sum = 0.0
            for (j, x) in row.enumerated() { sum += weights[j] * x }
            return sum
        }
    }
}
