import Domain
import Foundation
import Plot

/// The scheme's definition as one form: items (a row each, blank rows to add), 加分/扣分 entries, vetoes,
/// grades with quotas, weighting. Field names repeat per row (item_name, item_points …) and are read back in
/// order; a row with no name is dropped.
enum SchemeEditor {
    static let blankItems = 2

    static func cell(_ name: String, _ value: String, size: Int = 6, label: String) -> Node<HTML.BodyContext> {
        .element(named: "input", nodes: [.attribute(named: "type", value: "text"), .attribute(named: "name", value: name),
                                         .attribute(named: "value", value: attr(value)), .attribute(named: "size", value: String(size)),
                                         .attribute(named: "aria-label", value: label)])
    }

    static func choice(_ name: String, _ options: [(String, String)], _ selected: String, label: String) -> Node<HTML.BodyContext> {
        var nodes: [Node<HTML.BodyContext>] = [.attribute(named: "name", value: name), .attribute(named: "aria-label", value: label)]
        for (v, l) in options {
            nodes.append(.element(named: "option", nodes: [.attribute(named: "value", value: attr(v), ignoreIfValueIsEmpty: false),
                                                           v == selected ? .attribute(named: "selected", value: "selected") : .empty, .text(l)]))
        }
        return .element(named: "select", nodes: nodes)
    }

    static func n(_ v: Double?) -> String { v.map(formatNumber) ?? "" }

