import Domain
import Foundation
import Plot

/// 导入任务分解表: choose the year and the file, see what it would create and change (or every problem, by cell),
/// then confirm. The confirmation carries the file back with the preview's fingerprint, so what is applied is what
/// was shown.
public struct TaskSheetImportPage: Sendable {
    /// What the preview shows, with names already looked up.
    public struct Preview: Sendable {
        public struct Created: Sendable {
            public let line: Int; public let title: String; public let place: String; public let owner: String; public let start: String; public let deadline: String
            public init(line: Int, title: String, place: String, owner: String, start: String, deadline: String) {
                self.line = line; self.title = title; self.place = place; self.owner = owner; self.start = start; self.deadline = deadline
            }
        }
        public struct Changed: Sendable {
            public let line: Int; public let id: Int; public let title: String; public let fields: [TaskSheetChanges.FieldChange]
            public init(line: Int, id: Int, title: String, fields: [TaskSheetChanges.FieldChange]) { self.line = line; self.id = id; self.title = title; self.fields = fields }
        }
        public var newPlans: [String] = []
        public var newWorkPoints: [String] = []
        public var leaderChanges: [String] = []
        public var created: [Created] = []
        public var changed: [Changed] = []
        public var unchanged = 0
        public var notes: [String] = []
        public var fingerprint = ""
        /// The file, base64, and its name, sent back with the confirmation.
        public var payload = ""
        public var filename = ""
        public init() {}
        public var changesNothing: Bool { newPlans.isEmpty && newWorkPoints.isEmpty && leaderChanges.isEmpty && created.isEmpty && changed.isEmpty }
    }

    public var years: [Int]
    public var year: Int
    public var preview: Preview?
    public var done: String?
    public var message: String?
    public var notes: [String] = []
    public var errors: [ImportRowError] = []
    /// At most this many rows of each list are shown; the counts are always whole.
    public static let shownRows = 300

