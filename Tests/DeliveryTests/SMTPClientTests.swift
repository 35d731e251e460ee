import Foundation
import NIOCore
import NIOPosix
import XCTest
@testable import Delivery

/// The SMTP client against a real SMTP server: scripts/smtp-sink.py (aiosmtpd) on a free loopback port.
/// The received .eml is decoded by Python's own `email` package, not by our code. Skipped, with a
/// message, where `python3 -c 'import aiosmtpd'` fails (`pip install aiosmtpd`).
final class SMTPClientTests: XCTestCase {
    private static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private var group: EventLoopGroup { MultiThreadedEventLoopGroup.singleton }

    private let subject = "提醒:“月度安全检查”将于 11 月 25 日到期,请各责任单位及时交账并上传佐证材料 ✅"
    private let body = "张三,您好:\n\n任务“月度安全检查”将于 2026-11-25 到期。\n.以点开头的一行\n..两个点\n请登录挂图查看。"

    // MARK: Against smtp-sink.py

    func testSendsChineseMessageThatDecodes() async throws {
        let sink = try SMTPSink.start(root: Self.repoRoot)
        defer { sink.stop() }
        let config = SMTPConfig(host: "127.0.0.1", port: sink.port, from: "guatu@example.com", heloName: "guatu.test")
        try await SMTPClient.send(OutgoingMessage(subject: subject, text: body), to: ["zhang@example.com", "li@example.com"],
                                  config: config, group: group)

        let envelope = try sink.envelope(1)
        XCTAssertEqual(envelope["mail_from"] as? String, "guatu@example.com")
        XCTAssertEqual(envelope["rcpt_tos"] as? [String], ["zhang@example.com", "li@example.com"])
        let decoded = try sink.decodeWithPython(1)
        XCTAssertEqual(decoded["subject"] as? String, subject)
        XCTAssertEqual(decoded["body"] as? String, body.replacingOccurrences(of: "\n", with: "\r\n"))
        XCTAssertEqual(decoded["from"] as? String, "guatu@example.com")
        XCTAssertEqual(decoded["to"] as? String, "zhang@example.com, li@example.com")
        XCTAssertEqual(decoded["content_type"] as? String, "text/plain")
        XCTAssertEqual(decoded["charset"] as? String, "utf-8")
        XCTAssertEqual(decoded["cte"] as? String, "base64")
        XCTAssertEqual(decoded["mime_version"] as? String, "1.0")
        XCTAssertEqual(decoded["date_ok"] as? Bool, true)
        XCTAssertTrue((decoded["message_id"] as? String)?.hasSuffix("@example.com>") ?? false, "\(decoded)")
        XCTAssertLessThanOrEqual(decoded["max_line"] as? Int ?? 999, 78)
        XCTAssertEqual(decoded["defects"] as? Int, 0)
    }

