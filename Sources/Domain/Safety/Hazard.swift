import Foundation

/// 隐患等级, as the safety regulations grade hazards: 一般事故隐患 (small, can be put right at once or soon) and
/// 重大事故隐患 (hard to put right, may need a stop of work and a governance plan). Ordered by gravity.
public enum HazardLevel: String, Codable, Sendable, CaseIterable, Comparable {
    case general, major
    public var chineseName: String { self == .general ? "一般隐患" : "重大隐患" }
    public static func < (a: HazardLevel, b: HazardLevel) -> Bool { a == .general && b == .major }
}

/// Where a hazard stands in its rectification loop (`HazardLifecycle`). Only `verified` is final.
public enum HazardStatus: String, Codable, Sendable, CaseIterable {
    case found, rectifying, submitted, verified
    public var chineseName: String {
        switch self {
        case .found: return "已发现"
        case .rectifying: return "整改中"
        case .submitted: return "已提交整改佐证"
        case .verified: return "已验收销号"
        }
    }
    public var isFinal: Bool { self == .verified }
    /// Statuses still counted as open hazards.
    public static let open: [HazardStatus] = [.found, .rectifying, .submitted]
}

/// The zone's rule for rectification deadlines (整改时限), in working days counted from the day a hazard is found
/// (that day itself never counts): a 一般 hazard within `general`, a 重大 one within `major`.
public struct RectificationRules: Codable, Sendable, Equatable {
    public var general: Int
    public var major: Int
    public init(general: Int, major: Int) { self.general = general; self.major = major }
    /// 一般 10 working days (two weeks), 重大 30 (six weeks, time for a governance plan and the work).
    public static let standard = RectificationRules(general: 10, major: 30)

    public func workdays(for level: HazardLevel) -> Int { level == .general ? general : major }

    /// The default deadline: the n-th working day after the day found.
    public func deadline(level: HazardLevel, foundOn: Day, calendar: WorkCalendar) -> Day {
        calendar.add(workdays(for: level), workdaysTo: foundOn)
    }

    /// Each between 1 and 250 working days (about a working year).
    public func validate() throws {
        guard (1...250).contains(general) else { throw ValidationError(field: "general", "一般隐患整改时限须为1到250个工作日") }
        guard (1...250).contains(major) else { throw ValidationError(field: "major", "重大隐患整改时限须为1到250个工作日") }
    }
}

/// 事故隐患: one hazard found at a firm, with the person answerable for putting it right, a deadline, and the trail of
/// its rectification. Moves only through `HazardLifecycle`.
public struct Hazard: Codable, Sendable, Equatable, Identifiable {
    public var id: Int
    /// The inspection that found it; nil when reported otherwise (a firm's self-check, a tip-off).
    public var inspectionId: Int?
    public var enterpriseId: Int
    /// The zone unit answerable for following it up (属地或行业监管单位): the addressee of a 督办 order.
    public var unitId: Int?
    public var description: String
    public var level: HazardLevel
    public var foundOn: Day
    /// 整改期限: the last day to have it verified. Fixed when recorded (the zone's rule then in force, unless given).
    public var deadline: Day
    /// 整改责任人, required.
    public var responsiblePerson: String
    public var status: HazardStatus
    /// The day rectification began (签收整改).
    public var rectifyingSince: Day?
    /// The day of the latest submission of evidence.
    public var submittedOn: Day?
    /// The day it was verified and struck off (验收销号); set only with `status == .verified`.
    public var verifiedOn: Day?
    /// Evidence files on record for the hazard (photos before and after, reports …), over every submission: each
    /// submission must bring new ones (`HazardLifecycle.Step.evidenceCount`).
    public var evidenceCount: Int
    /// 整改情况说明 of the latest submission.
    public var rectificationNote: String
    /// 验收意见, when verified.
    public var verificationNote: String
    /// Times a submission was sent back, and the last reason given.
    public var sentBackCount: Int
    public var lastSendBackReason: String
    public var version: Int

    public init(id: Int, inspectionId: Int?, enterpriseId: Int, unitId: Int? = nil, description: String, level: HazardLevel, foundOn: Day, deadline: Day,
                responsiblePerson: String, status: HazardStatus = .found, rectifyingSince: Day? = nil, submittedOn: Day? = nil, verifiedOn: Day? = nil,
                evidenceCount: Int = 0, rectificationNote: String = "", verificationNote: String = "", sentBackCount: Int = 0, lastSendBackReason: String = "",
                version: Int = 1) {
        self.id = id; self.inspectionId = inspectionId; self.enterpriseId = enterpriseId; self.unitId = unitId; self.description = description
        self.level = level; self.foundOn = foundOn; self.deadline = deadline; self.responsiblePerson = responsiblePerson; self.status = status
        self.rectifyingSince = rectifyingSince; self.submittedOn = submittedOn; self.verifiedOn = verifiedOn; self.evidenceCount = evidenceCount
        self.rectificationNote = rectificationNote; self.verificationNote = verificationNote; self.sentBackCount = sentBackCount
        self.lastSendBackReason = lastSendBackReason; self.version = version
    }

