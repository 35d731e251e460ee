import Foundation

// `guatu score --input FILE.json`: the input as decoded from JSON and checked before anything is computed.
// The methods are in their own files (WeightedSum, EfficacyCoefficient, EntropyWeight, AHP, TOPSIS, Ranking),
// the output and `Scoring.run` in ScoringOutput.swift. Formulas: shared/reference/cn-assessment-methods.md.

/// The computation `guatu score` runs.
public enum ScoringMethod: String, Sendable, Equatable, CaseIterable {
    /// 加权求和: S_i = Σ_j w_j · x_ij on values that are already scores (points or 0–1 fractions).
    case weighted
    /// 功效系数法: d_ij = 60 + 40 · position between the unacceptable and satisfactory values; D_i = Σ_j w_j · d_ij.
    case efficacy
    /// 熵权法: objective weights after min-max normalisation (cost indicators reversed).
    case entropy
    /// 层次分析法: principal-eigenvector weights of a pairwise comparison matrix, λmax and CR.
    case ahp
    /// TOPSIS: closeness to the ideal solution after vector normalisation and weighting.
    case topsis
}

/// Which way an indicator points.
public enum IndicatorDirection: String, Sendable, Equatable {
    /// 效益型（正向）: higher is better.
    case benefit
    /// 成本型（逆向）: lower is better.
    case cost
}

/// One column of the decision matrix.
public struct ScoringIndicator: Sendable, Equatable {
    /// Unique among the input's indicators.
    public var key: String
    public var type: IndicatorDirection
    /// Required by `weighted`, `efficacy` and `topsis`; ignored by `entropy` (which computes weights).
    public var weight: Double?
    /// 满意值 x_h for `efficacy`; the group's best value when nil. Ignored by the other methods.
    public var satisfactory: Double?
    /// 不允许值 x_s for `efficacy`; the group's worst value when nil. Ignored by the other methods.
    public var unacceptable: Double?

    public init(key: String, type: IndicatorDirection, weight: Double? = nil,
                satisfactory: Double? = nil, unacceptable: Double? = nil) {
        self.key = key
        self.type = type
        self.weight = weight
        self.satisfactory = satisfactory
        self.unacceptable = unacceptable
    }
}

/// What to score.
///
/// JSON (see `fromJSON(_:)`):
/// ```json
/// {"method": "topsis", "units": ["A", "B"],
///  "indicators": [{"key": "rate", "type": "benefit", "weight": 0.6},
///                 {"key": "issues", "type": "cost", "weight": 0.4, "satisfactory": 0, "unacceptable": 10}],
///  "matrix": [[95, 3], [88, 5]]}
/// {"method": "ahp", "pairwise": [[1, 3, 5], ["1/3", 1, 2], ["1/5", "1/2", 1]]}
/// ```
/// `units`, `indicators` and `matrix` (one row per unit, one number per indicator) are read for every method
/// but `ahp`, which reads only `pairwise`. A pairwise cell is a number or a fraction string such as `"1/3"`,
/// as the judgements are written in the reference cases. Keys the method does not use are ignored.
public struct ScoringInput: Sendable, Equatable {
    public var method: ScoringMethod
    /// Unit (department, zone …) names, unique; the matrix has one row per unit, in this order.
    public var units: [String]
    public var indicators: [ScoringIndicator]
    /// `matrix[i][j]`: unit i's value on indicator j.
    public var matrix: [[Double]]
    /// AHP only: `pairwise[i][j]` = how much more important criterion i is than j (Saaty 1–9 scale).
    public var pairwise: [[Double]]

    public init(method: ScoringMethod, units: [String] = [], indicators: [ScoringIndicator] = [],
                matrix: [[Double]] = [], pairwise: [[Double]] = []) {
        self.method = method
        self.units = units
        self.indicators = indicators
        self.matrix = matrix
        self.pairwise = pairwise
    }
}

// MARK: - Validation

extension ScoringInput {
    /// Weights must sum to 1 within this absolute tolerance (`weighted` also accepts 100, for point weights).
    public static let weightSumTolerance = 1e-6
    /// A pairwise matrix is reciprocal when |a_ij · a_ji − 1| ≤ this for every pair, and a_ii within this of 1.
    public static let reciprocalTolerance = 1e-6