    /// The item rows, the adjustments, vetoes, grades and weighting, inside an open form.
    static func fields(_ s: AssessmentScheme, indicators: [(Int, String)]) -> Node<HTML.FormContext> {
        let refOptions = [("", "—")] + indicators.map { (String($0.0), "指标：\($0.1)") } + (1...4).map { ("q\($0)", "第\($0)季度结果") }
        let items = s.items + Array(repeating: SchemeItem(key: "", name: "", source: .taskCompletion, points: 0, rule: ItemRule(kind: .ratio)), count: blankItems)
        let adjustments = s.adjustments + [Adjustment(key: "", name: "", kind: .bonus, cap: 0)]
        let vetoes = s.vetoes + [Veto(key: "", name: "", gradeCap: s.grades.last?.name ?? "")]
        let grades = s.grades + [GradeBand(name: "", min: 0)]
        return .group(
            .h2("考核项目"),
            .p(.class("meta"), .text("分值合计须为100（按分值定权时）。计分参数按规则填写：完成比例填目标值与封顶比例（如120表示超额完成最多得120%分值），达标得分填达标值，名次计分填每名递减分，按次扣分填每次扣分，功效系数可填满意值和不允许值（不填取本组最优、最差）。无数据的单位该项“不涉及”，按满分计。")),
            .div(.class("scroll"), .table(.class("compact"),
                .thead(.tr(.th("代码"), .th("项目名称"), .th("数据来源"), .th("指标/季度"), .th("分值"), .th("计分规则"), .th("目标/达标值"), .th("封顶%"),
                           .th("名次递减"), .th("每次扣分"), .th("满意值"), .th("不允许值"), .th("越低越好"))),
                .tbody(.forEach(items) { i in
                    .tr(.td(cell("item_key", i.key, size: 8, label: "代码")), .td(cell("item_name", i.name, size: 14, label: "项目名称")),
                        .td(choice("item_source", ItemSource.allCases.map { ($0.rawValue, $0.chineseName) }, i.source.rawValue, label: "数据来源")),
                        .td(choice("item_ref", refOptions, i.source == .quarter ? (i.ref.map { "q\($0)" } ?? "") : (i.ref.map(String.init) ?? ""), label: "指标或季度")),
                        .td(cell("item_points", i.name.isEmpty ? "" : n(i.points), size: 4, label: "分值")),
                        .td(choice("item_rule", ItemRule.Kind.allCases.map { ($0.rawValue, $0.chineseName) }, i.rule.kind.rawValue, label: "计分规则")),
                        .td(cell("item_target", n(i.rule.target), size: 5, label: "目标或达标值")), .td(cell("item_cap", n(i.rule.cap), size: 4, label: "封顶比例")),
                        .td(cell("item_step", n(i.rule.step), size: 3, label: "名次递减")), .td(cell("item_per", n(i.rule.per), size: 3, label: "每次扣分")),
                        .td(cell("item_sat", n(i.rule.satisfactory), size: 4, label: "满意值")), .td(cell("item_unacc", n(i.rule.unacceptable), size: 4, label: "不允许值")),
                        .td(choice("item_lower", [("", "否"), ("1", "是")], i.lowerIsBetter == true ? "1" : "", label: "越低越好")))
                }))),
            .div(.class("filters"),
                .element(named: "label", nodes: [.text("权重确定方法"), .element(named: "div", nodes: [choice("weighting", AssessmentScheme.Weighting.allCases.map { ($0.rawValue, $0.chineseName) }, s.weighting.rawValue, label: "权重确定方法")])]),
                .element(named: "label", nodes: [.text("汇总方法"), .element(named: "div", nodes: [choice("aggregation", AssessmentScheme.Aggregation.allCases.map { ($0.rawValue, $0.chineseName) }, s.aggregation.rawValue, label: "汇总方法")])]),
                .element(named: "label", nodes: [.text("保留小数位"), .element(named: "div", nodes: [cell("decimals", String(s.decimals), size: 2, label: "保留小数位")])])),
            .div(.class("field"),
                .element(named: "label", nodes: [.attribute(named: "for", value: "pairwise"), .text("判断矩阵（层次分析法用：每行一个项目，按项目顺序，数之间用空格分隔，可写 1/3）")]),
                .element(named: "textarea", nodes: [.attribute(named: "id", value: "pairwise"), .attribute(named: "name", value: "pairwise"), .attribute(named: "rows", value: "4"),
                                                    .text((s.pairwise ?? []).map { $0.map { formatNumber($0) }.joined(separator: " ") }.joined(separator: "\n"))])),
            .h2("加分与扣分"),
            .div(.class("scroll"), .table(.class("compact"),
                .thead(.tr(.th("代码"), .th("名称"), .th("类别"), .th("本项封顶分"))),
                .tbody(.forEach(adjustments) { a in
                    .tr(.td(cell("adj_key", a.key, size: 8, label: "代码")), .td(cell("adj_name", a.name, size: 20, label: "名称")),
                        .td(choice("adj_kind", Adjustment.Kind.allCases.map { ($0.rawValue, $0.chineseName) }, a.kind.rawValue, label: "类别")),
                        .td(cell("adj_cap", a.name.isEmpty ? "" : n(a.cap), size: 4, label: "封顶分")))
                }))),
            .div(.class("filters"),
                .element(named: "label", nodes: [.text("加分合计封顶"), .element(named: "div", nodes: [cell("bonusCap", n(s.bonusCap), size: 4, label: "加分合计封顶")])]),
                .element(named: "label", nodes: [.text("扣分合计封顶"), .element(named: "div", nodes: [cell("deductionCap", n(s.deductionCap), size: 4, label: "扣分合计封顶")])])),
            .h2("一票否决"),
            .div(.class("scroll"), .table(.class("compact"),
                .thead(.tr(.th("代码"), .th("否决事项"), .th("等次最高为"))),
                .tbody(.forEach(vetoes) { v in
                    .tr(.td(cell("veto_key", v.key, size: 8, label: "代码")), .td(cell("veto_name", v.name, size: 24, label: "否决事项")),
                        .td(cell("veto_cap", v.gradeCap, size: 6, label: "等次上限")))
                }))),
            .h2("等次与名额"),
            .p(.class("meta"), .text("从高到低填写；最后一个等次承接其余分数。名额为该等次最多占参评单位的百分比，超出时按得分顺序降入下一等次，分数线上并列的一同降等。")),
            .div(.class("scroll"), .table(.class("compact"),
                .thead(.tr(.th("等次"), .th("分数线（不低于）"), .th("名额上限%"))),
                .tbody(.forEach(grades) { g in
                    .tr(.td(cell("grade_name", g.name, size: 6, label: "等次")), .td(cell("grade_min", g.name.isEmpty ? "" : n(g.min), size: 5, label: "分数线")),
                        .td(cell("grade_quota", n(g.quota.map { $0 * 100 }), size: 4, label: "名额上限")))
                })))
        )
    }
}
