import Domain
import Foundation
import Plot

/// 领导驾驶舱: a leader's plans — their lights, what is red and why, the orders open, the indicators off their
/// trajectory, the units behind — each figure a link to its detail.
public struct CockpitPage: Sendable {
    public struct OrderLine: Sendable {
        public let id: Int; public let unit: String; public let task: String; public let status: String; public let replyDue: String; public let overdue: Bool
        public init(id: Int, unit: String, task: String, status: String, replyDue: String, overdue: Bool) {
            self.id = id; self.unit = unit; self.task = task; self.status = status; self.replyDue = replyDue; self.overdue = overdue
        }
    }
    public struct IndicatorLine: Sendable {
        public let id: Int; public let name: String; public let owner: String; public let period: String; public let target: String; public let actual: String; public let light: Light
        public init(id: Int, name: String, owner: String, period: String, target: String, actual: String, light: Light) {
            self.id = id; self.name = name; self.owner = owner; self.period = period; self.target = target; self.actual = actual; self.light = light
        }
    }

    public var year: Int
    public var today: Day
    /// Whose cockpit: the leader's name, or nil for the whole zone.
    public var leaderName: String?
    public var leaderId: Int?
    /// Leaders to choose from (office and observers), id and name.
    public var leaders: [(Int, String)]
    public var cockpit: Cockpit
    public var names: Names
    /// The titles of the tasks listed (the cockpit reads tasks without their texts).
    public var titles: [Int: String] = [:]
    public var orders: [OrderLine]
    public var indicators: [IndicatorLine]
    public var canOrder: Bool
    public static let shownAlarms = 50

    public init(year: Int, today: Day, leaderName: String?, leaderId: Int?, leaders: [(Int, String)], cockpit: Cockpit, names: Names,
                orders: [OrderLine], indicators: [IndicatorLine], canOrder: Bool) {
        self.year = year; self.today = today; self.leaderName = leaderName; self.leaderId = leaderId; self.leaders = leaders
        self.cockpit = cockpit; self.names = names; self.orders = orders; self.indicators = indicators; self.canOrder = canOrder
    }

