import Domain
import Foundation
import Plot

/// 政策体系: the zone's policy documents with their clauses, how many firms each clause selects now and how much of its
/// budget is spent; the press releases that announced them; the office adds a policy.
public struct PolicyListPage: Sendable {
    public struct ClauseLine: Sendable {
        public let clause: PolicyClause, qualifying: Int?, committed: Double
        public init(clause: PolicyClause, qualifying: Int?, committed: Double) { self.clause = clause; self.qualifying = qualifying; self.committed = committed }
    }
    public var policies: [(Policy, [ClauseLine])]
    public var releases: [PressRelease]
    public var canEdit: Bool
    public var today: Day
    public var values: [String: String]
    public var errors: FormErrors
    public init(policies: [(Policy, [ClauseLine])], releases: [PressRelease], canEdit: Bool, today: Day, values: [String: String] = [:], errors: FormErrors = FormErrors()) {
        self.policies = policies; self.releases = releases; self.canEdit = canEdit; self.today = today; self.values = values; self.errors = errors
    }

    static func wan(_ v: Double) -> String { v == v.rounded() ? String(format: "%.0f", v) : String(format: "%.2f", v) }

    static func policyBlock(_ p: Policy, _ lines: [ClauseLine], today: Day) -> Node<HTML.BodyContext> {
        .section(.class("policy"),
            .h2(.a(.href(SiteURL.policy(p.id).path), .text(p.title))),
            .p(.class("meta"), .text("\(p.issuer) · \(p.documentNumber) · \(p.issuedOn.iso)发布 · \(p.isEffective(on: today) ? "有效" : "不在有效期")")),
            lines.isEmpty ? .p(.class("meta"), .text("尚未录入条款。")) : .div(.class("scroll"), .table(.class("responsive"),
                .thead(.tr(.th("条款"), .th("类型"), .th("年度"), .th("符合条件企业"), .th("预算（万元）"), .th("已审核/兑现"))),
                .tbody(.forEach(lines) { l in
                    .tr(.td(.data(named: "label", value: "条款"), .a(.href(SiteURL.clause(l.clause.id).path), .text("\(l.clause.number) \(l.clause.title)"))),
                        .td(.data(named: "label", value: "类型"), .text(l.clause.kind.chineseName)),
                        .td(.data(named: "label", value: "年度"), .text(String(l.clause.year))),
                        .td(.data(named: "label", value: "符合条件"), .text(l.qualifying.map { "\($0)家" } ?? "条件有误")),
                        .td(.data(named: "label", value: "预算"), .text(l.clause.annualBudget.map(Self.wan) ?? "不限")),
                        .td(.data(named: "label", value: "已审核/兑现"), l.clause.annualBudget.map { b in UI.progressBar(b > 0 ? l.committed / b * 100 : 0) } ?? .text(Self.wan(l.committed))))
                }))))
    }

    func newPolicyForm(_ csrf: String) -> Node<HTML.BodyContext> {
        func v(_ k: String) -> String { values[k] ?? "" }
        return .group(.h2("录入政策文件"),
            .form(.method(.post), .action(SiteURL.policyNew.path), .class("edit"), UI.csrf(csrf),
                UI.field("文件标题", name: "title", error: errors, UI.textInput("title", v("title"), required: true)),
                UI.field("发文单位", name: "issuer", error: errors, UI.textInput("issuer", v("issuer"))),
                UI.field("文号（如 高新管发〔2026〕12号）", name: "documentNumber", error: errors, UI.textInput("documentNumber", v("documentNumber"))),
                UI.field("发布日期", name: "issuedOn", error: errors, UI.textInput("issuedOn", v("issuedOn"), type: "date")),
                UI.field("施行日期", name: "effectiveFrom", error: errors, UI.textInput("effectiveFrom", v("effectiveFrom"), type: "date")),
                UI.field("有效期至（可空）", name: "effectiveTo", error: errors, UI.textInput("effectiveTo", v("effectiveTo"), type: "date")),
                UI.field("正文", name: "text", error: errors, UI.textArea("text", v("text"))),
                UI.submit("保存")))
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "政策体系", context: ctx, body: .group(
            .h1("政策体系"),
            .p(.class("meta"), .text("每个条款的申报条件按企业库数据自动判断：符合条件的企业即为“免申即享”候选，差一项条件的列为“差一点”。"),
               .a(.href(SiteURL.policyConditionHelp.path), .text("条件写法说明")), .text("　"), .a(.href(SiteURL.pressReleases.path), .text("政策新闻发布会"))),
            errors.isEmpty ? .empty : .p(.class("errorbox"), .text("政策文件未保存，请按提示修改。")),
            policies.isEmpty ? .p(.class("meta"), .text("尚未录入政策文件。")) : .forEach(policies) { Self.policyBlock($0.0, $0.1, today: today) },
            canEdit ? newPolicyForm(ctx.csrfToken) : .empty
        ))
    }
}

