import Domain
import Plot

/// 督办单: the order as a document, its clock, every step taken, and the actions the viewer may take.
public struct OrderPage: Sendable {
    public struct Step: Sendable {
        public let at: String, action: String, actor: String, to: String, text: String
        public init(at: String, action: String, actor: String, to: String, text: String) {
            self.at = at; self.action = action; self.actor = actor; self.to = to; self.text = text
        }
    }
    public var line: OrderLine
    public var version: Int
    public var issuingUnit: String
    public var requiredActions: String
    public var replyWorkdays: Int
    public var issuedOn: Day?
    public var answer: String
    public var leadersCopied: [String]
    public var steps: [Step]
    public var actions: [OrderAction]
    public var canEscalate: Bool
    public var instructions: [InstructionLine]
    public var canInstruct: Bool
    public var canAnswerInstructions: Bool
    public var error: String?
    public init(line: OrderLine, version: Int, issuingUnit: String, requiredActions: String, replyWorkdays: Int, issuedOn: Day?, answer: String,
                leadersCopied: [String], steps: [Step], actions: [OrderAction], canEscalate: Bool, instructions: [InstructionLine],
                canInstruct: Bool, canAnswerInstructions: Bool) {
        self.line = line; self.version = version; self.issuingUnit = issuingUnit; self.requiredActions = requiredActions
        self.replyWorkdays = replyWorkdays; self.issuedOn = issuedOn; self.answer = answer; self.leadersCopied = leadersCopied; self.steps = steps
        self.actions = actions; self.canEscalate = canEscalate; self.instructions = instructions; self.canInstruct = canInstruct
        self.canAnswerInstructions = canAnswerInstructions
    }

    static let actionNames: [String: String] = [
        "propose": "系统建议", "issue": "下发", "sign": "签收", "answer": "反馈", "verify": "核查办结", "sendBack": "退回", "cancel": "撤销", "escalate": "升级",
    ]

    public func render(_ ctx: PageContext) -> String {
        let l = line
        let needsText: Set<OrderAction> = [.answer, .sendBack]
        return Layout.render(title: "督字第\(l.id)号", context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.supervision.path), .text("‹ 督办台"))),
            .div(.class("document"),
                .h1(.text("督办单")),
                .p(.class("docno"), .text("督字第\(l.id)号 · \(l.level.chineseName)")),
                .table(.class("fields"), .tbody(
                    .tr(.th("督办事项"), .td(.a(.href(l.subjectPath), .text(l.taskTitle)))),
                    .tr(.th("承办单位"), .td(.text(l.unitName))),
                    .tr(.th("督办单位"), .td(.text(issuingUnit))),
                    .tr(.th("督办事由"), .td(.text(l.reason.isEmpty ? "—" : l.reason))),
                    .tr(.th("督办要求"), .td(.text(requiredActions))),
                    .tr(.th("下发日期"), .td(.text(issuedOn?.iso ?? "尚未下发"))),
                    .tr(.th("反馈时限"), .td(.text(l.replyDue.map { "\($0.iso)（\(replyWorkdays)个工作日）" } ?? "下发后\(replyWorkdays)个工作日"), .text(" "), SupervisionUI.clock(l.clock, status: l.status))),
                    .tr(.th("状态"), .td(.text(l.status.chineseName))),
                    .tr(.th("考核扣分"), .td(.text(l.deduction == 0 ? "不扣分" : "\(l.deduction)分"))),
                    .tr(.th("抄送领导"), .td(.text(leadersCopied.isEmpty ? "—" : leadersCopied.joined(separator: "、")))),
                    .tr(.th("反馈内容"), .td(.text(answer.isEmpty ? "—" : answer)))
                ))),
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            actions.isEmpty && !canEscalate ? .empty : .h2("办理"),
            .forEach(actions) { a in
                .form(.method(.post), .action(SiteURL.orderAct(l.id).path), .class("edit"),
                      UI.csrf(ctx.csrfToken), .input(.type(.hidden), .name("version"), .value(String(version))),
                      .input(.type(.hidden), .name("action"), .value(a.rawValue)),
                      needsText.contains(a) ? UI.field(a == .answer ? "反馈内容（办理情况、结果）" : "退回理由", name: "text", error: FormErrors(), UI.textArea("text", ""))
                                            : UI.field("说明（可不填）", name: "text", error: FormErrors(), UI.textInput("text", "")),
                      UI.submit(a.chineseName))
            },
            canEscalate ? .form(.method(.post), .action(SiteURL.orderEscalate(l.id).path), .class("edit"),
                UI.csrf(ctx.csrfToken), .input(.type(.hidden), .name("version"), .value(String(version))),
                UI.field("升级理由", name: "text", error: FormErrors(), UI.textInput("text", "")),
                UI.submit("升级一级（\(EscalationLevel.next(after: l.level)?.chineseName ?? "")）")) : .empty,
            .h2("办理过程"),
            .div(.class("scroll"), .table(
                .thead(.tr(.th("时间（北京时间）"), .th("环节"), .th("办理人"), .th("办理后状态"), .th("内容"))),
                .tbody(.forEach(steps) { s in
                    .tr(.td(.text(UI.beijingTime(s.at))), .td(.text(Self.actionNames[s.action] ?? s.action)),
                        .td(.text(s.actor)), .td(.text(OrderStatus(rawValue: s.to)?.chineseName ?? s.to)), .td(.text(s.text)))
                }))),
            .h2("领导批示"),
            SupervisionUI.instructions(instructions, answerable: canAnswerInstructions, csrf: ctx.csrfToken),
            (canInstruct ? l.taskId : nil).map { taskId in .form(.method(.post), .action(SiteURL.taskInstructions(taskId).path), .class("edit"),
                UI.csrf(ctx.csrfToken), .input(.type(.hidden), .name("order"), .value(String(l.id))),
                UI.field("批示", name: "text", error: FormErrors(), UI.textArea("text", "")), UI.submit("批示")) } ?? .empty
        ))
    }
}
