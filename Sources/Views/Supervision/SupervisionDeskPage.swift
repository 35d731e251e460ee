import Domain
import Plot

/// 督办台: what lags (the lag list), what the rules propose, and every open order with its clock.
public struct SupervisionDeskPage: Sendable {
    /// A lagging task: its light, its missed reports, its open order if any.
    public struct Lag: Sendable {
        public let task: TaskItem
        public let unitName: String
        public let light: Light
        public let missedPeriods: Int
        public let openOrderId: Int?
        public init(task: TaskItem, unitName: String, light: Light, missedPeriods: Int, openOrderId: Int?) {
            self.task = task; self.unitName = unitName; self.light = light; self.missedPeriods = missedPeriods; self.openOrderId = openOrderId
        }
    }
    /// The lagging tasks listed (the most pressing `lagRows`), and how many lag in all.
    public var lags: [Lag]
    public var lagCount: Int
    public var proposals: [(taskId: Int, reason: String)]
    public var open: [OrderLine]
    public var closed: [OrderLine]
    public var instructionsOpen: [InstructionLine]
    public var canAct: Bool
    public var rulesText: String
    /// The lag list shows the most pressing this many (and the open orders the newest this many); the counts are of the whole.
    public static let lagRows = 100
    public init(lags: [Lag], lagCount: Int, proposals: [(taskId: Int, reason: String)], open: [OrderLine], closed: [OrderLine], instructionsOpen: [InstructionLine],
                canAct: Bool, rulesText: String) {
        self.lags = lags; self.lagCount = lagCount; self.proposals = proposals; self.open = open; self.closed = closed; self.instructionsOpen = instructionsOpen
        self.canAct = canAct; self.rulesText = rulesText
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "督办", context: ctx, body: body(csrf: ctx.csrfToken))
    }

    /// The page without its frame (the same for every viewer with the same rights but for `csrf`).
    public func body(csrf: String) -> Node<HTML.BodyContext> {
        let ctx = PageContext(userName: nil, csrfToken: csrf)
        let overdue = open.filter { if case .overdue = $0.clock { return $0.status != .proposed } else { return false } }.count
        return .group(
            .h1("督办台"),
            .p(.class("meta"), .text("在办督办单\(open.count)件，其中超期\(overdue)件；滞后任务\(lagCount)项；待答复领导批示\(instructionsOpen.count)条。时限均按法定工作日（含调休）计算。")),
            canAct ? .p(.a(.href(SiteURL.orderNew.path), .text("下发督办单")), .text(" · "), .a(.href(SiteURL.supervisionSettings.path), .text("督办规则与升级梯度"))) : .empty,
            .h2("系统建议督办（\(proposals.count)项）"),
            .p(.class("meta"), .text(rulesText)),
            canAct && !proposals.isEmpty ? .form(.method(.post), .action(SiteURL.supervisionPropose.path), UI.csrf(ctx.csrfToken),
                .p(.text("以下任务符合自动督办规则："), .text(proposals.prefix(20).map { "#\($0.taskId) \($0.reason)" }.joined(separator: "；") + (proposals.count > 20 ? "……" : ""))),
                UI.submit("生成\(proposals.count)份待下发督办单")) : .empty,
            .h2("在办督办单"),
            open.count > Self.lagRows ? .p(.class("meta"), .text("共\(open.count)件，列出最新的\(Self.lagRows)件；全部督办单见任务页或 /api/v1/orders。")) : .empty,
            SupervisionUI.ordersTable(Array(open.prefix(Self.lagRows)), empty: "没有在办的督办单"),
.h2("滞后任务（红灯、逾期、黄灯、未交账）"),
            lagCount > lags.count ? .p(.class("meta"), .text("共\(lagCount)项，按紧要程度列出前\(lags.count)项。")) : .empty,
            lags.isEmpty ? .p(.class("meta"), .text("没有滞后任务")) : .div(.class("scroll"), .table(.class("responsive"),
                .thead(.tr(.th("任务"), .th("责任单位"), .th("时限"), .th("进度"), .th("状态"), .th("连续未交账"), .th("督办"))),
                .tbody(.forEach(lags) { l in
                    .tr(.td(.data(named: "label", value: "任务"), .a(.href(SiteURL.task(l.task.id).path), .text(l.task.title))),
                        .td(.data(named: "label", value: "责任单位"), .text(l.unitName)),
                        .td(.data(named: "label", value: "时限"), .text(l.task.deadline.iso)),
                        .td(.data(named: "label", value: "进度"), .text("\(l.task.percentDone)%")),
                        .td(.data(named: "label", value: "状态"), UI.light(l.light)),
                        .td(.data(named: "label", value: "连续未交账"), .text(l.missedPeriods > 0 ? "\(l.missedPeriods)期" : "—")),
                        .td(.data(named: "label", value: "督办"), l.openOrderId.map { .a(.href(SiteURL.order($0).path), .text("督字第\($0)号")) }
                            ?? (canAct ? .a(.href(SiteURL.orderNew.with([("task", String(l.task.id))])), .text("督办")) : .text("—"))))
                }))),
            .h2("待答复的领导批示"),
            SupervisionUI.instructions(instructionsOpen, answerable: false, csrf: ctx.csrfToken),
            .h2("近期办结、撤销"),
            SupervisionUI.ordersTable(closed, empty: "暂无")
        )
    }
}
