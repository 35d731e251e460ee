import Domain
import Foundation
import Plot

/// 工作矩阵 as a tree: plan → work point → task, with filters. Without a filter the plans are
/// shown folded with their counts; choosing a plan (or any filter) lists the tasks.
public struct MatrixPage: Sendable {
    public struct Filters: Sendable, Equatable {
        public var year: Int
        public var planId: Int?
        public var unitId: Int?
        public var leaderId: Int?
        public var status: TaskItem.Status?
        public var light: Light?
        public var query: String?
        public init(year: Int, planId: Int? = nil, unitId: Int? = nil, leaderId: Int? = nil, status: TaskItem.Status? = nil, light: Light? = nil, query: String? = nil) {
            self.year = year; self.planId = planId; self.unitId = unitId; self.leaderId = leaderId
            self.status = status; self.light = light; self.query = query
        }
        public var isNarrowed: Bool { planId != nil || unitId != nil || leaderId != nil || status != nil || light != nil || !(query ?? "").isEmpty }
        public var queryItems: [(String, String?)] {
            [("year", String(year)), ("plan", planId.map(String.init)), ("unit", unitId.map(String.init)),
             ("leader", leaderId.map(String.init)), ("status", status?.rawValue), ("light", light?.rawValue), ("q", query)]
        }
    }
    public struct TaskLine: Sendable {
        public let task: TaskItem
        public let light: Light
        public init(task: TaskItem, light: Light) { self.task = task; self.light = light }
    }
    public struct WorkPointSection: Sendable {
        public let workPoint: WorkPoint
        public let lines: [TaskLine]
        public init(workPoint: WorkPoint, lines: [TaskLine]) { self.workPoint = workPoint; self.lines = lines }
    }
    public struct PlanSection: Sendable {
        public let plan: Plan
        public let progress: ProgressSummary
        public let workPoints: [WorkPointSection]
        public let expanded: Bool
        public init(plan: Plan, progress: ProgressSummary, workPoints: [WorkPointSection], expanded: Bool) {
            self.plan = plan; self.progress = progress; self.workPoints = workPoints; self.expanded = expanded
        }
    }
    public var filters: Filters
    public var years: [Int]
    public var plans: [Plan]
    public var units: [OrgUnit]
    public var leaders: [UserAccount]
    public var names: Names
    public var sections: [PlanSection]
    public var shownTasks: Int
    /// All tasks matching the filters (the page shows `pageSize` of them from `offset`).
    public var total: Int
    public var offset: Int
    public var pageSize: Int
    public var canEdit: Bool
    public init(filters: Filters, years: [Int], plans: [Plan], units: [OrgUnit], leaders: [UserAccount], names: Names,
                sections: [PlanSection], shownTasks: Int, total: Int, offset: Int, pageSize: Int, canEdit: Bool) {
        self.filters = filters; self.years = years; self.plans = plans; self.units = units; self.leaders = leaders
        self.names = names; self.sections = sections; self.shownTasks = shownTasks; self.total = total
        self.offset = offset; self.pageSize = pageSize; self.canEdit = canEdit
    }

    public func render(_ ctx: PageContext) -> String {
        Self.render(content: content(), ctx)
    }

    /// The page around already-rendered content (the content is the same for every user with the
    /// same rights, so the app may keep it; the frame carries the user, menu and CSRF token).
    public static func render(content: String, _ ctx: PageContext) -> String {
        Layout.render(title: "工作矩阵", context: ctx, body: .raw(content))
    }

    /// Everything inside the page frame: filters, actions, the tree, the pager.
    public func content() -> String {
        let body: Node<HTML.BodyContext> = .group(
            .h1("\(filters.year)年度工作矩阵"),
            filterForm(),
            .div(.class("actions"),
                canEdit ? .group(
                    .a(.href(SiteURL.planNew.path), .text("新建计划")),
                    .a(.href(SiteURL.workPointNew.with([("plan", filters.planId.map(String.init))])), .text("新建工作要点")),
                    .a(.href(SiteURL.taskNew.path), .text("新建任务")),
                    .a(.href(SiteURL.taskSheetImport.with([("year", String(filters.year))])), .text("导入任务分解表"))) : .empty,
                .a(.href(SiteURL.matrixExcel.with([("year", String(filters.year)), ("plan", filters.planId.map(String.init)), ("unit", filters.unitId.map(String.init))])),
                   .text("导出Excel"))),
            filters.isNarrowed ? .p(.class("meta"), .text(total > shownTasks ? "符合条件的任务和节点共\(total)项，本页显示第\(offset + 1)–\(offset + shownTasks)项" : "共\(total)项任务和节点"))
                : .p(.class("meta"), .text("点击计划名称展开该计划的全部任务。")),
            .div(.class("tree"), .forEach(sections) { planSection($0) }),
            UI.pager(base: .matrix, query: filters.queryItems, offset: offset, limit: pageSize, total: total)
        )
        return body.render()
    }

