import Domain
import Foundation
import Plot

/// 全省园区比拼: the province's read-only league of its zones for a year, as a chart and a table, with the rule
/// that orders them written above it (`ZoneRanking`).
public struct ProvincePage: Sendable {
    public let year: Int
    public let today: Day
    public let places: [ZoneRanking.Place]
    public init(year: Int, today: Day, places: [ZoneRanking.Place]) { self.year = year; self.today = today; self.places = places }

    func chart() -> String {
        RateBars.svg(places.map { (label: $0.figures.name, first: $0.figures.tasks == 0 ? nil : $0.figures.onTimeRate,
                                   second: $0.figures.tasks == 0 ? nil : $0.figures.doneRate) },
                     legend: ("按期率", "完成率"), ariaLabel: "各园区\(year)年任务按期率与完成率", maxRows: 60)
    }

    func cell(_ label: String, _ content: Node<HTML.BodyContext>) -> Node<HTML.TableRowContext> {
        .td(.data(named: "label", value: label), content)
    }

    func row(_ p: ZoneRanking.Place) -> Node<HTML.TableContext> {
        let z = p.figures
        let overdue: Node<HTML.BodyContext> = z.overdue > 0 ? .span(.class("light red"), .text(String(z.overdue))) : .text("0")
        let satisfaction: String = z.satisfactionRate.map { UI.percent($0) + "（\(z.appealsRated)件评价）" } ?? "—"
        let onTime: String = z.tasks == 0 ? "—" : UI.percent(z.onTimeRate)
        let done: String = z.tasks == 0 ? "—" : UI.percent(z.doneRate)
        let cells: [Node<HTML.TableRowContext>] = [
            cell("名次", .text(String(p.rank))), cell("园区", .text(z.name)), cell("任务", .text(String(z.tasks))),
            cell("已完成", .text(String(z.done))), cell("逾期未完成", overdue), cell("按期率", .text(onTime)), cell("完成率", .text(done)),
            cell("在办督办单", .text(String(z.openOrders))), cell("企业诉求满意率", .text(satisfaction)),
        ]
        return .tr(.group(cells))
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "全省园区比拼", context: ctx, body: .group(
            .h1(.text("全省园区比拼（\(year)年）")),
            .p(.class("meta"), .text("截至\(today.iso)，本平台上\(places.count)个园区的年度任务与督办情况（只读）。排序规则：有本年度任务的园区在前，其中按期率（未逾期任务占比）高者在前；相同时完成率高者在前；再相同时在办督办单少者在前；三项都相同的并列同一名次。")),
            places.isEmpty ? .p(.class("meta"), .text("暂无园区。")) : .raw(chart()),
            .div(.class("scroll"), .table(.class("responsive"),
                .thead(.tr(.th("名次"), .th("园区"), .th("任务"), .th("已完成"), .th("逾期未完成"), .th("按期率"), .th("完成率"), .th("在办督办单"), .th("企业诉求满意率"))),
                .tbody(.forEach(places) { row($0) })))
        ))
    }
}