    /// Verified on or before `day` (a hazard's state on a past day, for statistics of a closed period).
    public func isVerified(by day: Day) -> Bool { status == .verified && (verifiedOn.map { $0 <= day } ?? false) }

    /// A new hazard from a draft: checked, trimmed, and given its deadline (the draft's, or the zone's rule).
    public static func recorded(id: Int, draft: HazardDraft, rules: RectificationRules, calendar: WorkCalendar, today: Day) throws -> Hazard {
        let d = try draft.validated(today: today)
        guard let level = d.level else { throw ValidationError(field: "level", "请选择隐患等级（一般或重大）") }
        return Hazard(id: id, inspectionId: d.inspectionId, enterpriseId: d.enterpriseId, unitId: d.unitId, description: d.description, level: level,
                      foundOn: d.foundOn, deadline: d.deadline ?? rules.deadline(level: level, foundOn: d.foundOn, calendar: calendar),
                      responsiblePerson: d.responsiblePerson)
    }
}

/// What a new hazard must hold.
public struct HazardDraft: Sendable, Equatable {
    public var inspectionId: Int?
    public var enterpriseId: Int
    public var unitId: Int?
    public var description: String
    public var level: HazardLevel?
    public var foundOn: Day
    /// Left nil, the zone's rule sets it (`RectificationRules`).
    public var deadline: Day?
    public var responsiblePerson: String
    public init(inspectionId: Int? = nil, enterpriseId: Int, unitId: Int? = nil, description: String, level: HazardLevel?, foundOn: Day, deadline: Day? = nil,
                responsiblePerson: String) {
        self.inspectionId = inspectionId; self.enterpriseId = enterpriseId; self.unitId = unitId; self.description = description; self.level = level
        self.foundOn = foundOn; self.deadline = deadline; self.responsiblePerson = responsiblePerson
    }

    /// Trimmed and checked: a firm, a description, a level, a day found not after `today`, a responsible person, and a
    /// deadline given by hand on or after the day found and within a year of it.
    public func validated(today: Day) throws -> HazardDraft {
        var d = self
        d.description = description.trimmingCharacters(in: .whitespacesAndNewlines)
        d.responsiblePerson = responsiblePerson.trimmingCharacters(in: .whitespacesAndNewlines)
        guard enterpriseId > 0 else { throw ValidationError(field: "enterpriseId", "请选择存在隐患的企业") }
        guard !d.description.isEmpty, d.description.count <= TextLimits.longText else {
            throw ValidationError(field: "description", "请描述隐患情况（不超过\(TextLimits.longText)字）")
        }
        guard level != nil else { throw ValidationError(field: "level", "请选择隐患等级（一般或重大）") }
        guard foundOn <= today else { throw ValidationError(field: "foundOn", "发现日期不能晚于今天") }
        guard !d.responsiblePerson.isEmpty, d.responsiblePerson.count <= TextLimits.name else {
            throw ValidationError(field: "responsiblePerson", "请填写整改责任人")
        }
        if let dl = deadline {
            guard dl >= foundOn else { throw ValidationError(field: "deadline", "整改期限不能早于发现日期\(foundOn.iso)") }
            guard foundOn.days(to: dl) <= 366 else { throw ValidationError(field: "deadline", "整改期限不能超过发现之日起一年") }
        }
        return d
    }
}

/// Where a hazard stands against its deadline, in working days of the official calendar: overdue when it is not
/// verified after the deadline day (a submission waiting to be verified does not stop the clock: the hazard is still
/// there until struck off).
public struct HazardClock: Sendable, Equatable {
    /// `OrderClock`'s states: running with working days left, due today, overdue by working days, or stopped once verified.
    public let state: ClockState
    /// For a verified hazard: whether it was verified on or before the deadline. Nil while open.
    public let verifiedOnTime: Bool?

    public init(hazard h: Hazard, today: Day, calendar: WorkCalendar) {
        if h.status == .verified, let v = h.verifiedOn {
            state = .stopped
            verifiedOnTime = v <= h.deadline
        } else {
            state = OrderClock.state(due: h.deadline, today: today, finished: false, calendar: calendar)
            verifiedOnTime = nil
        }
    }

    /// Not verified and today is after the deadline.
    public var isOverdue: Bool { if case .overdue = state { return true } else { return false } }
    /// Working days after the deadline up to and including today; 0 when not overdue.
    public var overdueWorkdays: Int { if case .overdue(let n) = state { return n } else { return 0 } }
}
