import Foundation

/// The kinds of relief for firms in difficulty (纾困措施).
public enum ReliefKind: String, Codable, Sendable, CaseIterable {
    case deferredPrincipal, renewalWithoutRepayment, rateCut, guaranteeFeeWaiver, interestSubsidy
    public var chineseName: String {
        switch self {
        case .deferredPrincipal: return "延期还本"
        case .renewalWithoutRepayment: return "无还本续贷"
        case .rateCut: return "降息"
        case .guaranteeFeeWaiver: return "担保费减免"
        case .interestSubsidy: return "贴息"
        }
    }
    /// What `ReliefMeasure.amountWan` is for this kind: the loan principal the measure covers (延期还本、无还本续贷、降息),
    /// or the money the firm is spared (担保费减免、贴息).
    public var amountMeaning: String {
        switch self {
        case .deferredPrincipal: return "延期本金"
        case .renewalWithoutRepayment: return "续贷金额"
        case .rateCut: return "降息涉及贷款金额"
        case .guaranteeFeeWaiver: return "减免担保费"
        case .interestSubsidy: return "贴息金额"
        }
    }
}

/// 纾困措施: one relief measure granted to a firm.
public struct ReliefMeasure: Codable, Sendable, Equatable, Identifiable {
    public var id: Int
    public var kind: ReliefKind
    public var enterpriseId: Int
    /// 万元, > 0; what it measures depends on the kind (`ReliefKind.amountMeaning`).
    public var amountWan: Double
    public var day: Day
    /// The bank, guarantee company or office that granted it.
    public var institution: String
    public var note: String
    public var version: Int
    public init(id: Int, kind: ReliefKind, enterpriseId: Int, amountWan: Double, day: Day, institution: String = "", note: String = "", version: Int = 1) {
        self.id = id; self.kind = kind; self.enterpriseId = enterpriseId; self.amountWan = amountWan; self.day = day; self.institution = institution
        self.note = note; self.version = version
    }

    /// Trimmed and checked: a firm, an amount over 0 and under 1,000,000万元, a day not after `today`.
    public func validated(today: Day) throws -> ReliefMeasure {
        var m = self
        m.institution = institution.trimmingCharacters(in: .whitespacesAndNewlines)
        m.note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard enterpriseId > 0 else { throw ValidationError(field: "enterpriseId", "请选择享受纾困措施的企业") }
        guard amountWan.isFinite, amountWan > 0, amountWan < 1_000_000 else {
            throw ValidationError(field: "amountWan", "\(kind.amountMeaning)须大于0（万元）")
        }
        guard day <= today else { throw ValidationError(field: "day", "日期不能晚于今天") }
        guard m.institution.count <= TextLimits.name else { throw ValidationError(field: "institution", "机构名称不能超过\(TextLimits.name)字") }
        guard m.note.count <= TextLimits.longText else { throw ValidationError(field: "note", "备注不能超过\(TextLimits.longText)字") }
        return m
    }
}
