import Domain
import Plot

/// A form described as data: the plan, work point, unit, target, user, role and password forms
/// are all this page with different fields.
public struct FormPage: Sendable {
    public enum Control: Sendable, Equatable {
        case text, password, date, number, textarea
        case select(options: [SelectOption], blank: String?)
        case multiSelect(options: [SelectOption])
        case checkboxes(options: [SelectOption])
    }
    public struct SelectOption: Sendable, Equatable {
        public let value: String
        public let label: String
        public init(_ value: String, _ label: String) { self.value = value; self.label = label }
    }
    public struct Field: Sendable, Equatable {
        public let name: String
        public let label: String
        public let control: Control
        public var values: [String]
        public let required: Bool
        public init(_ name: String, _ label: String, _ control: Control = .text, value: String = "", values: [String]? = nil, required: Bool = false) {
            self.name = name; self.label = label; self.control = control
            self.values = values ?? [value]; self.required = required
        }
    }
    public var title: String
    public var action: String
    public var fields: [Field]
    public var errors: FormErrors
    public var version: Int?
    public var cancel: String
    public var submitTitle: String
    public var conflict: Bool
    public var intro: String?
    /// Where the "archive" button under the form posts, if the record can be archived.
    public var archive: (url: String, label: String)?
    public init(title: String, action: String, fields: [Field], errors: FormErrors = FormErrors(), version: Int? = nil,
                cancel: String, submitTitle: String = "保存", conflict: Bool = false, intro: String? = nil) {
        self.title = title; self.action = action; self.fields = fields; self.errors = errors; self.version = version
        self.cancel = cancel; self.submitTitle = submitTitle; self.conflict = conflict; self.intro = intro
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: title, context: ctx, body: content(ctx, heading: 1))
    }

    /// The page's content without the frame; `heading` 2 when it is a later section of a combined page.
    public func content(_ ctx: PageContext, heading: Int) -> Node<HTML.BodyContext> {
        .group(
            heading == 1 ? .h1(.text(title)) : .h2(.text(title)),
            .unwrap(intro) { .p(.class("meta"), .text($0)) },
            conflict ? .p(.class("errorbox"), .text("保存失败：此记录已被他人修改。下面是最新内容，请核对后重新填写并保存。")) : .empty,
            errors.isEmpty ? .empty : .p(.class("errorbox"), .text(errors["_form"] ?? "请修改标出的内容后再保存。")),
            .form(.method(.post), .action(action), .class("edit"),
                UI.csrf(ctx.csrfToken),
                .unwrap(version) { .input(.type(.hidden), .name("version"), .value(String($0))) },
                .forEach(fields) { f in UI.field(f.label, name: f.name, error: errors, control(f)) },
                UI.submit(submitTitle), .text(" "), .a(.href(cancel), .text("取消"))
            ),
            .unwrap(conflict ? nil : archive) { a in
                .p(UI.postButton(a.label, to: a.url, csrf: ctx.csrfToken, version: version, confirm: "确定\(a.label)？"))
            }
        )
    }

    func control(_ f: Field) -> Node<HTML.BodyContext> {
        let v = f.values.first ?? ""
        switch f.control {
        case .text: return UI.textInput(f.name, v, required: f.required)
        case .password: return UI.textInput(f.name, "", type: "password", required: f.required)
        case .date: return UI.textInput(f.name, v, type: "date", required: f.required)
        case .number: return UI.textInput(f.name, v, type: "number", required: f.required)
        case .textarea: return UI.textArea(f.name, v)
        case .select(let options, let blank):
            return UI.select(f.name, options: options.map { ($0.value, $0.label) }, selected: Set(f.values), blank: blank)
        case .multiSelect(let options):
            return UI.select(f.name, options: options.map { ($0.value, $0.label) }, selected: Set(f.values), multiple: true)
        case .checkboxes(let options):
            return .div(.forEach(options) { o in
                .element(named: "label", nodes: [
                    .element(named: "input", nodes: [.attribute(named: "type", value: "checkbox"), .attribute(named: "name", value: f.name),
                                                     .attribute(named: "value", value: attr(o.value)),
                                                     f.values.contains(o.value) ? .attribute(named: "checked", value: "checked") : .empty]),
                    .text(" " + o.label + "　"),
                ])
            })
        }
    }
}
