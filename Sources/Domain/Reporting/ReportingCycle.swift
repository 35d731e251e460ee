import Foundation

/// A zone's reporting cycle (交账周期): how often owner units render account on their tasks and when
/// the report is due. Each open task expects one report per period from its owner unit.
///
/// The due day of a period is its nominal day (the weekday of the ISO week, or the day of the month)
/// moved back to the working day on or before it when it is not a working day on the official
/// calendar — a Friday in 国庆 makes the report due on the last working day before the break. The due
/// moment is `dueHour`:00 China time (UTC+8) of that day; a report is on time up to and including the
/// minute hh:00.
///
/// Note that moving back can take the due day out of its period (a Monday cycle whose Monday is a
/// holiday is due on the Friday before, in the previous week); that is the rule as the zones state it.
public struct ReportingCycle: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable { case weekly, monthly }

    public var kind: Kind
    /// Weekly: the due weekday, 1 = Monday … 7 = Sunday.
    public var dueWeekday: Int
    /// Monthly: the due day of the month, 1…31 (a month without that day uses its last day).
    public var dueDay: Int
    /// The due hour, China time, 0…23 (e.g. 17 for 17:00). A report is on time until hh:00 of the due day.
    public var dueHour: Int

    public init(kind: Kind, dueWeekday: Int = 5, dueDay: Int = 25, dueHour: Int = 17) {
        self.kind = kind
        self.dueWeekday = dueWeekday
        self.dueDay = dueDay
        self.dueHour = dueHour
    }

    /// Every Friday, 17:00.
    public static let weekly = ReportingCycle(kind: .weekly, dueWeekday: 5, dueHour: 17)
    /// The 25th of every month, 17:00.
    public static let monthly = ReportingCycle(kind: .monthly, dueDay: 25, dueHour: 17)

    /// Checks every field's range, whatever the kind (a stored cycle stays valid if its kind is switched).
    public func validate() throws {
        guard (1...7).contains(dueWeekday) else {
            throw ValidationError(field: "dueWeekday", "截止星期应为1（周一）至7（周日）")
        }
        guard (1...31).contains(dueDay) else {
            throw ValidationError(field: "dueDay", "截止日应为每月1日至31日")
        }
        guard (0...23).contains(dueHour) else {
            throw ValidationError(field: "dueHour", "截止时刻应为0时至23时")
        }
    }

    private static let weekdayNames = ["一", "二", "三", "四", "五", "六", "日"]

    /// E.g. "每周五17:00" / "每月25日17:00".
    public var chineseName: String {
        let time = "\(dueHour):00"
        switch kind {
        case .weekly:
            let name = (1...7).contains(dueWeekday) ? Self.weekdayNames[dueWeekday - 1] : "\(dueWeekday)"
            return "每周\(name)\(time)"
        case .monthly:
            return "每月\(dueDay)日\(time)"
        }
    }

    /// The period that contains `day`: weekly = ISO week Monday…Sunday, key "2026-W48" (ISO week-numbering
    /// year); monthly = the calendar month, key "2026-11". `due` = the nominal due day of that period, or
    /// the working day before it when it is not a working day.
    public func period(containing day: Day, calendar: WorkCalendar) -> ReportingPeriod {
        let start: Day, end: Day, nominal: Day, key: String
        switch kind {
        case .weekly:
            start = day.adding(days: 1 - day.weekday)
            end = start.adding(days: 6)
            nominal = start.adding(days: min(max(dueWeekday, 1), 7) - 1)
            // The ISO week belongs to the year of its Thursday.
            let thursday = start.adding(days: 3)
            let week = (thursday.ordinal - Day.firstOfYear(thursday.year).ordinal) / 7 + 1
            key = Self.pad(thursday.year, 4) + "-W" + Self.pad(week, 2)
        case .monthly:
            let last = Day.daysIn(month: day.month, year: day.year)
            start = Day(year: day.year, month: day.month, day: 1)!
            end = Day(year: day.year, month: day.month, day: last)!
            nominal = Day(year: day.year, month: day.month, day: min(max(dueDay, 1), last))!
            key = Self.pad(day.year, 4) + "-" + Self.pad(day.month, 2)
        }
        return ReportingPeriod(key: key, start: start, end: end,
                               due: calendar.workday(onOrBefore: nominal), dueHour: dueHour)
    }

    /// Every period overlapping from…to, in order (empty when to < from).
    public func periods(from: Day, to: Day, calendar: WorkCalendar) -> [ReportingPeriod] {
        guard from <= to else { return [] }
        var result: [ReportingPeriod] = []
        var p = period(containing: from, calendar: calendar)
        while true {
            result.append(p)
            if p.end >= to { break }
            p = period(containing: p.end.adding(days: 1), calendar: calendar)
        }
        return result
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// One period of a reporting cycle: the days it covers and when its report is due.
public struct ReportingPeriod: Codable, Sendable, Equatable, Hashable {
    /// "2026-W48" (ISO week) or "2026-11" (month); unique within a cycle kind.
    public var key: String
    public var start: Day
    public var end: Day
    /// The working day the report is due (already moved back off holidays and weekends).
    public var due: Day
    /// The due hour, China time.
    public var dueHour: Int

    public init(key: String, start: Day, end: Day, due: Day, dueHour: Int) {
        self.key = key
        self.start = start
        self.end = end
        self.due = due
        self.dueHour = dueHour
    }

    /// Minutes since 1970-01-01 00:00 China time of the due moment.
    private var dueMinute: Int { due.ordinal * 1440 + dueHour * 60 }

    /// Late if submitted after due at dueHour:00 China time. `minute` = minutes since China midnight of
    /// `day`. The minute hh:00 itself is on time; hh:01 is late.
    public func isLate(submittedOn day: Day, minute: Int) -> Bool {
        day.ordinal * 1440 + minute > dueMinute
    }

    /// The same for an instant (converted to China time, UTC+8), at minute precision like the form
    /// above: 17:00:59 is still the minute 17:00, so on time; 17:01:00 is late.
    public func isLate(at instant: Date) -> Bool {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + 8 * 3600
        let minute = seconds >= 0 ? seconds / 60 : (seconds - 59) / 60
        return minute > dueMinute
    }

    /// The due instant as a UTC Date (due day at dueHour:00 China time).
    public var dueInstant: Date {
        Date(timeIntervalSince1970: TimeInterval(dueMinute * 60 - 8 * 3600))
    }
}

extension TaskItem {
    /// Whether the task owes a report for `period`: it has started by the period's end and was not already finished
    /// before the period began (a task done without a recorded day counts as done on its deadline). One rule for the
    /// period's 交账情况, the bulletin, the assessment's 交账及时率 and the demo history.
    public func owesReport(for period: ReportingPeriod) -> Bool {
        plannedStart <= period.end && !(status == .done && (doneOn ?? deadline) < period.start)
    }
}
