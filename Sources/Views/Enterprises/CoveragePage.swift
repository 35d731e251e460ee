import Domain
import Foundation
import Plot

/// 研发机构全覆盖、专利清零: each campaign's rate as a bar, and the firms still to cover with who serves them.
public struct CoveragePage: Sendable {
    public struct Firm: Sendable {
        public let id: Int, name: String, chain: String, servingUnit: String, official: String
        public init(id: Int, name: String, chain: String, servingUnit: String, official: String) {
            self.id = id; self.name = name; self.chain = chain; self.servingUnit = servingUnit; self.official = official
        }
    }
    public struct Section: Sendable {
        public let title: String, group: String, what: String, covered: Int, missing: [Firm], unknown: [Firm]
        public init(title: String, group: String, what: String, covered: Int, missing: [Firm], unknown: [Firm]) {
            self.title = title; self.group = group; self.what = what; self.covered = covered; self.missing = missing; self.unknown = unknown
        }
        public var total: Int { covered + missing.count }
    }
    public var year: Int
    public var sections: [Section]
    public init(year: Int, sections: [Section]) { self.year = year; self.sections = sections }

    func bar(_ s: Section) -> String {
        let rate = s.total == 0 ? 0 : Double(s.covered) / Double(s.total)
        let w = 640.0
        return "<svg class=\"chart\" viewBox=\"0 0 \(Int(w)) 40\" width=\"100%\" role=\"img\" aria-label=\"\(attr(s.title))\">"
            + "<rect x=\"0\" y=\"8\" width=\"\(Int(w - 140))\" height=\"22\" fill=\"#e8eaed\"/>"
            + "<rect x=\"0\" y=\"8\" width=\"\(String(format: "%.1f", (w - 140) * rate))\" height=\"22\" fill=\"\(rate >= 1 ? "#188038" : "#1a5fb4")\"/>"
            + "<text x=\"\(Int(w - 132))\" y=\"25\" font-size=\"13\" fill=\"#202124\">\(String(format: "%.1f", rate * 100))%（\(s.covered)/\(s.total)）</text></svg>"
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "覆盖行动", context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.enterprises.path), .text("‹ 一企一档"))),
            .h1(.text("研发机构全覆盖与专利清零（\(year)年度）")),
            .p(.class("meta"), .text("对象为该年度（或此前最近一年）统计为规上的企业；研发机构按年底前认定（建立）的计，含企业自建；专利为年底有效的发明、实用新型和外观设计专利。")),
            .form(.method(.get), .action(SiteURL.enterpriseCoverage.path), .class("filters"),
                  .element(named: "label", nodes: [.text("年度"), UI.textInput("year", String(year), type: "number")]), .button(.type(.submit), .text("查看"))),
            .forEach(sections) { s in
                .group(
                    .h2(.text("\(s.title)：\(s.group)\(s.total)家，\(s.what)\(s.covered)家")),
                    .raw(bar(s)),
                    s.missing.isEmpty ? .p(.class("notice"), .text("已全覆盖。")) : .group(
                        .h3(.text("尚未覆盖的\(s.missing.count)家及包联责任")),
                        .div(.class("scroll"), .table(.class("responsive"),
                            .thead(.tr(.th("企业"), .th("产业链"), .th("包联单位"), .th("包联干部"))),
                            .tbody(.forEach(s.missing) { f in
                                .tr(.td(.data(named: "label", value: "企业"), .a(.href(SiteURL.enterprise(f.id).path), .text(f.name))),
                                    .td(.data(named: "label", value: "产业链"), .text(f.chain.isEmpty ? "—" : f.chain)),
                                    .td(.data(named: "label", value: "包联单位"), .text(f.servingUnit)),
                                    .td(.data(named: "label", value: "包联干部"), .text(f.official.isEmpty ? "—" : f.official)))
                            })))),
                    s.unknown.isEmpty ? .empty : .p(.class("meta"), .text("缺少专利数据、未计入的\(s.unknown.count)家：" + s.unknown.map(\.name).joined(separator: "、"))))
            }
        ))
    }
}
