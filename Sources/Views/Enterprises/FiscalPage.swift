import Domain
import Foundation
import Plot

/// 财政税收: the year's revenue by category through a month — that month, the year to date, the same months last year
/// (同比), the annual target and progress against time — as a table and bars; entry, targets and import.
public struct FiscalPage: Sendable {
    public var year: Int
    public var month: Int
    public var lines: [FiscalSummary.Line]
    /// Cumulative total per month this year and last year, for the chart.
    public var curve: [(month: Int, thisYear: Double?, lastYear: Double)]
    public var canEdit: Bool
    public var error: String?
    public var done: String?
    public var importErrors: [ImportRowError] = []
    public init(year: Int, month: Int, lines: [FiscalSummary.Line], curve: [(month: Int, thisYear: Double?, lastYear: Double)], canEdit: Bool) {
        self.year = year; self.month = month; self.lines = lines; self.curve = curve; self.canEdit = canEdit
    }

    static func w(_ v: Double) -> String { String(format: "%.0f", v) }
    static func pct(_ v: Double?) -> String { v.map { String(format: "%.1f%%", $0) } ?? "—" }

    func chart() -> String {
        let top = max(1, curve.map { max($0.thisYear ?? 0, $0.lastYear) }.max() ?? 1, lines.last?.target ?? 0)
        let W = 640.0, H = 200.0, l = 60.0, r = 12.0, t = 14.0, b = 24.0
        func x(_ m: Int) -> Double { l + (W - l - r) * (Double(m) - 0.5) / 12 }
        func y(_ v: Double) -> Double { t + (H - t - b) * (1 - v / top) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var s = "<svg class=\"chart\" viewBox=\"0 0 \(Int(W)) \(Int(H))\" width=\"100%\" role=\"img\" aria-label=\"累计收入\">"
        if let target = lines.last?.target {
            s += "<line x1=\"\(f(l))\" x2=\"\(f(W - r))\" y1=\"\(f(y(target)))\" y2=\"\(f(y(target)))\" stroke=\"#d93025\"/>"
            s += "<text x=\"\(f(W - r))\" y=\"\(f(y(target) - 4))\" font-size=\"11\" text-anchor=\"end\" fill=\"#d93025\">年度目标 \(Self.w(target))</text>"
        }
        s += "<polyline points=\"\(curve.map { "\(f(x($0.month))),\(f(y($0.lastYear)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"#9aa0a6\" stroke-dasharray=\"5 4\" stroke-width=\"1.5\"/>"
        let pts = curve.compactMap { c in c.thisYear.map { "\(f(x(c.month))),\(f(y($0)))" } }
        if pts.count > 1 { s += "<polyline points=\"\(pts.joined(separator: " "))\" fill=\"none\" stroke=\"#1a5fb4\" stroke-width=\"2.5\"/>" }
        for m in 1...12 { s += "<text x=\"\(f(x(m)))\" y=\"\(f(H - 8))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5f6368\">\(m)月</text>" }
        s += "<text x=\"\(f(l))\" y=\"\(f(t - 2))\" font-size=\"11\" fill=\"#5f6368\">累计（万元）：实线\(year)年，虚线\(year - 1)年</text>"
        return s + "</svg>"
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "财政税收", context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.enterprises.path), .text("‹ 一企一档"))),
            .h1(.text("财政税收（\(year)年1—\(month)月）")),
            .p(.class("meta"), .text("金额单位：万元。时间进度\(String(format: "%.1f%%", Double(month) / 12 * 100))。")),
            .unwrap(done) { .p(.class("notice"), .text($0)) },
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            importErrors.isEmpty ? .empty : .table(.thead(.tr(.th("行"), .th("列"), .th("问题"))),
                .tbody(.forEach(importErrors) { e in .tr(.td(.text("第\(e.line)行")), .td(.text(e.column)), .td(.text(e.message))) })),
            .raw(chart()),
            .div(.class("scroll"), .table(.class("responsive"),
                .thead(.tr(.th("类别"), .th("当月"), .th("累计"), .th("上年同期"), .th("同比"), .th("年度目标"), .th("完成进度"))),
                .tbody(.forEach(lines) { l in
                    .tr(.td(.data(named: "label", value: "类别"), l.category == nil ? .strong(.text(l.name)) : .text(l.name)),
                        .td(.data(named: "label", value: "当月"), .text(Self.w(l.month))), .td(.data(named: "label", value: "累计"), .text(Self.w(l.cumulative))),
                        .td(.data(named: "label", value: "上年同期"), .text(Self.w(l.lastYearCumulative))),
                        .td(.data(named: "label", value: "同比"), .text(l.growth.map { String(format: "%+.1f%%", $0) } ?? "—")),
                        .td(.data(named: "label", value: "年度目标"), .text(l.target.map(Self.w) ?? "未设")),
                        .td(.data(named: "label", value: "完成进度"), l.progress.map { UI.progressBar($0) } ?? .text("—")))
                }))),
            canEdit ? .group(
                .h2("录入当月收入"),
                .form(.method(.post), .action(SiteURL.fiscal.path), .class("filters"), UI.csrf(ctx.csrfToken),
                      .element(named: "label", nodes: [.text("月份"), UI.select("month", options: (1...12).map { (String(format: "%04d-%02d", year, $0), "\($0)月") }, selected: [String(format: "%04d-%02d", year, month)])]),
                      .forEach(FiscalCategory.allCases) { c in .element(named: "label", nodes: [.text(c.chineseName), UI.textInput(c.rawValue, "")]) },
                      .button(.type(.submit), .text("保存"))),
                .h2("年度目标"),
                .form(.method(.post), .action(SiteURL.fiscalTargets.path), .class("filters"), UI.csrf(ctx.csrfToken),
                      .input(.type(.hidden), .name("year"), .value(String(year))),
                      .forEach(FiscalCategory.allCases) { c in
                          .element(named: "label", nodes: [.text(c.chineseName), UI.textInput(c.rawValue, lines.first { $0.category == c }?.target.map(Self.w) ?? "")])
                      },
                      .button(.type(.submit), .text("保存目标"))),
                .h2("整表导入"),
                .form(.method(.post), .action(SiteURL.fiscalImport.path), .class("filters"), .enctype(.multipartData), UI.csrf(ctx.csrfToken),
                      .element(named: "label", nodes: [.text("文件（.xlsx 或 .csv，须有“月份”“类别”“金额”三列）"), .input(.type(.file), .name("file"), .attribute(named: "accept", value: ".xlsx,.csv"))]),
                      .button(.type(.submit), .text("导入")))) : .empty
        ))
    }
}
