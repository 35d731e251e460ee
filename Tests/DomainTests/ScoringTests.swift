import Foundation
import Testing
@testable import Domain

// Oracles: every case of shared/reference/mcda-cases.json (built by bars-lib/build_mcda_cases.py and checked
// there with pymcdm 1.4.0, ahpy 2.1, scipy 1.17.1, numpy 2.4.6 and exact arithmetic; formulas and worked tables
// in shared/reference/cn-assessment-methods.md), copied here number for number so the tests need no file
// outside the repository. Tolerance as the file states: absolute 1e-6 on the 6- and 8-decimal values, 1e-4
// where 4 decimals are given.

private func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool { abs(a - b) <= tolerance }

private func close(_ a: [Double], _ b: [Double], _ tolerance: Double = 1e-6) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { close($0, $1, tolerance) }
}

private func close(_ a: [[Double]], _ b: [[Double]], _ tolerance: Double = 1e-6) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { close($0, $1, tolerance) }
}

/// `Scoring.run` on a JSON text, its output read back with a standard parser.
private func run(_ json: String) throws -> [String: Any] {
    let data = try Scoring.run(Data(json.utf8))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

private func numbers(_ object: Any?) -> [Double] { (object as? [Any])?.compactMap { ($0 as? NSNumber)?.doubleValue } ?? [] }

/// `scores` or `ranks` of an output, in the order of `units`.
private func perUnit(_ output: [String: Any], _ key: String, _ units: [String]) -> [Double] {
    let map = output[key] as? [String: Any] ?? [:]
    return units.compactMap { (map[$0] as? NSNumber)?.doubleValue }
}

// The shared example: 4 departments × 3 indicators (完成率 ↑, 投资完成额 ↑, 问题件数 ↓), weights 0.4 / 0.4 / 0.2.
private let units = ["A", "B", "C", "D"]
private let sharedMatrix: [[Double]] = [[95, 12, 3], [88, 15, 5], [92, 9, 2], [80, 11, 6]]
private let sharedTypes: [IndicatorDirection] = [.benefit, .benefit, .cost]
private let sharedWeights = [0.4, 0.4, 0.2]
private let sharedBody = #"""
"units": ["A", "B", "C", "D"],
"indicators": [{"key": "completion_rate", "type": "benefit", "weight": 0.4},
               {"key": "investment", "type": "benefit", "weight": 0.4},
               {"key": "issues", "type": "cost", "weight": 0.2}],
"matrix": [[95, 12, 3], [88, 15, 5], [92, 9, 2], [80, 11, 6]]
"""#

private func shared(_ method: String) -> String { #"{"method": "\#(method)", "# + sharedBody + "}" }

@Suite("考核评分方法：参考算例 mcda-cases.json")
struct ScoringReferenceCaseTests {
    /// Case `weighted-sum-bonus-penalty-1`. The `weighted` method is the Σ w·x core of §2: the item rules turn the
    /// raw values into 0–1 fractions, the weights are the indicators' points (40 / 40 / 20, Σ = 100). Bonus cap,
    /// deduction, half-up rounding and veto placement are the scheme's own rules, applied here on top.
    @Test("加权求和 + 加分/扣分/一票否决 (weighted-sum-bonus-penalty-1)")
    func weightedSumBonusPenalty() throws {
        let caseUnits = ["A", "B", "C", "D", "E"]
        // completion_rate, investment, issues, bonus, deduction, veto
        let raw: [(Double, Double, Double, Double, Double, Bool)] = [
            (95.0, 12.0, 3, 2.0, 0.0, false),
            (88.0, 15.0, 5, 0.0, 1.5, false),
            (92.0, 9.0, 2, 3.0, 0.0, false),
            (80.0, 11.0, 6, 0.0, 0.5, true),
            (89.5, 9.9, 3, 7.0, 0.0, false),
        ]
        let points = [40.0, 40.0, 20.0]
        // Rules: 40 × min(x/100, 1); 40 × min(x/12, 1); max(20 − 4x, 0) — as fractions of each indicator's points.
        let fractions = raw.map { [min($0.0 / 100, 1), min($0.1 / 12, 1), max(20 - 4 * $0.2, 0) / 20] }
        let expectedItems: [[Double]] = [[38.0, 40.0, 8.0], [35.2, 40.0, 0.0], [36.8, 30.0, 12.0],
                                         [32.0, 36.6667, 0.0], [35.8, 33.0, 8.0]]
        let expectedBase = [86.0, 75.2, 78.8, 68.6667, 76.8]
        let expectedTotal = [88.0, 73.7, 81.8, 68.17, 81.8]
        let expectedRank = [1, 4, 2, 5, 2]

        #expect(close(fractions.map { f in f.enumerated().map { points[$0] * $1 } }, expectedItems, 1e-4))

        let input = ScoringInput(method: .weighted, units: caseUnits,
                                 indicators: [ScoringIndicator(key: "completion_rate", type: .benefit, weight: 40),
                                              ScoringIndicator(key: "investment", type: .benefit, weight: 40),
                                              ScoringIndicator(key: "issues", type: .benefit, weight: 20)],
                                 matrix: fractions)
        let output = try Scoring.score(input)
        let base = caseUnits.map { output.scores![$0]! }
        #expect(close(base, expectedBase, 1e-4))
        #expect(close(WeightedSum.scores(fractions, weights: points), expectedBase, 1e-4))
        // Base scores alone, ranked (worked by hand from the table): A 86, C 78.8, E 76.8, B 75.2, D 68.67.
        #expect(caseUnits.map { output.ranks![$0]! } == [1, 4, 2, 5, 3])
        #expect(output.weights == points)

        // The scheme's rules on top: bonus capped at 5, deduction, half-up to 2 decimals, veto units last.
        let totals = zip(base, raw).map { b, r in ((b + min(r.3, 5) - r.4) * 100).rounded(.toNearestOrAwayFromZero) / 100 }
        #expect(close(totals, expectedTotal))
        let eligible = raw.indices.filter { !raw[$0].5 }, vetoed = raw.indices.filter { raw[$0].5 }
        var ranks = [Int](repeating: 0, count: raw.count)
        for (k, r) in Ranking.competition(eligible.map { totals[$0] }).enumerated() { ranks[eligible[k]] = r }
        for (k, r) in Ranking.competition(vetoed.map { totals[$0] }).enumerated() { ranks[vetoed[k]] = eligible.count + r }
        #expect(ranks == expectedRank)  // C and E tie at 81.80: both 2, B 4th
    }

    @Test("功效系数法，满意值/不允许值取组内最优/最差 (efficacy-coefficient-1)")
    func efficacyGroupReference() throws {
        let expectedCoefficients: [[Double]] = [[100.0, 80.0, 90.0], [81.333333, 100.0, 70.0],
                                                [92.0, 60.0, 100.0], [60.0, 73.333333, 60.0]]
        let expectedTotal = [90.0, 86.533333, 80.8, 65.333333]
        let expectedGeometric = [89.553899, 85.728858, 78.845268, 65.014664]

        let output = try run(shared("efficacy"))
        #expect(close(perUnit(output, "scores", units), expectedTotal))
        #expect(perUnit(output, "ranks", units) == [1, 2, 3, 4])
        #expect(numbers(output["weights"]) == sharedWeights)

        let indicators = sharedTypes.enumerated().map { ScoringIndicator(key: "x\($0)", type: $1, weight: sharedWeights[$0]) }
        let references = try EfficacyCoefficient.references(sharedMatrix, indicators: indicators)
        #expect(references == [.init(satisfactory: 95, unacceptable: 80), .init(satisfactory: 15, unacceptable: 9),
                               .init(satisfactory: 2, unacceptable: 6)])
        let coefficients = EfficacyCoefficient.coefficients(sharedMatrix, references: references)
        #expect(close(coefficients, expectedCoefficients))
        #expect(close(EfficacyCoefficient.scores(coefficients: coefficients, weights: sharedWeights), expectedTotal))
        #expect(close(EfficacyCoefficient.geometricScores(coefficients: coefficients, weights: sharedWeights),
                      expectedGeometric))
    }

    @Test("功效系数法，固定满意值 12、不允许值 6，不截断 (efficacy-coefficient-2-fixed-reference)")
    func efficacyFixedReference() throws {
        // 工业总资产贡献率 5.81%, 满意值 12%, 不允许值 6% → 58.733333 (exactly 881/15), below 60: not clipped.
        let output = try run(#"""
        {"method": "efficacy", "units": ["企业"],
         "indicators": [{"key": "工业总资产贡献率", "type": "benefit", "weight": 1, "satisfactory": 12, "unacceptable": 6}],
         "matrix": [[5.81]]}
        """#)
        #expect(close(perUnit(output, "scores", ["企业"]), [58.733333]))
        #expect(perUnit(output, "ranks", ["企业"]) == [1])
        #expect(close(EfficacyCoefficient.coefficient(5.81, satisfactory: 12, unacceptable: 6), 881.0 / 15, 1e-12))
    }

    @Test("熵权法，原始正值、全部效益型、不做 min-max (entropy-1-positive-benefit)")
    func entropyPositiveBenefit() throws {
        // Not what `guatu score` computes (it always normalises min-max); the variant is in the pure API.
        let matrix: [[Double]] = [[95.0, 12.0, 30.0], [88.0, 15.0, 25.0], [92.0, 9.0, 40.0], [80.0, 11.0, 35.0]]
        let result = try EntropyWeight.compute(matrix, types: [.benefit, .benefit, .benefit], normalisation: .none)
        #expect(close(result.entropy, [0.99853027, 0.98786909, 0.98924101]))
        #expect(close(result.weights, [0.06033485, 0.49799241, 0.44167275]))
    }

    @Test("熵权法，min-max 归一化、成本型反向、p·ln p = 0 (entropy-2-minmax-with-cost)")
    func entropyMinMaxWithCost() throws {
        let expectedNormalised: [[Double]] = [[1.0, 0.5, 0.75], [0.53333333, 1.0, 0.25],
                                              [0.8, 0.0, 1.0], [0.0, 0.33333333, 0.0]]
        let expectedEntropy = [0.77002852, 0.7176857, 0.70281953]
        let expectedWeights = [0.28410261, 0.348766, 0.36713139]

        let output = try run(shared("entropy"))
        #expect(close(numbers(output["weights"]), expectedWeights))
        #expect(output.keys.sorted() == ["weights"])

        let result = try EntropyWeight.compute(sharedMatrix, types: sharedTypes)
        #expect(close(result.normalised, expectedNormalised))
        #expect(close(result.entropy, expectedEntropy))
        #expect(close(result.weights, expectedWeights))
    }

    struct AHPCase: Sendable, CustomTestStringConvertible {
        let id: String
        let fractions: String   // `matrix` as in the file, "1/3" strings
        let floats: String      // `matrix_float`
        let weights: [Double], lambdaMax: Double, ci: Double, ri: Double, cr: Double, consistent: Bool
        let crWithAhpy2005RI: Double, ri2005: Double
        var testDescription: String { id }
    }

    static let ahpCases: [AHPCase] = [
        AHPCase(id: "ahp-3x3-acceptable",
                fractions: #"[[1, 3, 5], ["1/3", 1, 2], ["1/5", "1/2", 1]]"#,
                floats: "[[1.0, 3.0, 5.0], [0.3333333333, 1.0, 2.0], [0.2, 0.5, 1.0]]",
                weights: [0.648329, 0.229651, 0.12202], lambdaMax: 3.003695, ci: 0.001847, ri: 0.58,
                cr: 0.003185, consistent: true, crWithAhpy2005RI: 0.003552, ri2005: 0.52),
        AHPCase(id: "ahp-4x4-acceptable",
                fractions: #"[[1, 2, 4, 6], ["1/2", 1, 3, 4], ["1/4", "1/3", 1, 2], ["1/6", "1/4", "1/2", 1]]"#,
                floats: "[[1.0, 2.0, 4.0, 6.0], [0.5, 1.0, 3.0, 4.0], [0.25, 0.3333333333, 1.0, 2.0], [0.1666666667, 0.25, 0.5, 1.0]]",
                weights: [0.504115, 0.300523, 0.122625, 0.072736], lambdaMax: 4.030983, ci: 0.010328, ri: 0.9,
                cr: 0.011475, consistent: true, crWithAhpy2005RI: 0.011604, ri2005: 0.89),
        AHPCase(id: "ahp-3x3-inconsistent",
                fractions: #"[[1, 5, "1/5"], ["1/5", 1, 5], [5, "1/5", 1]]"#,
                floats: "[[1.0, 5.0, 0.2], [0.2, 1.0, 5.0], [5.0, 0.2, 1.0]]",
                weights: [0.333333, 0.333333, 0.333333], lambdaMax: 6.2, ci: 1.6, ri: 0.58,
                cr: 2.758621, consistent: false, crWithAhpy2005RI: 3.076923, ri2005: 0.52),
    ]

    @Test("层次分析法：特征向量权重、λmax、CI、CR（Saaty 1980 RI）", arguments: ahpCases)
    func ahp(_ c: AHPCase) throws {
        for pairwise in [c.fractions, c.floats] {
            let output = try run(#"{"method": "ahp", "pairwise": "# + pairwise + "}")
            #expect(output.keys.sorted() == ["consistent", "cr", "lambda_max", "weights"])
            #expect(close(numbers(output["weights"]), c.weights))
            #expect(close((output["lambda_max"] as? NSNumber)?.doubleValue ?? .nan, c.lambdaMax))
            #expect(close((output["cr"] as? NSNumber)?.doubleValue ?? .nan, c.cr))
            #expect(output["consistent"] as? Bool == c.consistent)

            let input = try ScoringInput.fromJSON(Data((#"{"method": "ahp", "pairwise": "# + pairwise + "}").utf8))
            let result = try AHP.analyse(input.pairwise)
            #expect(close(result.weights, c.weights))
            #expect(close(result.weights.reduce(0, +), 1, 1e-12))
            #expect(close(result.lambdaMax, c.lambdaMax))
            #expect(close(result.ci, c.ci))
            #expect(result.ri == c.ri)
            #expect(close(result.cr, c.cr))
            #expect(result.consistent == c.consistent)
            #expect(close(result.ci / c.ri2005, c.crWithAhpy2005RI))  // the file's cross-check against ahpy's RI
        }
    }

    @Test("TOPSIS：向量归一化、加权、理想解距离、贴近度 (topsis-1)")
    func topsis() throws {
        let output = try run(shared("topsis"))
        #expect(close(perUnit(output, "scores", units), [0.625248, 0.594087, 0.490308, 0.218908]))
        #expect(perUnit(output, "ranks", units) == [1, 2, 3, 4])
        #expect(output.keys.sorted() == ["ranks", "scores", "weights"])

        let r = TOPSIS.analyse(sharedMatrix, types: sharedTypes, weights: sharedWeights)
        #expect(close(r.normalised, [[0.534138, 0.502184, 0.348743], [0.49478, 0.62773, 0.581238],
                                     [0.51727, 0.376638, 0.232495], [0.4498, 0.460336, 0.697486]]))
        #expect(close(r.weighted, [[0.213655, 0.200874, 0.069749], [0.197912, 0.251092, 0.116248],
                                   [0.206908, 0.150655, 0.046499], [0.17992, 0.184134, 0.139497]]))
        #expect(close(r.idealBest, [0.213655, 0.251092, 0.046499]))
        #expect(close(r.idealWorst, [0.17992, 0.150655, 0.139497]))
        #expect(close(r.dPlus, [0.055339, 0.071503, 0.100663, 0.119457]))
        #expect(close(r.dMinus, [0.09233, 0.104651, 0.096835, 0.033479]))
        #expect(close(r.closeness, [0.625248, 0.594087, 0.490308, 0.218908]))
    }

    @Test("Saaty 1980 随机一致性指标表 n = 1…15")
    func randomIndexTable() {
        #expect(AHP.randomIndexSaaty1980 == [0.0, 0.0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59])
        #expect(AHP.randomIndex(3) == 0.58)
        #expect(AHP.randomIndex(15) == 1.59)
        #expect(AHP.randomIndex(0) == nil)
        #expect(AHP.randomIndex(16) == nil)
    }
}

@Suite("考核评分方法：边界情况与输出格式")
struct ScoringBehaviourTests {
    @Test("竞争排名 1224：并列取较好名次，其后跳过")
    func competitionRanking() {
        #expect(Ranking.competition([90, 80, 80, 70]) == [1, 2, 2, 4])
        #expect(Ranking.competition([70, 80, 90, 80]) == [4, 2, 1, 2])
        #expect(Ranking.competition([5, 5, 5]) == [1, 1, 1])
        #expect(Ranking.competition([]) == [])
        #expect(Ranking.competition([0.1 + 0.2, 0.3, 0.2]) == [1, 1, 3])  // equal but for floating point
        #expect(Ranking.competition([81.8, 78.8 + 3, 76.8 + 5, 73.7]) == [1, 1, 1, 4])
    }

    @Test("输出：只含该方法的键，键按字母排序，数值为 JSON 数")
    func outputShape() throws {
        let weighted = #"{"method": "weighted", "units": ["甲", "乙/丙"], "indicators": [{"key": "a", "type": "benefit", "weight": 0.5}, {"key": "b", "type": "benefit", "weight": 0.5}], "matrix": [[80, 90], [90, 80]]}"#
        let out = String(decoding: try Scoring.run(Data(weighted.utf8)), as: UTF8.self)
        #expect(out == #"{"ranks":{"乙/丙":1,"甲":1},"scores":{"乙/丙":85,"甲":85},"weights":[0.5,0.5]}"#)

        let ahp = String(decoding: try Scoring.run(Data(#"{"method": "ahp", "pairwise": [[1, 3], ["1/3", 1]]}"#.utf8)), as: UTF8.self)
        #expect(ahp == #"{"consistent":true,"cr":0,"lambda_max":2,"weights":[0.75,0.25]}"#)

        let entropy = try run(shared("entropy"))
        #expect(entropy.keys.sorted() == ["weights"])
        let topsis = try run(shared("topsis"))
        #expect((topsis["ranks"] as? [String: Any])?.values.allSatisfy { $0 is NSNumber } == true)
        #expect((topsis["scores"] as? [String: Any])?.values.allSatisfy { $0 is NSNumber } == true)
    }

    @Test("加权求和：权重和为 1 或 100（分值制）均可；容差 1e-6")
    func weightedWeightSums() throws {
        func weighted(_ w: [Double]) -> String {
            #"{"method": "weighted", "units": ["A", "B"], "indicators": [{"key": "a", "type": "benefit", "weight": \#(w[0])}, {"key": "b", "type": "benefit", "weight": \#(w[1])}], "matrix": [[1, 0.5], [0.5, 1]]}"#
        }
        #expect(close(perUnit(try run(weighted([60, 40])), "scores", ["A", "B"]), [80, 70], 1e-12))
        #expect(close(perUnit(try run(weighted([0.6, 0.4])), "scores", ["A", "B"]), [0.8, 0.7], 1e-12))
        #expect(close(perUnit(try run(weighted([0.6, 0.4000005])), "scores", ["A", "B"]), [0.8, 0.7], 1e-6))
        #expect(throws: ValidationError.self) { try Scoring.run(Data(weighted([0.6, 0.400002]).utf8)) }
        #expect(throws: ValidationError.self) { try Scoring.run(Data(weighted([60, 41]).utf8)) }
    }

    @Test("功效系数法：只给满意值时不允许值取组内最差；优于满意值时超过 100，不截断")
    func efficacyPartialReferenceNotClipped() throws {
        let output = try run(#"""
        {"method": "efficacy", "units": ["A", "B", "C"],
         "indicators": [{"key": "rate", "type": "benefit", "weight": 0.5, "satisfactory": 90},
                        {"key": "issues", "type": "cost", "weight": 0.5, "satisfactory": 0, "unacceptable": 10}],
         "matrix": [[100, 0], [80, 5], [70, 12]]}
        """#)
        // rate: x_h 90, x_s = group worst 70 → 120, 80, 60; issues: 100, 80, 52
        #expect(close(perUnit(output, "scores", ["A", "B", "C"]), [110, 80, 56], 1e-9))
        #expect(perUnit(output, "ranks", ["A", "B", "C"]) == [1, 2, 3])
    }

    @Test("熵权法：常数列权重为 0")
    func entropyConstantColumn() throws {
        let r = try EntropyWeight.compute([[1, 5, 3], [2, 5, 1], [3, 5, 2]], types: [.benefit, .cost, .cost])
        #expect(r.weights[1] == 0)
        #expect(r.entropy[1] == 1)
        #expect(close(r.weights.reduce(0, +), 1, 1e-12))
        #expect(close(r.weights[0], r.weights[2], 1e-12))  // the same spread of shares
    }

    @Test("TOPSIS：全零列不参与距离；相同单位并列；全部相同时贴近度 0.5")
    func topsisDegenerate() throws {
        let r = TOPSIS.analyse([[1, 0], [3, 0], [3, 0]], types: [.benefit, .cost], weights: [0.5, 0.5])
        #expect(r.normalised.allSatisfy { $0[1] == 0 })
        #expect(r.closeness[0] == 0)
        #expect(r.closeness[1] == 1 && r.closeness[2] == 1)
        #expect(Ranking.competition(r.closeness) == [3, 1, 1])
        let same = TOPSIS.analyse([[2, 4], [2, 4]], types: [.benefit, .cost], weights: [0.5, 0.5])
        #expect(same.closeness == [0.5, 0.5])
    }

    @Test("AHP：n = 1、2 恒一致，CR = 0")
    func ahpSmall() throws {
        let one = try AHP.analyse([[1]])
        #expect(one.weights == [1] && one.lambdaMax == 1 && one.cr == 0 && one.consistent)
        let two = try AHP.analyse([[1, 7], [1.0 / 7, 1]])
        #expect(close(two.weights, [0.875, 0.125], 1e-12))
        #expect(close(two.lambdaMax, 2, 1e-12) && two.ci == 0 && two.cr == 0 && two.consistent)
    }
}

@Suite("考核评分输入校验")
struct ScoringInputValidationTests {
    private static func body(method: String = "topsis", units: String = #"["A", "B", "C"]"#,
                             indicators: String = #"[{"key": "a", "type": "benefit", "weight": 0.5}, {"key": "b", "type": "cost", "weight": 0.5}]"#,
                             matrix: String = "[[1, 2], [3, 4], [5, 6]]") -> String {
        #"{"method": "\#(method)", "units": \#(units), "indicators": \#(indicators), "matrix": \#(matrix)}"#
    }

    static let bad: [(String, String, String)] = [
        // ragged matrix, non-numeric cells, wrong row count
        (body(matrix: "[[1, 2], [3, 4], [5]]"), "matrix[2]", "应为 2 个"),
        (body(matrix: #"[[1, 2], [3, 4], [5, "abc"]]"#), "matrix[2][1]", "abc"),
        (body(matrix: #"[[1, 2], [3, 4], [5, "6"]]"#), "matrix[2][1]", "expected a number"),
        (body(matrix: "[[1, 2], [3, null], [5, 6]]"), "matrix[1][1]", "null"),
        (body(matrix: "[[1, true], [3, 4], [5, 6]]"), "matrix[0][1]", "true"),
        (body(matrix: "[[1, 2], [3, [4]], [5, 6]]"), "matrix[1][1]", "expected a number"),
        (body(matrix: "[[1, 2], [3, 4], [1e400, 6]]"), "matrix[2][0]", "out of range"),
        (body(matrix: "[[1, 2], [3, 4]]"), "matrix", "one row per unit"),
        (body(matrix: "[[1, 2], 7, [5, 6]]"), "matrix[1]", "an array"),
        // weights
        (body(indicators: #"[{"key": "a", "type": "benefit", "weight": 0.5}, {"key": "b", "type": "cost", "weight": 0.4}]"#),
         "indicators", "0.9"),
        (body(indicators: #"[{"key": "a", "type": "benefit", "weight": 0.5}, {"key": "b", "type": "cost"}]"#),
         "indicators[1].weight", "\"b\""),
        (body(indicators: #"[{"key": "a", "type": "benefit", "weight": 1.5}, {"key": "b", "type": "cost", "weight": -0.5}]"#),
         "indicators[1].weight", "≥ 0"),
        (body(indicators: #"[{"key": "a", "type": "benefit", "weight": "0.5"}, {"key": "b", "type": "cost", "weight": 0.5}]"#),
         "indicators[0].weight", "expected a number"),
        (body(method: "efficacy", indicators: #"[{"key": "a", "type": "benefit", "weight": 60}, {"key": "b", "type": "cost", "weight": 40}]"#),
         "indicators", "expected 1 "),
        (body(method: "weighted", indicators: #"[{"key": "a", "type": "benefit", "weight": 0.5}, {"key": "b", "type": "benefit", "weight": 0.6}]"#),
         "indicators", "or 100"),
        (body(method: "weighted"), "indicators[1].type", "cost indicator"),
        // indicators
        (body(indicators: #"[{"key": "a", "type": "up", "weight": 0.5}, {"key": "b", "type": "cost", "weight": 0.5}]"#),
         "indicators[0].type", "\"up\""),
        (body(indicators: #"[{"type": "benefit", "weight": 0.5}, {"key": "b", "type": "cost", "weight": 0.5}]"#),
         "indicators[0].key", "missing field key"),
        (body(indicators: #"[{"key": "a", "type": "benefit", "weight": 0.5}, {"key": "a", "type": "cost", "weight": 0.5}]"#),
         "indicators[1].key", "repeats indicators[0]"),
        (body(indicators: "[]", matrix: "[[], [], []]"), "indicators", "is empty"),
        // units
        (body(units: "[]", matrix: "[]"), "units", "is empty"),
        (body(units: #"["A", "A", "C"]"#), "units[1]", "repeats units[0]"),
        (body(units: #"["A", " ", "C"]"#), "units[1]", "must not be empty"),
        (body(units: #"["A", 2, "C"]"#), "units[1]", "a string"),
        (#"{"method": "topsis", "indicators": [], "matrix": []}"#, "units", "missing field units"),
        (#"{"method": "topsis", "units": ["A"], "indicators": [{"key": "a", "type": "benefit", "weight": 1}]}"#,
         "matrix", "missing field matrix"),
        // method
        (body(method: "vikor"), "method", "unknown method \"vikor\""),
        (#"{"units": ["A"], "indicators": [], "matrix": []}"#, "method", "missing field method"),
        (#"{"method": 3}"#, "method", "a string"),
        // method-specific data
        (body(method: "entropy", units: #"["A"]"#, matrix: "[[1, 2]]"), "units", "at least 2 units"),
        (body(method: "entropy", matrix: "[[1, 2], [1, 2], [1, 2]]"), "matrix", "undefined"),
        (body(method: "efficacy", matrix: "[[1, 2], [1, 4], [1, 6]]"), "indicators[0]", "coincide"),
        (body(method: "efficacy", indicators: #"[{"key": "a", "type": "benefit", "weight": 0.5, "satisfactory": 1, "unacceptable": 5}, {"key": "b", "type": "cost", "weight": 0.5}]"#),
         "indicators[0].satisfactory", "greater than unacceptable"),
        (body(method: "efficacy", indicators: #"[{"key": "a", "type": "benefit", "weight": 0.5}, {"key": "b", "type": "cost", "weight": 0.5, "unacceptable": 1}]"#),
         "indicators[1].unacceptable", "less than unacceptable"),
        // AHP
        (#"{"method": "ahp", "pairwise": [[1, 3, 5], ["1/3", 1, 2], ["1/5", 2, 1]]}"#, "pairwise[2][1]", "expected 1/2"),
        (#"{"method": "ahp", "pairwise": [[1, 3], [0.33, 1]]}"#, "pairwise[1][0]", "not the reciprocal"),
        (#"{"method": "ahp", "pairwise": [[1, 3], ["1/3", 2]]}"#, "pairwise[1][1]", "diagonal"),
        (#"{"method": "ahp", "pairwise": [[1, 3], ["1/3"]]}"#, "pairwise[1]", "2×2"),
        (#"{"method": "ahp", "pairwise": [[1, -3], ["-1/3", 1]]}"#, "pairwise[0][1]", "positive"),
        (#"{"method": "ahp", "pairwise": [[1, 3], ["1/x", 1]]}"#, "pairwise[1][0]", "1/x"),
        (#"{"method": "ahp", "pairwise": [[1, 3], ["1/0", 1]]}"#, "pairwise[1][0]", "fraction"),
        (#"{"method": "ahp", "pairwise": []}"#, "pairwise", "empty"),
        (#"{"method": "ahp"}"#, "pairwise", "missing field pairwise"),
        ("{\"method\": \"ahp\", \"pairwise\": [" + (0..<16).map { _ in "[" + Array(repeating: "1", count: 16).joined(separator: ",") + "]" }.joined(separator: ",") + "]}",
         "pairwise", "at most 15"),
        // the document
        ("[1, 2]", "json", "an object"),
        (#"{"method": "topsis", "#, "json", "not valid JSON"),
        ("", "json", "not valid JSON"),
    ]

    @Test("坏输入：ValidationError 指明字段，中英文说明", arguments: bad)
    func badInput(json: String, field: String, fragment: String) {
        do {
            let output = try Scoring.run(Data(json.utf8))
            Issue.record("accepted \(json): \(String(decoding: output, as: UTF8.self))")
        } catch let e as ValidationError {
            #expect(e.field == field, "\(json): \(e.message)")
            #expect(e.message.contains(fragment), "\(e.field): \(e.message)")
            // Chinese, then English: "中文 / English"
            let parts = e.message.components(separatedBy: " / ")
            #expect(parts.count >= 2, "\(e.message)")
            #expect(parts[0].unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(e.message)")
            #expect(parts.last!.contains { $0.isASCII && $0.isLetter }, "\(e.message)")
        } catch {
            Issue.record("not a ValidationError: \(error)")
        }
    }

    @Test("校验也作用于直接构造的输入")
    func programmaticInput() {
        let input = ScoringInput(method: .topsis, units: ["A", "B"],
                                 indicators: [ScoringIndicator(key: "a", type: .benefit, weight: 1)],
                                 matrix: [[1], [.nan]])
        #expect(throws: ValidationError(field: "matrix[1][0]",
                                        "单位“B”指标“a”的取值不是有限数 / the value of unit \"B\" on indicator \"a\" is not a finite number")) {
            try Scoring.score(input)
        }
        #expect(throws: ValidationError.self) { try AHP.analyse([[1, 2], [2, 1]]) }
    }
}
