// Chat-robot webhooks: building the HTTP request (pure; the caller POSTs it with its own HTTP client)
// and judging the robot's answer.
//
// WeCom (企业微信) group robot — POST https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=KEY
//   {"msgtype":"text","text":{"content":"..."}}         content at most 2048 bytes, UTF-8
//   {"msgtype":"markdown","markdown":{"content":"..."}} content at most 4096 bytes, UTF-8
//   Source: WeCom's 群机器人配置说明 (developer.work.weixin.qq.com/document/path/91770, 99398), as quoted
//   in public copies of it; over-long markdown is answered with errcode 40058 "markdown.content exceed
//   max length 4096". WeCom robots have no signing; a secret given for one is ignored.
//
// DingTalk (钉钉) custom robot — POST https://oapi.dingtalk.com/robot/send?access_token=TOKEN
//   {"msgtype":"text","text":{"content":"..."}}
//   {"msgtype":"markdown","markdown":{"title":"...","text":"..."}}  (title: shown in the chat list only)
//   Signing (安全设置 → 加签): timestamp = now in ms since 1970; stringToSign = timestamp + "\n" + secret;
//   sign = urlEncode(base64(HmacSHA256(key: secret, data: stringToSign))), all UTF-8; the URL gets
//   "&timestamp=...&sign=...". The timestamp must be within an hour of DingTalk's clock.
//   Source: DingTalk's 自定义机器人接入 / 自定义机器人安全设置 (open.dingtalk.com/document/robots/
//   customize-robot-security-settings), as quoted in public copies of it (its Java and Python samples
//   use URLEncoder.encode / urllib.parse.quote_plus on the base64).
//   DingTalk's pages that we could read give no byte limit for the robot's content; we cap it at 20,000
//   bytes as a guard of our own, not as a documented figure.
//
// Both robots answer HTTP 200 with {"errcode":0,"errmsg":"ok"}; any other errcode is a failure
// (e.g. WeCom 93000 invalid webhook url, DingTalk 310000 sign not match / keywords not in content).
//
// Content: a text message is "subject\ntext"; a markdown message (when OutgoingMessage.markdown is set)
// is "**subject**\n\n" + markdown (DingTalk's title is the subject too). An empty subject is left out.
// Content over a robot's limit is cut at the last whole character (grapheme cluster, so never inside a
// UTF-8 sequence or an emoji) that fits with "…" appended, and the "…" is counted in the limit.

import Crypto
import Foundation

public enum WebhookKind: String, Sendable, Equatable, CaseIterable {
    case wecom
    case dingtalk
}

public struct WebhookRequest: Sendable, Equatable {
    /// Where to POST: the configured URL, plus "&timestamp=...&sign=..." for a signed DingTalk robot.
    public var url: String
    /// The JSON body, UTF-8.
    public var body: Data
    public var contentType: String

    public init(url: String, body: Data, contentType: String = "application/json") {
        self.url = url
        self.body = body
        self.contentType = contentType
    }
}

public enum Webhooks {
    /// WeCom's documented limits on `content`, in UTF-8 bytes.
    public static let wecomTextLimit = 2048
    public static let wecomMarkdownLimit = 4096
    /// Our own guard for DingTalk (see the file comment): not a documented limit.
    public static let dingtalkLimit = 20_000

    /// The request that delivers `message` to the robot at `url`. `secret` is used by DingTalk's signed
    /// robots only (the "SEC..." string); `now` gives DingTalk's timestamp.
    public static func request(kind: WebhookKind, url: String, secret: String?, message: OutgoingMessage,
                               now: Date) -> WebhookRequest {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body: Data
        switch kind {
        case .wecom:
            if let md = message.markdown {
                let content = truncateUTF8(markdownContent(message.subject, md), maxBytes: wecomMarkdownLimit)
                body = try! encoder.encode(WeComMarkdown(markdown: .init(content: content)))
            } else {
                let content = truncateUTF8(textContent(message.subject, message.text), maxBytes: wecomTextLimit)
                body = try! encoder.encode(TextBody(text: .init(content: content)))
            }
            return WebhookRequest(url: url, body: body)
        case .dingtalk:
            if let md = message.markdown {
                let text = truncateUTF8(markdownContent(message.subject, md), maxBytes: dingtalkLimit)
                let title = message.subject.isEmpty ? String(message.text.prefix(30)) : message.subject
                body = try! encoder.encode(DingTalkMarkdown(markdown: .init(title: title, text: text)))
            } else {
                let content = truncateUTF8(textContent(message.subject, message.text), maxBytes: dingtalkLimit)
                body = try! encoder.encode(TextBody(text: .init(content: content)))
            }
            var signedURL = url
            if let secret, !secret.isEmpty {
                let timestamp = Int64((now.timeIntervalSince1970 * 1000).rounded())
                let sign = dingTalkSign(timestamp: timestamp, secret: secret)
                signedURL += (url.contains("?") ? "&" : "?") + "timestamp=\(timestamp)&sign=\(sign)"
            }
            return WebhookRequest(url: signedURL, body: body)
        }
    }

