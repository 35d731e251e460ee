import Domain
import Plot

/// 填报: a task's report for the current period, and its earlier reports.
public struct ReportFormPage: Sendable {
    public struct Past: Sendable {
        public let periodKey: String, submittedAt: String, by: String, percent: Int, progress: String, status: String, late: Bool, reason: String?
        public let files: [File]
        public init(periodKey: String, submittedAt: String, by: String, percent: Int, progress: String, status: String, late: Bool, reason: String?,
                    files: [File] = []) {
            self.periodKey = periodKey; self.submittedAt = submittedAt; self.by = by; self.percent = percent; self.progress = progress
            self.status = status; self.late = late; self.reason = reason; self.files = files
        }
    }
    /// A stored evidence file, linked for download.
    public struct File: Sendable {
        public let id: Int, name: String, size: String
        public init(id: Int, name: String, size: String) { self.id = id; self.name = name; self.size = size }
    }
    public var task: TaskItem
    public var period: ReportingPeriod
    public var values: [String: String]
    public var errors: FormErrors
    public var history: [Past]
    public var canSubmit: Bool
    /// "草稿保存于…" when the form shows a saved draft.
    public var draftNote: String?
    public init(task: TaskItem, period: ReportingPeriod, values: [String: String], errors: FormErrors, history: [Past], canSubmit: Bool) {
        self.task = task; self.period = period; self.values = values; self.errors = errors; self.history = history; self.canSubmit = canSubmit
    }

    public func render(_ ctx: PageContext) -> String {
        func v(_ k: String) -> String { values[k] ?? "" }
        return Layout.render(title: "交账：\(task.title)", context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.inbox.path), .text("‹ 交账收件箱"))),
            .h1(.text("交账：\(task.title)")),
            .p(.class("meta"), .text("本期 \(period.key)，截止\(period.due.iso) \(period.dueHour):00。提交后由督查室审核；逾期提交照常接收并标注逾期。")),
            errors.isEmpty ? .empty : .p(.class("errorbox"), .text(errors["_form"] ?? "请修改标出的内容后再提交。")),
            .unwrap(draftNote) { .p(.class("notice"), .text($0)) },
            canSubmit ? .form(.method(.post), .action(SiteURL.taskReport(task.id).path), .class("edit"), .enctype(.multipartData),
                UI.csrf(ctx.csrfToken),
                UI.field("完成进度（%）", name: "percentDone", error: errors, UI.textInput("percentDone", v("percentDone"), type: "number", required: true)),
                UI.field("本期进展", name: "progress", error: errors, UI.textArea("progress", v("progress"))),
                UI.field("存在问题", name: "problems", error: errors, UI.textArea("problems", v("problems"))),
                UI.field("下步计划", name: "nextSteps", error: errors, UI.textArea("nextSteps", v("nextSteps"))),
                UI.field("需协调事项", name: "coordination", error: errors, UI.textArea("coordination", v("coordination"))),
                UI.field("佐证材料（PDF、图片、Word/Excel/PPT/WPS；每个不超过\(EvidenceRules.maxBytes / 1024 / 1024)MB，最多\(EvidenceRules.maxFiles)个）",
                         name: "evidence", error: errors,
                         .element(named: "input", nodes: [.attribute(named: "type", value: "file"), .attribute(named: "name", value: "evidence"),
                                .attribute(named: "id", value: "evidence"), .attribute(named: "multiple", value: "multiple"),
                                .attribute(named: "accept", value: EvidenceRules.acceptList + ",image/*")])),
                // On a phone this opens the camera directly; the photo is sent with the files chosen above.
                .div(.class("field"), .element(named: "label", nodes: [.attribute(named: "for", value: "photo"), .text("或用手机直接拍照")]),
                     .element(named: "input", nodes: [.attribute(named: "type", value: "file"), .attribute(named: "name", value: "evidence"),
                                .attribute(named: "id", value: "photo"), .attribute(named: "accept", value: "image/*"),
                                .attribute(named: "capture", value: "environment")])),
                .p(.class("meta"), .text("出错时已选的文件需重新选择；填写的文字会保留。草稿只保存文字，不保存附件。")),
                .div(.class("buttons"),
                    .button(.type(.submit), .class("primary"), .text("提交")),
                    .button(.type(.submit), .name("save"), .value("draft"), .attribute(named: "formnovalidate", value: "formnovalidate"), .text("保存草稿")))) : .empty,
            .h2("交账记录"),
            history.isEmpty ? .p(.class("meta"), .text("暂无")) : .div(.class("scroll"), .table(
                .thead(.tr(.th("周期"), .th("提交时间"), .th("提交人"), .th("进度"), .th("本期进展"), .th("佐证材料"), .th("审核"))),
                .tbody(.forEach(history) { h in
                    .tr(.td(.text(h.periodKey)), .td(.text(UI.beijingTime(h.submittedAt) + (h.late ? " 逾期" : ""))),
                        .td(.text(h.by)), .td(.text("\(h.percent)%")), .td(.text(h.progress)),
                        .td(.forEach(h.files) { f in .div(.a(.href("/evidence/\(f.id)"), .text(f.name)), .span(.class("meta"), .text(" " + f.size))) }),
                        .td(.text(h.status + (h.reason.flatMap { $0.isEmpty ? nil : "：" + $0 } ?? ""))))
                })))
        ))
    }
}
