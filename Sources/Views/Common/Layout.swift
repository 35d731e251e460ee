import Plot

/// The one base page: header with the zone and menu, notices, the page's content, footer.
public enum Layout {
    public static func render(title: String, context: PageContext, body: Node<HTML.BodyContext>) -> String {
        let html = HTML(
            .lang(.chinese),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title("\(title) - 挂图作战"),
                .link(.rel(.stylesheet), .href(SiteURL.stylesheet.path)),
                .element(named: "script", nodes: [.attribute(named: "src", value: SiteURL.script.path), .attribute(named: "defer", value: "defer")])
            ),
            .body(
                .header(.class("top"),
                    .a(.class("brand"), .href(SiteURL.home.path), .text("挂图 · \(context.zoneName.isEmpty ? "挂图作战" : context.zoneName)")),
                    .nav(.class("menu"),
                        .forEach(context.nav) { item in
                            .a(.href(item.url.path), .class(item.url == context.current ? "on" : ""), .text(item.title))
                        }
                    ),
                    .unwrap(context.userName) { name in
                        .div(.class("who"),
                            .span(.text(name)), .span(.class("roles"), .text(context.roleNames)),
                            .form(.method(.post), .action(SiteURL.logout.path), .class("inline"),
                                  .input(.type(.hidden), .name("_csrf"), .value(context.csrfToken)),
                                  .button(.type(.submit), .class("link"), .text("退出")))
                        )
                    }
                ),
                .main(
                    .forEach(context.warnings) { .p(.class("warning"), .text($0)) },
                    .unwrap(context.notice) { .p(.class("notice"), .text($0)) },
                    body
                ),
                .footer(.p(.text("挂图作战 · 高新区目标任务管理平台")))
            )
        )
        return html.render()
    }
}

/// A page body kept rendered across requests: rendered once with a placeholder for the CSRF token and
/// split there, so each request only joins the pieces with its own token before the frame (menu, user)
/// is added.
public enum PageCache {
    public static let csrfPlaceholder = "__GUATU_CSRF_TOKEN__"

    /// A rendered body in pieces around the token's places.
    public struct Body: Sendable {
        public let parts: [String]
        public func with(csrf: String) -> String { parts.joined(separator: csrf) }
    }

    public static func render<B: Renderable>(_ body: B) -> Body {
        Body(parts: body.render().components(separatedBy: csrfPlaceholder))
    }

    public static func page(title: String, content: Body, context: PageContext) -> String {
        Layout.render(title: title, context: context, body: .raw(content.with(csrf: context.csrfToken)))
    }
}
