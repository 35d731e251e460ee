import Domain
import Foundation
import SQLKit

/// A zone's reminder channels. The SMTP password is not kept here: it comes from GUATU_SMTP_PASSWORD.
public struct NotifySettings: Codable, Sendable, Equatable {
    public var smtpHost: String = ""
    public var smtpPort: Int = 25
    public var smtpFrom: String = ""
    public var smtpUser: String = ""
    /// Unit id → e-mail addresses that receive its reminders.
    public var unitEmails: [Int: [String]] = [:]
    public var wecomURL: String = ""
    public var dingtalkURL: String = ""
    public var dingtalkSecret: String = ""
    public init() {}

    public var emailEnabled: Bool { !smtpHost.isEmpty && !smtpFrom.isEmpty }

    public func validate() throws {
        guard (1...65535).contains(smtpPort) else { throw ValidationError(field: "smtpPort", "SMTP端口须为1到65535") }
        if !smtpHost.isEmpty && !smtpFrom.contains("@") { throw ValidationError(field: "smtpFrom", "发件地址须为有效的电子邮件地址") }
        for list in unitEmails.values { for a in list where !a.contains("@") || a.contains(" ") {
            throw ValidationError(field: "unitEmails", "“\(a)”不是有效的电子邮件地址")
        } }
        for (field, url) in [("wecomURL", wecomURL), ("dingtalkURL", dingtalkURL)] where !url.isEmpty {
            guard url.hasPrefix("https://") || url.hasPrefix("http://") else { throw ValidationError(field: field, "机器人地址须以https://开头") }
        }
    }
}

/// One line of the delivery log.
public struct Delivery: Codable, Sendable, Equatable {
    public let id: Int
    public let eventKey: String
    public let channel: String
    public let target: String
    public let title: String
    public let status: String
    public let attempts: Int
    public let error: String
    public let createdAt: String
    public let updatedAt: String
}

/// An in-app notification.
public struct AppNotification: Codable, Sendable, Equatable {
    public let id: Int
    public let title: String
    public let body: String
    public let link: String
    public let createdAt: String
    public let readAt: String?
}

extension Store {
    /// Failed deliveries are tried again on later runs, up to this many attempts in all.
    public static let maxDeliveryAttempts = 5

    public func notifySettings(zoneId: Int) async throws -> (settings: NotifySettings, version: Int) {
        struct R: Decodable { let settings: String; let version: Int }
        guard let r = try await sql.raw("SELECT settings, version FROM notify_settings WHERE zone_id = \(bind: zoneId)").row(R.self),
              let s = try? JSONDecoder().decode(NotifySettings.self, from: Data(r.settings.utf8)) else { return (NotifySettings(), 0) }
        return (s, r.version)
    }

    public func setNotifySettings(_ s: NotifySettings, version: Int, actor: Actor) async throws {
        do { try s.validate() } catch let e as ValidationError { throw StoreError.invalid(e) }
        let (before, current) = try await notifySettings(zoneId: actor.zoneId)
        guard current == version else { throw StoreError.conflict(entity: "notify_settings", id: actor.zoneId, current: current) }
        try await write { tx in
            try await Store.saveZoneSetting(tx, table: "notify_settings", entity: "notify_settings", actor: actor, version: version,
                                            values: [("settings", Store.json(s))], before: before, after: s)
        }
    }

    /// Claims the right to send an event on a channel to a target: true the first time (or when an
    /// earlier attempt failed and may be retried), false if it was sent or is being sent. The unique key
    /// makes this hold across instances.
    public func claimDelivery(zoneId: Int, eventKey: String, channel: String, target: String, title: String) async throws -> Int? {
        let now = Store.timestamp()
        // A send left "sending" by a crashed instance is taken over after ten minutes.
        let stale = Store.timestamp(Date().addingTimeInterval(-600))
        return try await write { tx in
            if let id = try await tx.raw("""
                INSERT INTO deliveries (zone_id, event_key, channel, target, title, status, attempts, error, created_at, updated_at)
                VALUES (\(bind: zoneId), \(bind: eventKey), \(bind: channel), \(bind: target), \(bind: title), 'sending', 1, '', \(bind: now), \(bind: now))
                ON CONFLICT DO NOTHING RETURNING id
                """).row(IDRow.self)?.id { return id }
            return try await tx.raw("""
                UPDATE deliveries SET status = 'sending', attempts = attempts + 1, updated_at = \(bind: now)
                WHERE zone_id = \(bind: zoneId) AND event_key = \(bind: eventKey) AND channel = \(bind: channel) AND target = \(bind: target)
                  AND attempts < \(bind: Store.maxDeliveryAttempts)
                  AND (status = 'failed' OR (status = 'sending' AND updated_at < \(bind: stale))) RETURNING id
                """).row(IDRow.self)?.id
        }
    }

    public func finishDelivery(id: Int, error: String?) async throws {
        try await write { tx in
            try await tx.raw("""
                UPDATE deliveries SET status = \(bind: error == nil ? "sent" : "failed"), error = \(bind: String((error ?? "").prefix(500))),
                  updated_at = \(bind: Store.timestamp()) WHERE id = \(bind: id)
                """).run()
        }
    }

    public func deliveries(zoneId: Int, limit: Int = 200) async throws -> [Delivery] {
        try await sql.raw("""
            SELECT id, event_key, channel, target, title, status, attempts, error, created_at, updated_at FROM deliveries
            WHERE zone_id = \(bind: zoneId) ORDER BY id DESC LIMIT \(bind: limit)
            """).rows(Delivery.self)
    }

    /// Adds an in-app notification once per user and event.
    public func notify(zoneId: Int, userId: Int, eventKey: String, title: String, body: String, link: String) async throws {
        try await write { tx in
            try await tx.raw("""
                INSERT INTO notifications (zone_id, user_id, event_key, title, body, link, created_at)
                VALUES (\(bind: zoneId), \(bind: userId), \(bind: eventKey), \(bind: title), \(bind: body), \(bind: link), \(bind: Store.timestamp()))
                ON CONFLICT DO NOTHING
                """).run()
        }
    }

    public func notifications(userId: Int, zoneId: Int, limit: Int = 100) async throws -> [AppNotification] {
        try await sql.raw("""
            SELECT id, title, body, link, created_at, read_at FROM notifications WHERE user_id = \(bind: userId) AND zone_id = \(bind: zoneId)
            ORDER BY id DESC LIMIT \(bind: limit)
            """).rows(AppNotification.self)
    }

    public func markNotificationsRead(userId: Int, zoneId: Int) async throws {
        try await write { tx in
            try await tx.raw("UPDATE notifications SET read_at = \(bind: Store.timestamp()) WHERE user_id = \(bind: userId) AND zone_id = \(bind: zoneId) AND read_at IS NULL").run()
        }
    }
}
