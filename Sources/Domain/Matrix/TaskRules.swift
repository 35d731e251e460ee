import Foundation

/// What a user submits to create or change a task. Every field optional so one type serves
/// forms and JSON; `validated` fills defaults and applies the rules.
public struct TaskDraft: Codable, Sendable, Equatable {
    public var workPointId: Int?
    public var kind: TaskItem.Kind?
    public var title: String?
    public var ownerUnitId: Int?
    public var coUnitIds: [Int]?
    public var responsiblePerson: String?
    public var deliverable: String?
    public var acceptanceStandard: String?
    public var weight: Double?
    public var plannedStart: Day?
    public var deadline: Day?
    public var durationDays: Int?
    public var predecessorIds: [Int]?
    public var percentDone: Int?
    public var status: TaskItem.Status?
    public var doneOn: Day?
    public init() {}

    /// The fields a unit reporter may change on its own unit's task.
    public static let reporterFields: Set<String> = ["percentDone", "status", "doneOn", "responsiblePerson"]

    /// Names of the fields this draft sets.
    public var setFields: Set<String> {
        var s = Set<String>()
        if workPointId != nil { s.insert("workPointId") }
        if kind != nil { s.insert("kind") }
        if title != nil { s.insert("title") }
        if ownerUnitId != nil { s.insert("ownerUnitId") }
        if coUnitIds != nil { s.insert("coUnitIds") }
        if responsiblePerson != nil { s.insert("responsiblePerson") }
        if deliverable != nil { s.insert("deliverable") }
        if acceptanceStandard != nil { s.insert("acceptanceStandard") }
        if weight != nil { s.insert("weight") }
        if plannedStart != nil { s.insert("plannedStart") }
        if deadline != nil { s.insert("deadline") }
        if durationDays != nil { s.insert("durationDays") }
        if predecessorIds != nil { s.insert("predecessorIds") }
        if percentDone != nil { s.insert("percentDone") }
        if status != nil { s.insert("status") }
        if doneOn != nil { s.insert("doneOn") }
        return s
    }
}

public enum TextLimits {
    public static let title = 200
    public static let name = 100
    public static let longText = 2000
}

