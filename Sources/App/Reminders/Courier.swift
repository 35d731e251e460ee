import Delivery
import Persistence
import Vapor

/// How reminders leave the building: e-mail through the zone's SMTP server, and group-chat robots by
/// webhook. Tests put a recording double in its place (`app.courier = …`).
struct Courier: Sendable {
    /// (to, subject, text, settings)
    var email: @Sendable ([String], String, String, NotifySettings) async throws -> Void
    /// (kind "wecom"|"dingtalk", url, secret, title, text)
    var webhook: @Sendable (String, String, String?, String, String) async throws -> Void

    static func live(_ app: Application) -> Courier {
        let group = app.eventLoopGroup
        let password = app.guatu.smtpPassword
        let client = app.client
        return Courier(
            email: { to, subject, text, s in
                let config = SMTPConfig(host: s.smtpHost, port: s.smtpPort, from: s.smtpFrom, username: s.smtpUser.isEmpty ? nil : s.smtpUser,
                                        password: s.smtpUser.isEmpty ? nil : password, heloName: "guatu")
                try await SMTPClient.send(OutgoingMessage(subject: subject, text: text), to: to, config: config, group: group)
            },
            webhook: { kind, url, secret, title, text in
                guard let kind = WebhookKind(rawValue: kind) else { return }
                let request = Webhooks.request(kind: kind, url: url, secret: secret, message: OutgoingMessage(subject: title, text: text), now: Date())
                let response = try await client.post(URI(string: request.url)) { req in
                    req.headers.contentType = .json
                    req.body = ByteBuffer(data: request.body)
                }
                try Webhooks.checkResponse(kind: kind, status: Int(response.status.code), body: Data(response.body.map { Array($0.readableBytesView) } ?? []))
            })
    }
}

extension Application {
    private struct CourierKey: StorageKey { typealias Value = Courier }
    var courier: Courier {
        get { storage[CourierKey.self] ?? Courier.live(self) }
        set { storage[CourierKey.self] = newValue }
    }
}