    /// Decodes and validates the CLI's input. Every failure — malformed JSON, a missing field, a wrong type,
    /// a non-numeric cell, a ragged matrix, weights that do not sum to 1, a non-reciprocal pairwise matrix … —
    /// is a `ValidationError` whose `field` is the JSON path (`matrix[2][1]`, `indicators[0].weight`) and whose
    /// message is Chinese, then English: "中文 / English".
    public static func fromJSON(_ data: Data) throws -> ScoringInput {
        let input: ScoringInput
        do {
            input = try JSONDecoder().decode(ScoringInput.self, from: data)
        } catch let error as ValidationError {
            throw error
        } catch let DecodingError.keyNotFound(key, context) {
            throw missingField(context.codingPath + [key])
        } catch let DecodingError.typeMismatch(type, context) {
            let (zh, en) = typeNames(type)
            throw ValidationError(field: JSONInput.path(context.codingPath),
                                  "字段类型不正确（应为\(zh)） / wrong type (expected \(en))")
        } catch let DecodingError.valueNotFound(type, context) {
            let (zh, en) = typeNames(type)
            throw ValidationError(field: JSONInput.path(context.codingPath),
                                  "字段不能为 null（应为\(zh)） / must not be null (expected \(en))")
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw ValidationError(field: JSONInput.path(context.codingPath), "取值无效 / invalid value")
        } catch {
            throw ValidationError(field: "json", "不是有效的 JSON / not valid JSON")
        }
        try input.validate()
        return input
    }

