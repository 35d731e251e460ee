import Foundation

/// 层次分析法 (§5 of cn-assessment-methods.md) for one pairwise comparison matrix A (n × n, a_ii = 1,
/// a_ji = 1/a_ij): priority weights = the principal eigenvector of A normalised to sum 1 (power iteration,
/// which converges for a positive matrix), λmax, CI = (λmax − n)/(n − 1), CR = CI / RI(n) with Saaty's 1980
/// random index table; consistent when CR < 0.10. For n ≤ 2 a reciprocal matrix is always consistent: CI = CR = 0.
public enum AHP {
    /// RI for n = 1…15 (Saaty, *The Analytic Hierarchy Process*, 1980): index n − 1.
    public static let randomIndexSaaty1980: [Double] =
        [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59]
    /// Judgements are acceptable when CR is below this.
    public static let consistencyThreshold = 0.10

    public struct Result: Sendable, Equatable {
        /// The priority vector, summing to 1, in the matrix's row order.
        public var weights: [Double]
        public var lambdaMax: Double
        /// CI = (λmax − n)/(n − 1); 0 for n ≤ 2.
        public var ci: Double
        /// RI(n) from `randomIndexSaaty1980`.
        public var ri: Double
        /// CR = CI / RI; 0 for n ≤ 2.
        public var cr: Double
        /// CR < 0.10, or n ≤ 2.
        public var consistent: Bool
    }

    /// RI(n) from Saaty's 1980 table, nil outside 1…15.
    public static func randomIndex(_ n: Int) -> Double? {
        (1...randomIndexSaaty1980.count).contains(n) ? randomIndexSaaty1980[n - 1] : nil
    }

    /// Validates `pairwise` (`ScoringInput.validatePairwise`) and analyses it.
    public static func analyse(_ pairwise: [[Double]]) throws -> Result {
        try ScoringInput.validatePairwise(pairwise)
        let a = pairwise
        let n = a.count
        func multiply(_ w: [Double]) -> [Double] {
            a.map { row in
                var s = 0.0
                for (j, x) in row.enumerated() { s += x * w[j] }
                return s
            }
        }
        // Power iteration from the uniform vector. A is positive, so its Perron root is simple and strictly
        // dominant and the iteration converges; the cap only guards against a pathological rate.
        var w = [Double](repeating: 1 / Double(n), count: n)
        for _ in 0..<100_000 {
            let next = multiply(w)
            let total = next.reduce(0, +)
            let normalised = next.map { $0 / total }
            var change = 0.0
            for i in 0..<n { change = max(change, abs(normalised[i] - w[i])) }
            w = normalised
            if change < 1e-15 { break }
        }
        let aw = multiply(w)
        var lambda = 0.0
        for i in 0..<n { lambda += aw[i] / w[i] }
        // λmax ≥ n for a positive reciprocal matrix; clamp the last-digit float error of a consistent one.
        lambda = max(lambda / Double(n), Double(n))
        let ri = randomIndex(n)!
        let ci = n <= 2 ? 0 : (lambda - Double(n)) / Double(n - 1)
        let cr = n <= 2 ? 0 : ci / ri
        return Result(weights: w, lambdaMax: lambda, ci: ci, ri: ri, cr: cr,
                      consistent: n <= 2 || cr < consistencyThreshold)
    }
}
