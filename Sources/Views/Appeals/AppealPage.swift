import Domain
import Foundation
import Plot

/// One appeal: what the firm asked, its due days, who handles it, every step so far, and the buttons of whoever is
/// looking (the office assigns, the lead unit answers, the firm confirms and rates or sends it back).
public struct AppealPage: Sendable {
    public struct Step: Sendable {
        public let at: String, action: String, actor: String, to: String, text: String
        public init(at: String, action: String, actor: String, to: String, text: String) { self.at = at; self.action = action; self.actor = actor; self.to = to; self.text = text }
    }
    public struct File: Sendable {
        public let id: Int, name: String
        public init(id: Int, name: String) { self.id = id; self.name = name }
    }
    public var appeal: Appeal
    public var steps: [Step]
    public var files: [File]
    public var units: [(Int, String)]
    /// The actions offered, with the party taking them (a page may offer both office and unit buttons to one person).
    public var actions: [AppealAction]
    /// Supervision orders raised about the appeal: id and status.
    public var orders: [(Int, String)]
    public var today: Day
    /// Where the action form posts (the signed-in route, or the public 查询 route with the code and phone as hidden fields).
    public var actionURL: String
    public var hidden: [(String, String)]
    /// Officials follow the firm to its registry page; the firm itself and the public do not.
    public var linkRegistry = false
    public var error: String?
    public init(appeal: Appeal, steps: [Step], files: [File], units: [(Int, String)], actions: [AppealAction], orders: [(Int, String)], today: Day,
                actionURL: String, hidden: [(String, String)] = []) {
        self.appeal = appeal; self.steps = steps; self.files = files; self.units = units; self.actions = actions; self.orders = orders
        self.today = today; self.actionURL = actionURL; self.hidden = hidden
    }

    func unitName(_ id: Int?) -> String { id.flatMap { i in units.first { $0.0 == i }?.1 } ?? "—" }

    func facts() -> Node<HTML.BodyContext> {
        let a = appeal
        let clock = AppealClock(appeal: a, today: today)
        func due(_ s: AppealStage, _ done: Day?) -> String {
            "\(a.due[s].iso)" + (done.map { "（\($0.iso)完成\($0 > a.due[s] ? "，逾期" : "")）" } ?? (clock.late.contains(s) ? "（已逾期）" : ""))
        }
        return .table(.class("facts"),
            .tr(.th("企业"), .td(.text(a.firmName + (a.creditCode.isEmpty ? "" : "（\(a.creditCode)）")),
                                 .unwrap(linkRegistry ? a.enterpriseId : nil) { .group(.text(" "), .a(.href(SiteURL.enterprise($0).path), .text("一企一档"))) })),
            .tr(.th("联系人"), .td(.text("\(a.contactName) \(a.contactPhone)"))),
            .tr(.th("类别 / 渠道"), .td(.text("\(a.category.chineseName) · \(a.channel.chineseName)"))),
            .tr(.th("状态"), .td(AppealUI.statusLabel(a, today: today), .text(a.reopenCount > 0 ? "（企业退回重办\(a.reopenCount)次）" : ""))),
            .tr(.th("主办 / 协办"), .td(.text(unitName(a.leadUnitId) + (a.coUnitIds.isEmpty ? "" : " / " + a.coUnitIds.map { unitName($0) }.joined(separator: "、"))))),
            .tr(.th("受理"), .td(.text(a.receivedOn.iso))),
            .tr(.th("分派时限"), .td(.text(due(.assign, a.assignedOn)))),
            .tr(.th("答复时限"), .td(.text(due(.answer, a.answeredOn)))),
            .tr(.th("办结时限"), .td(.text(due(.resolve, a.closedOn)))),
            .tr(.th("企业评价"), .td(.text(a.satisfaction?.chineseName ?? "—"))),
            orders.isEmpty ? .empty : .tr(.th("督办"), .td(.forEach(orders) { o in .group(.a(.href(SiteURL.order(o.0).path), .text("督字第\(o.0)号")), .text("（\(o.1)） ")) })))
    }

