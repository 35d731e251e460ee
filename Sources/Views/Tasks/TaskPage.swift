import Foundation
import Domain
import Plot

/// One task: its facts, its light, and its history from the audit log.
public struct TaskPage: Sendable {
    public var task: TaskItem
    public var light: Light
    public var plan: Plan
    public var workPoint: WorkPoint
    public var predecessors: [TaskItem]
    public var history: [AuditEntry]
    public var names: Names
    public var canEdit: Bool
    public var canArchive: Bool
    /// The approved baseline's dates and the deadline's variance from it in working days (+ later).
    public var baseline: (start: Day, deadline: Day, variance: Int)?
    /// 督办单 on the task, leaders' instructions, and whether the viewer may instruct, answer, or open an order.
    public var orders: [OrderLine] = []
    public var instructions: [InstructionLine] = []
    public var canInstruct = false
    public var canAnswer = false
    public var canSupervise = false
    public init(task: TaskItem, light: Light, plan: Plan, workPoint: WorkPoint, predecessors: [TaskItem], history: [AuditEntry], names: Names, canEdit: Bool, canArchive: Bool,
                baseline: (start: Day, deadline: Day, variance: Int)? = nil) {
        self.baseline = baseline
        self.task = task; self.light = light; self.plan = plan; self.workPoint = workPoint; self.predecessors = predecessors
        self.history = history; self.names = names; self.canEdit = canEdit; self.canArchive = canArchive
    }

    /// Field names as people read them in the history.
    static let fieldNames: [String: String] = [
        "title": "名称", "kind": "类型", "ownerUnitId": "责任单位", "coUnitIds": "配合单位", "responsiblePerson": "责任人",
        "deliverable": "成果形式", "acceptanceStandard": "验收标准", "weight": "权重", "plannedStart": "计划开始",
        "deadline": "完成时限", "durationDays": "工期", "predecessorIds": "前置任务", "percentDone": "完成进度",
        "status": "状态", "doneOn": "完成日期", "archived": "已归档", "workPointId": "工作要点", "planId": "计划", "seq": "序号", "id": "编号",
    ]

    /// Fields that say nothing to a reader (ids, order, the archive flag the action already shows).
    static let hiddenFields: Set<String> = ["id", "planId", "seq", "archived", "version"]

    /// One line per changed field, with unit ids shown as names.
    func readableChanges(_ e: AuditEntry) -> [String] {
        AuditDiff.changes(before: e.before, after: e.after).filter { !Self.hiddenFields.contains($0.field) }.map { c in
            func show(_ v: String) -> String {
                if v.isEmpty || v == "[]" { return "（空）" }
                switch c.field {
                case "ownerUnitId": return Int(v).map { names.unit($0) } ?? v
                case "coUnitIds":
                    let ids = v.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                    return names.units(ids)
                case "status": return TaskItem.Status(rawValue: v)?.chineseName ?? v
                case "kind": return TaskItem.Kind(rawValue: v)?.chineseName ?? v
                default: return v
                }
            }
            return "\(Self.fieldNames[c.field] ?? c.field)：\(show(c.before)) → \(show(c.after))"
        }
    }

    public func render(_ ctx: PageContext) -> String {
        let t = task
        return Layout.render(title: t.title, context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.matrix.with([("plan", String(plan.id))])), .text(plan.name)), .text(" › \(workPoint.title)")),
            .h1(.text(t.title), .text(" "), UI.light(light)),
            t.archived ? .p(.class("warning"), .text("此任务已归档。")) : .empty,
            .div(.class("actions"),
                canEdit && !t.archived ? .a(.href(SiteURL.taskEdit(t.id).path), .text("编辑")) : .empty,
                .a(.href(SiteURL.workPointSchedule(t.workPointId).path), .text("路线图")),
                canArchive && !t.archived ? UI.postButton("归档", to: SiteURL.taskArchive(t.id).path, csrf: ctx.csrfToken, version: t.version, confirm: "确定归档此任务？") : .empty
            ),
            .dl(.class("facts"),
                .dt("类型"), .dd(.text(t.kind.chineseName)),
                .dt("责任单位"), .dd(.text(names.unit(t.ownerUnitId))),
                .dt("配合单位"), .dd(.text(names.units(t.coUnitIds))),
                .dt("责任人"), .dd(.text(t.responsiblePerson.isEmpty ? "—" : t.responsiblePerson)),
                .dt("计划开始"), .dd(.text(t.plannedStart.iso)),
                .dt("完成时限"), .dd(.text(t.deadline.iso)),
                .dt("工期"), .dd(.text(t.kind == .milestone ? "节点" : "\(t.durationDays)个工作日")),
                .dt("基线"), .dd(.text(baseline.map { b in
                    "\(b.start.iso)至\(b.deadline.iso)，" + (b.variance == 0 ? "与基线一致" : (b.variance > 0 ? "推迟\(b.variance)个工作日" : "提前\(-b.variance)个工作日"))
                } ?? "尚未批准")),
                .dt("完成进度"), .dd(UI.progressBar(Double(t.percentDone))),
                .dt("状态"), .dd(.text(t.status.chineseName + (t.doneOn.map { "（\($0.iso)完成）" } ?? ""))),
                .dt("成果形式"), .dd(.text(t.deliverable.isEmpty ? "—" : t.deliverable)),
                .dt("验收标准"), .dd(.text(t.acceptanceStandard.isEmpty ? "—" : t.acceptanceStandard)),
                .dt("权重"), .dd(.text(String(format: "%g", t.weight))),
                .dt("前置任务"), .dd(predecessors.isEmpty ? .text("—") : .group(.forEach(predecessors) { p in
                    .group(.a(.href(SiteURL.task(p.id).path), .text(p.title)), .text(" "))
                }))
            ),
            .h2("督办"),
            SupervisionUI.ordersTable(orders, empty: "此任务没有督办单"),
            canSupervise && !t.archived ? .p(.a(.href(SiteURL.orderNew.with([("task", String(t.id))])), .text("下发督办单"))) : .empty,
            .h2("领导批示"),
            SupervisionUI.instructions(instructions, answerable: canAnswer, csrf: ctx.csrfToken),
            canInstruct && !t.archived ? .form(.method(.post), .action(SiteURL.taskInstructions(t.id).path), .class("edit"),
                UI.csrf(ctx.csrfToken), UI.field("批示", name: "text", error: FormErrors(), UI.textArea("text", "")), UI.submit("批示")) : .empty,
            .h2("变更记录"),
            history.isEmpty ? .p(.class("meta"), .text("暂无记录")) :
            .div(.class("scroll"), .table(
                .thead(.tr(.th("时间"), .th("操作人"), .th("操作"), .th("变更内容"))),
                .tbody(.forEach(history) { e in
                    .tr(.td(.text(String(e.at.prefix(19)).replacingOccurrences(of: "T", with: " ") + " UTC")), .td(.text(e.username)),
                        .td(.text(e.action.chineseName)),
                        .td(e.action == .create ? .text("创建此任务") : .ul(.forEach(readableChanges(e)) { .li(.text($0)) })))
                })
            ))
        ))
    }
}
