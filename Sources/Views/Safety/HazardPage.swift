import Domain
import Foundation
import Plot

/// One hazard: what and where, who puts it right by when, every step with its evidence, and the buttons of whoever is
/// looking (the responsible unit signs, submits evidence and, for a 一般 hazard, verifies; the office verifies or sends back).
public struct HazardPage: Sendable {
    public struct Step: Sendable {
        public let at: String, action: String, actor: String, to: String, text: String
        public init(at: String, action: String, actor: String, to: String, text: String) { self.at = at; self.action = action; self.actor = actor; self.to = to; self.text = text }
    }
    public var hazard: Hazard
    public var firm: String
    public var firmId: Int
    public var unit: String
    public var clock: HazardClock
    public var steps: [Step]
    public var files: [(id: Int, filename: String)]
    public var actions: [(HazardAction, HazardParty)]
    public var orders: [(Int, String)]
    public var error: String?
    public init(hazard: Hazard, firm: String, firmId: Int, unit: String, clock: HazardClock, steps: [Step], files: [(id: Int, filename: String)],
                actions: [(HazardAction, HazardParty)], orders: [(Int, String)]) {
        self.hazard = hazard; self.firm = firm; self.firmId = firmId; self.unit = unit; self.clock = clock; self.steps = steps; self.files = files
        self.actions = actions; self.orders = orders
    }

    func facts() -> Node<HTML.BodyContext> {
        let h = hazard
        return .table(.class("facts"),
            .tr(.th("企业"), .td(.a(.href(SiteURL.enterprise(firmId).path), .text(firm)))),
            .tr(.th("等级"), .td(.text(h.level.chineseName))),
            .tr(.th("发现"), .td(.text(h.foundOn.iso))),
            .tr(.th("责任单位 / 整改责任人"), .td(.text("\(unit) / \(h.responsiblePerson)"))),
            .tr(.th("整改期限"), .td(.text(h.deadline.iso + (clock.isOverdue ? "（已逾期\(clock.overdueWorkdays)个工作日）" : "")))),
            .tr(.th("状态"), .td(.text(h.status.chineseName + (h.sentBackCount > 0 ? "（退回\(h.sentBackCount)次：\(h.lastSendBackReason)）" : "")))),
            .tr(.th("整改佐证"), .td(files.isEmpty ? .text("尚未上传") : .group(.forEach(files) { f in .group(.a(.href(SiteURL.hazardFile(f.id).path), .text(f.filename)), .text(" ")) }))),
            orders.isEmpty ? .empty : .tr(.th("督办"), .td(.forEach(orders) { o in .group(.a(.href(SiteURL.order(o.0).path), .text("督字第\(o.0)号")), .text("（\(o.1)） ")) })))
    }

    func actionForms(_ csrf: String) -> Node<HTML.BodyContext> {
        .forEach(actions) { pair in
            let (action, party) = pair
            return .form(.method(.post), .action(SiteURL.hazardAct(hazard.id).path), .class("edit"), .enctype(.multipartData), UI.csrf(csrf),
                .input(.type(.hidden), .name("version"), .value(String(hazard.version))),
                .input(.type(.hidden), .name("action"), .value(action.rawValue)),
                .input(.type(.hidden), .name("party"), .value(party.rawValue)),
                .h3(.text("\(action.chineseName)（\(party.chineseName)）")),
                action == .submit ? UI.field("整改佐证（照片、验收材料，可多选；至少一份）", name: "evidence", error: FormErrors(),
                    .element(named: "input", nodes: [.attribute(named: "type", value: "file"), .attribute(named: "name", value: "evidence"),
                                                     .attribute(named: "multiple", value: "multiple"), .attribute(named: "accept", value: EvidenceRules.acceptList + ",image/*"),
                                                     .attribute(named: "capture", value: "environment")])) : .empty,
                action == .startRectifying ? .empty : UI.field(action == .sendBack ? "退回理由" : (action == .submit ? "整改情况" : "验收意见"), name: "text", error: FormErrors(), UI.textArea("text", "")),
                UI.submit(action.chineseName))
        }
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "隐患整改", context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.safety.path), .text("‹ 安全生产"))),
            .h1(.text(hazard.description)),
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            facts(),
            actionForms(ctx.csrfToken),
            .h2("整改过程"),
            .table(.thead(.tr(.th("时间"), .th("环节"), .th("办理人"), .th("结果"), .th("内容"))),
                   .tbody(.forEach(steps) { s in
                       .tr(.td(.text(UI.beijingTime(s.at))), .td(.text(HazardAction(rawValue: s.action)?.chineseName ?? (s.action == "found" ? "发现登记" : s.action))),
                           .td(.text(s.actor)), .td(.text(HazardStatus(rawValue: s.to)?.chineseName ?? s.to)), .td(.text(s.text)))
                   }))
        ))
    }
}
