/// The lights of a set of tasks on one day, worked out once and looked up by task id: what the summaries, alarms and
/// tallies of one page share instead of each working them out again. A task outside the set is worked out on demand.
///
/// A zone's task ids are close together, so the lights are kept in an array indexed by id (a lookup is an index, where
/// a dictionary hashed the id on each of the several lookups per task a page makes); ids spread too thinly fall back
/// to a dictionary.
public struct LightBook: Sendable {
    private let firstId: Int
    private let dense: [Light?]
    private let sparse: [Int: Light]
    private let today: Day
    private let calendar: WorkCalendar
    private let rules: LightRules

    public init(_ tasks: [TaskItem], today: Day, calendar: WorkCalendar, rules: LightRules = .standard) {
        self.today = today; self.calendar = calendar; self.rules = rules
        let lo = tasks.lazy.map(\.id).min() ?? 0, hi = tasks.lazy.map(\.id).max() ?? -1
        func light(_ t: TaskItem) -> Light { Light.of(t, today: today, calendar: calendar, rules: rules) }
        if hi >= lo, hi - lo < 4 * tasks.count + 1024 {
            var dense = [Light?](repeating: nil, count: hi - lo + 1)
            for t in tasks where dense[t.id - lo] == nil { dense[t.id - lo] = light(t) }
            firstId = lo; self.dense = dense; sparse = [:]
        } else {
            firstId = 0; dense = []
            sparse = Dictionary(tasks.map { ($0.id, light($0)) }, uniquingKeysWith: { a, _ in a })
        }
    }

    public func light(_ task: TaskItem) -> Light {
        let i = task.id - firstId
        if i >= 0, i < dense.count, let l = dense[i] { return l }
        return sparse[task.id] ?? Light.of(task, today: today, calendar: calendar, rules: rules)
    }
}
