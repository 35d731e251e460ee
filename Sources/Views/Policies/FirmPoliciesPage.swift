import Domain
import Foundation
import Plot

/// For one firm: what it can claim now (免申即享 candidates) with the amount and the figures behind it, what it is one
/// condition short of, and its claims so far.
public struct FirmPoliciesPage: Sendable {
    public struct Line: Sendable {
        public let clauseId: Int, title: String, policyTitle: String, lines: [String], amount: String
        public init(clauseId: Int, title: String, policyTitle: String, lines: [String], amount: String) {
            self.clauseId = clauseId; self.title = title; self.policyTitle = policyTitle; self.lines = lines; self.amount = amount
        }
    }
    public var firmId: Int
    public var firmName: String
    public var qualifying: [Line]
    public var near: [Line]
    public var claims: [(String, Redemption)]
    public var linkClauses: Bool
    public init(firmId: Int, firmName: String, qualifying: [Line], near: [Line], claims: [(String, Redemption)], linkClauses: Bool) {
        self.firmId = firmId; self.firmName = firmName; self.qualifying = qualifying; self.near = near; self.claims = claims; self.linkClauses = linkClauses
    }

    func table(_ rows: [Line], amount: Bool) -> Node<HTML.BodyContext> {
        rows.isEmpty ? .p(.class("meta"), .text("无。")) : .div(.class("scroll"), .table(.class("responsive"),
            .thead(.tr(.th("政策条款"), .th(amount ? "依据" : "还差什么"), amount ? .th("测算金额") : .empty)),
            .tbody(.forEach(rows) { r in
                .tr(.td(.data(named: "label", value: "条款"), linkClauses ? .a(.href(SiteURL.clause(r.clauseId).path), .text(r.title)) : .text(r.title),
                        .div(.class("meta"), .text(r.policyTitle))),
                    .td(.data(named: "label", value: "依据"), .ul(.forEach(r.lines) { .li(.text($0)) })),
                    amount ? .td(.data(named: "label", value: "金额"), .text(r.amount)) : .empty)
            })))
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "\(firmName) 可享政策", context: ctx, body: .group(
            linkClauses ? .p(.class("meta"), .a(.href(SiteURL.enterprise(firmId).path), .text("‹ \(firmName)"))) : .empty,
            .h1(.text("\(firmName)：可享政策")),
            .p(.class("meta"), .text("按企业库中本企业的数据自动判断；数据有误请联系包联单位更正。")),
            .h2(.text("可享受（\(qualifying.count)项）")), table(qualifying, amount: true),
            .h2(.text("差一项条件（\(near.count)项）")), table(near, amount: false),
            .h2("申报与兑现"),
            claims.isEmpty ? .p(.class("meta"), .text("尚无申报。")) : .table(.thead(.tr(.th("条款"), .th("状态"), .th("核定/兑现（万元）"))),
                .tbody(.forEach(claims) { c in
                    .tr(.td(.text(c.0)), .td(.text(c.1.status.chineseName + (c.1.rejectionReason.map { "：\($0)" } ?? ""))),
                        .td(.text([c.1.approvedAmount, c.1.paidAmount].map { $0.map(PolicyListPage.wan) ?? "—" }.joined(separator: " / "))))
                }))
        ))
    }
}

/// 政策新闻发布会: each with its date, place and the policies it announced; the office records one.
public struct PressReleasePage: Sendable {
    public var releases: [PressRelease]
    public var policies: [(Int, String)]
    public var canEdit: Bool
    public var values: [String: String]
    public var error: String?
    public init(releases: [PressRelease], policies: [(Int, String)], canEdit: Bool, values: [String: String] = [:], error: String? = nil) {
        self.releases = releases; self.policies = policies; self.canEdit = canEdit; self.values = values; self.error = error
    }

    public func render(_ ctx: PageContext) -> String {
        func title(_ id: Int) -> String { policies.first { $0.0 == id }?.1 ?? "#\(id)" }
        func v(_ k: String) -> String { values[k] ?? "" }
        return Layout.render(title: "政策新闻发布会", context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.policies.path), .text("‹ 政策体系"))),
            .h1("政策新闻发布会"),
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            releases.isEmpty ? .p(.class("meta"), .text("尚无记录。")) : .table(.thead(.tr(.th("日期"), .th("发布会"), .th("地点"), .th("发布的政策"))),
                .tbody(.forEach(releases) { r in
                    .tr(.td(.text(r.heldOn.iso)), .td(.text(r.title), .div(.class("meta"), .text(r.summary))), .td(.text(r.place)),
                        .td(.forEach(r.policyIds) { id in .div(.a(.href(SiteURL.policy(id).path), .text(title(id)))) }))
                })),
            canEdit ? .group(.h2("记录发布会"), .form(.method(.post), .action(SiteURL.pressReleases.path), .class("edit"), UI.csrf(ctx.csrfToken),
                UI.field("名称", name: "title", error: FormErrors(), UI.textInput("title", v("title"), required: true)),
                UI.field("日期", name: "heldOn", error: FormErrors(), UI.textInput("heldOn", v("heldOn"), type: "date")),
                UI.field("地点", name: "place", error: FormErrors(), UI.textInput("place", v("place"))),
                UI.field("发布的政策（可多选）", name: "policyIds", error: FormErrors(), UI.select("policyIds", options: policies.map { (String($0.0), $0.1) }, selected: [], multiple: true)),
                UI.field("摘要", name: "summary", error: FormErrors(), UI.textArea("summary", v("summary"))),
                UI.submit("保存"))) : .empty
        ))
    }
}

/// The condition language for office staff: every field from the catalogue with its type and meaning, the operators, examples.
public struct ConditionHelpPage: Sendable {
    public init() {}
    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "申报条件写法", context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.policies.path), .text("‹ 政策体系"))),
            .h1("申报条件写法"),
            .p(.text("条件由“字段 比较 值”组成，用 且、或、非 和括号组合（也可写 and、or、not）。保存时检查：字段不存在、类型不符、括号不配对都会提示具体位置。")),
            .h2("示例"),
            .ul(.li(.code("高企 且 研发费用占比 >= 3 且 (营业收入 >= 2000 或 发明专利 >= 1)")),
                .li(.code("资质 包含 \"科技型中小企业\" 且 非 规上")),
                .li(.code("行业 开头 \"C39\" 且 成立年限 >= 2")),
                .li(.code("产业链 属于 [\"集成电路\", \"生物医药\"] 且 营收增长率 > 10"))),
            .h2("比较"),
            .p(.text("数字：= != > >= < <=（也可写 ≥ ≤ ≠）；是否类字段可单独写（如“高企”）或写“= 是 / = 否”；文字：= != 包含 开头 属于 [列表]；资质：包含。")),
            .p(.text("缺少数据的企业不算符合；只差一项条件的企业列为“差一点”，并写明差多少。")),
            .h2("字段"),
            .table(.thead(.tr(.th("字段"), .th("别名"), .th("类型"), .th("含义"))),
                   .tbody(.forEach(ConditionField.allCases) { f in
                       .tr(.td(.text(f.chineseName)), .td(.text(f.info.aliases.joined(separator: "、"))),
                           .td(.text(f.type.chineseName + (f.unit.map { "（\($0)）" } ?? ""))), .td(.text(f.info.description)))
                   }))
        ))
    }
}
