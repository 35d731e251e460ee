import Domain
import Foundation
import Plot

/// 一企一档: one enterprise — basics, tiers with their certificates and expiry, figures year by year (a past year
/// stays as entered), what it lacks for 高企 and 科小, and the office's forms to add a year or a tier.
public struct EnterprisePage: Sendable {
    public var enterprise: Enterprise
    public var servingUnit: String
    public var years: [EnterpriseYear]
    public var tiers: [EnterpriseTier]
    public var checks: [TierCriteria.Check]
    public var canEdit: Bool
    public var today: Day
    public var error: String?
    public var centers: [RDCenter] = []
    /// 孵化路径: each stay with its carrier's name and stage; the carriers to choose from.
    public var path: [(id: Int, version: Int, carrier: String, stage: String, step: IncubationStep)] = []
    public var carriers: [(Int, String)] = []
    public init(enterprise: Enterprise, servingUnit: String, years: [EnterpriseYear], tiers: [EnterpriseTier], checks: [TierCriteria.Check], canEdit: Bool, today: Day) {
        self.enterprise = enterprise; self.servingUnit = servingUnit; self.years = years; self.tiers = tiers; self.checks = checks
        self.canEdit = canEdit; self.today = today
    }

    static func n(_ v: Double?) -> String { v.map { String(format: "%.0f", $0) } ?? "—" }
    static func i(_ v: Int?) -> String { v.map(String.init) ?? "—" }

    func pathSection(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        let e = enterprise
        _ = e
        return .group(
            .h2("孵化路径"),
            path.isEmpty ? .p(.class("meta"), .text("未入驻孵化载体。")) : .table(
                .thead(.tr(.th("阶段"), .th("载体"), .th("入驻"), .th("离开"), .th("结果"))),
                .tbody(.forEach(path) { p in
                    .tr(.td(.text(p.stage)), .td(.text(p.carrier)), .td(.text(p.step.enteredOn.iso)), .td(.text(p.step.leftOn?.iso ?? "在孵")),
                        .td(p.step.leftOn == nil && canEdit
                            ? .form(.method(.post), .action(SiteURL.incubationLeave(p.id).path), .class("inline"), UI.csrf(ctx.csrfToken),
                                    .input(.type(.hidden), .name("version"), .value(String(p.version))),
                                    .element(named: "label", nodes: [UI.select("outcome", options: IncubationStep.Outcome.allCases.map { ($0.rawValue, $0.chineseName) }, selected: [])]),
                                    .element(named: "label", nodes: [UI.textInput("leftOn", today.iso, type: "date")]), .button(.type(.submit), .text("登记离开")))
                            : .text(p.step.outcome?.chineseName ?? "—")))
                })),
            canEdit && !carriers.isEmpty && !path.contains(where: { $0.step.leftOn == nil }) ? .form(.method(.post), .action(SiteURL.enterpriseIncubation(e.id).path), .class("filters"), UI.csrf(ctx.csrfToken),
                .element(named: "label", nodes: [.text("入驻载体"), UI.select("carrierId", options: carriers.map { (String($0.0), $0.1) }, selected: [])]),
                .element(named: "label", nodes: [.text("入驻日期"), UI.textInput("enteredOn", today.iso, type: "date")]),
                .button(.type(.submit), .text("登记入驻"))) : .empty
        )
    }

    func centersSection(_ ctx: PageContext) -> Node<HTML.BodyContext> {
        let e = enterprise
        _ = e
        return .group(
            .h2("研发机构"),
            centers.isEmpty ? .p(.class("meta"), .text("尚无研发机构。")) : .table(
                .thead(.tr(.th("名称"), .th("级别"), .th("认定（建立）日期"))),
                .tbody(.forEach(centers) { c in .tr(.td(.text(c.name)), .td(.text(c.level.chineseName)), .td(.text(c.recognizedOn.iso))) })),
            canEdit ? .form(.method(.post), .action(SiteURL.enterpriseRDCenters(e.id).path), .class("filters"), UI.csrf(ctx.csrfToken),
                .element(named: "label", nodes: [.text("名称"), UI.textInput("name", "", placeholder: "如：企业技术中心")]),
                .element(named: "label", nodes: [.text("级别"), UI.select("level", options: RDCenter.Level.allCases.map { ($0.rawValue, $0.chineseName) }, selected: [])]),
                .element(named: "label", nodes: [.text("认定日期"), UI.textInput("recognizedOn", "", type: "date")]),
                .button(.type(.submit), .text("登记研发机构"))) : .empty
        )
    }

    func checksSection() -> Node<HTML.BodyContext> {
        .group(
            .forEach(checks) { c in
                .div(.class("card"),
                     .h3(.text("\(c.tier.chineseName)：" + (c.meets ? "可核查的条件均已满足" : c.nearly ? "差一项（列入培育库）" : c.unknown.isEmpty ? "差\(c.unmet.count)项" : "数据不全"))),
                     .table(.thead(.tr(.th("条件"), .th("要求"), .th("现状"), .th("差距"))),
                            .tbody(.forEach(c.conditions) { k in
                                .tr(.td(.text(k.name)), .td(.text(k.required)), .td(.text(k.actual)),
                                    .td(.text(k.met == true ? "✓ 满足" : (k.gap ?? "待补充数据"))))
                            })),
                     c.toVerify.isEmpty ? .empty : .p(.class("meta"), .text("另需人工核实：" + c.toVerify.joined(separator: "；"))))
            }
        )
    }

