/// The lights of a set of tasks on one day, worked out once and looked up by task id: what the summaries, alarms and
/// tallies of one page share instead of each working them out again. A task outside the set is worked out on demand.
public struct LightBook: Sendable {
    private let byTask: [Int: Light]
    private let today: Day
    private let calendar: WorkCalendar
    private let rules: LightRules

    public init(_ tasks: [TaskItem], today: Day, calendar: WorkCalendar, rules: LightRules = .standard) {
        self.today = today; self.calendar = calendar; self.rules = rules
        byTask = Dictionary(tasks.map { ($0.id, Light.of($0, today: today, calendar: calendar, rules: rules)) }, uniquingKeysWith: { a, _ in a })
    }

    public func light(_ task: TaskItem) -> Light {
        byTask[task.id] ?? Light.of(task, today: today, calendar: calendar, rules: rules)
    }
}
