import Foundation

/// 兑现: one firm's claim under one clause, from 申报 to the money paid.
/// applied (申报) → approved (审核通过) or rejected (驳回) → paid (兑现, approved ones only). Amounts in 万元.
public struct Redemption: Codable, Sendable, Equatable, Identifiable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case applied, approved, rejected, paid
        public var chineseName: String {
            switch self {
            case .applied: return "申报"
            case .approved: return "审核通过"
            case .rejected: return "驳回"
            case .paid: return "已兑现"
            }
        }
    }

    /// What staff do to a claim; `perform` applies it.
    public enum Action: Sendable, Equatable {
        case approve(amount: Double, on: Day)
        case reject(reason: String, on: Day)
        case pay(amount: Double, on: Day)
    }

    public var id: Int
    public var clauseId: Int
    public var enterpriseId: Int
    public var status: Status
    public var appliedOn: Day
    /// What the firm asked for; nil for 免申即享 claims the office opens itself.
    public var requestedAmount: Double?
    public var approvedAmount: Double?
    /// The day it was approved or rejected.
    public var decidedOn: Day?
    public var rejectionReason: String?
    public var paidAmount: Double?
    public var paidOn: Day?

    /// A new claim in state 申报.
    public init(id: Int, clauseId: Int, enterpriseId: Int, appliedOn: Day, requestedAmount: Double? = nil) throws {
        if let r = requestedAmount { try Self.checkAmount(r) }
        self.id = id; self.clauseId = clauseId; self.enterpriseId = enterpriseId; self.status = .applied
        self.appliedOn = appliedOn; self.requestedAmount = requestedAmount
    }

    public mutating func perform(_ action: Action, budget: ClauseBudget) throws {
        switch action {
        case .approve(let amount, let day): try approve(amount: amount, on: day, budget: budget)
        case .reject(let reason, let day): try reject(reason: reason, on: day)
        case .pay(let amount, let day): try pay(amount: amount, on: day)
        }
    }

    /// 审核通过 for `amount`, within what is left of the clause's budget.
    public mutating func approve(amount: Double, on day: Day, budget: ClauseBudget) throws {
        try requireStatus(.applied, doing: "审核通过")
        try Self.checkAmount(amount)
        if day < appliedOn { throw ValidationError(field: "date", "审核日期（\(day)）不能早于申报日期（\(appliedOn)）") }
        try budget.check(approving: amount)
        status = .approved; approvedAmount = amount; decidedOn = day
    }

    /// 驳回, with the reason the firm will read.
    public mutating func reject(reason: String, on day: Day) throws {
        try requireStatus(.applied, doing: "驳回")
        let r = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if r.isEmpty { throw ValidationError(field: "reason", "驳回须填写理由") }
        if r.count > 500 { throw ValidationError(field: "reason", "驳回理由不能超过500个字符") }
        if day < appliedOn { throw ValidationError(field: "date", "驳回日期（\(day)）不能早于申报日期（\(appliedOn)）") }
        status = .rejected; rejectionReason = r; decidedOn = day
    }

    /// 兑现: the money paid, at most the approved amount.
    public mutating func pay(amount: Double, on day: Day) throws {
        try requireStatus(.approved, doing: "兑现")
        try Self.checkAmount(amount)
        if let a = approvedAmount, amount > a + 1e-9 {
            throw ValidationError(field: "amount", "兑现金额（\(AmountRule.wan(amount))）不能超过审核通过金额（\(AmountRule.wan(a))）")
        }
        if let d = decidedOn, day < d { throw ValidationError(field: "date", "兑现日期（\(day)）不能早于审核日期（\(d)）") }
        status = .paid; paidAmount = amount; paidOn = day
    }

    /// What this claim holds of its clause's budget: the approved amount, or once paid the amount paid.
    public var committed: Double {
        switch status {
        case .approved: return approvedAmount ?? 0
        case .paid: return paidAmount ?? 0
        case .applied, .rejected: return 0
        }
    }

    private func requireStatus(_ wanted: Status, doing verb: String) throws {
        guard status != wanted else { return }
        let message: String
        switch status {
        case .applied: message = "该申报尚未审核通过，不能\(verb)"
        case .approved: message = verb == "审核通过" ? "该申报已审核通过，不能重复审核" : "该申报已审核通过，不能\(verb)"
        case .rejected: message = "该申报已被驳回，不能\(verb)（如有新材料请重新申报）"
        case .paid: message = "该申报已兑现，不能\(verb)"
        }
        throw ValidationError(field: "action", message)
    }

    static func checkAmount(_ x: Double) throws {
        guard x.isFinite, x > 0 else { throw ValidationError(field: "amount", "金额须为大于0的数（万元）") }
    }
}

/// A clause's annual budget and what other claims already hold of it (approved, or paid).
public struct ClauseBudget: Sendable, Equatable {
    /// nil: the clause has no budget cap.
    public let budget: Double?
    public let committed: Double

    public init(budget: Double?, committed: Double) { self.budget = budget; self.committed = committed }

    /// The budget as it stands for approving `redemptionId`: every other claim of the clause counts.
    public init(clause: PolicyClause, redemptions: [Redemption], excluding redemptionId: Int? = nil) {
        self.budget = clause.annualBudget
        self.committed = redemptions.filter { $0.clauseId == clause.id && $0.id != redemptionId }.reduce(0) { $0 + $1.committed }
    }

    public var remaining: Double? { budget.map { max(0, $0 - committed) } }

    /// Throws when approving `amount` would take the clause over its budget (a cent of rounding is forgiven).
    public func check(approving amount: Double) throws {
        guard let budget, committed + amount > budget + 1e-6 else { return }
        throw ValidationError(field: "amount", "超出预算：本条款预算\(AmountRule.wan(budget))，已审核通过\(AmountRule.wan(committed))，剩余\(AmountRule.wan(max(0, budget - committed)))")
    }
}
