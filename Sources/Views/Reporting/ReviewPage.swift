import Domain
import Plot

/// 审核: submitted reports waiting for the supervision office, each accepted or returned with a reason.
public struct ReviewPage: Sendable {
    public struct Item: Sendable {
        public let id: Int, version: Int, taskId: Int, taskTitle: String, unitName: String, periodKey: String, submittedAt: String
        public let by: String, late: Bool, percent: Int, progress: String, problems: String, coordination: String
        /// 佐证材料 to look at before deciding.
        public var files: [ReportFormPage.File] = []
        public init(id: Int, version: Int, taskId: Int, taskTitle: String, unitName: String, periodKey: String, submittedAt: String,
                    by: String, late: Bool, percent: Int, progress: String, problems: String, coordination: String) {
            self.id = id; self.version = version; self.taskId = taskId; self.taskTitle = taskTitle; self.unitName = unitName
            self.periodKey = periodKey; self.submittedAt = submittedAt; self.by = by; self.late = late; self.percent = percent
            self.progress = progress; self.problems = problems; self.coordination = coordination
        }
    }
    public var items: [Item]
    public var error: String?
    /// All the reports waiting (the page shows `pageSize` of them from `offset`, oldest first).
    public var total: Int
    public var offset = 0
    public static let pageSize = 50
    public init(items: [Item], error: String? = nil) { self.items = items; self.error = error; self.total = items.count }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "审核交账", context: ctx, body: .group(
            .h1("审核交账（\(total)份待审）"),
            total > items.count ? .p(.class("meta"), .text("先提交的在前；本页为第\(offset + 1)–\(offset + items.count)份。")) : .empty,
            .p(.a(.href(SiteURL.reportsExcel.path), .text("导出本期交账情况（Excel：每项任务交了没有、写了什么）"))),
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            items.isEmpty ? .p(.class("meta"), .text("没有待审核的报告。")) : .div(.class("cards"), .forEach(items) { i in
                .div(.class("card"),
                    .h3(.a(.href(SiteURL.task(i.taskId).path), .text(i.taskTitle))),
                    .p(.class("meta"), .text("\(i.unitName) · \(i.periodKey) · \(i.by) · \(UI.beijingTime(i.submittedAt))\(i.late ? " · 逾期提交" : "")")),
                    .p(.text("进度\(i.percent)%：\(i.progress)")),
                    i.problems.isEmpty ? .empty : .p(.text("存在问题：\(i.problems)")),
                    i.coordination.isEmpty ? .empty : .p(.text("需协调：\(i.coordination)")),
                    i.files.isEmpty ? .p(.class("meta"), .text("未附佐证材料")) : .p(.text("佐证材料："), .forEach(i.files) { f in
                        .group(.a(.href("/evidence/\(f.id)"), .attribute(named: "target", value: "_blank"), .text(f.name)), .span(.class("meta"), .text("（\(f.size)） ")))
                    }),
                    .form(.method(.post), .action(SiteURL.reportReview(i.id).path), .class("inline"),
                        UI.csrf(ctx.csrfToken), .input(.type(.hidden), .name("version"), .value(String(i.version))),
                        .input(.type(.hidden), .name("decision"), .value("accept")), .button(.type(.submit), .class("primary"), .text("通过"))),
                    .form(.method(.post), .action(SiteURL.reportReview(i.id).path), .class("filters"),
                        UI.csrf(ctx.csrfToken), .input(.type(.hidden), .name("version"), .value(String(i.version))),
                        .input(.type(.hidden), .name("decision"), .value("return")),
                        .element(named: "label", nodes: [.text("退回理由"), UI.textInput("reason", "")]),
                        .button(.type(.submit), .class("danger"), .text("退回"))))
            }),
            UI.pager(base: .reviews, query: [], offset: offset, limit: Self.pageSize, total: total)
        ))
    }
}
