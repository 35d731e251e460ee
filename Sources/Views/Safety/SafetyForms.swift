import Domain
import Foundation
import Plot

/// An inspection and the hazards it found, on one form (up to `hazardRows`; blank rows are ignored).
public struct InspectionFormPage: Sendable {
    public static let hazardRows = 5
    public var units: [(Int, String)]
    public var values: [String: String]
    public var error: String?
    public var rows: Int
    public init(units: [(Int, String)], values: [String: String], error: String?, rows: Int) { self.units = units; self.values = values; self.error = error; self.rows = rows }

    func v(_ k: String) -> String { values[k] ?? "" }

    func hazardRow(_ k: Int) -> Node<HTML.FormContext> {
        .element(named: "fieldset", nodes: [
            .element(named: "legend", nodes: [.text("隐患\(k + 1)")]),
            UI.field("隐患描述", name: "h\(k).description", error: FormErrors(), UI.textArea("h\(k).description", v("h\(k).description"))),
            UI.field("等级", name: "h\(k).level", error: FormErrors(), UI.select("h\(k).level", options: HazardLevel.allCases.map { ($0.rawValue, $0.chineseName) }, selected: [v("h\(k).level")], blank: "请选择")),
            UI.field("整改责任人", name: "h\(k).responsible", error: FormErrors(), UI.textInput("h\(k).responsible", v("h\(k).responsible"))),
            UI.field("整改期限（不填按本区时限）", name: "h\(k).deadline", error: FormErrors(), UI.textInput("h\(k).deadline", v("h\(k).deadline"), type: "date")),
        ])
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "登记检查与隐患", context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.safety.path), .text("‹ 安全生产"))),
            .h1("登记检查与隐患"),
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            .form(.method(.post), .action(SiteURL.safetyInspectionNew.path), .class("edit"), UI.csrf(ctx.csrfToken),
                UI.field("被检查企业（统一社会信用代码）", name: "creditCode", error: FormErrors(), UI.textInput("creditCode", v("creditCode"), required: true)),
                UI.field("检查日期", name: "day", error: FormErrors(), UI.textInput("day", v("day"), type: "date")),
                UI.field("检查类型", name: "kind", error: FormErrors(), UI.select("kind", options: InspectionKind.allCases.map { ($0.rawValue, $0.chineseName) }, selected: [v("kind")])),
                UI.field("检查人员（多人用、分隔）", name: "inspectors", error: FormErrors(), UI.textInput("inspectors", v("inspectors"))),
                UI.field("责任单位（督查室填写；单位人员默认为本单位）", name: "unitId", error: FormErrors(), UI.select("unitId", options: units.map { (String($0.0), $0.1) }, selected: [v("unitId")], blank: "—")),
                UI.field("检查情况", name: "findings", error: FormErrors(), UI.textArea("findings", v("findings"))),
                .forEach(0..<rows) { hazardRow($0) },
                UI.submit("保存"))
        ))
    }
}

/// 生产安全事故: the record (a 重大 or worse liability accident vetoes the unit's assessment) and the form.
public struct AccidentsPage: Sendable {
    public var accidents: [(Accident, String, String)]
    public var units: [(Int, String)]
    public var canRecord: Bool
    public var values: [String: String]
    public var error: String?
    public init(accidents: [(Accident, String, String)], units: [(Int, String)], canRecord: Bool, values: [String: String], error: String?) {
        self.accidents = accidents; self.units = units; self.canRecord = canRecord; self.values = values; self.error = error
    }

    func form(_ csrf: String) -> Node<HTML.BodyContext> {
        func v(_ k: String) -> String { values[k] ?? "" }
        return .group(.h2("登记事故"), .form(.method(.post), .action(SiteURL.accidents.path), .class("edit"), UI.csrf(csrf),
            UI.field("企业（统一社会信用代码）", name: "creditCode", error: FormErrors(), UI.textInput("creditCode", v("creditCode"), required: true)),
            UI.field("事故日期", name: "day", error: FormErrors(), UI.textInput("day", v("day"), type: "date")),
            UI.field("责任单位（属地或行业监管）", name: "unitId", error: FormErrors(), UI.select("unitId", options: units.map { (String($0.0), $0.1) }, selected: [v("unitId")], blank: "—")),
            UI.field("死亡人数", name: "deaths", error: FormErrors(), UI.textInput("deaths", v("deaths"), type: "number")),
            UI.field("重伤人数", name: "seriousInjuries", error: FormErrors(), UI.textInput("seriousInjuries", v("seriousInjuries"), type: "number")),
            UI.field("直接经济损失（万元）", name: "directLoss", error: FormErrors(), UI.textInput("directLoss", v("directLoss"))),
            UI.field("是否责任事故", name: "isLiability", error: FormErrors(), UI.select("isLiability", options: [("yes", "是"), ("no", "否")], selected: [v("isLiability")])),
            UI.field("事故经过", name: "description", error: FormErrors(), UI.textArea("description", v("description"))),
            UI.submit("保存")))
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "生产安全事故", context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.safety.path), .text("‹ 安全生产"))),
            .h1("生产安全事故"),
            .p(.class("meta"), .text("等级按《生产安全事故报告和调查处理条例》由伤亡和损失自动判定；重大及以上责任事故在考核中一票否决。")),
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            accidents.isEmpty ? .p(.class("meta"), .text("无事故记录。")) : .table(.thead(.tr(.th("日期"), .th("企业"), .th("责任单位"), .th("等级"), .th("伤亡与损失"), .th("经过"))),
                .tbody(.forEach(accidents) { a in
                    .tr(.td(.text(a.0.day.iso)), .td(.text(a.1)), .td(.text(a.2)),
                        .td(.span(.class(a.0.severity >= .major ? "light red" : "light yellow"), .text(a.0.severity.chineseName + (a.0.isLiability ? "（责任事故）" : "")))),
                        .td(.text("死亡\(a.0.deaths)人，重伤\(a.0.seriousInjuries)人，损失\(String(format: "%.1f", a.0.directLossWan))万元")), .td(.text(a.0.description)))
                })),
            canRecord ? form(ctx.csrfToken) : .empty
        ))
    }
}

/// The zone's rectification deadlines per hazard level, in working days from the day found.
public struct SafetySettingsPage: Sendable {
    public var rules: RectificationRules
    public var version: Int
    public var error: String?
    public init(rules: RectificationRules, version: Int, error: String? = nil) { self.rules = rules; self.version = version; self.error = error }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "整改时限", context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.safety.path), .text("‹ 安全生产"))),
            .h1("隐患整改时限"),
            .p(.class("meta"), .text("从发现次日起按工作日计算；登记隐患时可另定期限。逾期未销号的隐患可一键生成督办建议（重大隐患挂牌督办）。")),
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            .form(.method(.post), .action(SiteURL.safetySettings.path), .class("edit"), UI.csrf(ctx.csrfToken),
                .input(.type(.hidden), .name("version"), .value(String(version))),
                UI.field("一般隐患（工作日）", name: "general", error: FormErrors(), UI.textInput("general", String(rules.general), type: "number")),
                UI.field("重大隐患（工作日）", name: "major", error: FormErrors(), UI.textInput("major", String(rules.major), type: "number")),
                UI.submit("保存"))
        ))
    }
}
