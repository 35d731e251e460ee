import Domain
import Foundation
import Plot

/// One clause: its condition and amount rule, the firms that qualify now and why (each line of the condition with the
/// firm's own figure), the firms one condition short and what they miss, the claims (申报 → 审核 → 兑现) against its
/// budget; the office edits the clause and moves claims on.
public struct ClausePage: Sendable {
    public struct FirmLine: Sendable {
        public let firmId: Int, name: String, lines: [String], amount: String
        public init(firmId: Int, name: String, lines: [String], amount: String) { self.firmId = firmId; self.name = name; self.lines = lines; self.amount = amount }
    }
    public struct ClaimLine: Sendable {
        public let redemption: Redemption, version: Int, firmName: String
        public init(redemption: Redemption, version: Int, firmName: String) { self.redemption = redemption; self.version = version; self.firmName = firmName }
    }
    public var policy: Policy
    public var clause: PolicyClause
    public var qualifying: [FirmLine]
    public var near: [FirmLine]
    public var claims: [ClaimLine]
    public var committed: Double
    public var canEdit: Bool
    public var form: ClauseForm
    public var error: String?
    public var today: Day
    public init(policy: Policy, clause: PolicyClause, qualifying: [FirmLine], near: [FirmLine], claims: [ClaimLine], committed: Double, canEdit: Bool,
                form: ClauseForm, today: Day) {
        self.policy = policy; self.clause = clause; self.qualifying = qualifying; self.near = near; self.claims = claims; self.committed = committed
        self.canEdit = canEdit; self.form = form; self.today = today
    }

    func budgetText() -> String {
        let spent = PolicyListPage.wan(committed)
        guard let b = clause.annualBudget else { return "不限（已审核/兑现\(spent)万元）" }
        return "\(PolicyListPage.wan(b))万元，已审核/兑现\(spent)万元，剩余\(PolicyListPage.wan(max(0, b - committed)))万元"
    }

    func summary() -> Node<HTML.BodyContext> {
        let c = clause
        return .table(.class("facts"),
            .tr(.th("类型"), .td(.text(c.kind.chineseName))),
            .tr(.th("判断年度"), .td(.text("\(c.year)年企业数据"))),
            .tr(.th("申报条件"), .td(.code(.text(c.condition)))),
            .tr(.th("金额"), .td(.text(c.amountRule.description))),
            .tr(.th("年度预算"), .td(.text(budgetText()))))
    }

    func firmTable(_ rows: [FirmLine], withAmount: Bool, csrf: String) -> Node<HTML.BodyContext> {
        rows.isEmpty ? .p(.class("meta"), .text("无。")) : .div(.class("scroll"), .table(.class("responsive"),
            .thead(.tr(.th("企业"), .th(withAmount ? "依据（企业数据逐项对照）" : "还差什么"), withAmount ? .th("测算金额") : .empty, canEdit && withAmount ? .th("") : .empty)),
            .tbody(.forEach(rows.prefix(300)) { r in
                .tr(.td(.data(named: "label", value: "企业"), .a(.href(SiteURL.enterprisePolicies(r.firmId).path), .text(r.name))),
                    .td(.data(named: "label", value: "依据"), .ul(.forEach(r.lines) { .li(.text($0)) })),
                    withAmount ? .td(.data(named: "label", value: "金额"), .text(r.amount)) : .empty,
                    canEdit && withAmount ? .td(.form(.method(.post), .action(SiteURL.clauseRedemptions(clause.id).path), .class("inline"), UI.csrf(csrf),
                        .input(.type(.hidden), .name("enterpriseId"), .value(String(r.firmId))), .button(.type(.submit), .text("登记申报")))) : .empty)
            })))
    }

    func claimActions(_ l: ClaimLine, _ csrf: String) -> Node<HTML.BodyContext> {
        guard canEdit else { return .empty }
        func form(_ action: String, _ label: String, _ input: Node<HTML.FormContext>) -> Node<HTML.BodyContext> {
            .form(.method(.post), .action(SiteURL.redemptionAct(l.redemption.id).path), .class("inline"), UI.csrf(csrf),
                  .input(.type(.hidden), .name("version"), .value(String(l.version))), .input(.type(.hidden), .name("action"), .value(action)),
                  input, .button(.type(.submit), .text(label)))
        }
        switch l.redemption.status {
        case .applied:
            return .group(form("approve", "审核通过", .input(.type(.text), .name("amount"), .placeholder("核定金额（万元）"), .value(l.redemption.requestedAmount.map(PolicyListPage.wan) ?? ""))),
                          form("reject", "驳回", .input(.type(.text), .name("reason"), .placeholder("驳回理由"))))
        case .approved:
            return form("pay", "兑现", .input(.type(.text), .name("amount"), .placeholder("兑现金额（万元）"), .value(l.redemption.approvedAmount.map(PolicyListPage.wan) ?? "")))
        case .rejected, .paid: return .empty
        }
    }

    func claimsTable(_ csrf: String) -> Node<HTML.BodyContext> {
        claims.isEmpty ? .p(.class("meta"), .text("尚无申报。")) : .div(.class("scroll"), .table(.class("responsive"),
            .thead(.tr(.th("企业"), .th("申报日"), .th("状态"), .th("申请/核定/兑现（万元）"), .th("办理"))),
            .tbody(.forEach(claims) { l in
                let r = l.redemption
                return .tr(.td(.data(named: "label", value: "企业"), .text(l.firmName)), .td(.data(named: "label", value: "申报日"), .text(r.appliedOn.iso)),
                           .td(.data(named: "label", value: "状态"), .text(r.status.chineseName + (r.rejectionReason.map { "：\($0)" } ?? ""))),
                           .td(.data(named: "label", value: "金额"), .text([r.requestedAmount, r.approvedAmount, r.paidAmount].map { $0.map(PolicyListPage.wan) ?? "—" }.joined(separator: " / "))),
                           .td(.data(named: "label", value: "办理"), claimActions(l, csrf)))
            })))
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: clause.title, context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.policy(policy.id).path), .text("‹ \(policy.title)"))),
            .h1(.text("\(clause.number) \(clause.title)")),
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            summary(),
            .h2(.text("符合条件的企业（\(qualifying.count)家，免申即享候选）")),
            firmTable(qualifying, withAmount: true, csrf: ctx.csrfToken),
            .h2(.text("差一点的企业（\(near.count)家，差一项条件）")),
            firmTable(near, withAmount: false, csrf: ctx.csrfToken),
            .h2("申报与兑现"),
            claimsTable(ctx.csrfToken),
            canEdit ? .group(.h2("修改条款"), form.render(action: SiteURL.clause(clause.id).path, csrf: ctx.csrfToken, submit: "保存修改")) : .empty
        ))
    }
}
