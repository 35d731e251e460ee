import Foundation

/// Where an appeal stands. `closed` and `declined` are final.
public enum AppealStatus: String, Codable, Sendable, CaseIterable {
    case received, assigned, handling, answered, closed, declined
    public var chineseName: String {
        switch self {
        case .received: return "已受理"
        case .assigned: return "已分派"
        case .handling: return "办理中"
        case .answered: return "已答复(待企业确认)"
        case .closed: return "已办结"
        case .declined: return "不予受理"
        }
    }
    public var isFinal: Bool { self == .closed || self == .declined }
    /// Statuses still counted as open work.
    public static let open: [AppealStatus] = [.received, .assigned, .handling, .answered]
}

/// Who acts on an appeal: the office (受理、分派), the lead unit (签收办理、答复), the firm (确认评价、重新办理).
public enum AppealParty: String, Codable, Sendable, CaseIterable {
    case office, leadUnit, firm
    public var chineseName: String {
        switch self { case .office: return "诉求受理部门"; case .leadUnit: return "主办单位"; case .firm: return "企业" }
    }
    /// What someone else is told when they try this party's steps.
    public var refusal: String {
        switch self {
        case .firm: return "只有提出诉求的企业本身可以确认、评价或要求重新办理"
        case .leadUnit: return "只有主办单位可以签收办理和答复"
        case .office: return "只有诉求受理部门可以分派、办结或不予受理"
        }
    }
}

/// One step of the loop.
public enum AppealAction: String, Codable, Sendable, CaseIterable {
    case assign, accept, answer, confirm, reopen, close, decline
    public var chineseName: String {
        switch self {
        case .assign: return "分派"
        case .accept: return "签收办理"
        case .answer: return "答复"
        case .confirm: return "确认并评价"
        case .reopen: return "不满意，重新办理"
        case .close: return "办结(企业未评价)"
        case .decline: return "不予受理"
        }
    }
    public var party: AppealParty {
        switch self {
        case .assign, .close, .decline: return .office
        case .accept, .answer: return .leadUnit
        case .confirm, .reopen: return .firm
        }
    }
}

/// The closed loop 受理 → 分派 → 办理 → 答复 → 企业确认评价 → 办结, as a pure state machine:
///
///     received --assign--> assigned --accept--> handling --answer--> answered --confirm--> closed
///        |                   ^  |assign (改派)     ^                    |  |
///        |decline            +--+                  +------ reopen ------+  +--close (企业逾期未评价)--> closed
///        v
///     declined
///
/// Only the firm confirms and rates, or sends the answer back; the office may close an answered appeal the firm
/// has not rated, with a reason, and the rating then stays empty. An answer, a reopening, a refusal and an
/// office close each need their text.
public enum AppealLifecycle {
    static func target(of action: AppealAction, from status: AppealStatus) -> AppealStatus? {
        switch (status, action) {
        case (.received, .assign), (.assigned, .assign): return .assigned
        case (.received, .decline): return .declined
        case (.assigned, .accept): return .handling
        case (.handling, .answer): return .answered
        case (.answered, .confirm), (.answered, .close): return .closed
        case (.answered, .reopen): return .handling
        default: return nil
        }
    }

    /// What a step asks for besides the action: a unit to assign to, a rating, a text.
    public struct Step: Sendable, Equatable {
        public var text: String
        public var leadUnitId: Int?
        public var coUnitIds: [Int]
        public var satisfaction: Satisfaction?
        public init(text: String = "", leadUnitId: Int? = nil, coUnitIds: [Int] = [], satisfaction: Satisfaction? = nil) {
            self.text = text; self.leadUnitId = leadUnitId; self.coUnitIds = coUnitIds; self.satisfaction = satisfaction
        }
    }

    /// The appeal after `party` takes `action` on `today`, or a `ValidationError` naming the first broken rule.
    public static func apply(_ action: AppealAction, to appeal: Appeal, by party: AppealParty, step: Step, today: Day) throws -> Appeal {
        guard let status = target(of: action, from: appeal.status) else {
            throw ValidationError(field: "action", "诉求当前状态“\(appeal.status.chineseName)”不能执行“\(action.chineseName)”")
        }
        guard action.party == party else { throw ValidationError(field: "action", action.party.refusal) }
        let text = step.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= TextLimits.longText else { throw ValidationError(field: "text", "内容不能超过\(TextLimits.longText)个字") }
        var a = appeal
        switch action {
        case .assign:
            guard let lead = step.leadUnitId else { throw ValidationError(field: "leadUnitId", "请选择主办单位") }
            a.leadUnitId = lead
            a.coUnitIds = Array(Set(step.coUnitIds).subtracting([lead])).sorted()
            if a.assignedOn == nil { a.assignedOn = today }
        case .accept: break
        case .answer:
            guard !text.isEmpty else { throw ValidationError(field: "text", "请填写答复内容") }
            a.answer = text
            if a.answeredOn == nil { a.answeredOn = today }
        case .confirm:
            guard let s = step.satisfaction else { throw ValidationError(field: "satisfaction", "请选择满意、基本满意或不满意") }
            a.satisfaction = s
            a.closedOn = today
        case .reopen:
            guard !text.isEmpty else { throw ValidationError(field: "text", "请说明哪里没有解决，以便重新办理") }
            a.reopenCount += 1
            // The firm's word is in the step's text; the rating is given when it finally confirms.
            a.satisfaction = nil
        case .close:
            guard !text.isEmpty else { throw ValidationError(field: "text", "企业未评价而办结时，请写明理由（如已电话回访）") }
            a.closedOn = today
        case .decline:
            guard !text.isEmpty else { throw ValidationError(field: "text", "不予受理时请写明理由，将告知企业") }
            a.answer = text
            a.closedOn = today
        }
        a.status = status
        return a
    }

    /// The buttons `party` may press on an appeal in `status`, in `AppealAction.allCases` order.
    public static func allowedActions(for status: AppealStatus, party: AppealParty) -> [AppealAction] {
        AppealAction.allCases.filter { $0.party == party && target(of: $0, from: status) != nil }
    }
}
