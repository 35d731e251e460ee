import Foundation

extension ScheduleInput {
    /// The schedule of a set of matrix tasks reversed from `deadline`: done tasks are left out (and
    /// links to them count as satisfied); `external` predecessors (other work points) take part fixed
    /// at their planned start. Task ids become "#id", external ones "外部#id". A task under way is
    /// scheduled for its remaining work: its duration times the share not yet done, at least one day.
    public static func forTasks(_ tasks: [TaskItem], deadline: Day, today: Day, external: [TaskItem] = []) -> ScheduleInput {
        let open = tasks.filter { $0.status != .done }
        let openIds = Set(open.map(\.id))
        let externalIds = Set(external.filter { $0.status != .done }.map(\.id))
        var input = ScheduleInput(deadline: deadline, today: today, tasks: [])
        for e in external where externalIds.contains(e.id) {
            input.tasks.append(ScheduleTask(id: "外部#\(e.id)", duration: e.kind == .milestone ? 0 : max(1, e.durationDays), start: e.plannedStart))
        }
        for t in open {
            let preds = t.predecessorIds.compactMap { p -> Dependency? in
                openIds.contains(p) ? Dependency("#\(p)") : (externalIds.contains(p) ? Dependency("外部#\(p)") : nil)
            }
            input.tasks.append(ScheduleTask(id: "#\(t.id)", duration: remaining(t), predecessors: preds))
        }
        return input
    }

    static func remaining(_ t: TaskItem) -> Int {
        guard t.kind != .milestone else { return 0 }
        let d = max(1, t.durationDays)
        return max(1, (d * (100 - min(99, t.percentDone)) + 99) / 100)
    }
}
