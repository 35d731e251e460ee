import Domain
import Foundation
import Plot

/// 数据大屏: the zone's whole picture for a wall screen at 1920×1080 — dark, large type, no menu, the charts drawn as
/// SVG by the server, reloading itself every `refreshSeconds` (a meta refresh: no script).
public struct WallPage: Sendable {
    public var zoneName: String
    public var year: Int
    public var today: Day
    /// "HH:mm" Beijing time of this rendering, or `timePlaceholder` for the server to put in when it serves a kept page.
    public var time: String
    public static let timePlaceholder = "__GUATU_WALL_TIME__"
    public var cockpit: Cockpit
    public var names: Names
    /// The titles of the tasks listed (the cockpit reads tasks without their texts).
    public var titles: [Int: String] = [:]
    public var offTrackIndicators: Int
    public var overdueOrders: Int
    public static let refreshSeconds = 60
    public static let shownAlarms = 9

    public init(zoneName: String, year: Int, today: Day, time: String, cockpit: Cockpit, names: Names, offTrackIndicators: Int, overdueOrders: Int) {
        self.zoneName = zoneName; self.year = year; self.today = today; self.time = time; self.cockpit = cockpit; self.names = names
        self.offTrackIndicators = offTrackIndicators; self.overdueOrders = overdueOrders
    }

    func matrix(_ extra: [(String, String?)]) -> String { SiteURL.matrix.with([("year", String(year))] + extra) }

    public func render() -> String {
        let c = cockpit
        let html = HTML(
            .lang(.chinese),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=1920")),
                .element(named: "meta", nodes: [.attribute(named: "http-equiv", value: "refresh"), .attribute(named: "content", value: String(Self.refreshSeconds))]),
                .title("\(zoneName)挂图作战大屏"),
                .link(.rel(.stylesheet), .href(SiteURL.stylesheet.path))
            ),
            .body(.class("wall"),
                .header(.class("wall-top"),
                    .h1(.text("\(zoneName) · \(year)年度挂图作战")),
                    .div(.class("wall-time"), .text("\(today.iso)　\(time) 更新　每\(Self.refreshSeconds)秒刷新"))),
                .div(.class("wall-kpis"),
                    tile("任务总数", "\(c.total.total)", matrix([]), ""),
                    tile("完成率", String(format: "%.1f%%", c.total.percentDone), matrix([]), ""),
                    tile("按期率", String(format: "%.1f%%", c.onTimeRate * 100), matrix([("light", Light.overdue.rawValue)]), c.onTimeRate < 0.9 ? "warn" : ""),
                    tile("已逾期", "\(c.total.count(.overdue))", matrix([("light", Light.overdue.rawValue)]), c.total.count(.overdue) > 0 ? "alarm" : ""),
                    tile("严重滞后", "\(c.total.count(.red))", matrix([("light", Light.red.rawValue)]), c.total.count(.red) > 0 ? "alarm" : ""),
                    tile("在办督办单", "\(c.openOrders)", SiteURL.supervision.path, overdueOrders > 0 ? "warn" : ""),
                    tile("指标偏离", "\(offTrackIndicators)", SiteURL.indicators.path, offTrackIndicators > 0 ? "warn" : "")),
                .div(.class("wall-grid"),
                    .section(.class("wall-panel"), .h2("红黄绿灯"),
                             .raw(CockpitCharts.ring(c.total, size: 300, dark: true) { matrix([("light", $0.rawValue)]) })),
                    .section(.class("wall-panel wide"), .h2("十大计划推进"),
                             .raw(CockpitCharts.planBars(c.plans, dark: true) { SiteURL.matrix.with([("year", String(year)), ("plan", String($0.id))]) })),
                    .section(.class("wall-panel"), .h2("滞后单位"),
                             c.units.isEmpty ? .p(.text("没有滞后的单位")) :
                                .raw(CockpitCharts.unitBars(c.units, names: names.units, dark: true, maxRows: 8) { matrix([("unit", String($0))]) })),
                    .section(.class("wall-panel wide"), .h2(.text("红灯任务（\(c.alarms.count)项）")),
                             c.alarms.isEmpty ? .p(.text("没有逾期或严重滞后的任务")) :
                                .ul(.class("wall-alarms"), .forEach(c.alarms.prefix(Self.shownAlarms)) { a in
                                    .li(.span(.class("light \(a.light.rawValue)"), .text(a.light.chineseName)),
                                        .a(.href(SiteURL.task(a.task.id).path), .text(titles[a.task.id] ?? a.task.title)),
                                        .span(.class("wall-unit"), .text(names.unit(a.task.ownerUnitId))),
                                        .span(.class("wall-reason"), .text(a.reason)))
                                })))
            )
        )
        return "<!DOCTYPE html>" + html.render()
    }

    func tile(_ label: String, _ value: String, _ url: String, _ state: String) -> Node<HTML.BodyContext> {
        .a(.class("wall-tile \(state)"), .href(url), .span(.class("wall-value"), .text(value)), .span(.class("wall-label"), .text(label)))
    }
}