    public init(years: [Int], year: Int) { self.years = years; self.year = year }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "导入任务分解表", context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.matrix.path), .text("‹ 工作矩阵"))),
            .h1("导入任务分解表"),
            .p(.class("meta"), .text("上传Excel（.xlsx）或CSV任务分解表：先预览将新建和修改的内容，确认后一次全部导入；任何一行有误则一行也不导入。从系统导出的表改完可直接导回，按任务编号更新原任务，不会重复。")),
            .p(.a(.href(SiteURL.taskSheetTemplate.with([("year", String(year))])), .text("下载模板（含单位、计划、分管领导下拉列表）")),
               .text("　"), .a(.href(SiteURL.matrixExcel.with([("year", String(year))])), .text("导出本年度任务分解表"))),
            .unwrap(done) { .p(.class("notice"), .text($0)) },
            .unwrap(message) { .p(.class("errorbox"), .text($0)) },
            .forEach(notes) { .p(.class("meta"), .text($0)) },
            errors.isEmpty ? .empty : .group(
                .p(.class("errorbox"), .text("文件有\(errors.count)处问题，未导入任何数据。请修改后重新上传：")),
                .div(.class("scroll"), .table(.thead(.tr(.th("单元格"), .th("行"), .th("列"), .th("问题"))),
                       .tbody(.forEach(errors.prefix(Self.shownRows)) { e in
                           .tr(.td(.text(e.cell ?? "—")), .td(.text("第\(e.line)行")), .td(.text(e.column)), .td(.text(e.message)))
                       }))),
                errors.count > Self.shownRows ? .p(.class("meta"), .text("另有\(errors.count - Self.shownRows)处问题未列出。")) : .empty),
            .unwrap(preview) { previewSection($0, ctx) },
            .h2(preview == nil ? "上传文件" : "重新上传"),
            .form(.method(.post), .action(SiteURL.taskSheetImport.path), .class("edit"), .enctype(.multipartData), UI.csrf(ctx.csrfToken),
                  UI.field("年度", name: "year", error: FormErrors(), UI.select("year", options: years.map { (String($0), "\($0)年度") }, selected: [String(year)])),
                  .div(.class("field"), .element(named: "label", nodes: [.attribute(named: "for", value: "file"), .text("文件（.xlsx 或 .csv，不超过10MB）")]),
                       .input(.type(.file), .id("file"), .name("file"), .attribute(named: "accept", value: ".xlsx,.csv"))),
                  UI.submit("预览"))
        ))
    }

    func previewSection(_ p: Preview, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        .group(
            .h2("预览：\(p.filename)"),
            .div(.class("counts"),
                 .span(.class("light green"), .text("新建任务 \(p.created.count)")),
                 .span(.class("light yellow"), .text("修改任务 \(p.changed.count)")),
                 .span(.class("light not_started"), .text("无变化 \(p.unchanged)")),
                 .span(.class("light not_started"), .text("新建计划 \(p.newPlans.count)")),
                 .span(.class("light not_started"), .text("新建工作要点 \(p.newWorkPoints.count)"))),
            .forEach(p.notes) { .p(.class("warning"), .text($0)) },
            p.newPlans.isEmpty ? .empty : .p(.text("新建计划：" + p.newPlans.joined(separator: "；"))),
            p.newWorkPoints.isEmpty ? .empty : .p(.text("新建工作要点：" + p.newWorkPoints.joined(separator: "；"))),
            p.leaderChanges.isEmpty ? .empty : .p(.text("更换分管领导：" + p.leaderChanges.joined(separator: "；"))),
            p.created.isEmpty ? .empty : .group(
                .h3("新建任务（\(p.created.count)项）"),
                .div(.class("scroll"), .table(.thead(.tr(.th("行"), .th("任务名称"), .th("计划／工作要点"), .th("责任单位"), .th("计划开始"), .th("完成时限"))),
                    .tbody(.forEach(p.created.prefix(Self.shownRows)) { c in
                        .tr(.td(.text("第\(c.line)行")), .td(.text(c.title)), .td(.text(c.place)), .td(.text(c.owner)), .td(.text(c.start)), .td(.text(c.deadline)))
                    })))),
            p.changed.isEmpty ? .empty : .group(
                .h3("修改任务（\(p.changed.count)项）"),
                .div(.class("scroll"), .table(.thead(.tr(.th("行"), .th("任务"), .th("项目"), .th("原值"), .th("新值"))),
                    .tbody(.forEach(p.changed.prefix(Self.shownRows)) { c in
                        .group(.forEach(Array(c.fields.enumerated())) { i, f in
                            .tr(i == 0 ? .td(.attribute(named: "rowspan", value: String(c.fields.count)), .text("第\(c.line)行")) : .empty,
                                i == 0 ? .td(.attribute(named: "rowspan", value: String(c.fields.count)), .a(.href(SiteURL.task(c.id).path), .text("#\(c.id) \(c.title)"))) : .empty,
                                .td(.text(f.field)), .td(.text(f.before.isEmpty ? "（空）" : f.before)), .td(.text(f.after.isEmpty ? "（空）" : f.after)))
                        })
                    })))),
            (p.created.count > Self.shownRows || p.changed.count > Self.shownRows) ? .p(.class("meta"), .text("每类最多列出\(Self.shownRows)项，确认后全部导入。")) : .empty,
            p.changesNothing
                ? .p(.class("notice"), .text("表中的任务与系统一致，没有需要导入的内容。"))
                : .form(.method(.post), .action(SiteURL.taskSheetImport.path), .enctype(.multipartData), UI.csrf(ctx.csrfToken),
                        .input(.type(.hidden), .name("year"), .value(String(year))),
                        .input(.type(.hidden), .name("fingerprint"), .value(attr(p.fingerprint))),
                        .input(.type(.hidden), .name("filename"), .value(attr(p.filename))),
                        .input(.type(.hidden), .name("payload"), .value(attr(p.payload))),
                        .input(.type(.hidden), .name("confirm"), .value("1")),
                        UI.submit("确认导入（新建\(p.created.count)项，修改\(p.changed.count)项）"))
        )
    }
}
