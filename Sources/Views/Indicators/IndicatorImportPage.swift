import Domain
import Foundation
import Plot

/// 导入指标数值: upload an .xlsx or .csv of 指标代码 / 期间 / 数值 / 说明; all rows are applied or none, and a refused
/// file lists every row's problem with its row number.
public struct IndicatorImportPage: Sendable {
    public var errors: [ImportRowError] = []
    public var message: String?
    public var imported: Int?
    public var importedRanks: Int?
    public var notes: [String] = []
    public init() {}

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "导入指标数值", context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.indicators.path), .text("‹ 指标"))),
            .h1("导入指标数值与同类排名"),
            .p(.class("meta"), .text("统计局、火炬统计等来源的数据可整表导入：Excel（.xlsx）或 CSV，须有“指标代码”“期间”“数值”三列，可有“说明”。期间可写 2026-03、2026年3月、2026-Q1、2026年一季度、2026年等。导入的数值即为督查室确认的数值；全部行无误才导入，任何一行有误则一行也不导入。")),
            .p(.a(.href(SiteURL.indicatorImportTemplate.path), .text("下载模板（含本区全部指标）"))),
            .p(.class("meta"), .text("同类排名（全市、全省、全国）也可整表导入：须有“指标代码”“期间”“范围”“名次”四列，可有“参评总数”；已录入的同期同范围排名将被更正。")),
            .unwrap(imported) { n in .p(.class("notice"), .text("已导入\(n)条数值。")) },
            .unwrap(importedRanks) { n in .p(.class("notice"), .text("已导入\(n)条排名。")) },
            .forEach(notes) { .p(.class("meta"), .text($0)) },
            .unwrap(message) { .p(.class("errorbox"), .text($0)) },
            errors.isEmpty ? .empty : .group(
                .p(.class("errorbox"), .text("文件有\(errors.count)处问题，未导入任何数据。请修改后重新上传：")),
                .table(.thead(.tr(.th("行"), .th("列"), .th("问题"))),
                       .tbody(.forEach(errors) { e in .tr(.td(.text("第\(e.line)行")), .td(.text(e.column)), .td(.text(e.message))) }))),
            .form(.method(.post), .action(SiteURL.indicatorImport.path), .class("edit"), .enctype(.multipartData), UI.csrf(ctx.csrfToken),
                  UI.field("导入内容", name: "kind", error: FormErrors(), UI.select("kind", options: [("values", "指标数值"), ("ranks", "同类排名")], selected: ["values"])),
                  .div(.class("field"), .element(named: "label", nodes: [.attribute(named: "for", value: "file"), .text("文件（.xlsx 或 .csv，不超过10MB）")]),
                       .input(.type(.file), .id("file"), .name("file"), .attribute(named: "accept", value: ".xlsx,.csv"))),
                  UI.submit("导入"))
        ))
    }
}
