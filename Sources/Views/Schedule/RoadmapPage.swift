import Domain
import Plot

/// 路线图与倒排工期: a work point's tasks scheduled backwards from its deadline, with each task's
/// latest start, float, what can no longer make it, and the variance against the approved baseline.
public struct RoadmapPage: Sendable {
    public struct Line: Sendable {
        public let task: TaskItem
        public let scheduled: ScheduledTask?
        public let shortBy: Int?
        public let baseline: BaselineView?
        public init(task: TaskItem, scheduled: ScheduledTask?, shortBy: Int?, baseline: BaselineView?) {
            self.task = task; self.scheduled = scheduled; self.shortBy = shortBy; self.baseline = baseline
        }
    }
    public struct BaselineView: Sendable {
        public let start: Day
        public let deadline: Day
        /// Working days the current deadline is later (+) or earlier (−) than approved.
        public let variance: Int
        public init(start: Day, deadline: Day, variance: Int) { self.start = start; self.deadline = deadline; self.variance = variance }
    }
    public var plan: Plan
    public var workPoint: WorkPoint
    public var deadline: Day?
    public var lines: [Line]
    public var criticalPath: [String]
    public var problem: String?
    public var canEdit: Bool
    public var baselineNote: String?
    public var errors: FormErrors
    public init(plan: Plan, workPoint: WorkPoint, deadline: Day?, lines: [Line], criticalPath: [String], problem: String?, canEdit: Bool,
                baselineNote: String?, errors: FormErrors = FormErrors()) {
        self.plan = plan; self.workPoint = workPoint; self.deadline = deadline; self.lines = lines; self.criticalPath = criticalPath
        self.problem = problem; self.canEdit = canEdit; self.baselineNote = baselineNote; self.errors = errors
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "路线图：\(workPoint.title)", context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.matrix.with([("plan", String(plan.id))])), .text(plan.name))),
            .h1(.text("路线图与倒排工期：\(workPoint.title)")),
            .p(.class("meta"), .text("从工作要点的完成时限按法定工作日（含调休）倒推每项任务的最迟开始和最迟完成；已完成的任务不参与排期。总时差为负表示按现有工期已无法按期完成。")),
            .unwrap(problem) { .p(.class("errorbox"), .text($0)) },
            canEdit ? .form(.method(.post), .action(SiteURL.workPointDeadline(workPoint.id).path), .class("filters"),
                UI.csrf(ctx.csrfToken),
                .element(named: "label", nodes: [.text("工作要点完成时限"), UI.textInput("deadline", deadline?.iso ?? "", type: "date")]),
                .button(.type(.submit), .text("保存时限")),
                .unwrap(errors["deadline"]) { .p(.class("error"), .text($0)) }
            ) : .p(.text("完成时限：\(deadline?.iso ?? "未设置")")),
            lines.isEmpty ? .p(.class("meta"), .text("暂无任务")) : .div(.class("scroll"), .table(.class("responsive"),
                .thead(.tr(.th("任务"), .th("工期"), .th("计划开始"), .th("计划完成"), .th("最早开始"), .th("最迟开始"), .th("最迟完成"), .th("总时差"), .th("基线完成"), .th("偏差"))),
                .tbody(.forEach(lines) { l in row(l) }))),
            criticalPath.isEmpty ? .empty : .p(.text("关键路径：" + criticalPath.joined(separator: " → "))),
            canEdit && deadline != nil && problem == nil ? .div(.class("actions"),
                UI.postButton("按倒排结果更新计划日期", to: SiteURL.workPointScheduleApply(workPoint.id).path, csrf: ctx.csrfToken, version: nil,
                              confirm: "将把未完成任务的计划开始和完成时限改为最迟日期，确定？")) : .empty,
            .h2("基线"),
            .p(.class("meta"), .text(baselineNote ?? "尚未批准基线。批准后，计划日期的每次变更都会显示相对基线的偏差（工作日），基线本身不会被改写。")),
            canEdit ? .form(.method(.post), .action(SiteURL.workPointBaseline(workPoint.id).path), .class("filters"),
                UI.csrf(ctx.csrfToken),
                .element(named: "label", nodes: [.text("批准说明"), UI.textInput("note", "", placeholder: "例如 党工委会议审定")]),
                .button(.type(.submit), .class("primary"), .text("批准当前计划为基线"))) : .empty
        ))
    }

    func row(_ l: Line) -> Node<HTML.TableContext> {
        let t = l.task, s = l.scheduled
        func d(_ day: Day?) -> String { day?.iso ?? "—" }
        let floatText: String
        if t.status == .done { floatText = "已完成" }
        else if let f = s?.float { floatText = f < 0 ? "短\(-f)个工作日" : "\(f)个工作日" + ((s?.critical ?? false) ? "（关键）" : "") }
        else { floatText = "—" }
        let variance = l.baseline.map { $0.variance == 0 ? "0" : ($0.variance > 0 ? "+\($0.variance)" : "\($0.variance)") } ?? "—"
        return .tr(
            .td(.data(named: "label", value: "任务"), .a(.href(SiteURL.task(t.id).path), .text(t.title)), t.kind == .milestone ? .span(.class("meta"), .text("（节点）")) : .empty),
            .td(.data(named: "label", value: "工期"), .text(t.kind == .milestone ? "节点" : "\(t.durationDays)")),
            .td(.data(named: "label", value: "计划开始"), .text(t.plannedStart.iso)),
            .td(.data(named: "label", value: "计划完成"), .text(t.deadline.iso)),
            .td(.data(named: "label", value: "最早开始"), .text(t.status == .done ? "—" : d(s?.earliestStart))),
            .td(.data(named: "label", value: "最迟开始"), .text(t.status == .done ? "—" : d(s?.latestStart))),
            .td(.data(named: "label", value: "最迟完成"), .text(t.status == .done ? "—" : d(s?.latestFinish))),
            .td(.data(named: "label", value: "总时差"), l.shortBy != nil ? .span(.class("light red"), .text(floatText)) : .text(floatText)),
            .td(.data(named: "label", value: "基线完成"), .text(d(l.baseline?.deadline))),
            .td(.data(named: "label", value: "偏差"), .text(variance)))
    }
}
