import Foundation

/// The escalation ladder of supervision, mildest first: 提醒 → 督办 → 挂牌督办 → 约谈 → 通报批评.
/// Ordered by severity (`Comparable`).
public enum EscalationLevel: Int, Codable, Sendable, CaseIterable, Comparable {
    case reminder = 1, supervision, listed, interview, criticism

    public var chineseName: String {
        switch self {
        case .reminder: return "提醒"
        case .supervision: return "督办"
        case .listed: return "挂牌督办"
        case .interview: return "约谈"
        case .criticism: return "通报批评"
        }
    }

    /// A stable name for storage and URLs (the raw Int is the order on the ladder).
    public var code: String {
        switch self {
        case .reminder: return "reminder"
        case .supervision: return "supervision"
        case .listed: return "listed"
        case .interview: return "interview"
        case .criticism: return "criticism"
        }
    }

    public init?(code: String) {
        guard let level = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = level
    }

    /// The next step up the ladder; nil at the top (通报批评).
    public static func next(after level: EscalationLevel) -> EscalationLevel? {
        EscalationLevel(rawValue: level.rawValue + 1)
    }

    public static func < (a: EscalationLevel, b: EscalationLevel) -> Bool { a.rawValue < b.rawValue }
}

/// A zone's settings for the ladder: what each level costs the unit in assessment points, how many
/// working days it has to reply, and from which level the leaders in charge are copied (抄送分管领导).
/// The arrays hold one value per level, in ladder order (index 0 = 提醒).
public struct EscalationPolicy: Codable, Sendable, Equatable {
    /// Assessment points deducted per order of each level, 0…100, never less than the level below.
    public var deductions: [Double]
    /// Working days to reply per level, 1…60.
    public var replyWorkdays: [Int]
    /// Leaders in charge are copied on orders of this level and above.
    public var copyLeadersFrom: EscalationLevel

    public init(deductions: [Double] = [0, 0.5, 1, 2, 3], replyWorkdays: [Int] = [5, 5, 3, 3, 3],
                copyLeadersFrom: EscalationLevel = .listed) {
        self.deductions = deductions
        self.replyWorkdays = replyWorkdays
        self.copyLeadersFrom = copyLeadersFrom
    }

    public static let standard = EscalationPolicy()

    public func validate() throws {
        let levels = EscalationLevel.allCases
        guard deductions.count == levels.count else {
            throw ValidationError(field: "deductions", "扣分须逐级设置（共\(levels.count)级）")
        }
        guard replyWorkdays.count == levels.count else {
            throw ValidationError(field: "replyWorkdays", "反馈时限须逐级设置（共\(levels.count)级）")
        }
        for (i, level) in levels.enumerated() {
            guard (0...100).contains(deductions[i]) else {
                throw ValidationError(field: "deductions", "“\(level.chineseName)”扣分须在0到100分之间")
            }
            if i > 0 && deductions[i] < deductions[i - 1] {
                throw ValidationError(field: "deductions",
                                      "“\(level.chineseName)”扣分不能少于“\(levels[i - 1].chineseName)”")
            }
            guard (1...60).contains(replyWorkdays[i]) else {
                throw ValidationError(field: "replyWorkdays", "“\(level.chineseName)”反馈时限须在1到60个工作日之间")
            }
        }
    }

    public func copiesLeaders(_ level: EscalationLevel) -> Bool { level >= copyLeadersFrom }

    /// The level's deduction; 0 if the policy does not have it (an invalid policy).
    public func deduction(_ level: EscalationLevel) -> Double {
        let i = level.rawValue - 1
        return deductions.indices.contains(i) ? deductions[i] : 0
    }

    /// The level's reply time in working days; the standard one if the policy does not have it.
    public func replyWorkdays(for level: EscalationLevel) -> Int {
        let i = level.rawValue - 1
        return replyWorkdays.indices.contains(i) ? replyWorkdays[i] : EscalationPolicy.standard.replyWorkdays[i]
    }
}
