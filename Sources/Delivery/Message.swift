// The message a reminder channel delivers: one subject and one plain-text body (Chinese text),
// with an optional Markdown rendering for the chat robots that can show it. Channel-neutral:
// SMTPClient sends `subject` + `text` (text/plain), Webhooks prefers `markdown` when present.

public struct OutgoingMessage: Sendable, Equatable {
    /// One line; shown as the e-mail Subject and as the first line/title in chat robots.
    public var subject: String
    /// The plain-text body (Chinese text). Line breaks may be "\n"; the e-mail encoder makes them CRLF.
    public var text: String
    /// The same content as Markdown, for WeCom / DingTalk markdown messages. `nil`: send `text` only.
    public var markdown: String?

    public init(subject: String, text: String, markdown: String? = nil) {
        self.subject = subject
        self.text = text
        self.markdown = markdown
    }
}
