import Foundation

/// 提醒: what the product tells people, and when. A reminder is an event with a stable key — the same
/// event (this unit's report for this week, the day before it is due) always has the same key, so
/// it is delivered once per channel and recipient however often the job runs.
public struct Reminder: Sendable, Equatable {
    public enum Stage: String, Sendable, CaseIterable {
        /// One working day before the due day.
        case before
        /// On the due day.
        case dueToday = "today"
        /// After the due moment has passed.
        case overdue
        public var chineseName: String {
            switch self { case .before: return "即将到期"; case .dueToday: return "今日到期"; case .overdue: return "已逾期" }
        }
    }
    public var key: String
    public var unitId: Int
    public var stage: Stage
    public var title: String
    public var body: String
    public var link: String
    public init(key: String, unitId: Int, stage: Stage, title: String, body: String, link: String) {
        self.key = key; self.unitId = unitId; self.stage = stage; self.title = title; self.body = body; self.link = link
    }
}

/// Which stage, if any, a due day is at on `today` (working days on the official calendar). nil means
/// nothing to say yet (more than one working day ahead).
public enum ReminderClock {
    public static func stage(due: Day, today: Day, pastDueMoment: Bool, calendar: WorkCalendar) -> Reminder.Stage? {
        if pastDueMoment || today > due { return .overdue }
        if today == due { return .dueToday }
        // The working day before the due day (a Monday due day is reminded on the Friday before).
        let before = calendar.workday(onOrBefore: due.adding(days: -1))
        return today >= before ? .before : nil
    }
}