    /// The matrix narrowed to this cockpit's plans, plus `extra`.
    func matrix(_ extra: [(String, String?)]) -> String {
        SiteURL.matrix.with([("year", String(year)), ("leader", leaderId.map(String.init))] + extra)
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "领导驾驶舱", context: ctx, body: body)
    }

    public var body: Node<HTML.BodyContext> {
        .group(header(), kpis(), charts(), alarmsSection(), ordersSection(), indicatorsSection(), unitsSection())
    }

    func header() -> Node<HTML.BodyContext> {
        let select = UI.select("leader", options: leaders.map { (String($0.0), $0.1) }, selected: [leaderId.map(String.init) ?? ""], blank: "全区")
        let chooser: Node<HTML.BodyContext> = leaders.isEmpty ? .empty : .form(.method(.get), .action(SiteURL.cockpit.path), .class("filters"),
            .element(named: "label", nodes: [.text("查看"), select]), .button(.type(.submit), .text("查看")))
        return .group(
            .h1(.text("领导驾驶舱 · \(leaderName ?? "全区")")),
            .p(.class("meta"), .text("\(year)年度，截至\(today.iso)。\(leaderName == nil ? "全区全部计划" : "分管的\(cockpit.plans.count)个计划")；点击任一数字查看明细。"),
               .text("　"), .a(.href(SiteURL.wall.path), .text("大屏模式"))),
            chooser)
    }

    func kpis() -> Node<HTML.BodyContext> {
        let c = cockpit
        let overdue = c.total.count(.overdue), red = c.total.count(.red)
        let items: [Node<HTML.BodyContext>] = [
            kpi(leaderId == nil ? "计划" : "分管计划", "\(c.plans.count)", matrix([])),
            kpi("任务", "\(c.total.total)", matrix([])),
            kpi("完成率", String(format: "%.1f%%", c.total.percentDone), matrix([])),
            kpi("按期率", String(format: "%.1f%%", c.onTimeRate * 100), matrix([("light", Light.overdue.rawValue)])),
            kpi("已逾期", "\(overdue)", matrix([("light", Light.overdue.rawValue)]), alarm: overdue > 0),
            kpi("严重滞后", "\(red)", matrix([("light", Light.red.rawValue)]), alarm: red > 0),
            kpi("在办督办单", "\(c.openOrders)", SiteURL.supervision.path, alarm: c.openOrders > 0),
            kpi("指标偏离", "\(indicators.count)", SiteURL.indicators.with([("year", String(year))]), alarm: !indicators.isEmpty),
        ]
        return .div(.class("kpis"), .group(items))
    }

    func charts() -> Node<HTML.BodyContext> {
        let ring = CockpitCharts.ring(cockpit.total) { matrix([("light", $0.rawValue)]) }
        let bars = CockpitCharts.planBars(cockpit.plans) { SiteURL.matrix.with([("year", String(year)), ("plan", String($0.id))]) }
        return .div(.class("cockpit-charts"),
                    .div(.class("card"), .h3("红黄绿灯"), .raw(ring)),
                    .div(.class("card"), .h3("各计划进度"), .raw(bars)))
    }

    func alarmRow(_ a: Cockpit.Alarm) -> Node<HTML.TableContext> {
        let order: Node<HTML.BodyContext>
        if let id = a.openOrderId { order = .a(.href(SiteURL.order(id).path), .text("督字第\(id)号")) }
        else if canOrder { order = .a(.href(SiteURL.orderNew.with([("task", String(a.task.id))])), .text("发督办单")) }
        else { order = .text("—") }
        return .tr(.td(UI.light(a.light)),
                   .td(.a(.href(SiteURL.task(a.task.id).path), .text(titles[a.task.id] ?? a.task.title))),
                   .td(.a(.href(matrix([("unit", String(a.task.ownerUnitId))])), .text(names.unit(a.task.ownerUnitId)))),
                   .td(.text(a.reason)),
                   .td(order))
    }

    func alarmsSection() -> Node<HTML.BodyContext> {
        let alarms = cockpit.alarms
        let table: Node<HTML.BodyContext> = alarms.isEmpty ? .p(.class("notice"), .text("没有逾期或严重滞后的任务。")) : .div(.class("scroll"), .table(
            .thead(.tr(.th("灯"), .th("任务"), .th("责任单位"), .th("原因"), .th("督办"))),
            .tbody(.forEach(Array(alarms.prefix(Self.shownAlarms))) { alarmRow($0) })))
        let more: Node<HTML.BodyContext> = alarms.count > Self.shownAlarms
            ? .p(.class("meta"), .a(.href(matrix([("light", Light.red.rawValue)])), .text("另有\(alarms.count - Self.shownAlarms)项，查看全部"))) : .empty
        return .group(.h2(.text("红灯任务及原因（\(alarms.count)项）")), table, more)
    }

    /// The orders shown: past their reply day first, then by reply day; the rest are one click away on 督办.
    public static let shownOrders = 30

    func ordersSection() -> Node<HTML.BodyContext> {
        let shown = orders.sorted { a, b in (a.overdue ? 0 : 1, a.replyDue, a.id) < (b.overdue ? 0 : 1, b.replyDue, b.id) }.prefix(Self.shownOrders)
        let more: Node<HTML.BodyContext> = orders.count > Self.shownOrders
            ? .p(.class("meta"), .a(.href(SiteURL.supervision.path), .text("另有\(orders.count - Self.shownOrders)件，到督办查看全部"))) : .empty
        let table: Node<HTML.BodyContext> = orders.isEmpty ? .p(.class("meta"), .text("没有在办的督办单。")) : .div(.class("scroll"), .table(
            .thead(.tr(.th("督办单"), .th("承办单位"), .th("任务"), .th("状态"), .th("答复期限"))),
            .tbody(.forEach(Array(shown)) { o in
                let due: Node<HTML.BodyContext> = o.overdue ? .span(.class("light red"), .text(o.replyDue + " 已超期")) : .text(o.replyDue)
                return .tr(.td(.a(.href(SiteURL.order(o.id).path), .text("督字第\(o.id)号"))), .td(.text(o.unit)), .td(.text(o.task)), .td(.text(o.status)), .td(due))
            })))
        return .group(.h2(.text("在办督办单（\(orders.count)件）")), table, more)
    }

    func indicatorsSection() -> Node<HTML.BodyContext> {
        let table: Node<HTML.BodyContext> = indicators.isEmpty ? .p(.class("meta"), .text("各项指标按轨迹推进。")) : .div(.class("scroll"), .table(
            .thead(.tr(.th("灯"), .th("指标"), .th("责任单位"), .th("期间"), .th("目标"), .th("实际"))),
            .tbody(.forEach(indicators) { i in
                .tr(.td(UI.light(i.light)), .td(.a(.href(SiteURL.indicator(i.id).path), .text(i.name))), .td(.text(i.owner)),
                    .td(.text(i.period)), .td(.class("num"), .text(i.target)), .td(.class("num"), .text(i.actual)))
            })))
        return .group(.h2(.text("偏离轨迹的指标（\(indicators.count)项）")), table)
    }

    func unitRow(_ u: Cockpit.UnitLag) -> Node<HTML.TableContext> {
        let id = String(u.unitId)
        return .tr(.td(.a(.href(matrix([("unit", id)])), .text(names.unit(u.unitId)))), .td(.class("num"), .text("\(u.tasks)")),
                   .td(.class("num"), .a(.href(matrix([("unit", id), ("light", Light.overdue.rawValue)])), .text("\(u.overdue)"))),
                   .td(.class("num"), .a(.href(matrix([("unit", id), ("light", Light.red.rawValue)])), .text("\(u.red)"))),
                   .td(.class("num"), .a(.href(matrix([("unit", id), ("light", Light.yellow.rawValue)])), .text("\(u.yellow)"))),
                   .td(.class("num"), .text("\(u.openOrders)")))
    }

    func unitsSection() -> Node<HTML.BodyContext> {
        let units = cockpit.units
        guard !units.isEmpty else { return .group(.h2("滞后单位"), .p(.class("meta"), .text("没有滞后的单位。"))) }
        let chart = CockpitCharts.unitBars(units, names: names.units) { matrix([("unit", String($0))]) }
        return .group(
            .h2(.text("滞后单位（\(units.count)个）")),
            .div(.class("card"), .raw(chart)),
            .div(.class("scroll"), .table(
                .thead(.tr(.th("单位"), .th("任务"), .th("已逾期"), .th("严重滞后"), .th("进度滞后"), .th("在办督办单"))),
                .tbody(.forEach(units) { unitRow($0) }))))
    }

    func kpi(_ label: String, _ value: String, _ url: String, alarm: Bool = false) -> Node<HTML.BodyContext> {
        .a(.class(alarm ? "kpi alarm" : "kpi"), .href(url), .span(.class("kpi-value"), .text(value)), .span(.class("kpi-label"), .text(label)))
    }
}
