import Foundation

/// Reverse scheduling (倒排工期) on the working-day calendar: a backward pass from the deadlines for
/// the latest dates, a forward pass from today for the earliest dates, total float, the critical path,
/// and the tasks that can no longer make their deadline.
///
/// ## Rules (all durations, lags and floats in working days of the `WorkCalendar`)
/// - A task of duration d ≥ 1 occupies d consecutive working days from its start S to its finish F
///   (F = S when d = 1). A milestone (节点) has d = 0 and S = F = its day.
/// - A deadline on a non-working day moves back to the working day before; a requested start (and
///   today) on a non-working day moves forward to the working day after. A weekend make-up workday
///   (调休上班) is a working day and stays.
/// - Finish-to-start with lag L ≥ 0: a task successor starts no earlier than the (1 + L)-th working
///   day after the predecessor's finish.
/// - **Milestones are instants at the end of their day.** A task "finishes at the end of F" and
///   "starts at the beginning of S", i.e. at the end of the working day before S; a milestone on M
///   is the instant "end of M" — done by the end of that day — so for it start and finish are the
///   same instant. The one FS rule "successor's start instant ≥ predecessor's finish instant + L
///   working days" then gives:
///   - task → task: S ≥ F + 1 + L (the rule above);
///   - milestone M → task: S ≥ M + 1 + L (done at the end of M, work goes on the next working day);
///   - task → milestone: M ≥ F + L, so with L = 0 **the milestone falls on its predecessor's finish
///     day** (as in MS Project). Why: a 节点 such as 完成验收 marks that the work before it is done;
///     putting it on the next working day would make every deadline-bound milestone steal a working
///     day from the task it closes (a task feeding a milestone due 2026-10-09 could then only finish
///     on 10-08);
///   - milestone → milestone: M₂ ≥ M₁ + L (the same day with L = 0).
///   Backwards the same rule reads: a predecessor's latest finish is L working days before a milestone
///   successor's latest date, and (1 + L) working days before a task successor's latest start.
/// - Backward pass: latest finish = the earliest of the task's deadline, the project deadline and what
///   each successor's latest start allows; latest start = d − 1 working days before the latest finish
///   (the same day for a milestone). Nothing constraining a task → no latest dates and no float.
/// - Forward pass: earliest start = the latest of the requested start, today and what each predecessor
///   allows; earliest finish = d − 1 working days after (the same day for a milestone).
/// - Total float = signed working-day distance from the earliest to the latest start. Critical: the
///   tasks whose float equals the smallest float (which may be negative). Infeasible: negative float.
///
/// ## How
/// Every date is turned once into a working-day index (consecutive working days have consecutive
/// indices, a non-working day has none) and back only for the output; in between everything is
/// integer arithmetic on arrays: Kahn's topological sort over compressed successor lists, one pass
/// forward in that order, one pass backward. O(tasks + dependencies); no dictionary after the id lookup.
public enum Scheduler {
    /// Upper bound for a duration or a lag (about 400 years of working days): beyond it the input is a
    /// typo and the dates would leave any calendar.
    public static let maxWorkdays = 100_000

