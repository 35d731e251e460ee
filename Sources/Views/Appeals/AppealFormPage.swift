import Domain
import Foundation
import Plot

/// The form that files an appeal, in three guises: an official logging one collected on a visit or from another
/// channel, a firm signed in with its account (its name and code filled in), and the public form (no account:
/// credit code and phone required, a 查询码 given back).
public struct AppealFormPage: Sendable {
    public enum Mode: Sendable, Equatable { case official, firmAccount, publicForm(zoneId: Int) }
    public var mode: Mode
    public var values: [String: String]
    public var errors: FormErrors
    public init(mode: Mode, values: [String: String], errors: FormErrors = FormErrors()) { self.mode = mode; self.values = values; self.errors = errors }

    var action: String {
        if case .publicForm = mode { return SiteURL.publicAppeal.path }
        return SiteURL.appealNew.path
    }

    func v(_ k: String) -> String { values[k] ?? "" }

    func firmFields() -> Node<HTML.FormContext> {
        if mode == .firmAccount {
            return .p(.class("meta"), .text("企业：\(v("firmName"))（\(v("creditCode"))）"))
        }
        return .group(
            UI.field("企业名称", name: "firmName", error: errors, UI.textInput("firmName", v("firmName"), required: true)),
            UI.field(mode == .official ? "统一社会信用代码（已入库企业将自动关联一企一档）" : "统一社会信用代码", name: "creditCode", error: errors,
                     UI.textInput("creditCode", v("creditCode"), required: mode != .official)))
    }

    func body(_ csrf: String) -> Node<HTML.BodyContext> {
        var zoneField: Node<HTML.FormContext> = .empty
        if case .publicForm(let z) = mode { zoneField = .input(.type(.hidden), .name("zone"), .value(String(z))) }
        return .form(.method(.post), .action(action), .class("edit"), .enctype(.multipartData), UI.csrf(csrf), zoneField,
            firmFields(),
            mode == .official ? UI.field("来源渠道", name: "channel", error: errors,
                UI.select("channel", options: AppealChannel.loggedByOfficials.map { ($0.rawValue, $0.chineseName) }, selected: [v("channel")])) : .empty,
            UI.field("联系人", name: "contactName", error: errors, UI.textInput("contactName", v("contactName"))),
            UI.field("联系电话（必填，用于答复和回访）", name: "contactPhone", error: errors, UI.textInput("contactPhone", v("contactPhone"), type: "tel", required: true)),
            UI.field("诉求类别", name: "category", error: errors,
                     UI.select("category", options: AppealCategory.allCases.map { ($0.rawValue, $0.chineseName) }, selected: [v("category")], blank: "请选择")),
            UI.field("诉求标题", name: "title", error: errors, UI.textInput("title", v("title"), required: true)),
            UI.field("具体内容（问题、已做的努力、希望怎样解决）", name: "description", error: errors, UI.textArea("description", v("description"))),
            UI.field("附件（图片、PDF、Office文件，可多选）", name: "evidence", error: errors,
                     .element(named: "input", nodes: [.attribute(named: "type", value: "file"), .attribute(named: "name", value: "evidence"),
                                                      .attribute(named: "multiple", value: "multiple"), .attribute(named: "accept", value: EvidenceRules.acceptList + ",image/*")])),
            UI.submit("提交"))
    }

    public func render(_ ctx: PageContext) -> String {
        let title: String
        switch mode {
        case .official: title = "登记企业诉求"
        case .firmAccount: title = "提出诉求"
        case .publicForm: title = "企业诉求直通车"
        }
        return Layout.render(title: title, context: ctx, body: .group(
            .h1(.text(title)),
            mode == .official ? .empty : .p(.class("meta"), .text("提交后由管委会受理并分派到责任单位办理，答复后请您确认并评价。")),
            errors.isEmpty ? .empty : .p(.class("errorbox"), .text("请按提示修改后再提交。")),
            body(ctx.csrfToken),
            { if case .publicForm = mode { return .p(.a(.href(SiteURL.publicAppealTrack.path), .text("已提交过？凭查询码和电话查看办理进度"))) }; return .empty }()
        ))
    }
}

/// The public page where a firm without an account looks up its appeal by 查询码 and phone, and confirms or sends back the answer.
public struct AppealTrackPage: Sendable {
    public var code: String
    public var phone: String
    public var message: String?
    public var created: Bool
    public init(code: String, phone: String, message: String? = nil, created: Bool = false) { self.code = code; self.phone = phone; self.message = message; self.created = created }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "查询诉求办理进度", context: ctx, body: .group(
            .h1("查询诉求办理进度"),
            created ? .p(.class("notice"), .text("诉求已提交。查询码：\(code)。请记下查询码，凭查询码和联系电话查看办理进度、确认和评价。")) : .empty,
            .unwrap(message) { .p(.class("errorbox"), .text($0)) },
            .form(.method(.get), .action(SiteURL.publicAppealTrack.path), .class("edit"),
                UI.field("查询码", name: "code", error: FormErrors(), UI.textInput("code", code, required: true)),
                UI.field("联系电话", name: "phone", error: FormErrors(), UI.textInput("phone", phone, type: "tel", required: true)),
                UI.submit("查询"))
        ))
    }
}

/// The zone's deadlines per category, in working days from receipt.
public struct AppealSettingsPage: Sendable {
    public var deadlines: AppealDeadlines
    public var version: Int
    public var error: String?
    public init(deadlines: AppealDeadlines, version: Int, error: String? = nil) { self.deadlines = deadlines; self.version = version; self.error = error }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "诉求办理时限", context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.appeals.path), .text("‹ 企业诉求"))),
            .h1("诉求办理时限"),
            .p(.class("meta"), .text("从受理次日起按工作日计算（节假日、调休按国务院通知）。时限在受理时确定，修改只影响此后受理的诉求。逾期未答复或未办结的诉求可一键生成督办建议。")),
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            .form(.method(.post), .action(SiteURL.appealSettings.path), .class("edit"), UI.csrf(ctx.csrfToken),
                .input(.type(.hidden), .name("version"), .value(String(version))),
                .table(.thead(.tr(.th("类别"), .th("分派（工作日）"), .th("答复（工作日）"), .th("办结（工作日）"))),
                       .tbody(.forEach(AppealCategory.allCases) { c in
                           let d = deadlines[c]
                           return .tr(.td(.text(c.chineseName)),
                                      .td(UI.textInput("\(c.rawValue).assign", String(d.assign), type: "number")),
                                      .td(UI.textInput("\(c.rawValue).answer", String(d.answer), type: "number")),
                                      .td(UI.textInput("\(c.rawValue).resolve", String(d.resolve), type: "number")))
                       })),
                UI.submit("保存"))
        ))
    }
}
