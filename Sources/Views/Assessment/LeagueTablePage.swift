import Domain
import Foundation
import Plot

/// 亮晒比: a published result as the league table every unit sees — ranks, totals, grades, the movement since
/// the previous version, a bar chart of the totals, and what changed when it was re-published.
public struct LeagueTablePage: Sendable {
    public var schemeId: Int
    public var name: String
    public var period: AssessmentPeriod
    public var category: OrgUnit.Kind
    /// nil: nothing published yet.
    public var result: PublishedResult?
    public var versions: [Int]
    /// The previous version's ranks, for the movement column.
    public var previousRanks: [Int: Int]
    /// Units whose scorecards the viewer may open (all for the office and leaders, their own for a unit).
    public var openable: Set<Int>?
    public struct PublishedResult: Sendable {
        public let version: Int, schemeVersion: Int, at: String, by: String, note: String, asOf: Day
        public let scheme: AssessmentScheme
        public let cards: [Scorecard]
        public let changes: [ResultChange]
        public init(version: Int, schemeVersion: Int, at: String, by: String, note: String, asOf: Day, scheme: AssessmentScheme, cards: [Scorecard], changes: [ResultChange]) {
            self.version = version; self.schemeVersion = schemeVersion; self.at = at; self.by = by; self.note = note; self.asOf = asOf
            self.scheme = scheme; self.cards = cards; self.changes = changes
        }
    }
    public init(schemeId: Int, name: String, period: AssessmentPeriod, category: OrgUnit.Kind, result: PublishedResult?, versions: [Int],
                previousRanks: [Int: Int], openable: Set<Int>?) {
        self.schemeId = schemeId; self.name = name; self.period = period; self.category = category; self.result = result
        self.versions = versions; self.previousRanks = previousRanks; self.openable = openable
    }

