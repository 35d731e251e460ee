import Plot

/// A titled table with actions above it: the lists of units, targets, users, tokens and audit lines.
public struct TablePage: Sendable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case link(String, url: String)
        /// A button that posts to `url` after a confirmation (archive, revoke).
        case post(String, url: String, version: Int?, confirm: String)
        case links([(String, String)])
        public static func == (a: Cell, b: Cell) -> Bool { "\(a)" == "\(b)" }
    }
    public var title: String
    public var intro: String?
    public var actions: [(String, String)]
    public var headers: [String]
    public var rows: [[Cell]]
    public var notice: String?
    public var pager: (offset: Int, limit: Int, total: Int, base: SiteURL, query: [(String, String?)])?
    public init(title: String, intro: String? = nil, actions: [(String, String)] = [], headers: [String], rows: [[Cell]], notice: String? = nil) {
        self.title = title; self.intro = intro; self.actions = actions; self.headers = headers; self.rows = rows; self.notice = notice
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: title, context: ctx, body: content(ctx, heading: 1))
    }

    /// The page's content without the frame; `heading` 2 when it is a later section of a combined page.
    public func content(_ ctx: PageContext, heading: Int) -> Node<HTML.BodyContext> {
        .group(
            heading == 1 ? .h1(.text(title)) : .h2(.text(title)),
            .unwrap(intro) { .p(.class("meta"), .text($0)) },
            .unwrap(notice) { .p(.class("notice"), .text($0)) },
            actions.isEmpty ? .empty : .div(.class("actions"), .forEach(actions) { a in .a(.href(attr(a.1)), .text(a.0)) }),
            rows.isEmpty ? .p(.class("meta"), .text("暂无记录")) : .div(.class("scroll"), .table(.class("responsive"),
                .thead(.tr(.forEach(headers) { .th(.text($0)) })),
                .tbody(.forEach(rows) { row in
                    .tr(.forEach(Array(zip(headers, row))) { header, cell in .td(.data(named: "label", value: header), content(cell, ctx)) })
                })
            )),
            .unwrap(pager) { p in UI.pager(base: p.base, query: p.query, offset: p.offset, limit: p.limit, total: p.total) }
        )
    }

    func content(_ cell: Cell, _ ctx: PageContext) -> Node<HTML.BodyContext> {
        switch cell {
        case .text(let s): return .text(s)
        case .link(let s, let url): return .a(.href(attr(url)), .text(s))
        case .post(let s, let url, let version, let confirm): return UI.postButton(s, to: url, csrf: ctx.csrfToken, version: version, confirm: confirm)
        case .links(let items): return .group(.forEach(items) { .group(.a(.href(attr($0.1)), .text($0.0)), .text(" ")) })
        }
    }
}
