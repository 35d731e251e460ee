import Foundation

/// The zone's deadlines for one category, in working days counted from the day the appeal was received
/// (the receipt day itself never counts): assign within `assign`, answer within `answer`, resolve (办结) within `resolve`.
public struct AppealDeadline: Codable, Sendable, Equatable {
    public var assign: Int
    public var answer: Int
    public var resolve: Int
    public init(assign: Int, answer: Int, resolve: Int) { self.assign = assign; self.answer = answer; self.resolve = resolve }
    public static let standard = AppealDeadline(assign: 1, answer: 5, resolve: 15)
}

/// Deadlines per category, as the zone sets them; a category not set uses `AppealDeadline.standard`.
public struct AppealDeadlines: Codable, Sendable, Equatable {
    public var byCategory: [AppealCategory: AppealDeadline]
    public init(byCategory: [AppealCategory: AppealDeadline] = [:]) { self.byCategory = byCategory }
    public subscript(_ c: AppealCategory) -> AppealDeadline { byCategory[c] ?? .standard }

    /// Each between 1 and 120 working days, and in order: assign ≤ answer ≤ resolve.
    public func validate() throws {
        for c in AppealCategory.allCases {
            let d = self[c]
            for (n, f) in [(d.assign, "assign"), (d.answer, "answer"), (d.resolve, "resolve")] where !(1...120).contains(n) {
                throw ValidationError(field: "\(c.rawValue).\(f)", "“\(c.chineseName)”的时限须为1到120个工作日")
            }
            guard d.assign <= d.answer, d.answer <= d.resolve else {
                throw ValidationError(field: "\(c.rawValue).answer", "“\(c.chineseName)”的时限应满足 分派 ≤ 答复 ≤ 办结")
            }
        }
    }
}

/// The stages an appeal runs against the clock.
public enum AppealStage: String, Codable, Sendable, CaseIterable {
    case assign, answer, resolve
    public var chineseName: String {
        switch self { case .assign: return "分派"; case .answer: return "答复"; case .resolve: return "办结" }
    }
}

/// An appeal's due days, fixed when it is received under the deadlines then in force (a later change of the zone's
/// deadlines does not move the goalposts of appeals already running).
public struct AppealDue: Codable, Sendable, Equatable {
    public var assign: Day
    public var answer: Day
    public var resolve: Day
    public init(assign: Day, answer: Day, resolve: Day) { self.assign = assign; self.answer = answer; self.resolve = resolve }
    /// The n-th working day after the receipt day for each stage.
    public init(receivedOn: Day, deadline d: AppealDeadline, calendar: WorkCalendar) {
        assign = calendar.add(d.assign, workdaysTo: receivedOn)
        answer = calendar.add(d.answer, workdaysTo: receivedOn)
        resolve = calendar.add(d.resolve, workdaysTo: receivedOn)
    }
    public subscript(_ s: AppealStage) -> Day {
        switch s { case .assign: return assign; case .answer: return answer; case .resolve: return resolve }
    }
}

/// Where an appeal stands against its due days.
public struct AppealClock: Sendable, Equatable {
    /// The stages not done by their due day (done late, or still not done after it).
    public let late: [AppealStage]
    /// The latest stage still not done whose due day has passed (办结 before 答复 before 分派).
    public let overdueNow: AppealStage?
    /// The next due day of an open appeal.
    public let nextDue: Day?

    public init(appeal a: Appeal, today: Day) {
        let doneOn: [AppealStage: Day?] = [.assign: a.assignedOn, .answer: a.answeredOn, .resolve: a.closedOn]
        var late: [AppealStage] = []
        var overdue: AppealStage?
        var next: Day?
        if a.status != .declined {
            for s in AppealStage.allCases {
                let dueDay = a.due[s]
                if let done = doneOn[s] ?? nil {
                    if done > dueDay { late.append(s) }
                } else if today > dueDay {
                    late.append(s); overdue = s
                } else if next == nil {
                    next = dueDay
                }
            }
        }
        self.late = late
        self.overdueNow = overdue
        self.nextDue = a.status.isFinal ? nil : next
    }

    /// On time: every stage done by its due day (a declined appeal is judged on nothing).
    public var onTime: Bool { late.isEmpty }
}