    func testRefusedRecipientIsADeliveryErrorAndNothingIsSent() async throws {
        let sink = try SMTPSink.start(root: Self.repoRoot, extra: ["--reject", "nobody@example.com"])
        defer { sink.stop() }
        let config = SMTPConfig(host: "127.0.0.1", port: sink.port, from: "guatu@example.com")
        do {
            try await SMTPClient.send(OutgoingMessage(subject: "s", text: "t"), to: ["ok@example.com", "nobody@example.com"],
                                      config: config, group: group)
            XCTFail("expected a DeliveryError")
        } catch let e as DeliveryError {
            XCTAssertEqual(e.kind, .rejected)
            XCTAssertEqual(e.code, 550)
            XCTAssertEqual(e.message,
                "SMTP server 127.0.0.1:\(sink.port) refused RCPT TO:<nobody@example.com>: 550 5.1.1 no such user")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: sink.outdir.appendingPathComponent("1.eml").path))
    }

    func testAuthPlainWhenConfigured() async throws {
        let sink = try SMTPSink.start(root: Self.repoRoot, extra: ["--auth", "guatu:s3cret"])
        defer { sink.stop() }
        var config = SMTPConfig(host: "127.0.0.1", port: sink.port, from: "guatu@example.com",
                                username: "guatu", password: "s3cret")
        try await SMTPClient.send(OutgoingMessage(subject: "认证", text: "正文"), to: ["a@example.com"],
                                  config: config, group: group)
        XCTAssertEqual(try sink.envelope(1)["login"] as? String, "guatu")

        config.password = "wrong"
        do {
            try await SMTPClient.send(OutgoingMessage(subject: "s", text: "t"), to: ["a@example.com"], config: config, group: group)
            XCTFail("expected a DeliveryError")
        } catch let e as DeliveryError {
            XCTAssertEqual(e.kind, .rejected)
            XCTAssertEqual(e.code, 535)
            XCTAssertTrue(e.message.contains("refused AUTH PLAIN for user guatu"), e.message)
            XCTAssertFalse(e.message.contains("wrong"), "the password must not appear in errors")
        }
    }

    func testAuthLoginWhenPlainIsNotOffered() async throws {
        let sink = try SMTPSink.start(root: Self.repoRoot, extra: ["--auth", "guatu:s3cret", "--auth-exclude", "PLAIN"])
        defer { sink.stop() }
        let config = SMTPConfig(host: "127.0.0.1", port: sink.port, from: "guatu@example.com",
                                username: "guatu", password: "s3cret")
        try await SMTPClient.send(OutgoingMessage(subject: "认证", text: "正文"), to: ["a@example.com"],
                                  config: config, group: group)
        XCTAssertEqual(try sink.envelope(1)["login"] as? String, "guatu")
    }

    func testServerThatRequiresAuthButNoneConfigured() async throws {
        let sink = try SMTPSink.start(root: Self.repoRoot, extra: ["--auth", "guatu:s3cret"])
        defer { sink.stop() }
        let config = SMTPConfig(host: "127.0.0.1", port: sink.port, from: "guatu@example.com")
        do {
            try await SMTPClient.send(OutgoingMessage(subject: "s", text: "t"), to: ["a@example.com"], config: config, group: group)
            XCTFail("expected a DeliveryError")
        } catch let e as DeliveryError {
            XCTAssertEqual(e.kind, .rejected)
            XCTAssertEqual(e.code, 530)
            XCTAssertTrue(e.message.contains("refused MAIL FROM:<guatu@example.com>: 530"), e.message)
        }
    }

    func testFallsBackToHELO() async throws {
        let sink = try SMTPSink.start(root: Self.repoRoot, extra: ["--no-ehlo"])
        defer { sink.stop() }
        let config = SMTPConfig(host: "127.0.0.1", port: sink.port, from: "guatu@example.com")
        try await SMTPClient.send(OutgoingMessage(subject: "旧服务器", text: "只认 HELO"), to: ["a@example.com"],
                                  config: config, group: group)
        XCTAssertEqual(try sink.decodeWithPython(1)["subject"] as? String, "旧服务器")

        // With credentials, a HELO-only server can't authenticate: a clear error, no credentials sent.
        let withAuth = SMTPConfig(host: "127.0.0.1", port: sink.port, from: "guatu@example.com",
                                  username: "u", password: "p")
        do {
            try await SMTPClient.send(OutgoingMessage(subject: "s", text: "t"), to: ["a@example.com"], config: withAuth, group: group)
            XCTFail("expected a DeliveryError")
        } catch let e as DeliveryError {
            XCTAssertEqual(e.kind, .protocolError)
            XCTAssertTrue(e.message.contains("does not offer AUTH PLAIN or LOGIN"), e.message)
        }
    }

    // MARK: Without a server

    func testConnectionRefused() async throws {
        let port = try await freePort()
        let config = SMTPConfig(host: "127.0.0.1", port: port, from: "guatu@example.com")
        do {
            try await SMTPClient.send(OutgoingMessage(subject: "s", text: "t"), to: ["a@example.com"], config: config, group: group)
            XCTFail("expected a DeliveryError")
        } catch let e as DeliveryError {
            XCTAssertEqual(e.kind, .connect)
            XCTAssertTrue(e.message.hasPrefix("could not connect to SMTP server 127.0.0.1:\(port): "), e.message)
            XCTAssertTrue(e.message.lowercased().contains("refused"), e.message)
        }
    }

    func testSilentServerTimesOut() async throws {
        // A listener that accepts and never says anything.
        let server = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { $0.eventLoop.makeSucceededVoidFuture() }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = server.localAddress!.port!
        let config = SMTPConfig(host: "127.0.0.1", port: port, from: "guatu@example.com", replyTimeout: .milliseconds(300))
        let start = Date()
        do {
            try await SMTPClient.send(OutgoingMessage(subject: "s", text: "t"), to: ["a@example.com"], config: config, group: group)
            XCTFail("expected a DeliveryError")
        } catch let e as DeliveryError {
            XCTAssertEqual(e.kind, .timeout)
            XCTAssertEqual(e.message, "SMTP server 127.0.0.1:\(port) did not answer the greeting within 0.3 s")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        try await server.close()
    }

    func testBadAddressesAreRefusedBeforeConnecting() async throws {
        let config = SMTPConfig(host: "127.0.0.1", port: 1, from: "guatu@example.com")
        for bad in ["", "no-at-sign", "a@b\r\nRCPT TO:<x@y>", "<a@b>", "张@example.com", "a b@example.com"] {
            do {
                try await SMTPClient.send(OutgoingMessage(subject: "s", text: "t"), to: [bad], config: config, group: group)
                XCTFail("expected a DeliveryError for \(bad.debugDescription)")
            } catch let e as DeliveryError {
                XCTAssertEqual(e.kind, .invalidInput, "\(bad.debugDescription): \(e)")
            }
        }
    }

    // MARK: Rendering

    func testRenderedMessage() throws {
        let date = Date(timeIntervalSince1970: 1_795_680_309)  // 2026-11-26 08:05:09 UTC, a Thursday (Python: datetime.fromtimestamp(1795680309, timezone.utc))
        let text = SMTPClient.render(OutgoingMessage(subject: subject, text: body), from: "g@example.com",
                                     to: ["a@example.com"], date: date, messageID: "<id@example.com>")
        let (head, rest) = try XCTUnwrap(text.range(of: "\r\n\r\n").map { (text[..<$0.lowerBound], text[$0.upperBound...]) })
        XCTAssertTrue(head.contains("\r\nDate: Thu, 26 Nov 2026 08:05:09 +0000\r\n"), String(head))
        XCTAssertTrue(head.contains("\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64"))
        // Subject: encoded-words of at most 75 characters, on folded lines, that decode to the subject.
        let subjectLines = head.components(separatedBy: "\r\n").drop { !$0.hasPrefix("Subject: ") }
            .prefix { $0.hasPrefix("Subject: ") || $0.hasPrefix(" ") }
        XCTAssertGreaterThan(subjectLines.count, 1)
        var decoded = Data()
        for line in subjectLines {
            let word = line.hasPrefix("Subject: ") ? String(line.dropFirst(9)) : String(line.dropFirst())
            XCTAssertLessThanOrEqual(word.count, 75)
            XCTAssertLessThanOrEqual(line.count, 78)
            XCTAssertTrue(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="), word)
            let chunk = try XCTUnwrap(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
            XCTAssertNotNil(String(data: chunk, encoding: .utf8), "a word must hold whole characters")
            decoded += chunk
        }
        XCTAssertEqual(String(decoding: decoded, as: UTF8.self), subject)
        // Body: base64 lines of at most 76 characters, CRLF-terminated, of the CRLF form of the text.
        let lines = rest.components(separatedBy: "\r\n")
        XCTAssertEqual(lines.last, "")
        XCTAssertTrue(lines.dropLast().allSatisfy { $0.count <= 76 && !$0.isEmpty })
        XCTAssertEqual(lines.dropLast().dropLast().map(\.count), Array(repeating: 76, count: lines.count - 2))
        let bodyBytes = try XCTUnwrap(Data(base64Encoded: lines.joined()))
        XCTAssertEqual(String(decoding: bodyBytes, as: UTF8.self), body.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    func testPlainASCIISubjectStaysReadable() {
        XCTAssertEqual(SMTPClient.encodeHeaderText("Reminder: due tomorrow"), "Reminder: due tomorrow")
        XCTAssertEqual(SMTPClient.encodeHeaderText("a\r\nBcc: x@y"), "a Bcc: x@y")  // no header injection
        XCTAssertEqual(SMTPClient.encodeHeaderText("到期"), "=?UTF-8?B?5Yiw5pyf?=")
    }

    func testDotStuffing() {
        XCTAssertEqual(SMTPClient.dotStuffed("a\r\n.b\r\n..c\r\n.\r\n"), "a\r\n..b\r\n...c\r\n..\r\n.\r\n")
        XCTAssertEqual(SMTPClient.dotStuffed("no newline at end"), "no newline at end\r\n.\r\n")
    }

    // MARK: Helpers

    private func freePort() async throws -> Int {
        let ch = try await ServerBootstrap(group: group).bind(host: "127.0.0.1", port: 0).get()
        let port = ch.localAddress!.port!
        try await ch.close()
        return port
    }
}

/// scripts/smtp-sink.py as a child process on a free port, writing into a temporary folder.
private final class SMTPSink {
    let process: Process
    let port: Int
    let outdir: URL
    let root: URL

    private init(process: Process, port: Int, outdir: URL, root: URL) {
        self.process = process
        self.port = port
        self.outdir = outdir
        self.root = root
    }

    struct SinkError: Error, CustomStringConvertible { let message: String; var description: String { message } }

    static func start(root: URL, extra: [String] = []) throws -> SMTPSink {
        // scripts/test.sh installs aiosmtpd (scripts/ensure-python-tools.sh): its absence is a failure, not a skip.
        guard run(["python3", "-c", "import aiosmtpd"]) == 0 else {
            throw SinkError(message: "python3 with aiosmtpd is needed for the SMTP tests: run scripts/ensure-python-tools.sh")
        }
        let outdir = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-sink-\(UUID().uuidString)")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", root.appendingPathComponent("scripts/smtp-sink.py").path, "0", outdir.path] + extra
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        // Wait (at most 20 s) for "ready PORT".
        let reader = out.fileHandleForReading
        let line = LockedBox("")
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            var text = ""
            while !text.contains("\n") {
                let d = reader.availableData
                if d.isEmpty { break }
                text += String(decoding: d, as: UTF8.self)
            }
            line.set(text)
            done.signal()
        }
        let ready = done.wait(timeout: .now() + 20) == .success ? line.get() : ""
        let parts = ready.split(whereSeparator: \.isWhitespace)
        guard parts.count == 2, parts[0] == "ready", let port = Int(parts[1]) else {
            p.terminate()
            throw SinkError(message: "smtp-sink.py did not start (printed \(ready.debugDescription))")
        }
        return SMTPSink(process: p, port: port, outdir: outdir, root: root)
    }

    func stop() {
        if process.isRunning { process.terminate() }  // SIGTERM
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: outdir)
    }

    func envelope(_ n: Int) throws -> [String: Any] {
        let data = try Data(contentsOf: outdir.appendingPathComponent("\(n).json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Parses N.eml with Python's email package (policy.default decodes RFC 2047 and the base64 body).
    func decodeWithPython(_ n: Int) throws -> [String: Any] {
        let script = """
        import email, email.policy, email.utils, json, sys
        raw = open(sys.argv[1], 'rb').read()
        m = email.message_from_bytes(raw, policy=email.policy.default)
        body = m.get_payload(decode=True).decode(m.get_content_charset())
        try:
            date_ok = email.utils.parsedate_to_datetime(m['Date']) is not None
        except Exception:
            date_ok = False
        print(json.dumps({'subject': str(m['Subject']), 'body': body, 'from': str(m['From']), 'to': str(m['To']),
            'content_type': m.get_content_type(), 'charset': m.get_content_charset(),
            'cte': m['Content-Transfer-Encoding'], 'mime_version': m['MIME-Version'], 'date_ok': date_ok,
            'message_id': m['Message-ID'], 'defects': len(m.defects),
            'max_line': max(len(l) for l in raw.split(b'\\r\\n'))}, ensure_ascii=False))
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, outdir.appendingPathComponent("\(n).eml").path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private static func run(_ args: [String]) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }
}

private final class LockedBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: String
    init(_ value: String) { self.value = value }
    func get() -> String { lock.lock(); defer { lock.unlock() }; return value }
    func set(_ v: String) { lock.lock(); value = v; lock.unlock() }
}
