import Foundation

/// How soon the firm needs the money, mildest first.
public enum FinancingUrgency: Int, Codable, Sendable, CaseIterable, Comparable {
    case normal = 1, urgent, critical
    public var chineseName: String {
        switch self { case .normal: return "一般"; case .urgent: return "紧急"; case .critical: return "特急" }
    }
    /// A stable name for storage and URLs.
    public var code: String {
        switch self { case .normal: return "normal"; case .urgent: return "urgent"; case .critical: return "critical" }
    }
    public init?(code: String) {
        guard let u = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = u
    }
    /// Working days within which the money should be there, for judging a product's approval time: 一般 20, 紧急 10, 特急 5.
    public var expectedWorkdays: Int {
        switch self { case .normal: return 20; case .urgent: return 10; case .critical: return 5 }
    }
    public static func < (a: FinancingUrgency, b: FinancingUrgency) -> Bool { a.rawValue < b.rawValue }
}

/// Where a financing need stands (`FinancingLifecycle`). `granted` and `declined` are final.
public enum FinancingStatus: String, Codable, Sendable, CaseIterable {
    case open, matched, granted, declined
    public var chineseName: String {
        switch self { case .open: return "待对接"; case .matched: return "已对接"; case .granted: return "已放款"; case .declined: return "未获贷" }
    }
    public var isFinal: Bool { self == .granted || self == .declined }
}

/// A bank and one of its products put before the firm (银企对接).
public struct FinanceMatch: Codable, Sendable, Equatable, Hashable {
    public var bank: String
    public var product: String
    public init(bank: String, product: String) { self.bank = bank; self.product = product }
    public var label: String { "\(bank)·\(product)" }
}

/// 融资需求: a firm's need for money, followed from filing to a loan granted or refused.
public struct FinancingNeed: Codable, Sendable, Equatable, Identifiable {
    public var id: Int
    public var enterpriseId: Int
    /// 万元, > 0.
    public var amountWan: Double
    public var purpose: String
    public var urgency: FinancingUrgency
    /// Desired term in months, when the firm says (used by `ProductMatch`).
    public var termMonths: Int?
    public var filedOn: Day
    public var status: FinancingStatus
    /// The zone unit that follows it (对接责任单位), when assigned.
    public var unitId: Int?
    /// The banks and products put before the firm, in the order they were added.
    public var matches: [FinanceMatch]
    /// The first day it was matched.
    public var matchedOn: Day?
    /// 放款: the amount (万元), the day and the lender.
    public var grantedWan: Double?
    public var grantedOn: Day?
    public var grantedBank: String
    /// 未获贷: the day recorded and the reason.
    public var declinedOn: Day?
    public var declineReason: String
    public var version: Int

    public init(id: Int, enterpriseId: Int, amountWan: Double, purpose: String, urgency: FinancingUrgency, termMonths: Int? = nil, filedOn: Day,
                status: FinancingStatus = .open, unitId: Int? = nil, matches: [FinanceMatch] = [], matchedOn: Day? = nil, grantedWan: Double? = nil,
                grantedOn: Day? = nil, grantedBank: String = "", declinedOn: Day? = nil, declineReason: String = "", version: Int = 1) {
        self.id = id; self.enterpriseId = enterpriseId; self.amountWan = amountWan; self.purpose = purpose; self.urgency = urgency
        self.termMonths = termMonths; self.filedOn = filedOn; self.status = status; self.unitId = unitId; self.matches = matches
        self.matchedOn = matchedOn; self.grantedWan = grantedWan; self.grantedOn = grantedOn; self.grantedBank = grantedBank
        self.declinedOn = declinedOn; self.declineReason = declineReason; self.version = version
    }

    /// The day the need was decided (granted or declined); nil while open or matched.
    public var decidedOn: Day? {
        switch status { case .granted: return grantedOn; case .declined: return declinedOn; case .open, .matched: return nil }
    }

    /// Trimmed and checked: a firm, an amount over 0 and under 1,000,000万元 (100亿), a purpose, a term of 1 to 360 months
    /// when given, a filing day not after `today`.
    public func validated(today: Day) throws -> FinancingNeed {
        var n = self
        n.purpose = purpose.trimmingCharacters(in: .whitespacesAndNewlines)
        guard enterpriseId > 0 else { throw ValidationError(field: "enterpriseId", "请选择提出融资需求的企业") }
        guard amountWan.isFinite, amountWan > 0, amountWan < 1_000_000 else { throw ValidationError(field: "amountWan", "融资金额须大于0（万元）") }
        guard !n.purpose.isEmpty, n.purpose.count <= TextLimits.longText else {
            throw ValidationError(field: "purpose", "请填写资金用途（不超过\(TextLimits.longText)字）")
        }
        if let t = termMonths, !(1...360).contains(t) { throw ValidationError(field: "termMonths", "期望期限须为1到360个月") }
        guard filedOn <= today else { throw ValidationError(field: "filedOn", "提出日期不能晚于今天") }
        return n
    }
}

/// One step of a financing need.
public enum FinancingAction: String, Codable, Sendable, CaseIterable {
    case match, grant, decline
    public var chineseName: String {
        switch self { case .match: return "银企对接"; case .grant: return "登记放款"; case .decline: return "登记未获贷" }
    }
}