    /// The rules every input must meet before a method runs; `Scoring.score` calls it too.
    /// Data-dependent problems (a constant column where the method cannot use one, reversed efficacy reference
    /// values) are found by the methods themselves, also as `ValidationError`s.
    public func validate() throws {
        if method == .ahp {
            try Self.validatePairwise(pairwise)
            return
        }
        if units.isEmpty {
            throw ValidationError(field: "units", "单位列表为空，至少需要 1 个单位 / units is empty: give at least one unit")
        }
        var unitIndex: [String: Int] = [:]
        for (i, unit) in units.enumerated() {
            if unit.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw ValidationError(field: "units[\(i)]", "单位名称不能为空 / unit name must not be empty")
            }
            if let first = unitIndex[unit] {
                throw ValidationError(field: "units[\(i)]",
                                      "单位“\(unit)”与 units[\(first)] 重复 / unit \"\(unit)\" repeats units[\(first)]")
            }
            unitIndex[unit] = i
        }
        if indicators.isEmpty {
            throw ValidationError(field: "indicators",
                                  "指标列表为空，至少需要 1 个指标 / indicators is empty: give at least one indicator")
        }
        var keyIndex: [String: Int] = [:]
        for (j, indicator) in indicators.enumerated() {
            if indicator.key.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw ValidationError(field: "indicators[\(j)].key", "指标 key 不能为空 / indicator key must not be empty")
            }
            if let first = keyIndex[indicator.key] {
                throw ValidationError(field: "indicators[\(j)].key",
                                      "指标“\(indicator.key)”与 indicators[\(first)] 重复 / indicator \"\(indicator.key)\" repeats indicators[\(first)]")
            }
            keyIndex[indicator.key] = j
        }
        if matrix.count != units.count {
            throw ValidationError(field: "matrix",
                                  "矩阵有 \(matrix.count) 行，应为 \(units.count) 行（每个单位一行） / matrix has \(matrix.count) rows, expected \(units.count) (one row per unit)")
        }
        for (i, row) in matrix.enumerated() {
            if row.count != indicators.count {
                throw ValidationError(field: "matrix[\(i)]",
                                      "单位“\(units[i])”的一行有 \(row.count) 个数，应为 \(indicators.count) 个（每个指标一个） / the row of unit \"\(units[i])\" has \(row.count) value(s), expected \(indicators.count) (one per indicator)")
            }
            for (j, x) in row.enumerated() where !x.isFinite {
                throw ValidationError(field: "matrix[\(i)][\(j)]",
                                      "单位“\(units[i])”指标“\(indicators[j].key)”的取值不是有限数 / the value of unit \"\(units[i])\" on indicator \"\(indicators[j].key)\" is not a finite number")
            }
        }
        switch method {
        case .weighted:
            // The values are scores already (points, or 0–1 fractions with point weights): a raw cost value
            // added with a positive weight would reward the worse unit, so it is refused rather than summed.
            if let j = indicators.firstIndex(where: { $0.type == .cost }) {
                throw ValidationError(field: "indicators[\(j)].type",
                                      "加权求和（weighted）的取值应为已折算的得分，指标“\(indicators[j].key)”为成本型：请先换算为得分，或改用 efficacy / topsis / weighted sums values that are already scores, but indicator \"\(indicators[j].key)\" is a cost indicator: convert it to a score first, or use efficacy or topsis")
            }
            _ = try checkedWeights()
        case .efficacy:
            for (j, indicator) in indicators.enumerated() {
                if let x = indicator.satisfactory, !x.isFinite {
                    throw ValidationError(field: "indicators[\(j)].satisfactory", "满意值不是有限数 / satisfactory is not a finite number")
                }
                if let x = indicator.unacceptable, !x.isFinite {
                    throw ValidationError(field: "indicators[\(j)].unacceptable", "不允许值不是有限数 / unacceptable is not a finite number")
                }
            }
            _ = try checkedWeights()
        case .topsis:
            _ = try checkedWeights()
        case .entropy:
            if units.count < 2 {
                throw ValidationError(field: "units", "熵权法至少需要 2 个单位 / the entropy method needs at least 2 units")
            }
        case .ahp:
            break
        }
    }

    /// The indicators' weights in order: each present, finite and ≥ 0, summing to 1 within
    /// `weightSumTolerance` — or, for `weighted`, to 1 or 100 (point weights on 0–1 fractions, as in §2 of the
    /// reference: "w_j are the points of each indicator (Σ w_j = 100)"). A missing weight is an error naming
    /// the indicator; no equal weights are assumed.
    public func checkedWeights() throws -> [Double] {
        var weights: [Double] = []
        for (j, indicator) in indicators.enumerated() {
            guard let w = indicator.weight else {
                throw ValidationError(field: "indicators[\(j)].weight",
                                      "指标“\(indicator.key)”缺少权重 weight（\(method.rawValue) 需要每个指标的权重） / indicator \"\(indicator.key)\" has no weight (\(method.rawValue) needs a weight for every indicator)")
            }
            guard w.isFinite, w >= 0 else {
                throw ValidationError(field: "indicators[\(j)].weight",
                                      "指标“\(indicator.key)”的权重 \(formatNumber(w)) 无效，应为不小于 0 的数 / indicator \"\(indicator.key)\" has weight \(formatNumber(w)); weights must be numbers ≥ 0")
            }
            weights.append(w)
        }
        let sum = weights.reduce(0, +)
        let targets: [Double] = method == .weighted ? [1, 100] : [1]
        if !targets.contains(where: { abs(sum - $0) <= Self.weightSumTolerance }) {
            let zh = method == .weighted ? "1（或分值制的 100）" : "1"
            let en = method == .weighted ? "1 (or 100 for point weights)" : "1"
            throw ValidationError(field: "indicators",
                                  "各指标权重之和为 \(formatNumber(sum))，应为 \(zh)（容差 1e-6） / the weights sum to \(formatNumber(sum)), expected \(en) (tolerance 1e-6)")
        }
        return weights
    }

    /// A pairwise comparison matrix AHP can use: 1…15 rows (the Saaty 1980 RI table's range), square, positive
    /// finite judgements, 1 on the diagonal and a_ji = 1/a_ij within `reciprocalTolerance`.
    public static func validatePairwise(_ a: [[Double]]) throws {
        let n = a.count
        if n == 0 {
            throw ValidationError(field: "pairwise", "判断矩阵为空 / the pairwise matrix is empty")
        }
        let maxN = AHP.randomIndexSaaty1980.count
        if n > maxN {
            throw ValidationError(field: "pairwise",
                                  "判断矩阵为 \(n) 阶，最多 \(maxN) 阶（Saaty 1980 随机一致性指标 RI 表只到 n = \(maxN)） / the pairwise matrix has \(n) rows; at most \(maxN) are supported (Saaty's 1980 RI table ends at n = \(maxN))")
        }
        for (i, row) in a.enumerated() where row.count != n {
            throw ValidationError(field: "pairwise[\(i)]",
                                  "判断矩阵第 \(i) 行有 \(row.count) 个数，应为 \(n) 个（矩阵应为 \(n)×\(n)） / row \(i) has \(row.count) value(s), expected \(n) (the matrix must be \(n)×\(n))")
        }
        for i in 0..<n {
            for j in 0..<n where !(a[i][j].isFinite && a[i][j] > 0) {
                throw ValidationError(field: "pairwise[\(i)][\(j)]",
                                      "判断值应为正数，实为 \(formatNumber(a[i][j])) / judgements must be positive numbers, got \(formatNumber(a[i][j]))")
            }
        }
        for i in 0..<n where abs(a[i][i] - 1) > reciprocalTolerance {
            throw ValidationError(field: "pairwise[\(i)][\(i)]",
                                  "对角线元素应为 1，实为 \(formatNumber(a[i][i])) / diagonal entries must be 1, got \(formatNumber(a[i][i]))")
        }
        for i in 0..<n {
            for j in (i + 1)..<n where abs(a[i][j] * a[j][i] - 1) > reciprocalTolerance {
                let expected = reciprocalText(a[i][j])
                throw ValidationError(field: "pairwise[\(j)][\(i)]",
                                      "pairwise[\(j)][\(i)] = \(formatNumber(a[j][i])) 与 pairwise[\(i)][\(j)] = \(formatNumber(a[i][j])) 不互为倒数，应为 \(expected) / pairwise[\(j)][\(i)] = \(formatNumber(a[j][i])) is not the reciprocal of pairwise[\(i)][\(j)] = \(formatNumber(a[i][j])): expected \(expected)")
            }
        }
    }

    /// "1/3" for 3, "3" for 1/3 (written "1/3" in the input), else a decimal.
    private static func reciprocalText(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e9 { return "1/\(Int(x))" }
        let r = 1 / x
        if abs(r - r.rounded()) < 1e-9, abs(r) < 1e9 { return "\(Int(r.rounded()))" }
        return formatNumber(r)
    }

    private static func missingField(_ path: [any CodingKey]) -> ValidationError {
        let name = path.last?.stringValue ?? "json"
        return ValidationError(field: JSONInput.path(path), "缺少字段 \(name) / missing field \(name)")
    }

    private static func typeNames(_ type: Any.Type) -> (String, String) {
        if type == Double.self { return ("数字", "a number") }
        if type == String.self { return ("字符串", "a string") }
        if type == Int.self { return ("整数", "an integer") }
        if type == Bool.self { return ("布尔值", "true or false") }
        if type is [Any].Type || "\(type)".hasPrefix("Array<") { return ("数组", "an array") }
        return ("对象", "an object")
    }
}