public enum TaskRules {
    /// Applies `draft` on top of `base` (nil when creating) and checks every rule that needs
    /// no database. `planId` of the result is left as in base (0 when creating): the caller sets it
    /// from the work point. Throws the first broken rule.
    public static func apply(_ draft: TaskDraft, to base: TaskItem?, today: Day, calendar: WorkCalendar) throws -> TaskItem {
        func required<T>(_ v: T?, _ field: String, _ msg: String) throws -> T {
            guard let v else { throw ValidationError(field: field, msg) }
            return v
        }
        let kind = draft.kind ?? base?.kind ?? .task
        let title = (draft.title ?? base?.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw ValidationError(field: "title", "任务名称不能为空") }
        guard title.count <= TextLimits.title else {
            throw ValidationError(field: "title", "任务名称不能超过\(TextLimits.title)个字")
        }
        let workPointId = try required(draft.workPointId ?? base?.workPointId, "workPointId", "请选择所属工作要点")
        let owner = try required(draft.ownerUnitId ?? base?.ownerUnitId, "ownerUnitId", "请选择责任单位")
        var coUnits = draft.coUnitIds ?? base?.coUnitIds ?? []
        var seenUnits: Set<Int> = [owner]
        coUnits = coUnits.filter { seenUnits.insert($0).inserted }
        let person = (draft.responsiblePerson ?? base?.responsiblePerson ?? "").trimmingCharacters(in: .whitespaces)
        guard person.count <= TextLimits.name else {
            throw ValidationError(field: "responsiblePerson", "责任人不能超过\(TextLimits.name)个字")
        }
        let deliverable = draft.deliverable ?? base?.deliverable ?? ""
        guard deliverable.count <= TextLimits.longText else {
            throw ValidationError(field: "deliverable", "成果形式不能超过\(TextLimits.longText)个字")
        }
        let acceptance = draft.acceptanceStandard ?? base?.acceptanceStandard ?? ""
        guard acceptance.count <= TextLimits.longText else {
            throw ValidationError(field: "acceptanceStandard", "验收标准不能超过\(TextLimits.longText)个字")
        }
        let weight = draft.weight ?? base?.weight ?? 1
        guard weight.isFinite, weight >= 0, weight <= 100 else {
            throw ValidationError(field: "weight", "权重须在0到100之间")
        }
        let deadline = try required(draft.deadline ?? base?.deadline, "deadline", "请填写完成时限")
        var start = draft.plannedStart ?? base?.plannedStart ?? (kind == .milestone ? deadline : today)
        var duration: Int
        if kind == .milestone {
            if let s = draft.plannedStart, s != deadline {
                throw ValidationError(field: "plannedStart", "节点的开始日期须与完成时限相同")
            }
            start = deadline
            duration = 0
        } else {
            guard start <= deadline else {
                throw ValidationError(field: "deadline", "完成时限不能早于计划开始日期")
            }
            let available = calendar.workdays(from: start, to: deadline)
            if let d = draft.durationDays {
                guard d >= 1 else { throw ValidationError(field: "durationDays", "任务工期至少为1个工作日") }
                guard d <= max(available, 1) else {
                    throw ValidationError(field: "durationDays", "工期\(d)个工作日超出开始至时限之间的\(available)个工作日")
                }
                duration = d
            } else if draft.plannedStart != nil || draft.deadline != nil || base == nil || base?.kind == .milestone {
                duration = max(1, available)
            } else {
                duration = base?.durationDays ?? max(1, available)
            }
        }
        var percent = draft.percentDone ?? base?.percentDone ?? 0
        guard (0...100).contains(percent) else {
            throw ValidationError(field: "percentDone", "完成进度须在0到100之间")
        }
        var status = draft.status ?? base?.status ?? (percent > 0 ? .inProgress : .notStarted)
        var doneOn = draft.doneOn ?? base?.doneOn
        // Keep status, percent and done date consistent whichever of them the user changed.
        if draft.status == .done || (draft.percentDone == 100 && draft.status != .suspended) {
            status = .done; percent = 100
            doneOn = draft.doneOn ?? doneOn ?? today
        } else if status == .done && draft.percentDone != nil && percent < 100 {
            status = .inProgress; doneOn = nil
        } else if status != .done {
            doneOn = nil
            if status == .notStarted && percent > 0 { status = .inProgress }
        }
        if let d = doneOn, d > today {
            throw ValidationError(field: "doneOn", "完成日期不能晚于今天")
        }
        let predecessors = draft.predecessorIds ?? base?.predecessorIds ?? []
        if let id = base?.id, predecessors.contains(id) {
            throw ValidationError(field: "predecessorIds", "任务不能以自身为前置任务")
        }
        return TaskItem(
            id: base?.id ?? 0, planId: base?.planId ?? 0, workPointId: workPointId, seq: base?.seq ?? 0,
            kind: kind, title: title, ownerUnitId: owner, coUnitIds: coUnits, responsiblePerson: person,
            deliverable: deliverable, acceptanceStandard: acceptance, weight: weight, plannedStart: start,
            deadline: deadline, durationDays: duration, predecessorIds: Array(Set(predecessors)).sorted(),
            percentDone: percent, status: status, doneOn: doneOn,
            archived: base?.archived ?? false, version: base?.version ?? 1)
    }
}

/// Finish-to-start links between tasks; guards against cycles.
public enum DependencyGraph {
    /// If making `task` depend on `predecessors` closes a cycle in `edges` (predecessor → successor),
    /// returns the ids along that cycle, starting and ending at `task`; nil if none.
    public static func cycle(adding predecessors: [Int], to task: Int, edges: [(Int, Int)]) -> [Int]? {
        var successors: [Int: [Int]] = [:]
        for (p, s) in edges where s != task { successors[p, default: []].append(s) }
        for p in predecessors { successors[p, default: []].append(task) }
        // DFS from task: a path back to task is a cycle.
        var stack: [(Int, [Int])] = [(task, [task])]
        var seen: Set<Int> = []
        while let (node, path) = stack.popLast() {
            for next in successors[node] ?? [] {
                if next == task { return path + [task] }
                if seen.insert(next).inserted { stack.append((next, path + [next])) }
            }
        }
        return nil
    }

    /// A cycle anywhere in a graph (`successors`: node → the nodes that depend on it), searched from `starts` in
    /// order: the nodes along it, first node repeated at the end; nil if there is none. Depth-first with colours,
    /// without recursion, so a long chain cannot overflow the stack.
    public static func anyCycle<Node: Hashable>(successors: [Node: [Node]], from starts: [Node]) -> [Node]? {
        var colour: [Node: Bool] = [:]   // true: on the current path; false: done
        for start in starts where colour[start] == nil {
            var stack: [(node: Node, next: Int)] = [(start, 0)]
            var path: [Node] = [start]
            colour[start] = true
            while let (node, next) = stack.last {
                let succ = successors[node] ?? []
                guard next < succ.count else {
                    colour[node] = false; stack.removeLast(); path.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let s = succ[next]
                switch colour[s] {
                case true?: return Array(path[(path.firstIndex(of: s) ?? 0)...]) + [s]
                case nil: colour[s] = true; stack.append((s, 0)); path.append(s)
                case false?: break
                }
            }
        }
        return nil
    }
}
