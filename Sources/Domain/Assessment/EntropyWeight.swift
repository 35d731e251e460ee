import Foundation

/// 熵权法 (§4 of cn-assessment-methods.md): objective weights from how much each indicator varies across m units.
///
///     1. min-max:  benefit x'_ij = (x_ij − min_j)/(max_j − min_j),  cost x'_ij = (max_j − x_ij)/(max_j − min_j)
///     2. p_ij = x'_ij / Σ_i x'_ij
///     3. e_j  = −(1/ln m) · Σ_i p_ij · ln p_ij        (p · ln p = 0 at p = 0)
///     4. d_j  = 1 − e_j
///     5. w_j  = d_j / Σ_j d_j
///
/// A constant column carries no information: e_j = 1, weight 0 (not 0/0).
public enum EntropyWeight {
    public enum Normalisation: Sendable, Equatable {
        /// Step 1 above, cost indicators reversed — what `guatu score` uses (case `entropy-2-minmax-with-cost`).
        case minMax
        /// No step 1: shares of the raw values, which must be ≥ 0 and all point the same way; `types` are not
        /// used (case `entropy-1-positive-benefit`, pymcdm's `entropy_weights` on positive data).
        case none
    }

    public struct Result: Sendable, Equatable {
        /// x'_ij (the raw values for `.none`).
        public var normalised: [[Double]]
        /// e_j per indicator.
        public var entropy: [Double]
        /// w_j per indicator, summing to 1.
        public var weights: [Double]
    }

    public static func compute(_ matrix: [[Double]], types: [IndicatorDirection],
                               normalisation: Normalisation = .minMax) throws -> Result {
        let m = matrix.count
        guard m >= 2 else {
            throw ValidationError(field: "units", "熵权法至少需要 2 个单位 / the entropy method needs at least 2 units")
        }
        let n = types.count
        var normalised = matrix
        var entropy = [Double](repeating: 1, count: n)
        let lnM = log(Double(m))
        for j in 0..<n {
            let column = matrix.map { $0[j] }
            let low = column.min()!, high = column.max()!
            var shares: [Double]
            switch normalisation {
            case .minMax:
                // Halved when max − min overflows (values near ±Double.greatestFiniteMagnitude); the ratio is the same.
                let k = (high - low).isFinite ? 1.0 : 0.5
                shares = column.map { x in
                    guard high > low else { return 0 }
                    let range = k * high - k * low
                    return types[j] == .benefit ? (k * x - k * low) / range : (k * high - k * x) / range
                }
            case .none:
                if let i = column.firstIndex(where: { $0 < 0 }) {
                    throw ValidationError(field: "matrix[\(i)][\(j)]",
                                          "不做归一化时取值不能为负 / without normalisation values must not be negative")
                }
                shares = column
            }
            for i in 0..<m { normalised[i][j] = shares[i] }
            let total = shares.reduce(0, +)
            guard high > low, total > 0 else { continue }  // constant column: e_j = 1, weight 0
            var sum = 0.0
            for x in shares where x > 0 {
                let p = x / total
                sum += p * log(p)
            }
            entropy[j] = -sum / lnM
        }
        let divergence = entropy.map { max(0, 1 - $0) }
        let total = divergence.reduce(0, +)
        guard total > 0 else {
            throw ValidationError(field: "matrix",
                                  "各指标在所有单位上取值都相同，熵权无法确定 / every indicator has the same value for all units, so entropy weights are undefined")
        }
        return Result(normalised: normalised, entropy: entropy, weights: divergence.map { $0 / total })
    }
}
