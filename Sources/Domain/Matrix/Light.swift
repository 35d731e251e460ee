import Foundation

/// 红黄绿灯: the status light of a task on a given day.
public enum Light: String, Codable, Sendable, CaseIterable {
    case notStarted = "not_started"
    case green, yellow, red
    case done
    case doneLate = "done_late"
    case overdue
    case suspended

    public var chineseName: String {
        switch self {
        case .notStarted: return "未开始"
        case .green: return "正常推进"
        case .yellow: return "进度滞后"
        case .red: return "严重滞后"
        case .done: return "按期完成"
        case .doneLate: return "逾期完成"
        case .overdue: return "已逾期"
        case .suspended: return "已暂停"
        }
    }

    /// Yellow when progress trails the elapsed share of working time by more than this many points.
    public static let yellowGap = 15
    /// Red beyond this gap.
    public static let redGap = 35
    /// A milestone still open this many working days before its date shows yellow.
    public static let milestoneWarningDays = 3

    /// The light of `task` on `today`. Elapsed time is counted in working days of `calendar`,
    /// so a week of 国庆 holiday does not make every task look late.
    public static func of(_ task: TaskItem, today: Day, calendar: WorkCalendar) -> Light {
        if task.status == .done {
            let finished = task.doneOn ?? task.deadline
            return finished <= task.deadline ? .done : .doneLate
        }
        if task.status == .suspended { return .suspended }
        if today > task.deadline { return .overdue }
        if task.kind == .milestone {
            // A milestone is a date, not a span: it is on track until its warning window opens.
            let warnFrom = calendar.add(-milestoneWarningDays, workdaysTo: task.deadline)
            return today >= warnFrom ? .yellow : .green
        }
        if today < task.plannedStart { return .notStarted }
        let total = max(1, calendar.workdays(from: task.plannedStart, to: task.deadline))
        let elapsed = calendar.workdays(from: task.plannedStart, to: today)
        let expected = min(100, elapsed * 100 / total)
        let gap = expected - task.percentDone
        if gap > redGap { return .red }
        if gap > yellowGap { return .yellow }
        return .green
    }
}

/// Counts of lights and the weighted percent done of a set of tasks (a plan, a work point, a unit).
public struct ProgressSummary: Codable, Sendable, Equatable {
    public var counts: [Light: Int]
    public var total: Int
    /// Weighted by task weight; 0...100.
    public var percentDone: Double

    public init(tasks: [TaskItem], today: Day, calendar: WorkCalendar) {
        var counts: [Light: Int] = [:]
        var weightSum = 0.0, doneSum = 0.0
        for t in tasks {
            counts[Light.of(t, today: today, calendar: calendar), default: 0] += 1
            let w = t.weight > 0 ? t.weight : 1
            weightSum += w
            doneSum += w * Double(t.status == .done ? 100 : t.percentDone)
        }
        self.counts = counts
        self.total = tasks.count
        self.percentDone = weightSum > 0 ? doneSum / weightSum : 0
    }

    public func count(_ light: Light) -> Int { counts[light] ?? 0 }

    /// The light a group shows: its most pressing member's (overdue, red, yellow, then the rest).
    public var worst: Light? {
        let order: [Light] = [.overdue, .red, .yellow, .doneLate, .green, .notStarted, .suspended, .done]
        return order.first { count($0) > 0 }
    }
}
