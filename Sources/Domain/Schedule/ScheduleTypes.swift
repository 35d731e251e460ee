import Foundation

// The reverse scheduler's (倒排工期) input, output and errors. The algorithm is in Scheduler.swift,
// the CLI's JSON formats in ScheduleJSON.swift.

/// What to schedule: tasks with working-day durations, finish-to-start dependencies and deadlines,
/// and optionally a deadline for the whole project and the day to schedule from.
///
/// JSON (see `fromJSON(_:)`):
/// ```json
/// {"deadline": "2026-10-09", "today": "2026-09-14",
///  "tasks": [{"id": "A", "duration": 5, "start": "2026-09-14", "deadline": "2026-09-30",
///             "predecessors": ["B", {"id": "C", "lag": 2}]}]}
/// ```
public struct ScheduleInput: Sendable, Codable, Equatable {
    /// The project deadline: every task must finish by it (moved back to a working day).
    public var deadline: Day?
    /// "Today" for the forward pass; when nil the caller's today (`Scheduler.schedule(_:today:calendar:)`) is used.
    public var today: Day?
    /// The tasks; the result lists them in this order.
    public var tasks: [ScheduleTask]

    public init(deadline: Day? = nil, today: Day? = nil, tasks: [ScheduleTask]) {
        self.deadline = deadline
        self.today = today
        self.tasks = tasks
    }
}

/// A task (duration ≥ 1 working days) or a milestone (节点, duration 0).
public struct ScheduleTask: Sendable, Codable, Equatable {
    /// Unique among the input's tasks.
    public var id: String
    /// Working days; 0 makes the task a milestone.
    public var duration: Int
    /// Requested start: the task starts no earlier (moved forward to a working day).
    public var start: Day?
    /// The task's own deadline: it should finish by it (moved back to a working day).
    public var deadline: Day?
    /// Finish-to-start links from the tasks this one waits for.
    public var predecessors: [Dependency]

    public init(id: String, duration: Int, start: Day? = nil, deadline: Day? = nil, predecessors: [Dependency] = []) {
        self.id = id
        self.duration = duration
        self.start = start
        self.deadline = deadline
        self.predecessors = predecessors
    }
}

/// A finish-to-start link to the predecessor `id`, with `lag` working days of waiting in between
/// (e.g. a public notice period). In JSON either `"B"` (lag 0) or `{"id": "C", "lag": 2}`.
public struct Dependency: Sendable, Codable, Equatable, ExpressibleByStringLiteral {
    public var id: String
    public var lag: Int

    public init(_ id: String, lag: Int = 0) {
        self.id = id
        self.lag = lag
    }

    public init(stringLiteral value: String) { self.init(value) }
}

/// One task of the result. Dates are working days. For a milestone start and finish are its day.
public struct ScheduledTask: Sendable, Equatable {
    public var id: String
    /// Forward pass: the earliest the task can start given its requested start, today and its predecessors.
    public var earliestStart: Day
    public var earliestFinish: Day
    /// Backward pass (倒排): the latest start and finish that still meet every deadline downstream;
    /// nil when nothing constrains the task (no deadline of its own, none for the project, and no
    /// successor with a latest date).
    public var latestStart: Day?
    public var latestFinish: Day?
    /// Total float in working days: from the earliest to the latest start, signed. Negative: the task
    /// cannot meet its deadline by that many working days. Nil when there are no latest dates.
    public var float: Int?
    /// The task's float is the smallest of all the floats.
    public var critical: Bool

    public init(id: String, earliestStart: Day, earliestFinish: Day, latestStart: Day?, latestFinish: Day?,
                float: Int?, critical: Bool) {
        self.id = id
        self.earliestStart = earliestStart
        self.earliestFinish = earliestFinish
        self.latestStart = latestStart
        self.latestFinish = latestFinish
        self.float = float
        self.critical = critical
    }
}

/// A task that can no longer meet a deadline: it would finish `shortBy` working days too late.
public struct Infeasibility: Sendable, Equatable {
    public var id: String
    public var shortBy: Int

