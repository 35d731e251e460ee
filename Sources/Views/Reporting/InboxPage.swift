import Domain
import Plot

/// 交账收件箱: what a unit owes this period, what is late, what was returned.
public struct InboxPage: Sendable {
    public struct Line: Sendable {
        public let task: TaskItem
        public let light: Light
        public let report: ReportSummary?
        public init(task: TaskItem, light: Light, report: ReportSummary?) { self.task = task; self.light = light; self.report = report }
    }
    /// What the inbox shows of the period's newest report.
    public struct ReportSummary: Sendable {
        public let status: String
        public let statusName: String
        public let late: Bool
        public let reason: String?
        public init(status: String, statusName: String, late: Bool, reason: String?) {
            self.status = status; self.statusName = statusName; self.late = late; self.reason = reason
        }
    }
    public var unitName: String
    public var units: [OrgUnit]
    public var selectedUnit: Int?
    public var cycleName: String
    public var period: ReportingPeriod
    public var pastDue: Bool
    public var lines: [Line]
    public var canReview: Bool
    /// Values typed into the one-screen form (kept when it comes back with an error).
    public var typed: [String: String] = [:]
    public var error: String?
    /// Open 督办单 addressed to the unit, and leaders' instructions it has still to answer.
    public var orders: [OrderLine] = []
    public var instructions: [InstructionLine] = []
    public var canAnswer = false
    /// Tasks per page, and where this page starts; `lines` holds every owed task.
    public static let pageSize = 50
    public var offset = 0
    public init(unitName: String, units: [OrgUnit], selectedUnit: Int?, cycleName: String, period: ReportingPeriod, pastDue: Bool, lines: [Line], canReview: Bool) {
        self.unitName = unitName; self.units = units; self.selectedUnit = selectedUnit; self.cycleName = cycleName; self.period = period
        self.pastDue = pastDue; self.lines = lines; self.canReview = canReview
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "交账", context: ctx, body: body(csrf: ctx.csrfToken))
    }

    /// The page without its frame. Everything in it but `csrf` is the same for every viewer with the
    /// same rights, so the app may keep it rendered (see `PageCache`).
    public func body(csrf: String) -> Node<HTML.BodyContext> {
        let ctx = PageContext(userName: nil, csrfToken: csrf)
        let owed = lines.filter { $0.report == nil || $0.report?.status == "returned" }.count
        return .group(
            .h1(.text("\(unitName)交账")),
            .p(.class("meta"), .text("交账周期：\(cycleName)。本期（\(period.key)，\(period.start.iso)至\(period.end.iso)）截止\(period.due.iso) \(period.dueHour):00\(pastDue ? "，已过截止时间" : "")。本期还需填报\(owed)项。")),
            units.isEmpty ? .empty : .form(.method(.get), .action(SiteURL.inbox.path), .class("filters"),
                .element(named: "label", nodes: [.text("单位"), UI.select("unit", options: units.map { (String($0.id), $0.name) }, selected: Set([selectedUnit.map(String.init)].compactMap { $0 }))]),
                .button(.type(.submit), .text("查看"))),
            canReview ? .p(.a(.href(SiteURL.reviews.path), .text("审核待审报告 ›"))) : .empty,
            orders.isEmpty ? .empty : .group(.h2(.text("督办单（\(orders.count)件在办）")), SupervisionUI.ordersTable(orders, empty: "")),
            instructions.isEmpty ? .empty : .group(.h2(.text("领导批示（\(instructions.count)条待答复）")),
                                                   SupervisionUI.instructions(instructions, answerable: canAnswer, csrf: ctx.csrfToken)),
            orders.isEmpty && instructions.isEmpty ? .empty : .h2("本期交账"),
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            lines.isEmpty ? .p(.class("meta"), .text("本单位本期没有需要交账的任务。")) : .form(.method(.post), .action(SiteURL.inbox.path),
                UI.csrf(ctx.csrfToken),
                .input(.type(.hidden), .name("unit"), .value(String(selectedUnit ?? 0))),
.p(.class("meta"), .text("可在下表直接填写多项任务的进度和本期进展，一次提交本页所填各项（全部成功或全部不提交）；存在问题、下步计划和佐证材料请点“填报”逐项填写。")),
                .div(.class("scroll"), .table(.class("responsive"),
                    .thead(.tr(.th("任务"), .th("时限"), .th("状态"), .th("本期交账"), .th("进度%"), .th("本期进展"), .th("操作"))),
                    .tbody(.forEach(lines.dropFirst(offset).prefix(Self.pageSize)) { l in row(l) }))),
                owed > 0 ? UI.submit("一次提交所填各项") : .empty),
            UI.pager(base: .inbox, query: [("unit", selectedUnit.map(String.init))], offset: offset, limit: Self.pageSize, total: lines.count)
        )
    }

    func row(_ l: Line) -> Node<HTML.TableContext> {
        let owes = l.report == nil || l.report?.status == "returned"
        let id = l.task.id
        return .tr(.td(.data(named: "label", value: "任务"), .a(.href(SiteURL.task(id).path), .text(l.task.title))),
                   .td(.data(named: "label", value: "时限"), .text(l.task.deadline.iso)),
                   .td(.data(named: "label", value: "状态"), UI.light(l.light)),
                   .td(.data(named: "label", value: "本期交账"), status(l)),
                   .td(.data(named: "label", value: "进度%"), owes ? UI.textInput("p_\(id)", typed["p_\(id)"] ?? String(l.task.percentDone), type: "number") : .text("\(l.task.percentDone)%")),
                   .td(.data(named: "label", value: "本期进展"), owes ? UI.textInput("g_\(id)", typed["g_\(id)"] ?? "", placeholder: "本期进展") : .text("—")),
                   .td(.data(named: "label", value: "操作"), .a(.href(SiteURL.taskReport(id).path), .text(owes ? "填报" : "查看/补报"))))
    }

    func status(_ l: Line) -> Node<HTML.BodyContext> {
        guard let r = l.report else {
            return pastDue ? .span(.class("light red"), .text("逾期未报")) : .span(.class("light not_started"), .text("待填报"))
        }
        let cls = r.status == "accepted" ? "done" : (r.status == "returned" ? "red" : "yellow")
        return .group(.span(.class("light \(cls)"), .text(r.statusName)), r.late ? .span(.class("meta"), .text(" 逾期提交")) : .empty,
                      .unwrap(r.reason.flatMap { $0.isEmpty ? nil : $0 }) { .p(.class("meta"), .text("理由：\($0)")) })
    }
}