    /// Schedules `input`. The forward pass starts at `input.today` if given, else at `today` (moved
    /// forward to a working day).
    /// - Throws: `ScheduleError` for duplicate ids, negative (or absurd) durations and lags, unknown
    ///   predecessors, a deadline before the requested start, or a dependency cycle — checked in that
    ///   order of kinds, each in input order, except that cycles are looked for last.
    public static func schedule(_ input: ScheduleInput, today: Day, calendar: WorkCalendar) throws -> ScheduleResult {
        let tasks = input.tasks
        let n = tasks.count
        let axis = WorkdayAxis(calendar: calendar, origin: calendar.workday(onOrAfter: input.today ?? today))

        // Ids and validation.
        var indexOf: [String: Int] = [:]
        indexOf.reserveCapacity(n)
        for i in 0..<n where indexOf.updateValue(i, forKey: tasks[i].id) != nil {
            throw ScheduleError.duplicateId(tasks[i].id)
        }
        var edgeCount = 0
        for t in tasks {
            if t.duration < 0 { throw ScheduleError.negativeDuration(task: t.id, duration: t.duration) }
            if t.duration > maxWorkdays { throw ScheduleError.durationTooLong(task: t.id, duration: t.duration) }
            if let s = t.start, let d = t.deadline, d < s {
                throw ScheduleError.deadlineBeforeStart(task: t.id, start: s, deadline: d)
            }
            for p in t.predecessors {
                if indexOf[p.id] == nil { throw ScheduleError.unknownPredecessor(task: t.id, predecessor: p.id) }
                if p.lag < 0 { throw ScheduleError.negativeLag(task: t.id, predecessor: p.id, lag: p.lag) }
                if p.lag > maxWorkdays { throw ScheduleError.lagTooLong(task: t.id, predecessor: p.id, lag: p.lag) }
            }
            edgeCount += t.predecessors.count
        }

        // Internally a task is two instants on the working-day axis, counted as "end of working day k":
        // start instant b = (end of the day before S) for a task, M for a milestone; finish instant
        // b + d = F. An FS link is then just b(succ) ≥ b(pred) + d(pred) + L (see the type's comment).
        var duration = [Int](repeating: 0, count: n)
        var earliest = [Int](repeating: 0, count: n)        // earliest start instant
        var deadlineBound = [Int](repeating: Int.max, count: n)  // latest finish instant from deadlines
        let projectDeadline = input.deadline.map(axis.floor) ?? Int.max
        for i in 0..<n {
            let t = tasks[i]
            let d = t.duration
            duration[i] = d
            let startDay = max(0, t.start.map(axis.ceil) ?? 0)  // today is index 0
            earliest[i] = startDay - (d > 0 ? 1 : 0)
            deadlineBound[i] = min(projectDeadline, t.deadline.map(axis.floor) ?? Int.max)
        }

        // Successors in compressed rows: succTo[succFirst[u] ..< succFirst[u + 1]].
        var edgeFrom = [Int](repeating: 0, count: edgeCount)
        var succFirst = [Int](repeating: 0, count: n + 1)
        var indegree = [Int](repeating: 0, count: n)
        do {
            var e = 0
            for i in 0..<n {
                for p in tasks[i].predecessors {
                    let u = indexOf[p.id]!
                    edgeFrom[e] = u
                    succFirst[u + 1] += 1
                    e += 1
                }
                indegree[i] = tasks[i].predecessors.count
            }
            for u in 0..<n { succFirst[u + 1] += succFirst[u] }
        }
        var succTo = [Int](repeating: 0, count: edgeCount)
        var succLag = [Int](repeating: 0, count: edgeCount)
        do {
            var fill = succFirst
            var e = 0
            for i in 0..<n {
                for p in tasks[i].predecessors {
                    let u = edgeFrom[e]
                    succTo[fill[u]] = i
                    succLag[fill[u]] = p.lag
                    fill[u] += 1
                    e += 1
                }
            }
        }
        edgeFrom = []

        // Kahn's sort and the forward pass together: a task leaves the queue with all its predecessors
        // done, so its earliest start is final and can be pushed to its successors.
        var order = [Int](repeating: 0, count: n)
        var tail = 0
        for i in 0..<n where indegree[i] == 0 { order[tail] = i; tail += 1 }
        var head = 0
        while head < tail {
            let u = order[head]
            head += 1
            let finish = earliest[u] + duration[u]
            for e in succFirst[u]..<succFirst[u + 1] {
                let v = succTo[e]
                let candidate = finish + succLag[e]
                if candidate > earliest[v] { earliest[v] = candidate }
                indegree[v] -= 1
                if indegree[v] == 0 { order[tail] = v; tail += 1 }
            }
        }
        if tail < n { throw ScheduleError.cycle(findCycle(tasks, indexOf: indexOf, indegree: indegree)) }

        // Backward pass in reverse topological order. Int.max: unconstrained.
        var latestFinish = deadlineBound
        var latestStart = [Int](repeating: Int.max, count: n)
        for k in stride(from: n - 1, through: 0, by: -1) {
            let u = order[k]
            var lf = latestFinish[u]
            for e in succFirst[u]..<succFirst[u + 1] {
                let ls = latestStart[succTo[e]]
                if ls != Int.max, ls - succLag[e] < lf { lf = ls - succLag[e] }
            }
            latestFinish[u] = lf
            if lf != Int.max { latestStart[u] = lf - duration[u] }
        }

        // Floats and the critical set.
        var minFloat = Int.max
        for i in 0..<n where latestStart[i] != Int.max {
            minFloat = min(minFloat, latestStart[i] - earliest[i])
        }

        // Back to days. A table over the indices used when that is fewer lookups than one per date.
        var lo = Int.max, hi = Int.min
        for i in 0..<n {
            let s = earliest[i] + (duration[i] > 0 ? 1 : 0)
            lo = min(lo, s)
            hi = max(hi, earliest[i] + duration[i])
            if latestStart[i] != Int.max {
                lo = min(lo, latestStart[i] + (duration[i] > 0 ? 1 : 0))
                hi = max(hi, latestFinish[i])
            }
        }
        var table: [Day] = []
        if n > 0, hi - lo < 4 * n {
            table.reserveCapacity(hi - lo + 1)
            for k in lo...hi { table.append(axis.day(k)) }
        }
        func day(_ k: Int) -> Day { table.isEmpty ? axis.day(k) : table[k - lo] }

        var result: [ScheduledTask] = []
        result.reserveCapacity(n)
        var infeasible: [Infeasibility] = []
        var critical: [Int] = []
        for i in 0..<n {
            let d = duration[i]
            let startShift = d > 0 ? 1 : 0
            var float: Int? = nil
            var ls: Day? = nil, lf: Day? = nil
            if latestStart[i] != Int.max {
                let f = latestStart[i] - earliest[i]
                float = f
                ls = day(latestStart[i] + startShift)
                lf = day(latestFinish[i])
                if f < 0 { infeasible.append(Infeasibility(id: tasks[i].id, shortBy: -f)) }
                if f == minFloat { critical.append(i) }
            }
            result.append(ScheduledTask(
                id: tasks[i].id, earliestStart: day(earliest[i] + startShift), earliestFinish: day(earliest[i] + d),
                latestStart: ls, latestFinish: lf, float: float, critical: float != nil && float == minFloat))
        }

        let path = orderCriticalPath(critical, tasks: tasks, startDay: { earliest[$0] + (duration[$0] > 0 ? 1 : 0) },
                                     succFirst: succFirst, succTo: succTo)

        let missing = n == 0 ? [] : calendar.missingYears(from: day(lo), to: day(hi))
        return ScheduleResult(tasks: result, criticalPath: path,
                              infeasible: infeasible, missingYears: missing)
    }