/// One policy document: its text, its clauses, the press releases that announced it; the office adds a clause.
public struct PolicyPage: Sendable {
    public var policy: Policy
    public var clauses: [PolicyListPage.ClauseLine]
    public var releases: [PressRelease]
    public var canEdit: Bool
    public var form: ClauseForm
    public var today: Day
    public init(policy: Policy, clauses: [PolicyListPage.ClauseLine], releases: [PressRelease], canEdit: Bool, form: ClauseForm, today: Day) {
        self.policy = policy; self.clauses = clauses; self.releases = releases; self.canEdit = canEdit; self.form = form; self.today = today
    }

    public func render(_ ctx: PageContext) -> String {
        let p = policy
        return Layout.render(title: p.title, context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.policies.path), .text("‹ 政策体系"))),
            .h1(.text(p.title)),
            .p(.class("meta"), .text("\(p.issuer) · \(p.documentNumber) · \(p.issuedOn.iso)发布 · 施行 \(p.effectiveFrom.iso)" + (p.effectiveTo.map { " 至 \($0.iso)" } ?? ""))),
            releases.isEmpty ? .empty : .p(.text("发布会："), .forEach(releases) { r in .text("\(r.heldOn.iso) \(r.title)（\(r.place)）　") }),
            p.text.isEmpty ? .empty : .details(.summary("正文"), .p(.class("prewrap"), .text(p.text))),
            PolicyListPage.policyBlock(p, clauses, today: today),
            canEdit ? .group(.h2("新增条款"), form.render(action: SiteURL.policyClauseNew(p.id).path, csrf: ctx.csrfToken, submit: "新增条款")) : .empty
        ))
    }
}

/// The clause editor's fields (new or existing clause): number, title, kind, year, condition, amount rule, budget.
public struct ClauseForm: Sendable {
    public var values: [String: String]
    public var errors: FormErrors
    public init(values: [String: String] = [:], errors: FormErrors = FormErrors()) { self.values = values; self.errors = errors }

    /// The form's values for an existing clause.
    public static func values(of c: PolicyClause) -> [String: String] {
        var v = ["number": c.number, "title": c.title, "kind": c.kind.rawValue, "year": String(c.year), "condition": c.condition,
                 "annualBudget": c.annualBudget.map(PolicyListPage.wan) ?? "", "version": String(c.version)]
        switch c.amountRule {
        case .fixed(let a): v["amountKind"] = "fixed"; v["amount"] = PolicyListPage.wan(a)
        case .percent(let f, let rate, let cap): v["amountKind"] = "percent"; v["amountField"] = f.chineseName; v["rate"] = PolicyListPage.wan(rate); v["cap"] = cap.map(PolicyListPage.wan) ?? ""
        }
        return v
    }

    public func render(action: String, csrf: String, submit: String) -> Node<HTML.BodyContext> {
        func v(_ k: String) -> String { values[k] ?? "" }
        let moneyFields = AmountRule.moneyFields.map { ($0.chineseName, $0.chineseName) }
        return .form(.method(.post), .action(action), .class("edit"), UI.csrf(csrf),
            values["version"].map { .input(.type(.hidden), .name("version"), .value($0)) } ?? .empty,
            UI.field("条款编号（如 第三条）", name: "number", error: errors, UI.textInput("number", v("number"))),
            UI.field("条款名称", name: "title", error: errors, UI.textInput("title", v("title"), required: true)),
            UI.field("类型", name: "kind", error: errors, UI.select("kind", options: PolicyClause.Kind.allCases.map { ($0.rawValue, $0.chineseName) }, selected: [v("kind")])),
            UI.field("判断年度（按该年度企业数据判断，并计入该年度预算）", name: "year", error: errors, UI.textInput("year", v("year"), type: "number")),
            UI.field("申报条件（如：高企 且 研发费用占比 >= 3 且 (营业收入 >= 2000 或 发明专利 >= 1)）", name: "condition", error: errors, UI.textArea("condition", v("condition"))),
            .p(.class("meta"), .a(.href(SiteURL.policyConditionHelp.path), .text("可用字段与写法"))),
            UI.field("金额规则", name: "amountKind", error: errors, UI.select("amountKind", options: [("fixed", "定额"), ("percent", "按比例")], selected: [v("amountKind")])),
            UI.field("定额金额（万元）", name: "amount", error: errors, UI.textInput("amount", v("amount"))),
            UI.field("按比例：基数字段", name: "amountField", error: errors, UI.select("amountField", options: moneyFields, selected: [v("amountField")], blank: "—")),
            UI.field("按比例：比例（%）", name: "rate", error: errors, UI.textInput("rate", v("rate"))),
            UI.field("按比例：封顶（万元，可空）", name: "cap", error: errors, UI.textInput("cap", v("cap"))),
            UI.field("年度预算（万元，可空表示不限）", name: "annualBudget", error: errors, UI.textInput("annualBudget", v("annualBudget"))),
            UI.submit(submit))
    }
}
