import Domain
import Foundation
import Plot

/// 重点项目: every project with its stage and this year's investment against plan; the office registers one.
public struct ProjectListPage: Sendable {
    public struct Row: Sendable {
        public let project: KeyProject, owner: String, figure: InvestmentProgress.Figure
        public init(project: KeyProject, owner: String, figure: InvestmentProgress.Figure) { self.project = project; self.owner = owner; self.figure = figure }
    }
    public var year: Int
    public var rows: [Row]
    public var total: InvestmentProgress.Figure
    public var units: [(Int, String)]
    public var tasks: [(Int, String)]
    public var canEdit: Bool
    public var error: String?
    public init(year: Int, rows: [Row], total: InvestmentProgress.Figure, units: [(Int, String)], tasks: [(Int, String)], canEdit: Bool) {
        self.year = year; self.rows = rows; self.total = total; self.units = units; self.tasks = tasks; self.canEdit = canEdit
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "重点项目", context: ctx, body: .group(
            .h1(.text("重点项目（\(year)年）")),
            .p(.class("meta"), .text("年度计划投资\(String(format: "%.0f", total.yearPlan))万元；截至本月计划\(String(format: "%.0f", total.plannedToDate))万元，完成\(String(format: "%.0f", total.actualToDate))万元"
                                     + (total.rate.map { "，完成率\(String(format: "%.1f", $0))%" } ?? "") + "。")),
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            rows.isEmpty ? .p(.class("meta"), .text("尚未登记重点项目。")) : .div(.class("scroll"), .table(.class("responsive"),
                .thead(.tr(.th("项目"), .th("阶段"), .th("责任单位"), .th("总投资（万元）"), .th("年度计划"), .th("截至本月完成"), .th("完成率"))),
                .tbody(.forEach(rows) { r in
                    .tr(.td(.data(named: "label", value: "项目"), .a(.href(SiteURL.project(r.project.id).path), .text(r.project.name))),
                        .td(.data(named: "label", value: "阶段"), .text(r.project.stage.chineseName)),
                        .td(.data(named: "label", value: "责任单位"), .text(r.owner)),
                        .td(.data(named: "label", value: "总投资"), .text(String(format: "%.0f", r.project.totalInvestment))),
                        .td(.data(named: "label", value: "年度计划"), .text(String(format: "%.0f", r.figure.yearPlan))),
                        .td(.data(named: "label", value: "完成"), .text(String(format: "%.0f", r.figure.actualToDate))),
                        .td(.data(named: "label", value: "完成率"), r.figure.rate.map { UI.progressBar($0) } ?? .text("—")))
                }))),
            canEdit ? .group(.h2("登记项目"), .form(.method(.post), .action(SiteURL.projects.path), .class("edit"), UI.csrf(ctx.csrfToken),
                UI.field("项目名称", name: "name", error: FormErrors(), UI.textInput("name", "")),
                UI.field("所属产业链", name: "chain", error: FormErrors(), UI.textInput("chain", "")),
                UI.field("总投资（万元）", name: "totalInvestment", error: FormErrors(), UI.textInput("totalInvestment", "")),
                UI.field("责任单位", name: "ownerUnitId", error: FormErrors(), UI.select("ownerUnitId", options: units.map { (String($0.0), $0.1) }, selected: [], blank: "请选择")),
                UI.field("对应任务（督办、交账随任务进行）", name: "taskId", error: FormErrors(), UI.select("taskId", options: tasks.map { (String($0.0), $0.1) }, selected: [], blank: "—")),
                UI.field("签约日期", name: "signedOn", error: FormErrors(), UI.textInput("signedOn", "", type: "date")),
                UI.submit("登记"))) : .empty
        ))
    }
}

/// One project: its stages with dates, the months planned and done as a chart and a table, the linked task.
public struct ProjectPage: Sendable {
    public var project: KeyProject
    public var owner: String
    public var investor: (Int, String)?
    public var task: (Int, String)?
    public var months: [MonthlyInvestment]
    public var year: Int
    public var canEdit: Bool
    public var error: String?
    public init(project: KeyProject, owner: String, investor: (Int, String)?, task: (Int, String)?, months: [MonthlyInvestment], year: Int, canEdit: Bool) {
        self.project = project; self.owner = owner; self.investor = investor; self.task = task; self.months = months; self.year = year; self.canEdit = canEdit
    }

