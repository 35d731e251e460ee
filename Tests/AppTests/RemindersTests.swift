@testable import App
import Domain
import Foundation
import NIOConcurrencyHelpers
import Persistence
import Testing
import Vapor
import VaporTesting

/// Records what the courier was asked to send; fails the first webhook call when told to.
final class RecordingCourier: Sendable {
    let sent = NIOLockedValueBox<[String]>([])
    let failNextWebhook = NIOLockedValueBox(false)
    func courier(email: (@Sendable ([String], String, String, NotifySettings) async throws -> Void)? = nil) -> Courier {
        Courier(email: email ?? { to, subject, _, _ in self.sent.withLockedValue { $0.append("email \(to.joined(separator: ",")) \(subject)") } },
                webhook: { kind, _, secret, title, _ in
                    if self.failNextWebhook.withLockedValue({ let f = $0; $0 = false; return f }) { throw Abort(.badGateway, reason: "robot unreachable") }
                    self.sent.withLockedValue { $0.append("\(kind)\(secret == nil ? "" : "+sign") \(title)") }
                })
    }
}

@Suite("提醒：到期前、当日、逾期；只发一次；失败重试；真实SMTP")
struct RemindersTests {
    /// 12:00 China time on `day`.
    static func noon(_ day: String) -> Date { Date(timeIntervalSince1970: Double(Day(iso: day)!.ordinal) * 86400 + 4 * 3600) }

    @Test("交账提醒按工作日在截止前一日、当日、逾期各发一次；站内通知、邮件、群机器人；失败的下次重试", arguments: TestDB.all)
    func stages(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let office = Actor(userId: 0, username: "office", displayName: "督查室", zoneId: f.zoneId, unitId: nil, roles: [.office])
            var s = NotifySettings()
            s.smtpHost = "127.0.0.1"; s.smtpFrom = "guatu@example.cn"; s.unitEmails = [f.unitA: ["kj@example.cn"]]
            s.wecomURL = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"; s.dingtalkURL = "https://oapi.dingtalk.com/robot/send?access_token=t"; s.dingtalkSecret = "SEC1"
            try await app.store.setNotifySettings(s, version: 0, actor: office)
            let recorder = RecordingCourier()
            app.courier = recorder.courier()

            // Week 2026-W25: due Thursday 06-18 17:00 (Friday 06-19 is 端午). Monday: nothing yet.
            var o = try await RemindersJob.run(app, zoneId: f.zoneId, now: Self.noon("2026-06-15"), today: Day(iso: "2026-06-15")!)
            #expect(o.reminders == 0 && recorder.sent.withLockedValue { $0 }.isEmpty)
            // Wednesday, the working day before: unit A (taskA) and unit B (taskB) owe reports.
            recorder.failNextWebhook.withLockedValue { $0 = true }
            o = try await RemindersJob.run(app, zoneId: f.zoneId, now: Self.noon("2026-06-17"), today: Day(iso: "2026-06-17")!)
            #expect(o.reminders == 2 && o.failed == 1)
            var sent = recorder.sent.withLockedValue { $0 }
            #expect(sent.contains { $0.hasPrefix("email kj@example.cn 交账提醒（即将到期）") })
            #expect(sent.filter { $0.hasPrefix("dingtalk+sign") }.count == 2)
            #expect(sent.filter { $0.hasPrefix("wecom") }.count == 1)   // the other wecom send failed
            // Run again the same day: only the failed send is retried; nothing else goes twice.
            o = try await RemindersJob.run(app, zoneId: f.zoneId, now: Self.noon("2026-06-17"), today: Day(iso: "2026-06-17")!)
            #expect(o.sent == 1 && o.failed == 0)
            sent = recorder.sent.withLockedValue { $0 }
            #expect(sent.count == 1 + 2 + 2)   // one e-mail (unit A only has addresses), two DingTalk, two WeCom
            let log = try await app.store.deliveries(zoneId: f.zoneId)
            #expect(log.count == 5 && log.allSatisfy { $0.status == "sent" })
            #expect(log.filter { $0.attempts == 2 }.count == 1)

            // The reporter of unit A has one notification per stage.
            var reporter = Browser(app)
            _ = try await reporter.login("reporter")
            #expect(try await reporter.get("/me/notifications").text.contains("交账提醒（即将到期）：本期还有1项任务未交账"))
            // Thursday, the due day; then Friday (a holiday, after the due moment): overdue.
            _ = try await RemindersJob.run(app, zoneId: f.zoneId, now: Self.noon("2026-06-18"), today: Day(iso: "2026-06-18")!)
            _ = try await RemindersJob.run(app, zoneId: f.zoneId, now: Self.noon("2026-06-19"), today: Day(iso: "2026-06-19")!)
            let page = try await reporter.get("/me/notifications")
            #expect(page.text.contains("今日到期") && page.text.contains("已逾期") && page.text.contains("未读3条"))
            _ = try await reporter.post("/me/notifications", [])
            #expect(try await reporter.get("/me/notifications").text.contains("未读0条"))

            // The delivery log is readable by the office and the system administrator, not by a reporter.
            var admin = Browser(app)
            _ = try await admin.login("sysadmin")
            let logPage = try await admin.get("/admin/deliveries")
            #expect(logPage.status == .ok && logPage.text.contains("钉钉机器人") && logPage.text.contains("kj@example.cn"))
            #expect(try await reporter.get("/admin/deliveries").status == .forbidden)
        }
    }

    @Test("邮件经真实的本地SMTP服务器（aiosmtpd）送达，主题和正文为中文")
    func realSMTP() async throws {
        try await withGuatu { app in
            let f = try await Fixture.make(app)
            let outdir = NSTemporaryDirectory() + "guatu-smtp-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: outdir, withIntermediateDirectories: true)
            let (sink, port) = try Self.startSink(outdir)
            defer { sink.terminate() }
            let office = Actor(userId: 0, username: "office", displayName: "督查室", zoneId: f.zoneId, unitId: nil, roles: [.office])
            var s = NotifySettings()
            s.smtpHost = "127.0.0.1"; s.smtpPort = port; s.smtpFrom = "guatu@example.cn"; s.unitEmails = [f.unitA: ["kj@example.cn"]]
            try await app.store.setNotifySettings(s, version: 0, actor: office)
            let o = try await RemindersJob.run(app, zoneId: f.zoneId, now: Self.noon("2026-06-17"), today: Day(iso: "2026-06-17")!)
            #expect(o.sent == 1 && o.failed == 0)
            let decoded = try runPython(["-c", """
                import email, sys
                from email import policy
                m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=policy.default)
                print(m['To']); print(m['Subject']); print(m.get_content())
                """, outdir + "/1.eml"])
            #expect(decoded.contains("kj@example.cn") && decoded.contains("交账提醒（即将到期）：本期还有1项任务未交账"))
            #expect(decoded.contains("摸排高企培育库") && decoded.contains("/inbox"))
        }
    }

    /// Starts scripts/smtp-sink.py on a free port; returns the process and the port.
    static func startSink(_ outdir: String) throws -> (Process, Int) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        p.arguments = ["python3", root.appendingPathComponent("scripts/smtp-sink.py").path, "0", outdir]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        var text = ""
        let deadline = Date().addingTimeInterval(20)
        while !text.contains("\n") && Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard text.hasPrefix("ready "), let port = Int(text.dropFirst(6).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            p.terminate()
            throw Abort(.internalServerError, reason: "smtp-sink did not start (is aiosmtpd installed? scripts/ensure-python-tools.sh): \(text)")
        }
        return (p, port)
    }
}