    func filterForm() -> Node<HTML.BodyContext> {
        .form(.method(.get), .action(SiteURL.matrix.path), .class("filters"),
            label("年度", UI.select("year", options: years.map { (String($0), "\($0)年") }, selected: [String(filters.year)])),
            label("计划", UI.select("plan", options: plans.map { (String($0.id), $0.name) }, selected: Set([filters.planId.map(String.init)].compactMap { $0 }), blank: "全部计划")),
            label("单位", UI.select("unit", options: units.map { (String($0.id), $0.name) }, selected: Set([filters.unitId.map(String.init)].compactMap { $0 }), blank: "全部单位")),
            label("分管领导", UI.select("leader", options: leaders.map { (String($0.id), $0.displayName) }, selected: Set([filters.leaderId.map(String.init)].compactMap { $0 }), blank: "全部领导")),
            label("状态", UI.select("light", options: Light.allCases.map { ($0.rawValue, $0.chineseName) }, selected: Set([filters.light?.rawValue].compactMap { $0 }), blank: "全部状态")),
            label("关键词", UI.textInput("q", filters.query ?? "")),
            .button(.type(.submit), .text("筛选")),
            .a(.href(SiteURL.matrix.path), .text("清除"))
        )
    }

    func label(_ title: String, _ control: Node<HTML.BodyContext>) -> Node<HTML.FormContext> {
        .element(named: "label", nodes: [.text(title), control])
    }

    func planSection(_ s: PlanSection) -> Node<HTML.BodyContext> {
        let summary: Node<HTML.BodyContext> = .element(named: "summary", nodes: [
            .a(.href(SiteURL.matrix.with([("year", String(filters.year)), ("plan", String(s.plan.id))])), .text("\(s.plan.seq). \(s.plan.name)")),
            UI.progressBar(s.progress.percentDone),
            .span(.class("meta"), .text("分管领导：\(names.person(s.plan.leaderId)) · 牵头：\(names.unit(s.plan.leadUnitId)) · 配合：\(names.units(s.plan.coUnitIds)) · \(s.progress.total)项")),
            .forEach([Light.red, .overdue, .yellow].filter { s.progress.count($0) > 0 }) { l in .group(UI.light(l), .text("\(s.progress.count(l))")) },
            canEdit ? .a(.href(SiteURL.planEdit(s.plan.id).path), .text("编辑")) : .empty,
        ])
        return .element(named: "details", nodes: [
            .class("plan"), s.expanded ? .attribute(named: "open", value: "open") : .empty, summary,
            .unwrap(s.plan.goal.isEmpty ? nil : s.plan.goal) { .p(.class("meta wp"), .text("目标：\($0)")) },
            .forEach(s.workPoints) { workPointSection($0, expanded: s.expanded) },
        ])
    }

    func workPointSection(_ w: WorkPointSection, expanded: Bool) -> Node<HTML.BodyContext> {
        .div(.class("wp"),
            .h3(.text("\(w.workPoint.seq). \(w.workPoint.title)"), .text(" "),
                .a(.class("meta"), .href(SiteURL.workPointSchedule(w.workPoint.id).path), .text("路线图")),
                canEdit ? .group(.text(" "), .a(.class("meta"), .href(SiteURL.workPointEdit(w.workPoint.id).path), .text("编辑")),
                                 .text(" "), .a(.class("meta"), .href(SiteURL.taskNew.with([("workPoint", String(w.workPoint.id))])), .text("添加任务"))) : .empty),
            .unwrap(w.workPoint.goal.isEmpty ? nil : w.workPoint.goal) { .p(.class("meta"), .text("目标：\($0) · 牵头：\(names.unit(w.workPoint.leadUnitId))")) },
            expanded && !w.lines.isEmpty ? .div(.class("scroll"), .raw(taskTable(w))) : .empty
        )
    }

    static let columns = ["序号", "任务 / 节点", "责任单位", "配合单位", "责任人", "开始", "时限", "工期", "进度", "状态"]

    /// The rows of a work point, written directly (see HTMLWriter): the hot part of the page.
    func taskTable(_ w: WorkPointSection) -> String {
        var h = HTMLWriter(capacity: 1_024 + w.lines.count * 900)
        h.open("table", [("class", "responsive")])
        h.open("thead"); h.open("tr")
        for c in Self.columns { h.element("th", text: c) }
        h.close("tr"); h.close("thead")
        h.open("tbody")
        for line in w.lines {
            let t = line.task
            h.open("tr")
            h.element("td", [("data-label", "序号")], text: "\(w.workPoint.seq).\(t.seq)")
            h.open("td", [("data-label", "任务")])
            h.element("a", [("href", SiteURL.task(t.id).path)], text: t.title)
            if t.kind == .milestone { h.element("span", [("class", "meta")], text: "（节点）") }
            h.close("td")
            h.element("td", [("data-label", "责任单位")], text: names.unit(t.ownerUnitId))
            h.element("td", [("data-label", "配合单位")], text: names.units(t.coUnitIds))
            h.element("td", [("data-label", "责任人")], text: t.responsiblePerson)
            h.element("td", [("data-label", "开始")], text: t.plannedStart.iso)
            h.element("td", [("data-label", "时限")], text: t.deadline.iso)
            h.element("td", [("data-label", "工期")], text: t.kind == .milestone ? "—" : "\(t.durationDays)个工作日")
            h.open("td", [("data-label", "进度")]); h.progressBar(Double(t.percentDone)); h.close("td")
            h.open("td", [("data-label", "状态")]); h.light(line.light); h.close("td")
            h.close("tr")
        }
        h.close("tbody")
        h.close("table")
        return h.html
    }

}
