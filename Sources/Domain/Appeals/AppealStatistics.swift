import Foundation

/// The figures of a set of appeals (one unit's, one category's, or the zone's), as the business-environment
/// indicators and the assessment read them:
/// - 按期率 = appeals closed with every stage on time ÷ (appeals closed + open appeals past a deadline);
/// - 办结率 = appeals closed ÷ appeals accepted (not declined);
/// - 满意率 = 满意 and 基本满意 ÷ appeals the firm rated;
/// - 平均办理时长 = mean working days from receipt to close, over the closed ones.
/// A rate with nothing to count is nil (shown "—"), never 0 or 100 %.
public struct AppealFigures: Sendable, Equatable {
    public var total = 0
    public var declined = 0
    public var open = 0
    public var closed = 0
    public var closedOnTime = 0
    public var overdueOpen = 0
    public var rated = 0
    public var satisfied = 0
    public var reopened = 0
    public var workdaysToClose = 0
    public init() {}

    public var onTimeRate: Double? { closed + overdueOpen == 0 ? nil : Double(closedOnTime) / Double(closed + overdueOpen) }
    public var resolutionRate: Double? { total - declined == 0 ? nil : Double(closed) / Double(total - declined) }
    public var satisfactionRate: Double? { rated == 0 ? nil : Double(satisfied) / Double(rated) }
    public var averageWorkdays: Double? { closed == 0 ? nil : Double(workdaysToClose) / Double(closed) }

    /// Working days after the receipt day up to and including the close day.
    public static func workdaysToClose(_ received: Day, _ closed: Day, _ calendar: WorkCalendar) -> Int {
        calendar.workdays(from: received.adding(days: 1), to: closed)
    }

    mutating func add(_ a: Appeal, clock: AppealClock, calendar: WorkCalendar) {
        total += 1
        if a.status == .declined { declined += 1; return }
        if a.reopenCount > 0 { reopened += 1 }
        if a.status == .closed, let c = a.closedOn {
            closed += 1
            if clock.onTime { closedOnTime += 1 }
            workdaysToClose += AppealFigures.workdaysToClose(a.receivedOn, c, calendar)
        } else {
            open += 1
            if clock.overdueNow != nil { overdueOpen += 1 }
        }
        if let s = a.satisfaction, a.status == .closed {
            rated += 1
            if s.countsAsSatisfied { satisfied += 1 }
        }
    }
}

/// Appeals grouped by lead unit and by category, plus the zone's whole.
public struct AppealStatistics: Sendable, Equatable {
    public var zone = AppealFigures()
    /// Keyed by lead unit id; appeals not yet assigned are under nil.
    public var byUnit: [Int?: AppealFigures] = [:]
    public var byCategory: [AppealCategory: AppealFigures] = [:]
    public init() {}

    public init(appeals: [Appeal], today: Day, calendar: WorkCalendar) {
        for a in appeals {
            let clock = AppealClock(appeal: a, today: today)
            zone.add(a, clock: clock, calendar: calendar)
            byUnit[a.leadUnitId, default: AppealFigures()].add(a, clock: clock, calendar: calendar)
            byCategory[a.category, default: AppealFigures()].add(a, clock: clock, calendar: calendar)
        }
    }
}
