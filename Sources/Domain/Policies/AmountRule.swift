import Foundation

/// How much a clause pays a firm (万元): a fixed sum, or a percentage of one of its money figures with an optional cap.
public enum AmountRule: Sendable, Hashable, Codable, CustomStringConvertible {
    case fixed(amount: Double)
    /// `field` × `rate`% (rate in (0, 100]), at most `cap` when given; `field` is a 万元 field (研发费用, 纳税 …).
    case percent(of: ConditionField, rate: Double, cap: Double?)

    /// The amount for one firm, nil when its figure is missing, with the working shown:
    /// `研发费用 800万元 × 10% = 80万元，封顶 50万元 → 50万元`.
    public struct Result: Sendable, Equatable {
        public let amount: Double?
        public let explanation: String
    }

    public func validate() throws {
        switch self {
        case .fixed(let a):
            guard a.isFinite, a > 0 else { throw ValidationError(field: "amount", "定额须为大于0的数（万元）") }
        case .percent(let f, let rate, let cap):
            guard f.unit == "万元" else {
                throw ValidationError(field: "amount", "“\(f.chineseName)”不是金额（万元）字段，不能按比例计算；可用：" + Self.moneyFields.map(\.chineseName).joined(separator: "、"))
            }
            guard rate.isFinite, rate > 0, rate <= 100 else { throw ValidationError(field: "amount", "比例须大于0且不超过100%") }
            if let cap, !(cap.isFinite && cap > 0) { throw ValidationError(field: "amount", "封顶金额须大于0（万元）") }
        }
    }

    /// The fields a percentage may be taken of.
    public static var moneyFields: [ConditionField] { ConditionField.allCases.filter { $0.unit == "万元" } }

    public func amount(for facts: FirmFacts) -> Result {
        switch self {
        case .fixed(let a):
            return Result(amount: a, explanation: "定额 \(Self.wan(a))")
        case .percent(let f, let rate, let cap):
            guard let base = facts.number(f) else { return Result(amount: nil, explanation: "\(f.chineseName)：缺少数据，无法计算") }
            let raw = base * rate / 100
            var text = "\(f.chineseName) \(Self.wan(base)) × \(ConditionValue.display(rate))% = \(Self.wan(raw))"
            guard let cap, raw > cap else { return Result(amount: raw, explanation: text) }
            text += "，封顶 \(Self.wan(cap)) → \(Self.wan(cap))"
            return Result(amount: cap, explanation: text)
        }
    }

    /// "定额 50万元", "研发费用 × 10%，封顶 50万元".
    public var description: String {
        switch self {
        case .fixed(let a): return "定额 \(Self.wan(a))"
        case .percent(let f, let rate, let cap):
            return "\(f.chineseName) × \(ConditionValue.display(rate))%" + (cap.map { "，封顶 \(Self.wan($0))" } ?? "")
        }
    }

    static func wan(_ x: Double) -> String { ConditionValue.display(x) + "万元" }
}