/// A number for a message: 3 rather than 3.0, at most 10 significant digits.
public func formatNumber(_ x: Double) -> String {
    if x.isNaN { return "NaN" }
    if x.isInfinite { return x > 0 ? "∞" : "-∞" }
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return String(format: "%.10g", x)
}

// MARK: - Decoding

extension ScoringInput: Decodable {
    enum CodingKeys: String, CodingKey { case method, units, indicators, matrix, pairwise }

    /// Only the keys the method uses are read: `pairwise` for `ahp`, `units`, `indicators`, `matrix` otherwise.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decode(String.self, forKey: .method)
        guard let method = ScoringMethod(rawValue: name) else {
            let known = ScoringMethod.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError(field: JSONInput.path(c.codingPath + [CodingKeys.method]),
                                  "未知的计算方法“\(name)”，应为 \(known) 之一 / unknown method \"\(name)\": expected one of \(known)")
        }
        self.method = method
        func required(_ key: CodingKeys) throws {
            if !c.contains(key) { throw Self.missingField(c.codingPath + [key]) }
        }
        if method == .ahp {
            try required(.pairwise)
            units = []
            indicators = []
            matrix = []
            pairwise = try c.decode([[PairwiseCell]].self, forKey: .pairwise).map { $0.map(\.value) }
        } else {
            try required(.units)
            try required(.indicators)
            try required(.matrix)
            units = try c.decode([String].self, forKey: .units)
            indicators = try c.decode([ScoringIndicator].self, forKey: .indicators)
            matrix = try c.decode([[NumberCell]].self, forKey: .matrix).map { $0.map(\.value) }
            pairwise = []
        }
    }
}