    func actionForms(_ csrf: String) -> Node<HTML.BodyContext> {
        .forEach(actions) { action in
            .form(.method(.post), .action(actionURL), .class("edit"), UI.csrf(csrf),
                .input(.type(.hidden), .name("version"), .value(String(appeal.version))),
                .input(.type(.hidden), .name("action"), .value(action.rawValue)),
                .forEach(hidden) { h in .input(.type(.hidden), .name(h.0), .value(attr(h.1))) },
                .h3(.text(title(action))),
                fields(for: action),
                UI.submit(title(action)))
        }
    }

    /// An assigned appeal is assigned again: 改派.
    func title(_ action: AppealAction) -> String { action == .assign && appeal.status == .assigned ? "改派" : action.chineseName }

    func fields(for action: AppealAction) -> Node<HTML.FormContext> {
        switch action {
        case .assign:
            return .group(
                UI.field("主办单位", name: "leadUnitId", error: FormErrors(), UI.select("leadUnitId", options: units.map { (String($0.0), $0.1) }, selected: [], blank: "请选择")),
                UI.field("协办单位（可多选）", name: "coUnitIds", error: FormErrors(), UI.select("coUnitIds", options: units.map { (String($0.0), $0.1) }, selected: [], multiple: true)))
        case .accept: return .empty
        case .answer: return UI.field("答复内容（将告知企业）", name: "text", error: FormErrors(), UI.textArea("text", ""))
        case .confirm:
            return .group(
                .div(.class("field"), .element(named: "label", nodes: [.text("满意度")]),
                     .div(.forEach(Satisfaction.allCases) { s in
                         .element(named: "label", nodes: [.class("inline"), .input(.type(.radio), .name("satisfaction"), .value(s.rawValue)), .text(s.chineseName + "　")])
                     })),
                UI.field("意见（可不填）", name: "text", error: FormErrors(), UI.textArea("text", "")))
        case .reopen: return UI.field("哪里没有解决", name: "text", error: FormErrors(), UI.textArea("text", ""))
        case .close: return UI.field("办结说明（如已电话回访企业）", name: "text", error: FormErrors(), UI.textArea("text", ""))
        case .decline: return UI.field("不予受理的理由（将告知企业）", name: "text", error: FormErrors(), UI.textArea("text", ""))
        }
    }

    public func render(_ ctx: PageContext, back: SiteURL = .appeals) -> String {
        let a = appeal
        return Layout.render(title: a.title, context: ctx, body: .group(
            .p(.class("meta"), .a(.href(back.path), .text("‹ 企业诉求"))),
            .h1(.text(a.title)),
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            facts(),
            .h2("诉求内容"), .p(.class("prewrap"), .text(a.description)),
            files.isEmpty ? .empty : .p(.text("附件："), .forEach(files) { f in .group(.a(.href(SiteURL.appealFile(f.id).path), .text(f.name)), .text(" ")) }),
            a.answer.isEmpty ? .empty : .group(.h2(a.status == .declined ? "不予受理理由" : "答复"), .p(.class("prewrap"), .text(a.answer))),
            actionForms(ctx.csrfToken),
            .h2("办理过程"),
            .table(.thead(.tr(.th("时间"), .th("环节"), .th("办理人"), .th("结果"), .th("内容"))),
                   .tbody(.forEach(steps) { s in
                       .tr(.td(.text(UI.beijingTime(s.at))), .td(.text(AppealAction(rawValue: s.action)?.chineseName ?? (s.action == "file" ? "提出/登记" : s.action))),
                           .td(.text(s.actor)), .td(.text(AppealStatus(rawValue: s.to)?.chineseName ?? s.to)), .td(.text(s.text)))
                   }))
        ))
    }
}
