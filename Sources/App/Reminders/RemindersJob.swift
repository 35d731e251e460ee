import Domain
import Persistence
import Vapor

/// 提醒: finds what is due (each unit's report this period, each order's reply, certificates of the firms it serves
/// about to expire) and tells the unit —
/// in the app, by e-mail when the zone has an SMTP server, and in the group chat when it has a robot.
/// Runs every few minutes in `serve` (the `reminders` job of `JobCatalog`) and on demand with `guatu remind`; each event goes out once per
/// channel and recipient (the delivery log's unique key), failed sends are retried on later runs.
enum RemindersJob {
    struct Outcome: Equatable { var reminders = 0, notified = 0, sent = 0, failed = 0 }

    static func reminders(_ app: Application, zoneId: Int, now: Date, today: Day, calendar: WorkCalendar) async throws -> [Reminder] {
        let store = app.store
        var out: [Reminder] = []
        // Reports owed this period.
        let cycle = try await store.reportingCycle(zoneId: zoneId).cycle
        let period = cycle.period(containing: today, calendar: calendar)
        if let stage = ReminderClock.stage(due: period.due, today: today, pastDueMoment: period.isLate(at: now), calendar: calendar) {
            let tasks = try await store.tasks(zoneId: zoneId, TaskFilter(year: today.year)).filter { $0.status != .done && $0.status != .suspended && $0.plannedStart <= period.end }
            let reports = try await store.latestReports(zoneId: zoneId, periodKey: period.key, taskIds: tasks.map(\.id))
            let owed = tasks.filter { reports[$0.id] == nil || reports[$0.id]?.status == .returned }
            for (unit, ts) in Dictionary(grouping: owed, by: \.ownerUnitId).sorted(by: { $0.key < $1.key }) {
                out.append(Reminder(key: "report:\(period.key):unit:\(unit):\(stage.rawValue)", unitId: unit, stage: stage,
                                    title: "交账提醒（\(stage.chineseName)）：本期还有\(ts.count)项任务未交账",
                                    body: "本期（\(period.key)）交账截止\(period.due.iso) \(period.dueHour):00，还有\(ts.count)项未交：" + ts.prefix(5).map(\.title).joined(separator: "；")
                                        + (ts.count > 5 ? "等。" : "。"),
                                    link: "/inbox"))
            }
        }
        // Orders waiting for the unit's reply.
        for o in try await store.orders(zoneId: zoneId, OrderFilter(open: true, limit: 100_000)) where o.status == .issued || o.status == .signed {
            guard let due = o.replyDue, let stage = ReminderClock.stage(due: due, today: today, pastDueMoment: false, calendar: calendar) else { continue }
            // The due day is in the key: an escalated order (new due day) is reminded again.
            out.append(Reminder(key: "order:\(o.id):\(due.iso):\(stage.rawValue)", unitId: o.receivingUnitId, stage: stage,
                                title: "督办提醒（\(stage.chineseName)）：督字第\(o.id)号请于\(due.iso)前反馈",
                                body: "\(o.level.chineseName)：\(o.requiredActions)", link: "/orders/\(o.id)"))
        }
        // Certificates to renew (高企, 专精特新, 小巨人): to the unit that serves the firm.
        let expiring = try await store.expiringTiers(zoneId: zoneId, kinds: Array(CertificateReminders.renewable), from: today,
                                                     to: today.adding(days: CertificateReminders.thresholds.max() ?? 90))
        out += CertificateReminders.due(firms: expiring, today: today)
        return out
    }

    /// One run for one zone.
    @discardableResult
    static func run(_ app: Application, zoneId: Int, now: Date, today: Day) async throws -> Outcome {
        let store = app.store
        let calendar = try await app.calendar(zoneId: zoneId)
        let all = try await reminders(app, zoneId: zoneId, now: now, today: today, calendar: calendar)
        var outcome = Outcome(reminders: all.count)
        guard !all.isEmpty else { return outcome }
        let settings = try await store.notifySettings(zoneId: zoneId).settings
        let users = try await store.users(zoneId: zoneId).filter { $0.roles.contains(.reporter) }
        let courier = app.courier
        for r in all {
            for u in users where u.unitId == r.unitId {
                try await store.notify(zoneId: zoneId, userId: u.id, eventKey: r.key, title: r.title, body: r.body, link: r.link)
                outcome.notified += 1
            }
            var sends: [(channel: String, target: String, send: @Sendable () async throws -> Void)] = []
            if settings.emailEnabled, let to = settings.unitEmails[r.unitId], !to.isEmpty {
                sends.append(("email", to.joined(separator: ","), { try await courier.email(to, r.title, r.body + "\n\n请登录挂图作战平台处理：" + r.link, settings) }))
            }
            if !settings.wecomURL.isEmpty {
                sends.append(("wecom", "group", { try await courier.webhook("wecom", settings.wecomURL, nil, r.title, r.body) }))
            }
            if !settings.dingtalkURL.isEmpty {
                sends.append(("dingtalk", "group", { try await courier.webhook("dingtalk", settings.dingtalkURL, settings.dingtalkSecret.isEmpty ? nil : settings.dingtalkSecret, r.title, r.body) }))
            }
            for s in sends {
                guard let id = try await store.claimDelivery(zoneId: zoneId, eventKey: r.key, channel: s.channel, target: s.target, title: r.title) else { continue }
                do {
                    try await s.send()
                    try await store.finishDelivery(id: id, error: nil)
                    outcome.sent += 1
                } catch {
                    try await store.finishDelivery(id: id, error: String(describing: error))
                    outcome.failed += 1
                }
            }
        }
        return outcome
    }
}
