import Domain
import Plot

/// What pages show of a 督办单 (Views knows no storage types).
public struct OrderLine: Sendable {
    public let id: Int
    /// The task supervised, or nil for an order about an enterprise appeal.
    public let taskId: Int?
    /// What the order is about: the task's title or the appeal's, and the page it links to.
    public let taskTitle: String
    public let subjectPath: String
    public let unitName: String
    public let level: EscalationLevel
    public let status: OrderStatus
    public let auto: Bool
    public let reason: String
    public let replyDue: Day?
    public let clock: ClockState
    public let deduction: Double
    public init(id: Int, taskId: Int?, taskTitle: String, subjectPath: String, unitName: String, level: EscalationLevel, status: OrderStatus, auto: Bool, reason: String,
                replyDue: Day?, clock: ClockState, deduction: Double) {
        self.id = id; self.taskId = taskId; self.taskTitle = taskTitle; self.subjectPath = subjectPath; self.unitName = unitName; self.level = level; self.status = status
        self.auto = auto; self.reason = reason; self.replyDue = replyDue; self.clock = clock; self.deduction = deduction
    }
}

/// A leader's instruction as shown to the unit and on the task.
public struct InstructionLine: Sendable {
    public let id: Int
    public let version: Int
    public let taskId: Int
    public let taskTitle: String
    public let orderId: Int?
    public let leaderName: String
    public let text: String
    public let createdAt: String
    public let answer: String?
    public let answeredBy: String?
    public init(id: Int, version: Int, taskId: Int, taskTitle: String, orderId: Int?, leaderName: String, text: String, createdAt: String,
                answer: String?, answeredBy: String?) {
        self.id = id; self.version = version; self.taskId = taskId; self.taskTitle = taskTitle; self.orderId = orderId; self.leaderName = leaderName
        self.text = text; self.createdAt = createdAt; self.answer = answer; self.answeredBy = answeredBy
    }
}

enum SupervisionUI {
    static func clock<C: HTML.BodyContext>(_ c: ClockState, status: OrderStatus) -> Node<C> {
        switch (c, status) {
        case (_, .proposed): return .span(.class("light not_started"), .text("待下发"))
        case (.stopped, _): return .span(.class("light done"), .text(status.chineseName))
        case (.running(let left), _): return .span(.class("light green"), .text("剩\(left)个工作日"))
        case (.dueToday, _): return .span(.class("light yellow"), .text("今日到期"))
        case (.overdue(let n), _): return .span(.class("light red"), .text(n == 0 ? "已超期" : "超期\(n)个工作日"))
        }
    }

    static func ordersTable(_ orders: [OrderLine], empty: String) -> Node<HTML.BodyContext> {
        orders.isEmpty ? .p(.class("meta"), .text(empty)) : .div(.class("scroll"), .table(.class("responsive"),
            .thead(.tr(.th("督办单"), .th("任务"), .th("承办单位"), .th("级别"), .th("状态"), .th("反馈时限"), .th("时钟"))),
            .tbody(.forEach(orders) { o in
                .tr(.td(.data(named: "label", value: "督办单"), .a(.href(SiteURL.order(o.id).path), .text("督字第\(o.id)号")), o.auto ? .span(.class("meta"), .text(" 系统建议")) : .empty),
                    .td(.data(named: "label", value: "事项"), .a(.href(o.subjectPath), .text(o.taskTitle))),
                    .td(.data(named: "label", value: "承办单位"), .text(o.unitName)),
                    .td(.data(named: "label", value: "级别"), .text(o.level.chineseName)),
                    .td(.data(named: "label", value: "状态"), .text(o.status.chineseName)),
                    .td(.data(named: "label", value: "反馈时限"), .text(o.replyDue?.iso ?? "—")),
                    .td(.data(named: "label", value: "时钟"), clock(o.clock, status: o.status)))
            })))
    }

    static func instructions(_ items: [InstructionLine], answerable: Bool, csrf: String) -> Node<HTML.BodyContext> {
        items.isEmpty ? .p(.class("meta"), .text("暂无领导批示")) : .ul(.class("instructions"), .forEach(items) { i in
            .li(.p(.strong(.text("\(i.leaderName)批示：")), .text(i.text), .span(.class("meta"), .text(" （\(String(i.createdAt.prefix(10)))，"),
                   .a(.href(SiteURL.task(i.taskId).path), .text(i.taskTitle)), .text("）"))),
                .unwrap(i.answer) { a in .p(.class("meta"), .text("落实情况（\(i.answeredBy ?? "")）：\(a)")) },
                i.answer == nil && answerable ? .form(.method(.post), .action(SiteURL.instructionAnswer(i.id).path), .class("inline"),
                    UI.csrf(csrf), .input(.type(.hidden), .name("version"), .value(String(i.version))),
                    UI.field("落实情况", name: "answer", error: FormErrors(), UI.textArea("answer", "")), UI.submit("答复")) : .empty,
                i.answer == nil && !answerable ? .p(.class("meta"), .span(.class("light yellow"), .text("待答复"))) : .empty)
        })
    }
}
