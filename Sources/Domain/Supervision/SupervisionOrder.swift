import Foundation

/// Where a 督办单 (supervision order) stands. `closed` and `cancelled` are final.
public enum OrderStatus: String, Codable, Sendable, CaseIterable {
    case proposed, issued, signed, answered, closed, cancelled

    public var chineseName: String {
        switch self {
        case .proposed: return "待下发(系统建议)"
        case .issued: return "已下发"
        case .signed: return "已签收"
        case .answered: return "已反馈(待核查)"
        case .closed: return "已办结"
        case .cancelled: return "已撤销"
        }
    }

    /// No action leaves a final status.
    public var isFinal: Bool { self == .closed || self == .cancelled }
}

/// What someone does to an order.
public enum OrderAction: String, Codable, Sendable, CaseIterable {
    case issue, sign, answer, verify, sendBack, cancel

    public var chineseName: String {
        switch self {
        case .issue: return "下发"
        case .sign: return "签收"
        case .answer: return "反馈"
        case .verify: return "核查办结"
        case .sendBack: return "退回"
        case .cancel: return "撤销"
        }
    }

    /// Who may take the action: the unit signs and answers, the office does the rest.
    public var party: OrderParty {
        switch self {
        case .sign, .answer: return .receivingUnit
        case .issue, .verify, .sendBack, .cancel: return .office
        }
    }
}

/// The two sides of an order: the office that supervises (督查室) and the unit that must act (承办单位).
public enum OrderParty: String, Codable, Sendable, CaseIterable {
    case office, receivingUnit

    public var chineseName: String { self == .office ? "督查室" : "承办单位" }
}

/// The 督办单 lifecycle 下发 → 签收 → 反馈 → 核查 (办结 or 退回) as a pure state machine:
///
///     proposed --issue--> issued --sign--> signed --answer--> answered --verify--> closed
///                                            ^                   |
///                                            +----- sendBack ----+
///     proposed / issued / signed --cancel--> cancelled
///
/// An unsigned order cannot be answered (签收 comes first, so the office knows the unit has seen it).
/// 退回 sends it back to the unit for a new feedback and needs a reason. An answered order is not
/// cancelled: the office decides on the feedback instead.
public enum OrderLifecycle {
    /// The status after `action`, or nil when the action is not possible from `status`.
    static func target(of action: OrderAction, from status: OrderStatus) -> OrderStatus? {
        switch (status, action) {
        case (.proposed, .issue): return .issued
        case (.issued, .sign): return .signed
        case (.signed, .answer): return .answered
        case (.answered, .verify): return .closed
        case (.answered, .sendBack): return .signed
        case (.proposed, .cancel), (.issued, .cancel), (.signed, .cancel): return .cancelled
        default: return nil
        }
    }

    /// The status after `party` takes `action` with `text` (the feedback, the reason for 退回, or an
    /// optional note). Text is judged trimmed; at most `TextLimits.longText` characters.
    /// Throws a `ValidationError` naming the first broken rule.
    public static func next(from status: OrderStatus, action: OrderAction, by party: OrderParty,
                            text: String) throws -> OrderStatus {
        guard let result = target(of: action, from: status) else {
            throw ValidationError(field: "action", "当前状态“\(status.chineseName)”不能执行“\(action.chineseName)”")
        }
        guard action.party == party else {
            throw ValidationError(field: "action", party == .office
                ? "只有承办单位可以签收/反馈" : "只有督查室可以下发、核查、退回、撤销")
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty && action == .answer { throw ValidationError(field: "text", "请填写反馈内容") }
        if trimmed.isEmpty && action == .sendBack { throw ValidationError(field: "text", "退回时请写明理由") }
        guard trimmed.count <= TextLimits.longText else {
            throw ValidationError(field: "text", "内容不能超过\(TextLimits.longText)个字")
        }
        return result
    }

    /// The actions `party` may take on an order in `status`, in `OrderAction.allCases` order (the
    /// buttons a page shows).
    public static func allowedActions(for status: OrderStatus, party: OrderParty) -> [OrderAction] {
        OrderAction.allCases.filter { $0.party == party && target(of: $0, from: status) != nil }
    }
}