    func chart() -> String {
        let ms = (1...12).map { String(format: "%04d-%02d", year, $0) }
        let by = Dictionary(months.map { ($0.month, $0) }, uniquingKeysWith: { a, _ in a })
        var cp = 0.0, ca = 0.0
        var planned: [Double] = [], actual: [Double?] = []
        for m in ms { cp += by[m]?.planned ?? 0; planned.append(cp); if let a = by[m]?.actual { ca += a; actual.append(ca) } else { actual.append(nil) } }
        let top = max(1, planned.max() ?? 1, actual.compactMap { $0 }.max() ?? 1)
        let w = 640.0, h = 200.0, l = 50.0, r = 10.0, t = 14.0, b = 24.0
        func x(_ i: Int) -> Double { l + (w - l - r) * (Double(i) + 0.5) / 12 }
        func y(_ v: Double) -> Double { t + (h - t - b) * (1 - v / top) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var s = "<svg class=\"chart\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" width=\"100%\" role=\"img\" aria-label=\"累计投资\">"
        s += "<polyline points=\"\(planned.enumerated().map { "\(f(x($0.offset))),\(f(y($0.element)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"#1a5fb4\" stroke-dasharray=\"5 4\" stroke-width=\"1.5\"/>"
        let pts = actual.enumerated().compactMap { i, v in v.map { "\(f(x(i))),\(f(y($0)))" } }
        if pts.count > 1 { s += "<polyline points=\"\(pts.joined(separator: " "))\" fill=\"none\" stroke=\"#202124\" stroke-width=\"2\"/>" }
        for i in 0..<12 { s += "<text x=\"\(f(x(i)))\" y=\"\(f(h - 8))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5f6368\">\(i + 1)月</text>" }
        s += "<text x=\"\(f(l))\" y=\"\(f(t - 2))\" font-size=\"11\" fill=\"#5f6368\">累计投资（万元）：虚线计划 \(f(cp))，实线完成 \(f(ca))</text>"
        return s + "</svg>"
    }

    public func render(_ ctx: PageContext) -> String {
        let p = project
        return Layout.render(title: p.name, context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.projects.path), .text("‹ 重点项目"))),
            .h1(.text(p.name)),
            .p(.class("meta"), .text("总投资\(p.totalInvestment >= 10_000 ? String(format: "%.2f亿元", p.totalInvestment / 10_000) : String(format: "%.0f万元", p.totalInvestment)) · 责任单位 \(owner) · 产业链 \(p.chain.isEmpty ? "—" : p.chain)")),
            .p(.unwrap(investor) { i in .group(.text("投资企业："), .a(.href(SiteURL.enterprise(i.0).path), .text(i.1)), .text("　")) },
               .unwrap(task) { t in .group(.text("对应任务（交账、督办与挂图）："), .a(.href(SiteURL.task(t.0).path), .text(t.1))) }),
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            .h2("推进阶段"),
            .ol(.class("stages"), .forEach(KeyProject.Stage.allCases) { s in
                .li(.class(s <= p.stage ? "done" : "todo"), .text(s.chineseName + (p.stageDates[s].map { "（\($0)）" } ?? "")))
            }),
            canEdit && p.stage != .producing ? .form(.method(.post), .action(SiteURL.projectStage(p.id).path), .class("filters"), UI.csrf(ctx.csrfToken),
                .input(.type(.hidden), .name("version"), .value(String(p.version))),
                .element(named: "label", nodes: [.text("推进到"), UI.select("stage", options: KeyProject.Stage.allCases.filter { $0 > p.stage }.map { ($0.rawValue, $0.chineseName) }, selected: [])]),
                .element(named: "label", nodes: [.text("日期"), UI.textInput("day", "", type: "date")]),
                .button(.type(.submit), .text("登记"))) : .empty,
            .h2(.text("\(year)年投资")),
            .raw(chart()),
            .table(.thead(.tr(.th("月份"), .th("计划（万元）"), .th("完成（万元）"))),
                   .tbody(.forEach(months.filter { $0.month.hasPrefix(String(year)) }) { m in
                       .tr(.td(.text(m.month)), .td(.text(String(format: "%.0f", m.planned))), .td(.text(m.actual.map { String(format: "%.0f", $0) } ?? "未报")))
                   })),
            canEdit ? .form(.method(.post), .action(SiteURL.projectInvestments(p.id).path), .class("filters"), UI.csrf(ctx.csrfToken),
                .element(named: "label", nodes: [.text("月份"), UI.select("month", options: (1...12).map { (String(format: "%04d-%02d", year, $0), "\($0)月") }, selected: [])]),
                .element(named: "label", nodes: [.text("计划"), UI.textInput("planned", "")]),
                .element(named: "label", nodes: [.text("完成（未报可空）"), UI.textInput("actual", "")]),
                .button(.type(.submit), .text("保存"))) : .empty
        ))
    }
}
