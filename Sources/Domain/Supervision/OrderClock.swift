import Foundation

/// Where an order stands against its reply deadline, in working days of the official calendar.
public enum ClockState: Equatable, Sendable {
    /// Before the due day: working days after today up to and including the due day.
    case running(workdaysLeft: Int)
    case dueToday
    /// After the due day: working days after the due day up to and including today (0 on a weekend
    /// or holiday right after it, which is already late but has cost no working day).
    case overdue(workdays: Int)
    /// The order is answered, closed or cancelled: the clock no longer runs.
    case stopped
}

/// The reply deadline of a 督办单, counted in working days so a 国庆 break does not eat the unit's time.
public enum OrderClock {
    /// The n-th working day after the issue day (the issue day itself never counts, even if it is a
    /// working day; n < 1 is taken as 1). Issued Friday 2026-09-25 with 3 days: due Wed 2026-09-30.
    public static func replyDue(issuedOn: Day, workdays n: Int, calendar: WorkCalendar) -> Day {
        calendar.add(max(1, n), workdaysTo: issuedOn)
    }

    public static func state(due: Day, today: Day, finished: Bool, calendar: WorkCalendar) -> ClockState {
        if finished { return .stopped }
        if today == due { return .dueToday }
        if today < due { return .running(workdaysLeft: calendar.workdays(from: today.adding(days: 1), to: due)) }
        return .overdue(workdays: calendar.workdays(from: due.adding(days: 1), to: today))
    }
}