    public func render(_ ctx: PageContext) -> String {
        let e = enterprise
        return Layout.render(title: e.name, context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.enterprises.path), .text("‹ 一企一档"))),
            .h1(.text(e.name)),
            .p(.class("meta"), .text("统一社会信用代码 \(e.creditCode) · 行业 \(e.industryCode.isEmpty ? "—" : e.industryCode) · 产业链 \(e.chain.isEmpty ? "—" : e.chain)"
                                     + " · 成立 \(e.foundedOn?.iso ?? "—") · 包联单位 \(servingUnit.isEmpty ? "—" : servingUnit) · 包联干部 \(e.visitingOfficial.isEmpty ? "—" : e.visitingOfficial)")),
            .unwrap(e.address.isEmpty ? nil : e.address) { .p(.class("meta"), .text("地址：\($0)")) },
            e.archived ? .p(.class("errorbox"), .text("该企业已归档：不再出现在列表和统计中，历史数据保留可查。")) : .empty,
            canEdit && !e.archived ? .p(.a(.href(SiteURL.enterpriseEdit(e.id).path), .text("修改基本信息")), .text("　"),
                                        UI.postButton("归档", to: "/enterprises/\(e.id)/archive", csrf: ctx.csrfToken, version: e.version, confirm: "归档后该企业不再出现在列表和统计中，确定吗？")) : .empty,
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            .h2("培育梯度"),
            tiers.isEmpty ? .p(.class("meta"), .text("尚无认定。")) : .table(
                .thead(.tr(.th("梯度"), .th("证书编号"), .th("认定日期"), .th("有效期至"), .th("状态"))),
                .tbody(.forEach(tiers) { t in
                    let soon = t.expiresOn.map { $0 >= today && $0 <= today.adding(days: 180) } ?? false
                    return .tr(.td(.text(t.kind.chineseName)), .td(.text(t.certificate.isEmpty ? "—" : t.certificate)), .td(.text(t.grantedOn.iso)),
                        .td(.text(t.expiresOn?.iso ?? "长期")),
                        .td(.text(t.isValid(on: today) ? (soon ? "有效，半年内到期，需准备重新认定" : "有效") : (t.grantedOn > today ? "未生效" : "已过期"))))
                })),
            pathSection(ctx),
            centersSection(ctx),
            .h2("历年数据（万元）"),
            years.isEmpty ? .p(.class("meta"), .text("尚无年度数据。")) : .div(.class("scroll"), .table(
                .thead(.tr(.th("年度"), .th("规模"), .th("营业收入"), .th("主营业务收入"), .th("研发费用"), .th("高新技术产品收入"), .th("纳税"), .th("资产总额"),
                           .th("从业人员"), .th("科技人员"), .th("发明专利"), .th("实用新型"), .th("外观设计"))),
                .tbody(.forEach(years.reversed()) { y in
                    .tr(.td(.text(String(y.year))), .td(.text(y.aboveScale ? "规上" : "规下")), .td(.text(Self.n(y.revenue))), .td(.text(Self.n(y.mainRevenue))),
                        .td(.text(Self.n(y.rdExpense))), .td(.text(Self.n(y.highTechRevenue))), .td(.text(Self.n(y.tax))), .td(.text(Self.n(y.totalAssets))),
                        .td(.text(Self.i(y.employees))), .td(.text(Self.i(y.rdStaff))), .td(.text(Self.i(y.inventionPatents))), .td(.text(Self.i(y.utilityPatents))),
                        .td(.text(Self.i(y.designPatents))))
                }))),
            .h2("对照认定条件"),
            checksSection(),
            canEdit ? .group(
                .h2("录入年度数据"),
                .p(.class("meta"), .text("留空的项保持该年度已有数值；金额单位万元。")),
                .form(.method(.post), .action(SiteURL.enterpriseYears(e.id).path), .class("filters"), UI.csrf(ctx.csrfToken),
                      .element(named: "label", nodes: [.text("年度"), UI.textInput("year", String(today.year - 1), type: "number")]),
                      .forEach([("revenue", "营业收入"), ("mainRevenue", "主营业务收入"), ("rdExpense", "研发费用"), ("highTechRevenue", "高新技术产品收入"), ("tax", "纳税"),
                                ("totalAssets", "资产总额"), ("employees", "从业人员"), ("rdStaff", "科技人员"), ("inventionPatents", "发明专利"),
                                ("utilityPatents", "实用新型"), ("designPatents", "外观设计")]) { f in
                          .element(named: "label", nodes: [.text(f.1), UI.textInput(f.0, "")])
                      },
                      .element(named: "label", nodes: [.text("规上"), UI.select("aboveScale", options: [("", "不变"), ("0", "否"), ("1", "是")], selected: [""])]),
                      .button(.type(.submit), .text("保存该年度"))),
                .h2("登记认定"),
                .form(.method(.post), .action(SiteURL.enterpriseTiers(e.id).path), .class("filters"), UI.csrf(ctx.csrfToken),
                      .element(named: "label", nodes: [.text("梯度"), UI.select("kind", options: EnterpriseTier.Kind.allCases.map { ($0.rawValue, $0.chineseName) }, selected: [])]),
                      .element(named: "label", nodes: [.text("证书编号"), UI.textInput("certificate", "")]),
                      .element(named: "label", nodes: [.text("认定日期"), UI.textInput("grantedOn", "", type: "date")]),
                      .element(named: "label", nodes: [.text("有效期至（不填按年限计算）"), UI.textInput("expiresOn", "", type: "date")]),
                      .button(.type(.submit), .text("登记")))) : .empty
        ))
    }
}