extension ScoringIndicator: Decodable {
    enum CodingKeys: String, CodingKey { case key, type, weight, satisfactory, unacceptable }

    /// `key` and `type` ("benefit" or "cost") are required; `weight`, `satisfactory`, `unacceptable` optional
    /// numbers (null is taken as absent).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(String.self, forKey: .key)
        let typeName = try c.decode(String.self, forKey: .type)
        guard let type = IndicatorDirection(rawValue: typeName) else {
            throw ValidationError(field: JSONInput.path(c.codingPath + [CodingKeys.type]),
                                  "指标类型应为 benefit（效益型）或 cost（成本型），实为“\(typeName)” / type must be \"benefit\" or \"cost\", got \"\(typeName)\"")
        }
        self.type = type
        weight = try c.decodeIfPresent(NumberCell.self, forKey: .weight)?.value
        satisfactory = try c.decodeIfPresent(NumberCell.self, forKey: .satisfactory)?.value
        unacceptable = try c.decodeIfPresent(NumberCell.self, forKey: .unacceptable)?.value
    }
}

/// A JSON number. Anything else — a string (even "95"), true/false, null, an array, an object, a number too
/// large for a Double — is a `ValidationError` at the cell's own path, saying what was found.
private struct NumberCell: Decodable {
    let value: Double

    init(from decoder: any Decoder) throws {
        value = try cellValue(decoder, expectedZh: "数字", expectedEn: "a number") { _ in nil }
    }
}

/// A cell's finite number, or what `parseText` makes of a string; otherwise a `ValidationError` at the
/// cell's path naming what was expected and what was found.
private func cellValue(_ decoder: any Decoder, expectedZh: String, expectedEn: String, parseText: (String) -> Double?) throws -> Double {
    let field = JSONInput.path(decoder.codingPath)
    let c: any SingleValueDecodingContainer
    do {
        c = try decoder.singleValueContainer()
    } catch {
        throw ValidationError(field: field, "应为\(expectedZh) / expected \(expectedEn)")
    }
    if c.decodeNil() {
        throw ValidationError(field: field, "应为\(expectedZh)，实为 null / expected \(expectedEn), got null")
    }
    if let x = try? c.decode(Double.self), x.isFinite { return x }
    if let text = try? c.decode(String.self), let x = parseText(text) { return x }
    let (zh, en) = describe(decoder, c)
    throw ValidationError(field: field, "应为\(expectedZh)，实为\(zh) / expected \(expectedEn), got \(en)")
}

/// A pairwise judgement: a positive number, or a string holding a number or a fraction "a/b" ("1/3").
private struct PairwiseCell: Decodable {
    let value: Double

    init(from decoder: any Decoder) throws {
        value = try cellValue(decoder, expectedZh: "数字或分数（如 \"1/3\"）", expectedEn: "a number or a fraction such as \"1/3\"", parseText: Self.parse)
    }

    /// "3", "0.5", "1/3", " 1 / 3 " → the value; nil for anything else or a non-finite result.
    static func parse(_ text: String) -> Double? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { "0123456789.eE+-".contains($0) } }),
              let numerator = Double(parts[0]) else { return nil }
        let value: Double
        if parts.count == 2 {
            guard let denominator = Double(parts[1]), denominator != 0 else { return nil }
            value = numerator / denominator
        } else {
            value = numerator
        }
        return value.isFinite ? value : nil
    }
}

/// What a cell that is not a usable number holds, in Chinese and in English.
private func describe(_ decoder: any Decoder, _ c: any SingleValueDecodingContainer) -> (String, String) {
    if let s = try? c.decode(String.self) { return ("字符串“\(s)”", "the string \"\(s)\"") }
    if let b = try? c.decode(Bool.self) { return ("布尔值 \(b)", "\(b)") }
    if (try? decoder.unkeyedContainer()) != nil { return ("数组", "an array") }
    if (try? decoder.container(keyedBy: AnyKey.self)) != nil { return ("对象", "an object") }
    return ("超出范围的数", "a number out of range")
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
