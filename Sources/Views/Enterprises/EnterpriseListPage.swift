import Domain
import Foundation
import Plot

/// 一企一档: the zone's enterprises, searchable by name, credit code or pinyin initials, filtered by chain, tier,
/// scale and serving unit, with the chosen year's figures; the filtered list downloads as Excel.
public struct EnterpriseListPage: Sendable {
    public struct Row: Sendable {
        public let id: Int, name: String, creditCode: String, chain: String, industry: String, servingUnit: String
        public let revenue: Double?, rdExpense: Double?, tax: Double?, aboveScale: Bool?, tiers: [String]
        public init(id: Int, name: String, creditCode: String, chain: String, industry: String, servingUnit: String, revenue: Double?, rdExpense: Double?,
                    tax: Double?, aboveScale: Bool?, tiers: [String]) {
            self.id = id; self.name = name; self.creditCode = creditCode; self.chain = chain; self.industry = industry; self.servingUnit = servingUnit
            self.revenue = revenue; self.rdExpense = rdExpense; self.tax = tax; self.aboveScale = aboveScale; self.tiers = tiers
        }
    }
    public var rows: [Row]
    public var total: Int
    public var year: Int
    public var query: [(String, String?)]
    public var chains: [String]
    public var units: [(Int, String)]
    public var offset: Int
    public var limit: Int
    public var canEdit: Bool
    public init(rows: [Row], total: Int, year: Int, query: [(String, String?)], chains: [String], units: [(Int, String)], offset: Int, limit: Int, canEdit: Bool) {
        self.rows = rows; self.total = total; self.year = year; self.query = query; self.chains = chains; self.units = units
        self.offset = offset; self.limit = limit; self.canEdit = canEdit
    }

    static func money(_ v: Double?) -> String { v.map { String(format: "%.0f", $0) } ?? "—" }

    public func render(_ ctx: PageContext) -> String {
        let q = Dictionary(query.compactMap { k, v in v.map { (k, $0) } }, uniquingKeysWith: { a, _ in a })
        return Layout.render(title: "企业", context: ctx, body: .group(
            .h1("一企一档"),
            .p(.class("meta"), .text("共\(total)家企业。金额单位：万元；数据为\(year)年度。")),
            .p(canEdit ? .group(.a(.href(SiteURL.enterpriseNew.path), .text("登记企业")), .text("　"), .a(.href(SiteURL.enterpriseImport.path), .text("导入（Excel/CSV）")), .text("　")) : .empty,
               .a(.href(SiteURL.enterprisePipeline.path), .text("培育库：高企与科小的差距")), .text("　"),
               .a(.href(SiteURL.enterpriseCoverage.path), .text("研发机构全覆盖与专利清零")), .text("　"),
               .a(.href(SiteURL.incubation.path), .text("孵化链条")), .text("　"),
               .a(.href(SiteURL.enterpriseBackbone.path), .text("骨干企业")), .text("　"),
               .a(.href(SiteURL.fiscal.path), .text("财政税收")), .text("　"),
               .a(.href(SiteURL.enterprisesXLSX.with(query)), .text("导出当前列表（Excel）"))),
            .form(.method(.get), .action(SiteURL.enterprises.path), .class("filters"),
                  .element(named: "label", nodes: [.text("搜索"), UI.textInput("q", q["q"] ?? "", placeholder: "名称、信用代码或拼音首字母")]),
                  .element(named: "label", nodes: [.text("产业链"), UI.select("chain", options: chains.map { ($0, $0) }, selected: [q["chain"] ?? ""], blank: "全部")]),
                  .element(named: "label", nodes: [.text("梯度"), UI.select("tier", options: EnterpriseTier.Kind.allCases.map { ($0.rawValue, $0.chineseName) }, selected: [q["tier"] ?? ""], blank: "全部")]),
                  .element(named: "label", nodes: [.text("规模"), UI.select("scale", options: [("above", "规上"), ("below", "规下")], selected: [q["scale"] ?? ""], blank: "全部")]),
                  .element(named: "label", nodes: [.text("包联单位"), UI.select("unit", options: units.map { (String($0.0), $0.1) }, selected: [q["unit"] ?? ""], blank: "全部")]),
                  .element(named: "label", nodes: [.text("年度"), UI.textInput("year", String(year), type: "number")]),
                  .button(.type(.submit), .text("查询"))),
            rows.isEmpty ? .p(.class("meta"), .text("没有符合条件的企业。")) : .div(.class("scroll"), .table(.class("responsive"),
                .thead(.tr(.th("企业名称"), .th("统一社会信用代码"), .th("产业链"), .th("行业"), .th("规模"), .th("营业收入"), .th("研发费用"), .th("纳税"), .th("梯度"), .th("包联单位"))),
                .tbody(.forEach(rows) { r in
                    .tr(.td(.data(named: "label", value: "企业名称"), .a(.href(SiteURL.enterprise(r.id).path), .text(r.name))),
                        .td(.data(named: "label", value: "信用代码"), .text(r.creditCode)),
                        .td(.data(named: "label", value: "产业链"), .text(r.chain.isEmpty ? "—" : r.chain)),
                        .td(.data(named: "label", value: "行业"), .text(r.industry.isEmpty ? "—" : r.industry)),
                        .td(.data(named: "label", value: "规模"), .text(r.aboveScale.map { $0 ? "规上" : "规下" } ?? "—")),
                        .td(.data(named: "label", value: "营业收入"), .text(Self.money(r.revenue))),
                        .td(.data(named: "label", value: "研发费用"), .text(Self.money(r.rdExpense))),
                        .td(.data(named: "label", value: "纳税"), .text(Self.money(r.tax))),
                        .td(.data(named: "label", value: "梯度"), .text(r.tiers.isEmpty ? "—" : r.tiers.joined(separator: "、"))),
                        .td(.data(named: "label", value: "包联单位"), .text(r.servingUnit.isEmpty ? "—" : r.servingUnit)))
                }))),
            UI.pager(base: .enterprises, query: query, offset: offset, limit: limit, total: total)
        ))
    }
}