/// The loop 待对接 → 已对接 → 已放款 / 未获贷, as a pure state machine:
///
///     open --match--> matched --grant--> granted
///       |               |  ^
///       |               +--+ match (more banks)
///       +--decline--+---+--decline--> declined
///
/// - A match puts at least one bank and product before the firm; matching again adds to the list.
/// - A loan is granted only after a match: an amount over 0 and at most twice the need (a larger figure is almost
///   always a typing error in 万元), on a day from the filing day up to today.
/// - A need may be declined before any match (no bank would take it, the firm withdrew) or after, with a reason.
public enum FinancingLifecycle {
    /// A grant may not exceed this multiple of the amount asked.
    public static let maxGrantMultiple = 2.0

    static func target(of action: FinancingAction, from status: FinancingStatus) -> FinancingStatus? {
        switch (status, action) {
        case (.open, .match), (.matched, .match): return .matched
        case (.matched, .grant): return .granted
        case (.open, .decline), (.matched, .decline): return .declined
        default: return nil
        }
    }

    /// What a step asks for: banks and products to match; the amount, day and lender of a loan; a reason to decline.
    public struct Step: Sendable, Equatable {
        public var matches: [FinanceMatch]
        public var amountWan: Double?
        /// The day of the loan (nil: today).
        public var day: Day?
        public var bank: String
        public var text: String
        public init(matches: [FinanceMatch] = [], amountWan: Double? = nil, day: Day? = nil, bank: String = "", text: String = "") {
            self.matches = matches; self.amountWan = amountWan; self.day = day; self.bank = bank; self.text = text
        }
    }

    /// The need after `action` on `today`, or a `ValidationError` naming the first broken rule.
    public static func apply(_ action: FinancingAction, to need: FinancingNeed, step: Step, today: Day) throws -> FinancingNeed {
        guard let status = target(of: action, from: need.status) else {
            if action == .grant && need.status == .open {
                throw ValidationError(field: "action", "融资需求尚未对接银行，请先登记银企对接再登记放款")
            }
            throw ValidationError(field: "action", "融资需求当前状态“\(need.status.chineseName)”不能执行“\(action.chineseName)”")
        }
        var n = need
        switch action {
        case .match:
            var added: [FinanceMatch] = []
            var given = 0
            for m in step.matches {
                let c = FinanceMatch(bank: m.bank.trimmingCharacters(in: .whitespacesAndNewlines), product: m.product.trimmingCharacters(in: .whitespacesAndNewlines))
                if c.bank.isEmpty && c.product.isEmpty { continue }
                guard !c.bank.isEmpty else { throw ValidationError(field: "matches", "请填写金融产品“\(c.product)”所属的银行") }
                guard !c.product.isEmpty else { throw ValidationError(field: "matches", "请填写\(c.bank)对接的金融产品") }
                guard c.bank.count <= TextLimits.name, c.product.count <= TextLimits.name else {
                    throw ValidationError(field: "matches", "银行和产品名称不能超过\(TextLimits.name)字")
                }
                given += 1
                if !n.matches.contains(c) && !added.contains(c) { added.append(c) }
            }
            guard given > 0 else {
                throw ValidationError(field: "matches", "请至少填写一家对接银行及其金融产品")
            }
            n.matches += added
            if n.matchedOn == nil { n.matchedOn = today }
        case .grant:
            guard let amount = step.amountWan, amount.isFinite, amount > 0 else { throw ValidationError(field: "amountWan", "请填写放款金额（万元，大于0）") }
            guard amount <= need.amountWan * maxGrantMultiple else {
                throw ValidationError(field: "amountWan", "放款金额\(formatNumber(amount))万元超过需求金额\(formatNumber(need.amountWan))万元的\(formatNumber(maxGrantMultiple))倍，请核对单位是否为万元")
            }
            let day = step.day ?? today
            guard day >= need.filedOn else { throw ValidationError(field: "day", "放款日期不能早于需求提出日期\(need.filedOn.iso)") }
            guard day <= today else { throw ValidationError(field: "day", "放款日期不能晚于今天") }
            var bank = step.bank.trimmingCharacters(in: .whitespacesAndNewlines)
            if bank.isEmpty, Set(need.matches.map(\.bank)).count == 1 { bank = need.matches[0].bank }
            guard !bank.isEmpty else { throw ValidationError(field: "bank", "请选择放款银行") }
            guard bank.count <= TextLimits.name else { throw ValidationError(field: "bank", "银行名称不能超过\(TextLimits.name)字") }
            n.grantedWan = amount
            n.grantedOn = day
            n.grantedBank = bank
        case .decline:
            let text = step.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw ValidationError(field: "text", "请写明未获贷原因（如企业撤回、银行审批未通过）") }
            guard text.count <= TextLimits.longText else { throw ValidationError(field: "text", "原因不能超过\(TextLimits.longText)个字") }
            n.declineReason = text
            n.declinedOn = today
        }
        n.status = status
        return n
    }

    /// The actions possible on a need in `status`, in `FinancingAction.allCases` order.
    public static func allowedActions(for status: FinancingStatus) -> [FinancingAction] {
        FinancingAction.allCases.filter { target(of: $0, from: status) != nil }
    }
}