    public func render(_ ctx: PageContext) -> String {
        guard let r = result else {
            return Layout.render(title: "亮晒比", context: ctx, body: .group(
                .p(.class("meta"), .a(.href(SiteURL.assessmentScheme(schemeId).path), .text("‹ \(name)"))),
                .h1(.text("亮晒比 · \(name)")), .p(.class("meta"), .text("结果尚未发布。"))))
        }
        let items = r.scheme.items
        return Layout.render(title: "亮晒比", context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.assessmentScheme(schemeId).path), .text("‹ \(name)"))),
            .h1(.text("亮晒比 · \(period.label)\(category.chineseName)考核")),
            .p(.class("meta"), .text("第\(r.version)版结果（方案第\(r.schemeVersion)版），\(UI.beijingTime(r.at)) \(r.by)发布，数据截至\(r.asOf)。\(r.note.isEmpty ? "" : "说明：" + r.note)")),
            versions.count > 1 ? .p(.class("meta"), .text("其他版本："), .forEach(versions.filter { $0 != r.version }) { v in
                .a(.href(SiteURL.assessmentLeague(schemeId).with([("v", String(v))])), .text("第\(v)版 "))
            }) : .empty,
            .p(.a(.href(SiteURL.assessmentLeagueXLSX(schemeId).with([("v", String(r.version))])), .text("导出 Excel（排名与各单位得分明细）"))),
            .raw(chart(r.cards)),
            .div(.class("scroll"), .table(.class("responsive"),
                .thead(.tr(.th("名次"), .th("单位"), .forEach(items) { .th(.text("\($0.name)")) }, .th("加分"), .th("扣分"), .th("总分"), .th("等次"), .th("较上版"))),
                .tbody(.forEach(r.cards) { c in
                    let before = previousRanks[c.unitId]
                    let move = before.map { $0 == c.rank ? "—" : ($0 > c.rank ? "↑\($0 - c.rank)" : "↓\(c.rank - $0)") } ?? "—"
                    let canOpen = openable?.contains(c.unitId) ?? true
                    return .tr(.td(.data(named: "label", value: "名次"), .text(String(c.rank))),
                        .td(.data(named: "label", value: "单位"), canOpen ? .a(.href(SiteURL.assessmentScorecard(schemeId, c.unitId).with([("v", String(r.version))])), .text(c.unitName)) : .text(c.unitName)),
                        .forEach(c.items) { i in .td(.data(named: "label", value: i.name), .text(String(format: "%.2f", i.earned))) },
                        .td(.data(named: "label", value: "加分"), .text(formatNumber(c.bonus))),
                        .td(.data(named: "label", value: "扣分"), .text(formatNumber(c.deduction))),
                        .td(.data(named: "label", value: "总分"), .strong(.text(formatNumber(c.total)))),
                        .td(.data(named: "label", value: "等次"), .text(c.grade), c.vetoes.isEmpty ? .empty : .span(.class("danger"), .text("（一票否决）"))),
                        .td(.data(named: "label", value: "较上版"), .text(move)))
                }))),
            r.changes.isEmpty ? .empty : .group(.h2("本版与上一版的变化"), .table(
                .thead(.tr(.th("单位"), .th("总分"), .th("名次"), .th("等次"))),
                .tbody(.forEach(r.changes) { ch in
                    .tr(.td(.text(ch.unitName)),
                        .td(.text("\(ch.totalBefore.map(formatNumber) ?? "—") → \(ch.totalAfter.map(formatNumber) ?? "—")")),
                        .td(.text("\(ch.rankBefore.map(String.init) ?? "—") → \(ch.rankAfter.map(String.init) ?? "—")")),
                        .td(.text("\(ch.gradeBefore ?? "—") → \(ch.gradeAfter ?? "—")")))
                })))
        ))
    }

    /// Units side by side: one horizontal bar per unit, stacked by item, the total at the end, as SVG.
    func chart(_ cards: [Scorecard]) -> String {
        guard !cards.isEmpty else { return "" }
        let rowH = 22.0, left = 150.0, width = 720.0, right = 70.0, top = 24.0
        let h = top + rowH * Double(cards.count) + 8
        let maxTotal = max(100, cards.map { $0.base + $0.bonus }.max() ?? 100)
        let scale = (width - left - right) / maxTotal
        let palette = ["#1a5fb4", "#26a269", "#e5a50a", "#c64600", "#613583", "#63452c", "#3584e4", "#2ec27e", "#f6d32d", "#e66100"]
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        func esc(_ s: String) -> String { attr(s) }
        var s = "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(h))\" width=\"100%\" role=\"img\" aria-label=\"各单位得分对比\">"
        let legend = cards[0].items.prefix(palette.count).enumerated().map { i, item in
            "<rect x=\"\(f(left + Double(i) * 90))\" y=\"4\" width=\"10\" height=\"10\" fill=\"\(palette[i])\"/><text x=\"\(f(left + Double(i) * 90 + 14))\" y=\"13\" font-size=\"11\" fill=\"#5f6368\">\(esc(String(item.name.prefix(6))))</text>"
        }.joined()
        s += legend
        for (k, c) in cards.enumerated() {
            let y = top + rowH * Double(k)
            s += "<text x=\"\(f(left - 6))\" y=\"\(f(y + 15))\" font-size=\"12\" text-anchor=\"end\" fill=\"#202124\">\(c.rank). \(esc(c.unitName))</text>"
            var x = left
            for (i, item) in c.items.enumerated() where item.earned > 0 {
                let w = item.earned * scale
                s += "<rect x=\"\(f(x))\" y=\"\(f(y + 3))\" width=\"\(f(w))\" height=\"\(f(rowH - 6))\" fill=\"\(palette[i % palette.count])\"><title>\(esc(item.name))：\(String(format: "%.2f", item.earned))</title></rect>"
                x += w
            }
            if c.bonus > 0 {
                s += "<rect x=\"\(f(x))\" y=\"\(f(y + 3))\" width=\"\(f(c.bonus * scale))\" height=\"\(f(rowH - 6))\" fill=\"#9ec5ff\"><title>加分：\(formatNumber(c.bonus))</title></rect>"
                x += c.bonus * scale
            }
            let color = c.vetoes.isEmpty ? "#202124" : "#d93025"
            s += "<text x=\"\(f(x + 4))\" y=\"\(f(y + 15))\" font-size=\"12\" fill=\"\(color)\">\(formatNumber(c.total)) \(esc(c.grade))</text>"
        }
        return s + "</svg>"
    }
}
