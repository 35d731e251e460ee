import Domain
import Foundation
import Plot

/// Small pieces the appeal pages share: a rate as text, the figures table, the bar chart per unit.
enum AppealUI {
    static func rate(_ r: Double?) -> String { UI.percent(r) }
    static func days(_ d: Double?) -> String { d.map { String(format: "%.1f", $0) } ?? "—" }

    static func figuresTable(_ rows: [(String, AppealFigures)], first: String) -> Node<HTML.BodyContext> {
        .div(.class("scroll"), .table(.class("responsive"),
            .thead(.tr(.th(.text(first)), .th("诉求"), .th("在办"), .th("逾期在办"), .th("已办结"), .th("按期率"), .th("办结率"), .th("满意率"), .th("平均办理（工作日）"))),
            .tbody(.forEach(rows) { name, f in
                .tr(.td(.data(named: "label", value: first), .text(name)), .td(.data(named: "label", value: "诉求"), .text(String(f.total))),
                    .td(.data(named: "label", value: "在办"), .text(String(f.open))),
                    .td(.data(named: "label", value: "逾期在办"), f.overdueOpen > 0 ? .span(.class("light red"), .text(String(f.overdueOpen))) : .text("0")),
                    .td(.data(named: "label", value: "已办结"), .text(String(f.closed))),
                    .td(.data(named: "label", value: "按期率"), .text(rate(f.onTimeRate))), .td(.data(named: "label", value: "办结率"), .text(rate(f.resolutionRate))),
                    .td(.data(named: "label", value: "满意率"), .text(rate(f.satisfactionRate))),
                    .td(.data(named: "label", value: "平均办理"), .text(days(f.averageWorkdays))))
            })))
    }

    /// Two bars per unit: 按期率 and 满意率.
    static func unitChart(_ rows: [(String, AppealFigures)]) -> String {
        RateBars.svg(rows.map { ($0.0, $0.1.onTimeRate, $0.1.satisfactionRate) }, legend: ("按期率", "满意率"), ariaLabel: "各单位诉求按期率与满意率")
    }

    static func statusLabel(_ a: Appeal, today: Day) -> Node<HTML.BodyContext> {
        let clock = AppealClock(appeal: a, today: today)
        if let s = clock.overdueNow { return .span(.class("light red"), .text("\(a.status.chineseName)·\(s.chineseName)逾期")) }
        if a.status == .closed { return .span(.class(clock.onTime ? "light green" : "light yellow"), .text(clock.onTime ? "按期办结" : "逾期办结")) }
        return .span(.class("light not_started"), .text(a.status.chineseName))
    }
}
