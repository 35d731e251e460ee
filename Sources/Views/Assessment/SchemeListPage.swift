import Domain
import Foundation
import Plot

/// 考核方案: the zone's schemes by period and unit category, each with its published versions; the office
/// creates a new one from the template.
public struct SchemeListPage: Sendable {
    public struct Row: Sendable {
        public let id: Int, period: AssessmentPeriod, category: OrgUnit.Kind, name: String, version: Int, items: Int, published: Int?
        public init(id: Int, period: AssessmentPeriod, category: OrgUnit.Kind, name: String, version: Int, items: Int, published: Int?) {
            self.id = id; self.period = period; self.category = category; self.name = name; self.version = version; self.items = items; self.published = published
        }
    }
    public var rows: [Row]
    public var canEdit: Bool
    public var year: Int
    public var error: String?
    public var values: [String: String] = [:]
    public init(rows: [Row], canEdit: Bool, year: Int) { self.rows = rows; self.canEdit = canEdit; self.year = year }

    public func render(_ ctx: PageContext) -> String {
        let periods = (1...4).map { AssessmentPeriod(year: year, quarter: $0) } + [AssessmentPeriod(year: year)]
        return Layout.render(title: "考核", context: ctx, body: .group(
            .h1("考核方案"),
            .p(.class("meta"), .text("每个方案按期间（季度或年度）和单位类别分别设置：考核项目、分值与计分规则、加分扣分、一票否决、等次与名额。发布后结果冻结，重新计算发布新版本并列出变化。")),
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            rows.isEmpty ? .p(.class("meta"), .text("尚未设置考核方案。")) : .div(.class("scroll"), .table(.class("responsive"),
                .thead(.tr(.th("期间"), .th("单位类别"), .th("方案"), .th("项目数"), .th("方案版本"), .th("已发布"), .th("查看"))),
                .tbody(.forEach(rows) { r in
                    .tr(.td(.data(named: "label", value: "期间"), .text(r.period.label)),
                        .td(.data(named: "label", value: "单位类别"), .text(r.category.chineseName)),
                        .td(.data(named: "label", value: "方案"), .a(.href(SiteURL.assessmentScheme(r.id).path), .text(r.name))),
                        .td(.data(named: "label", value: "项目数"), .text(String(r.items))),
                        .td(.data(named: "label", value: "方案版本"), .text("第\(r.version)版")),
                        .td(.data(named: "label", value: "已发布"), .text(r.published.map { "第\($0)版结果" } ?? "未发布")),
                        .td(.data(named: "label", value: "查看"), .a(.href(SiteURL.assessmentLeague(r.id).path), .text("亮晒比"))))
                }))),
            canEdit ? .group(.h2("新建方案"), .form(.method(.post), .action(SiteURL.assessment.path), .class("filters"), UI.csrf(ctx.csrfToken),
                .element(named: "label", nodes: [.text("期间"), UI.select("period", options: periods.map { ($0.key, $0.label) }, selected: [values["period"] ?? ""])]),
                .element(named: "label", nodes: [.text("单位类别"), UI.select("category", options: OrgUnit.Kind.allCases.map { ($0.rawValue, $0.chineseName) }, selected: [values["category"] ?? ""])]),
                .element(named: "label", nodes: [.text("方案名称"), UI.textInput("name", values["name"] ?? "", placeholder: "如：2026年第二季度职能部门绩效考核")]),
                .button(.type(.submit), .class("primary"), .text("按模板新建")))) : .empty
        ))
    }
}