    /// Throws DeliveryError(.webhook) unless the robot answered HTTP 200 with errcode 0.
    public static func checkResponse(kind: WebhookKind, status: Int, body: Data) throws {
        let name = kind == .wecom ? "WeCom robot" : "DingTalk robot"
        let answer = try? JSONDecoder().decode(RobotAnswer.self, from: body)
        guard status == 200 else {
            let detail = answer?.errmsg.map { ": \($0)" }
                ?? (body.isEmpty ? "" : ": " + String(decoding: body.prefix(200), as: UTF8.self))
            throw DeliveryError(.webhook, code: answer?.errcode ?? status, "\(name) answered HTTP \(status)\(detail)")
        }
        guard let answer, let errcode = answer.errcode else {
            throw DeliveryError(.webhook, code: nil,
                "\(name) answered HTTP 200 without an errcode: \(String(decoding: body.prefix(200), as: UTF8.self))")
        }
        guard errcode == 0 else {
            throw DeliveryError(.webhook, code: errcode, "\(name) refused the message: errcode \(errcode), \(answer.errmsg ?? "no errmsg")")
        }
    }

    // MARK: - Pieces (internal, tested)

    /// DingTalk's sign parameter, already URL-encoded.
    static func dingTalkSign(timestamp: Int64, secret: String) -> String {
        let key = SymmetricKey(data: Data(secret.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(timestamp)\n\(secret)".utf8), using: key)
        let base64 = Data(mac).base64EncodedString()
        // Base64 uses A-Z a-z 0-9 + / =; the last three must be escaped in a query (as quote_plus does).
        var out = ""
        for c in base64 {
            switch c {
            case "+": out += "%2B"
            case "/": out += "%2F"
            case "=": out += "%3D"
            default: out.append(c)
            }
        }
        return out
    }

    /// `text` cut to at most `maxBytes` UTF-8 bytes at a character boundary, "…" appended when cut.
    static func truncateUTF8(_ text: String, maxBytes: Int) -> String {
        if text.utf8.count <= maxBytes { return text }
        let ellipsis = "…"  // 3 bytes
        let budget = maxBytes - ellipsis.utf8.count
        guard budget > 0 else { return "" }
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let size = String(text[index]).utf8.count  // one Character (grapheme cluster)
            if used + size > budget { break }
            used += size
            end = text.index(after: index)
        }
        return String(text[..<end]) + ellipsis
    }

    static func textContent(_ subject: String, _ text: String) -> String {
        subject.isEmpty ? text : subject + "\n" + text
    }

    static func markdownContent(_ subject: String, _ markdown: String) -> String {
        subject.isEmpty ? markdown : "**" + subject + "**\n\n" + markdown
    }
}

// MARK: - JSON shapes

private struct TextBody: Encodable {
    struct Text: Encodable { var content: String }
    var msgtype = "text"
    var text: Text
}

private struct WeComMarkdown: Encodable {
    struct Markdown: Encodable { var content: String }
    var msgtype = "markdown"
    var markdown: Markdown
}

private struct DingTalkMarkdown: Encodable {
    struct Markdown: Encodable { var title: String; var text: String }
    var msgtype = "markdown"
    var markdown: Markdown
}

private struct RobotAnswer: Decodable {
    var errcode: Int?
    var errmsg: String?
}
