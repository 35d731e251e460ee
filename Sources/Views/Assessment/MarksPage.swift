import Domain
import Foundation
import Plot

/// 评议、加减分与否决录入: the marks entered under a scheme, each with its reason and who entered it; the office
/// adds or withdraws them. Marks entered after a result was published are flagged: they count from the next
/// published version.
public struct MarksPage: Sendable {
    public struct Row: Sendable {
        public let id: Int, unit: String, kind: String, item: String, points: Double?, reason: String, by: String, at: String, afterPublication: Bool
        public init(id: Int, unit: String, kind: String, item: String, points: Double?, reason: String, by: String, at: String, afterPublication: Bool) {
            self.id = id; self.unit = unit; self.kind = kind; self.item = item; self.points = points; self.reason = reason; self.by = by; self.at = at
            self.afterPublication = afterPublication
        }
    }
    public var schemeId: Int
    public var schemeName: String
    public var rows: [Row]
    public var units: [(Int, String)]
    /// (value "kind:key", label) for every item, adjustment and veto the scheme accepts marks for.
    public var targets: [(String, String)]
    public var canEdit: Bool
    public var error: String?
    public var values: [String: String] = [:]
    public init(schemeId: Int, schemeName: String, rows: [Row], units: [(Int, String)], targets: [(String, String)], canEdit: Bool) {
        self.schemeId = schemeId; self.schemeName = schemeName; self.rows = rows; self.units = units; self.targets = targets; self.canEdit = canEdit
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "考核录入", context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.assessmentScheme(schemeId).path), .text("‹ \(schemeName)"))),
            .h1("评议、加减分与否决录入"),
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            canEdit ? .form(.method(.post), .action(SiteURL.assessmentMarks(schemeId).path), .class("edit"), UI.csrf(ctx.csrfToken),
                UI.field("单位", name: "unitId", error: FormErrors(), UI.select("unitId", options: units.map { (String($0.0), $0.1) }, selected: [values["unitId"] ?? ""], blank: "请选择")),
                UI.field("录入项目", name: "target", error: FormErrors(), UI.select("target", options: targets, selected: [values["target"] ?? ""], blank: "请选择")),
                UI.field("分值或数据（评议0–100；加分、扣分填分数；否决不填）", name: "points", error: FormErrors(), UI.textInput("points", values["points"] ?? "")),
                UI.field("理由或依据（如表彰文件、通报文号、评议说明）", name: "reason", error: FormErrors(), UI.textArea("reason", values["reason"] ?? "")),
                UI.submit("录入")) : .empty,
            .h2("已录入（\(rows.count)条）"),
            rows.isEmpty ? .p(.class("meta"), .text("尚无录入。")) : .div(.class("scroll"), .table(.class("responsive"),
                .thead(.tr(.th("单位"), .th("类别"), .th("项目"), .th("分值"), .th("理由"), .th("录入人"), .th("时间"), canEdit ? .th("操作") : .empty)),
                .tbody(.forEach(rows) { r in
                    .tr(.td(.data(named: "label", value: "单位"), .text(r.unit)), .td(.data(named: "label", value: "类别"), .text(r.kind)),
                        .td(.data(named: "label", value: "项目"), .text(r.item)),
                        .td(.data(named: "label", value: "分值"), .text(r.points.map(formatNumber) ?? "—")),
                        .td(.data(named: "label", value: "理由"), .text(r.reason), r.afterPublication ? .span(.class("meta"), .text("（发布后录入，下次发布时计入）")) : .empty),
                        .td(.data(named: "label", value: "录入人"), .text(r.by)), .td(.data(named: "label", value: "时间"), .text(UI.beijingTime(r.at))),
                        canEdit ? .td(UI.postButton("撤回", to: SiteURL.assessmentMarkWithdraw(schemeId, r.id).path, csrf: ctx.csrfToken, confirm: "撤回这条录入？")) : .empty)
                })))
        ))
    }
}
