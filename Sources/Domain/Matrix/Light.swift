import Foundation

/// 红黄绿灯: the status light of a task on a given day.
public enum Light: String, Codable, Sendable, CaseIterable {
    case notStarted = "not_started"
    case green, yellow, red
    case done
    case doneLate = "done_late"
    case overdue
    case suspended

    /// Its place in `allCases`, for counting in an array.
    public var position: Int {
        switch self {
        case .notStarted: return 0
        case .green: return 1
        case .yellow: return 2
        case .red: return 3
        case .done: return 4
        case .doneLate: return 5
        case .overdue: return 6
        case .suspended: return 7
        }
    }

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
    public static let yellowGap = LightRules.standard.yellowGap
    /// Red beyond this gap.
    public static let redGap = LightRules.standard.redGap
    /// A milestone still open this many working days before its date shows yellow.
    public static let milestoneWarningDays = LightRules.standard.milestoneWarningDays

    /// The light of `task` on `today`. Elapsed time is counted in working days of `calendar`,
    /// so a week of 国庆 holiday does not make every task look late. `rules` are the zone's thresholds.
    public static func of(_ task: TaskItem, today: Day, calendar: WorkCalendar, rules: LightRules = .standard) -> Light {
        let yellowGap = rules.yellowGap, redGap = rules.redGap, milestoneWarningDays = rules.milestoneWarningDays
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
        if task.percentDone == 0 && task.status == .notStarted && task.durationDays >= 1 {
            // Not started although its latest start (deadline minus its duration) has passed.
            let latestStart = calendar.add(-(task.durationDays - 1), workdaysTo: calendar.workday(onOrBefore: task.deadline))
            if today > latestStart { return .yellow }
        }
        let gap = schedule(task, today: today, calendar: calendar).expected - task.percentDone
        if gap > redGap { return .red }
        if gap > yellowGap { return .yellow }
        return .green
    }

    /// Where a task should be by `today`: working days from its start to its deadline, those elapsed, and the percent
    /// done they call for. The light compares this with the percent done; `LightReason` says it in words.
    public static func schedule(_ task: TaskItem, today: Day, calendar: WorkCalendar) -> (total: Int, elapsed: Int, expected: Int) {
        let total = max(1, calendar.workdays(from: task.plannedStart, to: task.deadline))
        let elapsed = calendar.workdays(from: task.plannedStart, to: today)
        return (total, elapsed, min(100, elapsed * 100 / total))
    }
}

/// Counts of lights and the weighted percent done of a set of tasks (a plan, a work point, a unit).
public struct ProgressSummary: Codable, Sendable, Equatable {
    public var counts: [Light: Int]
    public var total: Int
    /// Weighted by task weight; 0...100.
    public var percentDone: Double

    public init(tasks: [TaskItem], today: Day, calendar: WorkCalendar, rules: LightRules = .standard) {
        self.init(tasks: tasks) { Light.of($0, today: today, calendar: calendar, rules: rules) }
    }

    /// The same with each task's light already worked out (`light`), so a caller that needs the lights for other
    /// things too works them out once.
    public init(tasks: [TaskItem], light: (TaskItem) -> Light) {
        var tally = Tally()
        for t in tasks { tally.add(t, light(t)) }
        self = tally.summary
    }

    /// A summary built up one task at a time, so that one pass over a year's tasks fills the summaries of every plan,
    /// unit and work point at once (grouping the tasks first copied each of them once per grouping).
    public struct Tally: Sendable {
        private var byLight = [Int](repeating: 0, count: Light.allCases.count)
        private var total = 0
        private var weightSum = 0.0, doneSum = 0.0
        public init() {}

        public mutating func add(_ t: TaskItem, _ light: Light) {
            byLight[light.position] += 1
            total += 1
            let w = t.weight > 0 ? t.weight : 1
            weightSum += w
            doneSum += w * Double(t.status == .done ? 100 : t.percentDone)
        }

        public var summary: ProgressSummary {
            var counts: [Light: Int] = [:]
            for (i, n) in byLight.enumerated() where n > 0 { counts[Light.allCases[i]] = n }
            return ProgressSummary(counts: counts, total: total, percentDone: weightSum > 0 ? doneSum / weightSum : 0)
        }
    }

    init(counts: [Light: Int], total: Int, percentDone: Double) {
        self.counts = counts; self.total = total; self.percentDone = percentDone
    }

    public func count(_ light: Light) -> Int { counts[light] ?? 0 }

    /// The light a group shows: its most pressing member's (overdue, red, yellow, then the rest).
    public var worst: Light? {
        let order: [Light] = [.overdue, .red, .yellow, .doneLate, .green, .notStarted, .suspended, .done]
        return order.first { count($0) > 0 }
    }
}

/// A zone's thresholds for the lights (the office sets them; the lights page explains them).
public struct LightRules: Codable, Sendable, Equatable {
    /// Yellow when progress trails the elapsed share of working time by more than this many points.
    public var yellowGap: Int
    /// Red when it trails by more than this.
    public var redGap: Int
    /// An open milestone turns yellow this many working days before its date.
    public var milestoneWarningDays: Int

    public init(yellowGap: Int, redGap: Int, milestoneWarningDays: Int) {
        self.yellowGap = yellowGap; self.redGap = redGap; self.milestoneWarningDays = milestoneWarningDays
    }

    public static let standard = LightRules(yellowGap: 15, redGap: 35, milestoneWarningDays: 3)

    public func validate() throws {
        guard (1...99).contains(yellowGap) else { throw ValidationError(field: "yellowGap", "黄灯阈值须在1到99之间") }
        guard (yellowGap + 1...100).contains(redGap) else { throw ValidationError(field: "redGap", "红灯阈值须大于黄灯阈值且不超过100") }
        guard (0...30).contains(milestoneWarningDays) else { throw ValidationError(field: "milestoneWarningDays", "节点预警天数须在0到30之间") }
    }
}
