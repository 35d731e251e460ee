import Domain
import Foundation
import Plot

/// 企业诉求: the zone's (or a unit's, or a firm's) appeals, newest first, with filters; above them the figures per unit
/// as a chart and per category as a table.
public struct AppealListPage: Sendable {
    public struct Filters: Sendable {
        public var status: String, category: String, unit: String, q: String, overdue: Bool
        public init(status: String = "", category: String = "", unit: String = "", q: String = "", overdue: Bool = false) {
            self.status = status; self.category = category; self.unit = unit; self.q = q; self.overdue = overdue
        }
        var query: [(String, String?)] {
            [("status", status.isEmpty ? nil : status), ("category", category.isEmpty ? nil : category), ("unit", unit.isEmpty ? nil : unit),
             ("q", q.isEmpty ? nil : q), ("overdue", overdue ? "1" : nil)]
        }
    }
    public var appeals: [Appeal]
    public var total: Int
    public var offset: Int
    public var limit: Int
    public var filters: Filters
    public var units: [(Int, String)]
    public var statistics: AppealStatistics?
    public var year: Int
    public var today: Day
    /// Who is looking: the office (everything, settings, 督办), a unit's staff, or a firm (its own appeals only).
    public var canFile: Bool
    public var canManage: Bool
    public var firmView: Bool
    public init(appeals: [Appeal], total: Int, offset: Int, limit: Int, filters: Filters, units: [(Int, String)], statistics: AppealStatistics?,
                year: Int, today: Day, canFile: Bool, canManage: Bool, firmView: Bool) {
        self.appeals = appeals; self.total = total; self.offset = offset; self.limit = limit; self.filters = filters; self.units = units
        self.statistics = statistics; self.year = year; self.today = today; self.canFile = canFile; self.canManage = canManage; self.firmView = firmView
    }

    func unitName(_ id: Int?) -> String { id.flatMap { i in units.first { $0.0 == i }?.1 } ?? "待分派" }

    func statisticsSection() -> Node<HTML.BodyContext> {
        guard let s = statistics else { return .empty }
        let unitRows = s.byUnit.sorted { unitName($0.key) < unitName($1.key) }.map { (unitName($0.key), $0.value) }
        let catRows = AppealCategory.allCases.compactMap { c in s.byCategory[c].map { (c.chineseName, $0) } }
        return .group(
            .p(.class("meta"), .text("\(year)年共受理诉求\(s.zone.total)件，在办\(s.zone.open)件（逾期\(s.zone.overdueOpen)件），已办结\(s.zone.closed)件；"
                + "按期率\(AppealUI.rate(s.zone.onTimeRate))，办结率\(AppealUI.rate(s.zone.resolutionRate))，满意率\(AppealUI.rate(s.zone.satisfactionRate))，"
                + "平均办理\(AppealUI.days(s.zone.averageWorkdays))个工作日。")),
            .element(named: "details", nodes: [
                .element(named: "summary", nodes: [.text("各单位、各类别统计（口径：按期率=按期办结÷（已办结+逾期在办）；办结率=已办结÷已受理；满意率=满意及基本满意÷已评价）")]),
                .raw(AppealUI.unitChart(unitRows)),
                AppealUI.figuresTable(unitRows, first: "主办单位"),
                AppealUI.figuresTable(catRows, first: "类别")]))
    }

    func filterForm() -> Node<HTML.BodyContext> {
        .form(.method(.get), .action(SiteURL.appeals.path), .class("filters"),
            .element(named: "label", nodes: [.text("状态"), UI.select("status", options: AppealStatus.allCases.map { ($0.rawValue, $0.chineseName) }, selected: [filters.status], blank: "全部")]),
            .element(named: "label", nodes: [.text("类别"), UI.select("category", options: AppealCategory.allCases.map { ($0.rawValue, $0.chineseName) }, selected: [filters.category], blank: "全部")]),
            firmView ? .empty : .element(named: "label", nodes: [.text("单位"), UI.select("unit", options: units.map { (String($0.0), $0.1) }, selected: [filters.unit], blank: "全部")]),
            .element(named: "label", nodes: [.text("搜索"), UI.textInput("q", filters.q, placeholder: "企业、标题或信用代码")]),
            .element(named: "label", nodes: [.input(.type(.checkbox), .name("overdue"), .value("1"), filters.overdue ? .checked(true) : .empty), .text("仅逾期")]),
            .button(.type(.submit), .text("筛选")))
    }

    func table() -> Node<HTML.BodyContext> {
        appeals.isEmpty ? .p(.class("meta"), .text("没有符合条件的诉求。")) : .div(.class("scroll"), .table(.class("responsive"),
            .thead(.tr(.th("受理日"), .th("企业"), .th("诉求"), .th("类别"), .th("主办单位"), .th("状态"), .th("下一时限"))),
            .tbody(.forEach(appeals) { a in
                .tr(.td(.data(named: "label", value: "受理日"), .text(a.receivedOn.iso)),
                    .td(.data(named: "label", value: "企业"), .text(a.firmName)),
                    .td(.data(named: "label", value: "诉求"), .a(.href(SiteURL.appeal(a.id).path), .text(a.title))),
                    .td(.data(named: "label", value: "类别"), .text(a.category.chineseName)),
                    .td(.data(named: "label", value: "主办单位"), .text(unitName(a.leadUnitId))),
                    .td(.data(named: "label", value: "状态"), AppealUI.statusLabel(a, today: today)),
                    .td(.data(named: "label", value: "下一时限"), .text(AppealClock(appeal: a, today: today).nextDue?.iso ?? "—")))
            })))
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: firmView ? "我的诉求" : "企业诉求", context: ctx, body: .group(
            .h1(.text(firmView ? "我的诉求" : "企业诉求")),
            .p(.class("actions"),
               canFile ? .a(.class("button primary"), .href(SiteURL.appealNew.path), .text(firmView ? "提出诉求" : "登记诉求")) : .empty,
               canManage ? .group(.text("　"), .a(.href(SiteURL.appealSettings.path), .text("办理时限设置")), .text("　"),
                                  .form(.method(.post), .action(SiteURL.appealsSupervise.path), .class("inline"), UI.csrf(ctx.csrfToken),
                                        .button(.type(.submit), .text("逾期诉求生成督办建议")))) : .empty),
            statisticsSection(),
            filterForm(),
            table(),
            UI.pager(base: .appeals, query: filters.query, offset: offset, limit: limit, total: total)
        ))
    }
}
