import Plot

/// One page made of several list and form sections (the account page: tokens and subscriptions;
/// a user's page: details and password reset). The first section's title is the page's.
public struct CombinedPage: Sendable {
    public enum Part: Sendable {
        case table(TablePage)
        case form(FormPage)
    }
    public var parts: [Part]
    public init(_ parts: [Part]) { self.parts = parts }

    public func render(_ ctx: PageContext) -> String {
        let title: String
        switch parts.first {
        case .table(let t)?: title = t.title
        case .form(let f)?: title = f.title
        case nil: title = ""
        }
        let sections: [Node<HTML.BodyContext>] = parts.enumerated().map { i, part in
            switch part {
            case .table(let t): return t.content(ctx, heading: i == 0 ? 1 : 2)
            case .form(let f): return f.content(ctx, heading: i == 0 ? 1 : 2)
            }
        }
        return Layout.render(title: title, context: ctx, body: .group(sections))
    }
}
