import Domain
import Foundation
import Plot

/// 培育库: firms without a tier that meet, or are one condition short of, 高新技术企业 and 科技型中小企业, with what
/// each lacks; and certificates expiring within half a year (重新认定提醒).
public struct PipelinePage: Sendable {
    public struct Candidate: Sendable {
        public let id: Int, name: String, check: TierCriteria.Check
        public init(id: Int, name: String, check: TierCriteria.Check) { self.id = id; self.name = name; self.check = check }
    }
    public struct Expiring: Sendable {
        public let id: Int, name: String, tier: EnterpriseTier
        public init(id: Int, name: String, tier: EnterpriseTier) { self.id = id; self.name = name; self.tier = tier }
    }
    public var hnte: [Candidate]
    public var techSME: [Candidate]
    public var expiring: [Expiring]
    /// 科小 or 高企 that meet or nearly meet 专精特新.
    public var srdi: [Candidate] = []
    /// Tier → how many firms hold it now; and how many moved up this year.
    public var counts: [(String, Int, Int)]
    public init(hnte: [Candidate], techSME: [Candidate], expiring: [Expiring], counts: [(String, Int, Int)]) {
        self.hnte = hnte; self.techSME = techSME; self.expiring = expiring; self.counts = counts
    }

    func table(_ list: [Candidate]) -> Node<HTML.BodyContext> {
        list.isEmpty ? .p(.class("meta"), .text("暂无。")) : .div(.class("scroll"), .table(.class("responsive"),
            .thead(.tr(.th("企业"), .th("结论"), .th("差距"))),
            .tbody(.forEach(list) { c in
                .tr(.td(.data(named: "label", value: "企业"), .a(.href(SiteURL.enterprise(c.id).path), .text(c.name))),
                    .td(.data(named: "label", value: "结论"), .text(c.check.meets ? "可核查条件均满足，建议申报" : "差一项")),
                    .td(.data(named: "label", value: "差距"), .text(c.check.meets ? "—" : c.check.unmet.map { "\($0.name)：\($0.gap ?? "")" }.joined(separator: "；"))))
            })))
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "培育库", context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.enterprises.path), .text("‹ 一企一档"))),
            .h1("梯度培育库"),
            .raw(chart()),
            .h2("高新技术企业：可申报与差一项的企业（\(hnte.count)家）"),
            .p(.class("meta"), .text("依据《高新技术企业认定管理办法》（国科发火〔2016〕32号）中可由数据核查的条件：成立满一年、拥有知识产权、科技人员占比≥10%、近三年研发费用占比（按收入规模5%/4%/3%）、高新技术产品收入占比≥60%。")),
            table(hnte),
            .h2("科技型中小企业：可评价与差一项的企业（\(techSME.count)家）"),
            table(techSME),
            .h2("专精特新中小企业：已是科小或高企、可申报与差一项的企业（\(srdi.count)家）"),
            .p(.class("meta"), .text("依据2022年《优质中小企业梯度培育管理暂行办法》中可由数据核查的条件：从事细分市场2年以上（按成立时间近似）、上年研发费用≥100万元且占营业收入≥3%、上年营业收入≥1000万元；评价得分须人工核实。")),
            table(srdi),
            .h2("半年内到期的认定（\(expiring.count)项）"),
            expiring.isEmpty ? .p(.class("meta"), .text("暂无。")) : .table(
                .thead(.tr(.th("企业"), .th("梯度"), .th("证书编号"), .th("有效期至"))),
                .tbody(.forEach(expiring) { x in
                    .tr(.td(.a(.href(SiteURL.enterprise(x.id).path), .text(x.name))), .td(.text(x.tier.kind.chineseName)),
                        .td(.text(x.tier.certificate)), .td(.text(x.tier.expiresOn?.iso ?? "—")))
                }))
        ))
    }

    /// The tiers as a ladder of bars: firms holding each now, and how many joined it this year.
    func chart() -> String {
        guard !counts.isEmpty else { return "" }
        let w = 640.0, row = 30.0, left = 150.0, top = 8.0
        let h = top + row * Double(counts.count) + 8
        let most = Double(max(1, counts.map(\.1).max() ?? 1))
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var s = "<svg class=\"chart\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" width=\"100%\" role=\"img\" aria-label=\"培育梯度\">"
        for (k, c) in counts.enumerated() {
            let y = top + row * Double(k)
            let bw = (w - left - 120) * Double(c.1) / most
            s += "<text x=\"\(f(left - 8))\" y=\"\(f(y + 19))\" font-size=\"12\" text-anchor=\"end\" fill=\"#202124\">\(attr(c.0))</text>"
            s += "<rect x=\"\(f(left))\" y=\"\(f(y + 5))\" width=\"\(f(bw))\" height=\"20\" fill=\"#1a5fb4\"/>"
            s += "<text x=\"\(f(left + bw + 6))\" y=\"\(f(y + 19))\" font-size=\"12\" fill=\"#202124\">\(c.1)家（今年新增\(c.2)）</text>"
        }
        return s + "</svg>"
    }
}