    public init(id: String, shortBy: Int) {
        self.id = id
        self.shortBy = shortBy
    }
}

/// The schedule: every task in input order, the critical path and what cannot be made in time.
public struct ScheduleResult: Sendable, Equatable {
    /// Every input task, in input order.
    public var tasks: [ScheduledTask]
    /// Ids of the critical tasks in topological order (a predecessor before its successors), ties broken
    /// by earliest start, then id. In practice: by earliest start, then id, except that a milestone on
    /// its predecessor's finish day comes after that predecessor.
    public var criticalPath: [String]
    /// Tasks with negative float, in input order; `shortBy` = −float.
    public var infeasible: [Infeasibility]
    /// Years the computed dates reach for which the calendar has no State Council notice: there only
    /// weekends are known, so holidays are counted as working days and the dates may be too early.
    /// Not part of the CLI's JSON; callers show it as a warning.
    public var missingYears: [Int]

    public init(tasks: [ScheduledTask], criticalPath: [String], infeasible: [Infeasibility], missingYears: [Int] = []) {
        self.tasks = tasks
        self.criticalPath = criticalPath
        self.infeasible = infeasible
        self.missingYears = missingYears
    }
}

/// Why a set of tasks cannot be scheduled. Each case names the tasks involved; `message` is Chinese,
/// for the user, and `ids` lists the task ids for highlighting.
public enum ScheduleError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The tasks depend on each other in a circle: each is a predecessor of the next, and the last of
    /// the first (a task depending on itself: one id). Starts at the cycle's task that comes first in the input.
    case cycle([String])
    /// `task` lists a predecessor that is not among the tasks.
    case unknownPredecessor(task: String, predecessor: String)
    case negativeDuration(task: String, duration: Int)
    case negativeLag(task: String, predecessor: String, lag: Int)
    /// Two tasks have the same id.
    case duplicateId(String)
    /// The task's own deadline is before its requested start (as given, before moving either to a working day).
    case deadlineBeforeStart(task: String, start: Day, deadline: Day)
    /// A duration above `Scheduler.maxWorkdays` (a typo, and the dates would leave the calendar).
    case durationTooLong(task: String, duration: Int)
    /// A lag above `Scheduler.maxWorkdays`.
    case lagTooLong(task: String, predecessor: String, lag: Int)

    /// The task ids involved, in the order the message names them.
    public var ids: [String] {
        switch self {
        case .cycle(let ids): return ids
        case .unknownPredecessor(let task, _): return [task]
        case .negativeDuration(let task, _), .durationTooLong(let task, _): return [task]
        case .negativeLag(let task, let p, _), .lagTooLong(let task, let p, _): return [task, p]
        case .duplicateId(let id): return [id]
        case .deadlineBeforeStart(let task, _, _): return [task]
        }
    }

    public var message: String {
        switch self {
        case .cycle(let ids):
            return "前置任务存在环路：" + (ids + ids.prefix(1)).joined(separator: " → ")
        case .unknownPredecessor(let task, let p):
            return "任务 \(task) 的前置任务 \(p) 不存在"
        case .negativeDuration(let task, let d):
            return "任务 \(task) 的工期不能为负数：\(d)"
        case .negativeLag(let task, let p, let lag):
            return "任务 \(task) 与前置任务 \(p) 的间隔不能为负数：\(lag)"
        case .duplicateId(let id):
            return "任务编号重复：\(id)"
        case .deadlineBeforeStart(let task, let start, let deadline):
            return "任务 \(task) 的截止日期 \(deadline.iso) 早于开始日期 \(start.iso)"
        case .durationTooLong(let task, let d):
            return "任务 \(task) 的工期过长：\(d) 个工作日（上限 \(Scheduler.maxWorkdays)）"
        case .lagTooLong(let task, let p, let lag):
            return "任务 \(task) 与前置任务 \(p) 的间隔过长：\(lag) 个工作日（上限 \(Scheduler.maxWorkdays)）"
        }
    }

    public var description: String { message }
    public var errorDescription: String? { message }
}
