import Domain
import Foundation
import Plot

/// One scheme: its definition (editable by the office), a live what-if preview of the ranks against the last
/// published result, publishing, and the history of scheme versions and published results.
public struct SchemePage: Sendable {
    public struct PreviewRow: Sendable {
        public let unitId: Int, unitName: String, rank: Int, total: Double, grade: String, gradeNote: String?
        public let publishedRank: Int?
        public init(unitId: Int, unitName: String, rank: Int, total: Double, grade: String, gradeNote: String?, publishedRank: Int?) {
            self.unitId = unitId; self.unitName = unitName; self.rank = rank; self.total = total; self.grade = grade; self.gradeNote = gradeNote
            self.publishedRank = publishedRank
        }
    }
    public struct Published: Sendable {
        public let version: Int, schemeVersion: Int, at: String, by: String, note: String, changes: Int
        public init(version: Int, schemeVersion: Int, at: String, by: String, note: String, changes: Int) {
            self.version = version; self.schemeVersion = schemeVersion; self.at = at; self.by = by; self.note = note; self.changes = changes
        }
    }
    public var id: Int
    public var name: String
    public var period: AssessmentPeriod
    public var category: OrgUnit.Kind
    public var version: Int
    public var definition: AssessmentScheme
    public var indicators: [(Int, String)]
    public var preview: [PreviewRow] = []
    public var previewNotes: [String] = []
    public var previewError: String?
    public var itemPoints: [Double] = []
    public var consistencyRatio: Double?
    public var whatIf = false
    public var published: [Published] = []
    public var versions: [(version: Int, at: String, by: String)] = []
    public var canEdit: Bool
    public var error: String?
    public var asOf: Day

    public init(id: Int, name: String, period: AssessmentPeriod, category: OrgUnit.Kind, version: Int, definition: AssessmentScheme,
                indicators: [(Int, String)], canEdit: Bool, asOf: Day) {
        self.id = id; self.name = name; self.period = period; self.category = category; self.version = version; self.definition = definition
        self.indicators = indicators; self.canEdit = canEdit; self.asOf = asOf
    }

    func previewTable() -> Node<HTML.BodyContext> {
        if let previewError { return .p(.class("errorbox"), .text("无法试算：\(previewError)")) }
        let hasPublished = !published.isEmpty
        return .group(
            .div(.class("scroll"), .table(.class("responsive"),
                .thead(.tr(.th("名次"), .th("单位"), .th("总分"), .th("等次"), hasPublished ? .th("已发布名次") : .empty, hasPublished ? .th("变化") : .empty)),
                .tbody(.forEach(preview) { r in
                    let move: String = {
                        guard let before = r.publishedRank else { return hasPublished ? "新增" : "" }
                        if before == r.rank { return "—" }
                        return before > r.rank ? "↑\(before - r.rank)" : "↓\(r.rank - before)"
                    }()
                    return .tr(.td(.data(named: "label", value: "名次"), .text(String(r.rank))),
                        .td(.data(named: "label", value: "单位"), .a(.href(SiteURL.assessmentScorecard(id, r.unitId).with([("preview", "1")])), .text(r.unitName))),
                        .td(.data(named: "label", value: "总分"), .text(formatNumber(r.total))),
                        .td(.data(named: "label", value: "等次"), .text(r.grade), .unwrap(r.gradeNote) { .span(.class("meta"), .text("（\($0)）")) }),
                        hasPublished ? .td(.data(named: "label", value: "已发布名次"), .text(r.publishedRank.map(String.init) ?? "—")) : .empty,
                        hasPublished ? .td(.data(named: "label", value: "变化"), .text(move)) : .empty)
                }))),
            .forEach(previewNotes) { .p(.class("meta"), .text($0)) })
    }

    public func render(_ ctx: PageContext) -> String {
        let latest = published.first?.version ?? 0
        let weightsNote: String = definition.weighting == .points ? "" :
            "实际分值：" + zip(definition.items, itemPoints).map { "\($0.name) \(String(format: "%.2f", $1))" }.joined(separator: "，")
            + (consistencyRatio.map { String(format: "；判断矩阵一致性比率 CR = %.4f", $0) } ?? "")
        return Layout.render(title: name, context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.assessment.path), .text("‹ 考核方案"))),
            .h1(.text(name)),
            .p(.class("meta"), .text("\(period.label) · \(category.chineseName) · 方案第\(version)版 · 数据截至\(asOf)")),
            .p(.a(.href(SiteURL.assessmentLeague(id).path), .text("亮晒比（已发布结果）")), .text("　"),
               .a(.href(SiteURL.assessmentMarks(id).path), .text("评议、加减分与否决录入"))),
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            .h2(.text(whatIf ? "试算结果（未保存的方案）" : "按当前方案和最新数据试算")),
            weightsNote.isEmpty ? .empty : .p(.class("meta"), .text(weightsNote)),
            previewTable(),
            canEdit && !whatIf && previewError == nil ? .form(.method(.post), .action(SiteURL.assessmentPublish(id).path), .class("filters"), UI.csrf(ctx.csrfToken),
                .input(.type(.hidden), .name("version"), .value(String(version))),
                .input(.type(.hidden), .name("after"), .value(String(latest))),
                .element(named: "label", nodes: [.text(latest == 0 ? "发布说明（可不填）" : "重新发布原因（必填）"), UI.textInput("note", "")]),
                .button(.type(.submit), .class("primary"), .text(latest == 0 ? "发布结果" : "发布第\(latest + 1)版结果"))) : .empty,
            canEdit ? .group(
                .h2("方案设置"),
                .form(.method(.post), .action(SiteURL.assessmentScheme(id).path), .class("scheme"), UI.csrf(ctx.csrfToken),
                      .input(.type(.hidden), .name("version"), .value(String(version))),
                      SchemeEditor.fields(definition, indicators: indicators),
                      .div(.class("actions"),
                           .button(.type(.submit), .attribute(named: "formaction", value: SiteURL.assessmentPreview(id).path), .text("试算（不保存）")),
                           .button(.type(.submit), .class("primary"), .text("保存为新版本"))))) : readOnly(),
            .h2("已发布结果"),
            published.isEmpty ? .p(.class("meta"), .text("尚未发布。")) : .table(
                .thead(.tr(.th("结果版本"), .th("方案版本"), .th("发布时间"), .th("发布人"), .th("说明"), .th("变化单位数"))),
                .tbody(.forEach(published) { p in
                    .tr(.td(.a(.href(SiteURL.assessmentLeague(id).with([("v", String(p.version))])), .text("第\(p.version)版"))), .td(.text("第\(p.schemeVersion)版")),
                        .td(.text(UI.beijingTime(p.at))), .td(.text(p.by)), .td(.text(p.note.isEmpty ? "—" : p.note)), .td(.text(p.version == 1 ? "—" : String(p.changes))))
                })),
            .h2("方案版本"),
            .ul(.forEach(versions) { v in .li(.text("第\(v.version)版 · \(UI.beijingTime(v.at)) · \(v.by)")) })
        ))
    }

    func readOnly() -> Node<HTML.BodyContext> {
        .group(.h2("考核项目"), .table(
            .thead(.tr(.th("项目"), .th("数据来源"), .th("分值"), .th("计分规则"))),
            .tbody(.forEach(definition.items) { i in
                .tr(.td(.text(i.name)), .td(.text(i.source.chineseName)), .td(.text(formatNumber(i.points))),
                    .td(.text(i.rule.describe(points: i.points, measure: i.source == .manual ? i.name : i.source.chineseName, unit: i.source.measureUnit))))
            })))
    }
}
