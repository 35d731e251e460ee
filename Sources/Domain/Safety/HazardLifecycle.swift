import Foundation

/// Who acts on a hazard: the unit answerable for it (责任单位, which follows the firm's rectification and sends its
/// evidence) and the supervision office (督查室, for the zone's safety committee).
public enum HazardParty: String, Codable, Sendable, CaseIterable {
    case unit, office
    public var chineseName: String { self == .unit ? "责任单位" : "督查室" }
}

/// One step of the rectification loop.
public enum HazardAction: String, Codable, Sendable, CaseIterable {
    case startRectifying, submit, verify, sendBack
    public var chineseName: String {
        switch self {
        case .startRectifying: return "签收整改"
        case .submit: return "提交整改佐证"
        case .verify: return "验收销号"
        case .sendBack: return "退回重新整改"
        }
    }
}

/// The closed loop 发现 → 整改 → 提交佐证 → 验收销号, as a pure state machine:
///
///     found --startRectifying--> rectifying --submit--> submitted --verify--> verified
///                                     ^                     |
///                                     +------ sendBack -----+
///
/// - The unit starts the rectification and submits it, with at least one evidence file and a note of what was done.
/// - A submission is verified (struck off) or sent back with a reason, which returns the hazard to rectification.
///   A 一般 hazard may be verified or sent back by the unit or the office; a 重大 one only by the office.
/// - Nothing is struck off without evidence: a hazard with no evidence file is refused at `submit` and, should one
///   reach `submitted` without any (an import), again at `verify`.
public enum HazardLifecycle {
    static func target(of action: HazardAction, from status: HazardStatus) -> HazardStatus? {
        switch (status, action) {
        case (.found, .startRectifying): return .rectifying
        case (.rectifying, .submit): return .submitted
        case (.submitted, .verify): return .verified
        case (.submitted, .sendBack): return .rectifying
        default: return nil
        }
    }

    /// Who may take `action` on a hazard of `level`.
    public static func parties(for action: HazardAction, level: HazardLevel) -> [HazardParty] {
        switch action {
        case .startRectifying, .submit: return [.unit]
        case .verify, .sendBack: return level == .major ? [.office] : [.unit, .office]
        }
    }

    /// What a step asks for besides the action: the note (整改情况、验收意见、退回理由) and, for a submission, the number of
    /// evidence files attached.
    public struct Step: Sendable, Equatable {
        public var text: String
        /// The files this step brings (a submission needs at least one new file, a resubmission after 退回 too).
        public var evidenceCount: Int
        public init(text: String = "", evidenceCount: Int = 0) { self.text = text; self.evidenceCount = evidenceCount }
    }

    /// The hazard after `party` takes `action` on `today`, or a `ValidationError` naming the first broken rule.
    public static func apply(_ action: HazardAction, to hazard: Hazard, by party: HazardParty, step: Step, today: Day) throws -> Hazard {
        guard let status = target(of: action, from: hazard.status) else {
            if action == .verify && hazard.status != .verified {
                throw ValidationError(field: "action", "隐患当前状态“\(hazard.status.chineseName)”，尚未提交整改佐证材料，不能验收销号")
            }
            throw ValidationError(field: "action", "隐患当前状态“\(hazard.status.chineseName)”不能执行“\(action.chineseName)”")
        }
        guard parties(for: action, level: hazard.level).contains(party) else {
            switch action {
            case .startRectifying, .submit: throw ValidationError(field: "action", "只有责任单位可以签收整改和提交整改佐证")
            case .verify, .sendBack: throw ValidationError(field: "action", "重大隐患只能由督查室验收销号或退回，责任单位不能自行销号")
            }
        }
        let text = step.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= TextLimits.longText else { throw ValidationError(field: "text", "内容不能超过\(TextLimits.longText)个字") }
        var h = hazard
        switch action {
        case .startRectifying:
            h.rectifyingSince = today
        case .submit:
            guard step.evidenceCount > 0 else {
                throw ValidationError(field: "evidence", "请上传至少一份整改佐证材料（如整改前后照片、整改报告），没有佐证材料不能提交销号")
            }
            guard step.evidenceCount <= EvidenceRules.maxFiles else {
                throw ValidationError(field: "evidence", "整改佐证材料最多\(EvidenceRules.maxFiles)份")
            }
            guard !text.isEmpty else { throw ValidationError(field: "text", "请填写整改情况说明") }
            h.evidenceCount = hazard.evidenceCount + step.evidenceCount
            h.rectificationNote = text
            h.submittedOn = today
        case .verify:
            guard hazard.evidenceCount > 0 else {
                throw ValidationError(field: "evidence", "该隐患没有整改佐证材料，不能验收销号，请退回补充佐证")
            }
            h.verificationNote = text
            h.verifiedOn = today
        case .sendBack:
            guard !text.isEmpty else { throw ValidationError(field: "text", "退回时请写明理由（哪些整改不到位）") }
            h.sentBackCount += 1
            h.lastSendBackReason = text
        }
        h.status = status
        return h
    }

    /// The buttons `party` may press on `hazard`, in `HazardAction.allCases` order.
    public static func allowedActions(for hazard: Hazard, party: HazardParty) -> [HazardAction] {
        HazardAction.allCases.filter { parties(for: $0, level: hazard.level).contains(party) && target(of: $0, from: hazard.status) != nil }
    }
}
