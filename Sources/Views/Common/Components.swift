import Foundation
import Domain
import Plot

/// Plot 0.14 writes attribute values as given (JohnSundell/Plot#104): every value that can hold
/// user text goes through this first, or a `"` in a task title would end the attribute.
public func attr(_ s: String) -> String {
    var out = ""
    HTMLWriter.escape(s, into: &out)
    return out
}

/// Small pieces that several pages share.
public enum UI {
    public static func light<C: HTML.BodyContext>(_ l: Light) -> Node<C> {
        .span(.class("light \(l.rawValue)"), .text(l.chineseName))
    }

    /// An indicator's light against its trajectory: 在轨, 略有偏离, 偏离轨迹.
    public static func trackLight<C: HTML.BodyContext>(_ l: Light) -> Node<C> {
        .span(.class("light \(l.rawValue)"), .text(l == .green ? "在轨" : (l == .yellow ? "略有偏离" : "偏离轨迹")))
    }

    public static func progressBar<C: HTML.BodyContext>(_ percent: Double) -> Node<C> {
        let p = max(0, min(100, percent))
        let whole = Int(p.rounded())
        return .span(.class("bar"), .title("\(whole)%"),
                     .span(.class("fill"), .style("width:\(whole)%")),
                     .span(.class("pct"), .text("\(whole)%")))
    }

    /// A share (0–1) as "72.5%", or "—" when there is nothing to count.
    public static func percent(_ v: Double?) -> String { v.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }

    public static func csrf(_ token: String) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name("_csrf"), .value(attr(token)))
    }

    /// A labelled field with its error message beneath, if any.
    public static func field(_ label: String, name: String, error: FormErrors, _ control: Node<HTML.BodyContext>) -> Node<HTML.FormContext> {
        .div(.class(error[name] == nil ? "field" : "field invalid"),
             .element(named: "label", nodes: [.attribute(named: "for", value: name), .text(label)]),
             .element(named: "div", nodes: [control]),
             .unwrap(error[name]) { .element(named: "p", nodes: [.class("error"), .text($0)]) })
    }

    public static func textInput(_ name: String, _ value: String, type: String = "text", required: Bool = false, placeholder: String? = nil) -> Node<HTML.BodyContext> {
        .element(named: "input", nodes: [
            .attribute(named: "type", value: type), .attribute(named: "id", value: name),
            .attribute(named: "name", value: name), .attribute(named: "value", value: attr(value)),
            required ? .attribute(named: "required", value: "required") : .empty,
            placeholder.map { .attribute(named: "placeholder", value: attr($0)) } ?? .empty,
        ])
    }

    public static func textArea(_ name: String, _ value: String) -> Node<HTML.BodyContext> {
        .element(named: "textarea", nodes: [.attribute(named: "id", value: name), .attribute(named: "name", value: name),
                                            .attribute(named: "rows", value: "3"), .text(value)])
    }

    /// A drop-down list; `multiple` for sets such as co-units.
    public static func select(_ name: String, options: [(String, String)], selected: Set<String>, multiple: Bool = false, blank: String? = nil) -> Node<HTML.BodyContext> {
        var nodes: [Node<HTML.BodyContext>] = [.attribute(named: "id", value: name), .attribute(named: "name", value: name)]
        if multiple { nodes.append(.attribute(named: "multiple", value: "multiple")); nodes.append(.attribute(named: "size", value: "6")) }
        // An empty value must be written out (value=""), or the browser submits the option's text instead.
        if let blank { nodes.append(.element(named: "option", nodes: [.attribute(named: "value", value: "", ignoreIfValueIsEmpty: false), .text(blank)])) }
        for (value, label) in options {
            nodes.append(.element(named: "option", nodes: [
                .attribute(named: "value", value: attr(value), ignoreIfValueIsEmpty: false),
                selected.contains(value) ? .attribute(named: "selected", value: "selected") : .empty,
                .text(label),
            ]))
        }
        return .element(named: "select", nodes: nodes)
    }

    public static func submit(_ title: String) -> Node<HTML.FormContext> {
        .button(.type(.submit), .class("primary"), .text(title))
    }

    /// A one-button form that posts (used for archive and revoke), with a confirmation for JS users.
    public static func postButton(_ title: String, to url: String, csrf token: String, version: Int? = nil, confirm: String) -> Node<HTML.BodyContext> {
        .form(.method(.post), .action(url), .class("inline"),
              .input(.type(.hidden), .name("_csrf"), .value(attr(token))),
              .unwrap(version) { .input(.type(.hidden), .name("version"), .value(String($0))) },
              .button(.type(.submit), .class("danger"), .attribute(named: "data-confirm", value: attr(confirm)), .text(title)))
    }

    public static func pager(base: SiteURL, query: [(String, String?)], offset: Int, limit: Int, total: Int) -> Node<HTML.BodyContext> {
        guard total > limit else { return .empty }
        let prev = max(0, offset - limit), next = offset + limit
        return .div(.class("pager"),
            offset > 0 ? .a(.href(base.with(query + [("offset", String(prev))])), .text("上一页")) : .empty,
            .span(.text("第\(offset / limit + 1)页，共\((total + limit - 1) / limit)页（\(total)条）")),
            next < total ? .a(.href(base.with(query + [("offset", String(next))])), .text("下一页")) : .empty)
    }
}

/// Field name → Chinese error message, for re-showing a form with what was wrong.
public struct FormErrors: Sendable, Equatable {
    public var messages: [String: String]
    public init(_ messages: [String: String] = [:]) { self.messages = messages }
    public subscript(_ field: String) -> String? { messages[field] }
    public var isEmpty: Bool { messages.isEmpty }
}

extension UI {
    /// A stored UTC timestamp ("2026-11-26T04:11:22.123Z") as Beijing time, "2026-11-26 12:11".
    public static func beijingTime(_ timestamp: String) -> String {
        beijingTimeOfUTC(timestamp) ?? beijingTimeByFormatter(timestamp)
    }

    /// Any ISO 8601 timestamp, through Foundation's formatters.
    static func beijingTimeByFormatter(_ timestamp: String) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = f.date(from: timestamp) ?? ISO8601DateFormatter().date(from: timestamp) else { return timestamp }
        let shifted = date.addingTimeInterval(8 * 3600)
        let out = ISO8601DateFormatter()
        out.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate]
        return String(out.string(from: shifted).replacingOccurrences(of: "T", with: " ").prefix(16))
    }

    /// The common case without a formatter (a list page shows hundreds of times, and ISO8601DateFormatter is slow on
    /// Linux): "YYYY-MM-DDTHH:MM…Z", in UTC. Nil for anything else, which the formatters read.
    static func beijingTimeOfUTC(_ timestamp: String) -> String? {
        let b = Array(timestamp.utf8)
        guard b.count >= 17, b.last == UInt8(ascii: "Z"), b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":") else { return nil }
        func number(_ r: Range<Int>) -> Int? {
            var n = 0
            for i in r { guard (48...57).contains(b[i]) else { return nil }; n = n * 10 + Int(b[i] - 48) }
            return n
        }
        guard let y = number(0..<4), let mo = number(5..<7), let d = number(8..<10), let h = number(11..<13), let mi = number(14..<16),
              h < 24, mi < 60, let day = Day(year: y, month: mo, day: d) else { return nil }
        let local = h + 8
        let shown = local >= 24 ? day.adding(days: 1) : day
        let hh = local % 24
        return "\(shown.iso) \(hh < 10 ? "0" : "")\(hh):\(mi < 10 ? "0" : "")\(mi)"
    }
}
