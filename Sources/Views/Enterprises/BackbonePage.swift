import Domain
import Foundation
import Plot

/// 骨干企业: the zone's top firms by revenue and by tax in a year, each with its trend over the years as a small line
/// and its growth on the year before.
public struct BackbonePage: Sendable {
    public struct Row: Sendable {
        public let id: Int, name: String, chain: String, series: [(year: Int, value: Double)]
        public init(id: Int, name: String, chain: String, series: [(year: Int, value: Double)]) { self.id = id; self.name = name; self.chain = chain; self.series = series }
        var latest: Double { series.last?.value ?? 0 }
        var growth: Double? {
            guard series.count >= 2, let prev = series.dropLast().last?.value, prev > 0 else { return nil }
            return (latest / prev - 1) * 100
        }
    }
    public var year: Int
    public var byRevenue: [Row]
    public var byTax: [Row]
    public var revenueTotal: Double
    public var taxTotal: Double
    public init(year: Int, byRevenue: [Row], byTax: [Row], revenueTotal: Double, taxTotal: Double) {
        self.year = year; self.byRevenue = byRevenue; self.byTax = byTax; self.revenueTotal = revenueTotal; self.taxTotal = taxTotal
    }

    static func spark(_ series: [(year: Int, value: Double)]) -> String {
        guard series.count >= 2 else { return "" }
        let w = 120.0, h = 28.0
        let lo = series.map(\.value).min()!, hi = max(series.map(\.value).max()!, lo + 1e-9)
        let pts = series.enumerated().map { i, p in
            String(format: "%.1f,%.1f", 2 + (w - 4) * Double(i) / Double(series.count - 1), h - 3 - (h - 6) * (p.value - lo) / (hi - lo))
        }
        let up = series.last!.value >= series[series.count - 2].value
        return "<svg width=\"\(Int(w))\" height=\"\(Int(h))\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" role=\"img\" aria-label=\"趋势\"><polyline points=\"\(pts.joined(separator: " "))\" fill=\"none\" stroke=\"\(up ? "#188038" : "#d93025")\" stroke-width=\"2\"/></svg>"
    }

    func table(_ title: String, _ rows: [Row], total: Double) -> Node<HTML.BodyContext> {
        let top = rows.reduce(0) { $0 + $1.latest }
        return .group(
            .h2(.text("\(title)前\(rows.count)名（\(year)年，万元）")),
            .p(.class("meta"), .text(total > 0 ? "合计\(String(format: "%.0f", top))万元，占全区登记企业的\(String(format: "%.1f", top / total * 100))%" : "")),
            .div(.class("scroll"), .table(.class("responsive"),
                .thead(.tr(.th("名次"), .th("企业"), .th("产业链"), .th(.text(title)), .th("同比"), .th("历年趋势"))),
                .tbody(.forEach(Array(rows.enumerated())) { i, r in
                    .tr(.td(.data(named: "label", value: "名次"), .text(String(i + 1))),
                        .td(.data(named: "label", value: "企业"), .a(.href(SiteURL.enterprise(r.id).path), .text(r.name))),
                        .td(.data(named: "label", value: "产业链"), .text(r.chain.isEmpty ? "—" : r.chain)),
                        .td(.data(named: "label", value: title), .text(String(format: "%.0f", r.latest))),
                        .td(.data(named: "label", value: "同比"), .text(r.growth.map { String(format: "%+.1f%%", $0) } ?? "—")),
                        .td(.data(named: "label", value: "趋势"), .raw(Self.spark(r.series))))
                }))))
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "骨干企业", context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.enterprises.path), .text("‹ 一企一档"))),
            .h1(.text("骨干企业（\(year)年）")),
            .form(.method(.get), .action(SiteURL.enterpriseBackbone.path), .class("filters"),
                  .element(named: "label", nodes: [.text("年度"), UI.textInput("year", String(year), type: "number")]), .button(.type(.submit), .text("查看"))),
            table("营业收入", byRevenue, total: revenueTotal),
            table("纳税", byTax, total: taxTotal)
        ))
    }
}