    /// The critical tasks in topological order, ties broken by earliest start, then id.
    ///
    /// Earliest start never decreases along a link, so sorting by (earliest start, id) is already
    /// topological except inside a group of equal earliest start. Such a group's links all end in
    /// milestones placed on their predecessor's finish day (a task always starts after its
    /// predecessors' start); any task on a path between two members shares their day and float, so is a
    /// member too. Each group is therefore ordered by Kahn's algorithm on its own links, smallest id first.
    private static func orderCriticalPath(_ critical: [Int], tasks: [ScheduleTask], startDay: (Int) -> Int,
                                          succFirst: [Int], succTo: [Int]) -> [String] {
        var sorted = critical.map { (start: startDay($0), index: $0) }
        sorted.sort { $0.start != $1.start ? $0.start < $1.start : tasks[$0.index].id < tasks[$1.index].id }
        var path: [String] = []
        path.reserveCapacity(sorted.count)
        // rank[task] = position in `sorted` + 1 while its group is being ordered, else 0.
        var rank = [Int](repeating: 0, count: tasks.count)
        var groupStart = 0
        while groupStart < sorted.count {
            var groupEnd = groupStart + 1
            while groupEnd < sorted.count, sorted[groupEnd].start == sorted[groupStart].start { groupEnd += 1 }
            if groupEnd - groupStart == 1 {
                path.append(tasks[sorted[groupStart].index].id)
            } else {
                for k in groupStart..<groupEnd { rank[sorted[k].index] = k + 1 }
                var indegree = [Int](repeating: 0, count: groupEnd - groupStart)
                for k in groupStart..<groupEnd {
                    let u = sorted[k].index
                    for e in succFirst[u]..<succFirst[u + 1] where rank[succTo[e]] > 0 {
                        indegree[rank[succTo[e]] - 1 - groupStart] += 1
                    }
                }
                // Ready members by position (= id order), smallest first.
                var ready = Heap()
                for k in groupStart..<groupEnd where indegree[k - groupStart] == 0 { ready.push(k) }
                while let k = ready.pop() {
                    let u = sorted[k].index
                    path.append(tasks[u].id)
                    for e in succFirst[u]..<succFirst[u + 1] where rank[succTo[e]] > 0 {
                        let j = rank[succTo[e]] - 1
                        indegree[j - groupStart] -= 1
                        if indegree[j - groupStart] == 0 { ready.push(j) }
                    }
                }
                for k in groupStart..<groupEnd { rank[sorted[k].index] = 0 }
            }
            groupStart = groupEnd
        }
        return path
    }

