import Foundation

/// 条款: one support measure of a policy — who qualifies (`condition`, in the condition language) and how much they get.
public struct PolicyClause: Codable, Sendable, Equatable, Identifiable {
    /// 奖励, 补助, 贴息, 减免.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case award, subsidy, interestDiscount, reduction
        public var chineseName: String {
            switch self {
            case .award: return "奖励"
            case .subsidy: return "补助"
            case .interestDiscount: return "贴息"
            case .reduction: return "减免"
            }
        }
    }
    public var id: Int
    public var policyId: Int
    /// "第三条" or "3.1"; may be "".
    public var number: String
    public var title: String
    public var kind: Kind
    /// 申报条件, as staff wrote it (saved in the parser's canonical form by `normalized()`).
    public var condition: String
    public var amountRule: AmountRule
    /// 年度预算 in 万元; nil: not capped.
    public var annualBudget: Double?
    /// The year whose figures the condition is judged on and whose budget it spends.
    public var year: Int
    /// Optimistic-lock version as stored.
    public var version: Int = 1

    public init(id: Int, policyId: Int, number: String, title: String, kind: Kind, condition: String, amountRule: AmountRule,
                annualBudget: Double? = nil, year: Int) {
        self.id = id; self.policyId = policyId; self.number = number; self.title = title; self.kind = kind
        self.condition = condition; self.amountRule = amountRule; self.annualBudget = annualBudget; self.year = year
    }

    /// Checks every field and returns the parsed condition. Condition errors have field "condition".
    @discardableResult
    public func validate() throws -> Condition {
        let t = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { throw ValidationError(field: "title", "请填写条款名称") }
        if t.count > 200 { throw ValidationError(field: "title", "条款名称不能超过200个字符") }
        if number.count > 20 { throw ValidationError(field: "number", "条款编号不能超过20个字符") }
        let parsed = try ConditionParser.parse(condition)
        try amountRule.validate()
        if let b = annualBudget, !(b.isFinite && b > 0) { throw ValidationError(field: "annualBudget", "年度预算须为大于0的数（万元）") }
        if !(2000...2100).contains(year) { throw ValidationError(field: "year", "年度须在2000至2100之间") }
        return parsed
    }

    /// The clause with its condition in canonical form (what to save).
    public func normalized() throws -> PolicyClause {
        var c = self
        c.condition = try ConditionParser.parse(condition).description
        return c
    }
}
