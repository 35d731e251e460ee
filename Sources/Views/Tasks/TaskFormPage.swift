import Domain
import Plot

/// Create or edit a task. Reporters see only the progress fields of their own unit's tasks.
public struct TaskFormPage: Sendable {
    /// The values shown in the form (strings as typed, so a rejected form comes back as it was sent).
    public struct Values: Sendable, Equatable {
        public var workPointId = "", kind = "task", title = "", ownerUnitId = "", coUnitIds: [String] = []
        public var responsiblePerson = "", deliverable = "", acceptanceStandard = "", weight = "1"
        public var plannedStart = "", deadline = "", durationDays = "", predecessorIds = "", percentDone = "0"
        public var status = "not_started", doneOn = "", version = ""
        public init() {}
        public init(task t: TaskItem) {
            workPointId = String(t.workPointId); kind = t.kind.rawValue; title = t.title; ownerUnitId = String(t.ownerUnitId)
            coUnitIds = t.coUnitIds.map(String.init); responsiblePerson = t.responsiblePerson; deliverable = t.deliverable
            acceptanceStandard = t.acceptanceStandard; weight = String(format: "%g", t.weight); plannedStart = t.plannedStart.iso
            deadline = t.deadline.iso; durationDays = String(t.durationDays)
            predecessorIds = t.predecessorIds.map(String.init).joined(separator: ",")
            percentDone = String(t.percentDone); status = t.status.rawValue; doneOn = t.doneOn?.iso ?? ""; version = String(t.version)
        }
    }
    public var taskId: Int?
    public var values: Values
    public var errors: FormErrors
    public var workPoints: [(WorkPoint, String)]
    public var units: [OrgUnit]
    /// Only progress fields (a unit's reporter).
    public var progressOnly: Bool
    public var conflict: Bool
    public init(taskId: Int?, values: Values, errors: FormErrors, workPoints: [(WorkPoint, String)], units: [OrgUnit], progressOnly: Bool, conflict: Bool = false) {
        self.taskId = taskId; self.values = values; self.errors = errors; self.workPoints = workPoints
        self.units = units; self.progressOnly = progressOnly; self.conflict = conflict
    }

    public func render(_ ctx: PageContext) -> String {
        let v = values
        let action = taskId.map { SiteURL.taskEdit($0).path } ?? SiteURL.taskNew.path
        let unitOptions = units.map { (String($0.id), $0.name) }
        let structural: Node<HTML.FormContext> = progressOnly ? .empty : .group(
            UI.field("所属工作要点", name: "workPointId", error: errors,
                     UI.select("workPointId", options: workPoints.map { (String($0.0.id), "\($0.1) › \($0.0.title)") }, selected: [v.workPointId], blank: "请选择")),
            UI.field("类型", name: "kind", error: errors, UI.select("kind", options: TaskItem.Kind.allCases.map { ($0.rawValue, $0.chineseName) }, selected: [v.kind])),
            UI.field("名称", name: "title", error: errors, UI.textInput("title", v.title, required: true)),
            UI.field("责任单位", name: "ownerUnitId", error: errors, UI.select("ownerUnitId", options: unitOptions, selected: [v.ownerUnitId], blank: "请选择")),
            UI.field("配合单位（可多选）", name: "coUnitIds", error: errors, UI.select("coUnitIds", options: unitOptions, selected: Set(v.coUnitIds), multiple: true)),
            UI.field("计划开始日期", name: "plannedStart", error: errors, UI.textInput("plannedStart", v.plannedStart, type: "date")),
            UI.field("完成时限", name: "deadline", error: errors, UI.textInput("deadline", v.deadline, type: "date", required: true)),
            UI.field("工期（工作日，留空则按起止日期计算）", name: "durationDays", error: errors, UI.textInput("durationDays", v.durationDays, type: "number")),
            UI.field("前置任务编号（多个以逗号分隔）", name: "predecessorIds", error: errors, UI.textInput("predecessorIds", v.predecessorIds, placeholder: "例如 12,15")),
            UI.field("成果形式", name: "deliverable", error: errors, UI.textArea("deliverable", v.deliverable)),
            UI.field("验收标准", name: "acceptanceStandard", error: errors, UI.textArea("acceptanceStandard", v.acceptanceStandard)),
            UI.field("权重", name: "weight", error: errors, UI.textInput("weight", v.weight, type: "number"))
        )
        return Layout.render(title: taskId == nil ? "新建任务" : "编辑任务", context: ctx, body: .group(
            .h1(.text(taskId == nil ? "新建任务" : (progressOnly ? "填报进度：\(v.title)" : "编辑任务"))),
            conflict ? .p(.class("errorbox"), .text("保存失败：此任务已被他人修改。下面是最新内容，请核对后重新填写并保存。")) : .empty,
            errors.isEmpty ? .empty : .p(.class("errorbox"), .text("请修改标出的内容后再保存。")),
            .form(.method(.post), .action(action), .class("edit"),
                UI.csrf(ctx.csrfToken),
                .input(.type(.hidden), .name("version"), .value(v.version)),
                structural,
                UI.field("责任人", name: "responsiblePerson", error: errors, UI.textInput("responsiblePerson", v.responsiblePerson)),
                UI.field("完成进度（%）", name: "percentDone", error: errors, UI.textInput("percentDone", v.percentDone, type: "number")),
                UI.field("状态", name: "status", error: errors, UI.select("status", options: TaskItem.Status.allCases.map { ($0.rawValue, $0.chineseName) }, selected: [v.status])),
                UI.field("完成日期（已完成时填写）", name: "doneOn", error: errors, UI.textInput("doneOn", v.doneOn, type: "date")),
                UI.submit("保存"), .text(" "),
                .a(.href(taskId.map { SiteURL.task($0).path } ?? SiteURL.matrix.path), .text("取消"))
            )
        ))
    }
}
