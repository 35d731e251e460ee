import Foundation

/// The figures of a set of hazards (one unit's or the zone's) over a period `from...to`, judged as things stood at the
/// end of the period (`to`: pass today for a period still running). A hazard counts as verified by a day when it was
/// struck off on or before that day; a later verification does not change a closed period's figures.
///
/// Flows, over the hazards **found in the period** (`foundOn` within `from...to`):
/// - `found`, `foundMajor`: how many were found, and how many of them were 重大;
/// - `verified`: how many of those were verified by `to`; `verifiedOnTime`: verified on or before their own deadline;
/// - `overdueFound`: how many of those were still not verified on `to` although their deadline was before `to`;
/// - 整改率 `rectificationRate` = verified ÷ found;
/// - 按期整改率 `onTimeRate` = verifiedOnTime ÷ (verified + overdueFound): hazards not yet verified and not yet due are
///   not judged, those verified late or still open past the deadline count against.
///
/// Stocks, over **every hazard found on or before `to`**, whatever the period:
/// - `openMajor` (重大隐患未销号数): 重大 hazards not verified by `to`;
/// - `overdue` (逾期未整改数): hazards, of either level, not verified by `to` whose deadline was before `to`.
///
/// A rate with nothing to count is nil (shown "—"), never 0 or 100 %.
public struct SafetyFigures: Sendable, Equatable {
    public var found = 0
    public var foundMajor = 0
    public var verified = 0
    public var verifiedOnTime = 0
    public var overdueFound = 0
    public var openMajor = 0
    public var overdue = 0
    public init() {}

    public var rectificationRate: Double? { found == 0 ? nil : Double(verified) / Double(found) }
    public var onTimeRate: Double? { verified + overdueFound == 0 ? nil : Double(verifiedOnTime) / Double(verified + overdueFound) }

    mutating func add(_ h: Hazard, from: Day, to: Day) {
        guard h.foundOn <= to else { return }
        let done = h.isVerified(by: to)
        let pastDue = !done && h.deadline < to
        if h.foundOn >= from {
            found += 1
            if h.level == .major { foundMajor += 1 }
            if done {
                verified += 1
                if let v = h.verifiedOn, v <= h.deadline { verifiedOnTime += 1 }
            } else if pastDue {
                overdueFound += 1
            }
        }
        if !done && h.level == .major { openMajor += 1 }
        if pastDue { overdue += 1 }
    }
}

/// Hazards' figures for the zone and per answerable unit (`Hazard.unitId`; hazards with none are under nil).
public struct SafetyStatistics: Sendable, Equatable {
    public var zone = SafetyFigures()
    public var byUnit: [Int?: SafetyFigures] = [:]
    public var from: Day
    public var to: Day

    /// Figures for the period `from...to`; every hazard given is considered (see `SafetyFigures` for what counts).
    public init(hazards: [Hazard], from: Day, to: Day) {
        self.from = from; self.to = to
        for h in hazards where h.foundOn <= to {
            zone.add(h, from: from, to: to)
            byUnit[h.unitId, default: SafetyFigures()].add(h, from: from, to: to)
        }
    }

    public init(hazards: [Hazard], period: ClosedRange<Day>) {
        self.init(hazards: hazards, from: period.lowerBound, to: period.upperBound)
    }
}

/// When a hazard becomes a matter for supervision (督办): it is overdue (not verified after its deadline).
/// - A 重大 hazard at once, from the first day after the deadline, whatever step it is at (the danger is still there
///   until the office strikes it off), at the level of 挂牌督办 (`EscalationLevel.listed`).
/// - A 一般 hazard after the deadline only while it is still with the unit (已发现 or 整改中): one whose evidence is
///   submitted and waits for verification is the verifier's turn, shown in the overdue figures but not ordered;
///   at the level of 督办 (`EscalationLevel.supervision`).
public enum SafetySupervision {
    /// The order's reason, or nil when the hazard needs none today.
    public static func reason(for h: Hazard, today: Day) -> String? {
        guard level(for: h, today: today) != nil else { return nil }
        let kind = h.level == .major ? "重大隐患" : "一般隐患"
        let step = h.status == .submitted ? "，整改佐证待验收" : ""
        return "\(kind)“\(h.description)”逾期未整改销号（整改期限\(h.deadline.iso)，责任人\(h.responsiblePerson)\(step)）"
    }

    /// The ladder level the matter starts at, or nil when there is no matter today.
    public static func level(for h: Hazard, today: Day) -> EscalationLevel? {
        guard h.status != .verified, today > h.deadline else { return nil }
        switch h.level {
        case .major: return .listed
        case .general: return h.status == .submitted ? nil : .supervision
        }
    }
}