    /// A binary min-heap of Ints.
    private struct Heap {
        private var items: [Int] = []
        mutating func push(_ x: Int) {
            items.append(x)
            var i = items.count - 1
            while i > 0, items[(i - 1) / 2] > items[i] { items.swapAt(i, (i - 1) / 2); i = (i - 1) / 2 }
        }
        mutating func pop() -> Int? {
            guard let top = items.first else { return nil }
            let last = items.removeLast()
            if !items.isEmpty {
                items[0] = last
                var i = 0
                while true {
                    let l = 2 * i + 1, r = l + 1
                    var m = i
                    if l < items.count, items[l] < items[m] { m = l }
                    if r < items.count, items[r] < items[m] { m = r }
                    if m == i { break }
                    items.swapAt(i, m)
                    i = m
                }
            }
            return top
        }
    }

    /// After Kahn's sort stopped early: every task left over (indegree > 0) waits for another left-over
    /// task, so walking such predecessors from the first left-over task must come back to a task already
    /// seen. Returns that loop in dependency order, starting at its task that comes first in the input.
    private static func findCycle(_ tasks: [ScheduleTask], indexOf: [String: Int], indegree: [Int]) -> [String] {
        var position = [Int](repeating: -1, count: tasks.count)
        var path: [Int] = []
        var current = indegree.firstIndex { $0 > 0 }!
        while position[current] < 0 {
            position[current] = path.count
            path.append(current)
            current = tasks[current].predecessors.lazy.map { indexOf[$0.id]! }.first { indegree[$0] > 0 }!
        }
        // path walks from successor to predecessor; the loop is its tail from `current`.
        var loop = Array(path[position[current]...].reversed())
        let first = loop.indices.min { loop[$0] < loop[$1] }!
        loop = Array(loop[first...] + loop[..<first])
        return loop.map { tasks[$0].id }
    }
}

/// Working days numbered consecutively: index 0 is `origin` (a working day), 1 the next working day,
/// −1 the one before. Built on `WorkCalendar.workdays(from:to:)` (O(1)) and `add(_:workdaysTo:)`.
struct WorkdayAxis {
    let calendar: WorkCalendar
    let origin: Day

    /// The index of `day` if it is a working day, else of the working day before it.
    func floor(_ day: Day) -> Int {
        day >= origin ? calendar.workdays(from: origin, to: day) - 1
                      : -calendar.workdays(from: day.adding(days: 1), to: origin)
    }

    /// The index of `day` if it is a working day, else of the working day after it.
    func ceil(_ day: Day) -> Int { floor(day.adding(days: -1)) + 1 }

    /// The working day with index `k`.
    func day(_ k: Int) -> Day { calendar.add(k, workdaysTo: origin) }
}
