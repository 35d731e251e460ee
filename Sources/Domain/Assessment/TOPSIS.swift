import Foundation

/// TOPSIS (§6 of cn-assessment-methods.md), the classical form with vector normalisation and weights:
///
///     r_ij = x_ij / sqrt(Σ_i x_ij²);  v_ij = w_j · r_ij
///     A+_j = max_i v_ij (benefit) or min_i v_ij (cost);  A−_j = the other
///     D+_i = ‖v_i − A+‖,  D−_i = ‖v_i − A−‖,  C_i = D−_i / (D+_i + D−_i)
///
/// Not pymcdm's default (min-max normalisation). A column of zeros (norm 0) gives r = 0 and so adds nothing to
/// either distance; when every unit coincides with both ideals (all columns constant) C = 0.5 for all, a tie.
public enum TOPSIS {
    public struct Result: Sendable, Equatable {
        public var normalised: [[Double]]
        public var weighted: [[Double]]
        public var idealBest: [Double]
        public var idealWorst: [Double]
        public var dPlus: [Double]
        public var dMinus: [Double]
        /// C_i in [0, 1], the score; rank descending.
        public var closeness: [Double]
    }

    public static func analyse(_ matrix: [[Double]], types: [IndicatorDirection], weights: [Double]) -> Result {
        let m = matrix.count, n = types.count
        var normalised = matrix
        for j in 0..<n {
            // sqrt(Σ x²), scaled by the largest |x| so that squares of very large values do not overflow.
            let scale = matrix.reduce(0.0) { max($0, abs($1[j])) }
            var squares = 0.0
            if scale > 0 { for i in 0..<m { squares += (matrix[i][j] / scale) * (matrix[i][j] / scale) } }
            let norm = scale * squares.squareRoot()
            for i in 0..<m { normalised[i][j] = norm > 0 ? matrix[i][j] / norm : 0 }
        }
        let weighted = normalised.map { row in row.enumerated().map { j, r in weights[j] * r } }
        var best: [Double] = [], worst: [Double] = []
        for j in 0..<n {
            let column = weighted.map { $0[j] }
            let high = column.max() ?? 0, low = column.min() ?? 0
            best.append(types[j] == .benefit ? high : low)
            worst.append(types[j] == .benefit ? low : high)
        }
        func distance(_ row: [Double], _ ideal: [Double]) -> Double {
            var s = 0.0
            for j in 0..<n { s += (row[j] - ideal[j]) * (row[j] - ideal[j]) }
            return s.squareRoot()
        }
        let dPlus = weighted.map { distance($0, best) }
        let dMinus = weighted.map { distance($0, worst) }
        let closeness = zip(dPlus, dMinus).map { plus, minus in plus + minus > 0 ? minus / (plus + minus) : 0.5 }
        return Result(normalised: normalised, weighted: weighted, idealBest: best, idealWorst: worst,
                      dPlus: dPlus, dMinus: dMinus, closeness: closeness)
    }
}
