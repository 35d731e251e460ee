import Foundation

/// What `guatu score` prints: only the keys the method produces, numbers as JSON numbers, keys sorted.
///
/// - `weighted`, `efficacy`, `topsis`: `weights` (as given), `scores`, `ranks`
/// - `entropy`: `weights`
/// - `ahp`: `weights`, `lambda_max`, `cr`, `consistent`
/// ```json
/// {"ranks":{"A":1,"B":2},"scores":{"A":0.62,"B":0.59},"weights":[0.4,0.4,0.2]}
/// {"consistent":true,"cr":0.0031,"lambda_max":3.0037,"weights":[0.648,0.230,0.122]}
/// ```
/// Values are not rounded.
public struct ScoringOutput: Encodable, Sendable, Equatable {
    /// Per indicator (AHP: per criterion), in input order.
    public var weights: [Double]?
    /// Per unit name.
    public var scores: [String: Double]?
    /// Per unit name: competition ranks (1, 2, 2, 4), highest score first.
    public var ranks: [String: Int]?
    public var lambdaMax: Double?
    public var cr: Double?
    public var consistent: Bool?

    enum CodingKeys: String, CodingKey {
        case weights, scores, ranks, lambdaMax = "lambda_max", cr, consistent
    }

    public init(weights: [Double]? = nil, scores: [String: Double]? = nil, ranks: [String: Int]? = nil,
                lambdaMax: Double? = nil, cr: Double? = nil, consistent: Bool? = nil) {
        self.weights = weights
        self.scores = scores
        self.ranks = ranks
        self.lambdaMax = lambdaMax
        self.cr = cr
        self.consistent = consistent
    }

    /// Compact JSON, keys sorted, absent keys omitted, "/" not escaped.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

/// `guatu score`: one method on a decision matrix (or, for AHP, a pairwise matrix).
public enum Scoring {
    /// The CLI's entry point: JSON in (see `ScoringInput`), JSON out (see `ScoringOutput`). Bad input — at
    /// decoding, validation or in the method (a constant column efficacy cannot place, …) — throws a
    /// `ValidationError` naming the field; the CLI prints it and exits 2.
    public static func run(_ data: Data) throws -> Data {
        try score(try ScoringInput.fromJSON(data)).jsonData()
    }

    /// Validates `input` and computes its method.
    public static func score(_ input: ScoringInput) throws -> ScoringOutput {
        let output = try compute(input)
        let numbers = (output.weights ?? []) + (output.scores.map { Array($0.values) } ?? [])
            + [output.lambdaMax, output.cr].compactMap { $0 }
        if !numbers.allSatisfy(\.isFinite) {
            throw ValidationError(field: input.method == .ahp ? "pairwise" : "matrix",
                                  "数值过大，计算溢出 / the values are too large: the computation overflowed")
        }
        return output
    }

    private static func compute(_ input: ScoringInput) throws -> ScoringOutput {
        try input.validate()
        let types = input.indicators.map(\.type)
        switch input.method {
        case .weighted:
            let weights = try input.checkedWeights()
            return ranked(input, WeightedSum.scores(input.matrix, weights: weights), weights: weights)
        case .efficacy:
            let weights = try input.checkedWeights()
            let references = try EfficacyCoefficient.references(input.matrix, indicators: input.indicators)
            let coefficients = EfficacyCoefficient.coefficients(input.matrix, references: references)
            return ranked(input, EfficacyCoefficient.scores(coefficients: coefficients, weights: weights),
                          weights: weights)
        case .topsis:
            let weights = try input.checkedWeights()
            return ranked(input, TOPSIS.analyse(input.matrix, types: types, weights: weights).closeness,
                          weights: weights)
        case .entropy:
            return ScoringOutput(weights: try EntropyWeight.compute(input.matrix, types: types).weights)
        case .ahp:
            let result = try AHP.analyse(input.pairwise)
            return ScoringOutput(weights: result.weights, lambdaMax: result.lambdaMax, cr: result.cr,
                                 consistent: result.consistent)
        }
    }

    private static func ranked(_ input: ScoringInput, _ scores: [Double], weights: [Double]) -> ScoringOutput {
        let ranks = Ranking.competition(scores)
        return ScoringOutput(weights: weights,
                             scores: Dictionary(uniqueKeysWithValues: zip(input.units, scores)),
                             ranks: Dictionary(uniqueKeysWithValues: zip(input.units, ranks)))
    }
}
