import Domain
import Plot

/// 工作矩阵 by unit: plans as columns, units as rows; each cell counts the tasks the unit
/// leads (牵头/责任) and supports (配合) in that plan.
public struct UnitMatrixPage: Sendable {
    public struct CellCount: Sendable, Equatable {
        public var owned = 0
        public var supported = 0
        public var red = 0
        public init() {}
    }
    public var year: Int
    public var plans: [Plan]
    public var units: [OrgUnit]
    /// [unitId: [planId: counts]]
    public var cells: [Int: [Int: CellCount]]
    public init(year: Int, plans: [Plan], units: [OrgUnit], cells: [Int: [Int: CellCount]]) {
        self.year = year; self.plans = plans; self.units = units; self.cells = cells
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "单位视图", context: ctx, body: .group(
            .h1("\(year)年度工作矩阵（单位 × 计划）"),
            .p(.class("meta"), .text("每格：负责任务数 / 配合任务数；红色数字为逾期或严重滞后的负责任务。点击数字查看任务。")),
            .div(.class("scroll"), .table(.class("matrix"),
                .thead(.tr(.th("单位"), .forEach(plans) { p in .th(.text("\(p.seq). \(p.name.replacingOccurrences(of: "计划", with: ""))")) }, .th("合计"))),
                .tbody(.forEach(units) { u in row(u) })
            ))
        ))
    }

    func row(_ u: OrgUnit) -> Node<HTML.TableContext> {
        let byPlan = cells[u.id] ?? [:]
        let owned = byPlan.values.reduce(0) { $0 + $1.owned }, supported = byPlan.values.reduce(0) { $0 + $1.supported }
        return .tr(
            .td(.a(.href(SiteURL.matrix.with([("year", String(year)), ("unit", String(u.id))])), .text(u.name))),
            .forEach(plans) { p in
                let c = byPlan[p.id] ?? CellCount()
                let cls = p.leadUnitId == u.id ? "lead" : (p.coUnitIds.contains(u.id) ? "co" : "")
                return .td(.class(cls), c.owned + c.supported == 0 ? .empty : .group(
                    .a(.href(SiteURL.matrix.with([("year", String(year)), ("plan", String(p.id)), ("unit", String(u.id))])), .text("\(c.owned) / \(c.supported)")),
                    c.red > 0 ? .span(.class("light red"), .text("\(c.red)")) : .empty))
            },
            .td(.class("num"), .text("\(owned) / \(supported)"))
        )
    }
}
