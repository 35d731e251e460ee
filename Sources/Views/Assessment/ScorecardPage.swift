import Domain
import Foundation
import Plot

/// 考核得分明细: one unit's scorecard — every item's data, how it was computed, the rule and the points, with
/// links to the tasks, orders, indicator values and marks behind them; then 加分, 扣分, 一票否决, total, rank, grade.
public struct ScorecardPage: Sendable {
    public var schemeId: Int
    public var schemeName: String
    public var period: AssessmentPeriod
    public var card: Scorecard
    public var units: Int
    /// "第2版结果（已发布）" or "试算（未发布）".
    public var source: String
    public var asOf: Day
    public var xlsxURL: String?
    public init(schemeId: Int, schemeName: String, period: AssessmentPeriod, card: Scorecard, units: Int, source: String, asOf: Day, xlsxURL: String?) {
        self.schemeId = schemeId; self.schemeName = schemeName; self.period = period; self.card = card; self.units = units
        self.source = source; self.asOf = asOf; self.xlsxURL = xlsxURL
    }

    static func link(_ s: SourceRef, schemeId: Int) -> Node<HTML.ListContext> {
        let url: String
        switch s.kind {
        case .task: url = SiteURL.task(s.id).path
        case .order: url = SiteURL.order(s.id).path
        case .indicator: url = SiteURL.indicator(s.id).path
        case .mark: url = SiteURL.assessmentMarks(schemeId).path
        case .report: url = SiteURL.task(s.id).path
        case .appeals: url = SiteURL.appeals.with([("unit", String(s.id))])
        }
        return .li(.a(.href(url), .text(s.label)))
    }

    public func render(_ ctx: PageContext) -> String {
        let c = card
        return Layout.render(title: "\(c.unitName)考核得分", context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.assessmentLeague(schemeId).path), .text("‹ 亮晒比"))),
            .h1(.text("\(c.unitName) · \(period.label)考核得分")),
            .p(.class("meta"), .text("\(schemeName) · \(source) · 数据截至\(asOf)")),
            .div(.class("cards"),
                 .div(.class("card"), .h3("总分"), .p(.class("big"), .text(formatNumber(c.total)))),
                 .div(.class("card"), .h3("名次"), .p(.class("big"), .text("\(c.rank)/\(units)"))),
                 .div(.class("card"), .h3("等次"), .p(.class("big"), .text(c.grade)), .unwrap(c.gradeNote) { .p(.class("meta"), .text($0)) })),
            .unwrap(xlsxURL) { .p(.a(.href($0), .text("导出 Excel"))) },
            .h2("逐项得分"),
            .div(.class("scroll"), .table(.class("responsive"),
                .thead(.tr(.th("项目"), .th("数据"), .th("计算依据"), .th("计分规则"), .th("分值"), .th("得分"))),
                .tbody(.forEach(c.items) { i in
                    .tr(.td(.data(named: "label", value: "项目"), .text(i.name), .br(), .span(.class("meta"), .text(i.source.chineseName))),
                        .td(.data(named: "label", value: "数据"), .text(i.measure.map { String(format: "%.2f", $0) + i.source.measureUnit } ?? "不涉及")),
                        .td(.data(named: "label", value: "计算依据"), .text(i.detail),
                            i.sources.isEmpty ? .empty : .element(named: "details", nodes: [.element(named: "summary", nodes: [.text("相关记录\(i.sources.count)条")]),
                                                                                             .ul(.forEach(i.sources) { Self.link($0, schemeId: schemeId) })])),
                        .td(.data(named: "label", value: "计分规则"), .text(i.rule), .unwrap(i.note) { .span(.class("meta"), .text("（\($0)）")) }),
                        .td(.data(named: "label", value: "分值"), .text(String(format: "%.2f", i.points))),
                        .td(.data(named: "label", value: "得分"), .strong(.text(String(format: "%.2f", i.earned)))))
                }),
                .tfoot(.tr(.td(.attribute(named: "colspan", value: "5"), .text("基本得分")), .td(.strong(.text(String(format: "%.2f", c.base)))))))),
            .h2("加分、扣分与一票否决"),
            c.adjustments.isEmpty && c.vetoes.isEmpty ? .p(.class("meta"), .text("无。")) : .ul(
                .forEach(c.adjustments) { a in
                    .li(.text("\(a.kind.chineseName)·\(a.name)：计\(formatNumber(a.counted))分"), .unwrap(a.note) { .span(.class("meta"), .text("（\($0)）")) },
                        .ul(.forEach(a.entries) { e in .li(.text("\(formatNumber(e.points))分：\(e.reason)")) }))
                },
                .forEach(c.vetoes) { v in .li(.class("danger"), .text("一票否决：\(v.reason)")) }),
            .p(.text("总分 = 基本得分 \(String(format: "%.2f", c.base)) + 加分 \(formatNumber(c.bonus)) − 扣分 \(formatNumber(c.deduction)) = \(formatNumber(c.total))（四舍五入）"))
        ))
    }
}
