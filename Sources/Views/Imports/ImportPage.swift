import Domain
import Foundation
import Plot

/// An import screen: what the file must hold, the template to download, the upload form, and the outcome — what was
/// applied, or, for a refused file, every row's problem (nothing applied).
public struct ImportPage: Sendable {
    public var title: String
    public var back: (url: String, label: String)
    public var intro: [String]
    public var template: String
    public var action: String
    /// Extra choices in the form (name, label, options).
    public var choices: [(name: String, label: String, options: [(String, String)])] = []
    public var done: String?
    public var notes: [String] = []
    public var message: String?
    public var errors: [ImportRowError] = []
    public init(title: String, back: (url: String, label: String), intro: [String], template: String, action: String) {
        self.title = title; self.back = back; self.intro = intro; self.template = template; self.action = action
    }

    public func render(_ ctx: PageContext, current: SiteURL) -> String {
        Layout.render(title: title, context: ctx, body: .group(
            .p(.class("meta"), .a(.href(back.url), .text("‹ \(back.label)"))),
            .h1(.text(title)),
            .forEach(intro) { .p(.class("meta"), .text($0)) },
            .p(.a(.href(template), .text("下载模板"))),
            .unwrap(done) { .p(.class("notice"), .text($0)) },
            .forEach(notes) { .p(.class("meta"), .text($0)) },
            .unwrap(message) { .p(.class("errorbox"), .text($0)) },
            errors.isEmpty ? .empty : .group(
                .p(.class("errorbox"), .text("文件有\(errors.count)处问题，未导入任何数据。请修改后重新上传：")),
                .table(.thead(.tr(.th("行"), .th("列"), .th("问题"))),
                       .tbody(.forEach(errors) { e in .tr(.td(.text("第\(e.line)行")), .td(.text(e.column)), .td(.text(e.message))) }))),
            .form(.method(.post), .action(action), .class("edit"), .enctype(.multipartData), UI.csrf(ctx.csrfToken),
                  .forEach(choices) { c in UI.field(c.label, name: c.name, error: FormErrors(), UI.select(c.name, options: c.options, selected: [c.options.first?.0 ?? ""])) },
                  .div(.class("field"), .element(named: "label", nodes: [.attribute(named: "for", value: "file"), .text("文件（.xlsx 或 .csv，不超过10MB）")]),
                       .input(.type(.file), .id("file"), .name("file"), .attribute(named: "accept", value: ".xlsx,.csv"))),
                  UI.submit("导入"))
        ))
    }
}
