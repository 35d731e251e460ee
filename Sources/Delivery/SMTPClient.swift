// A minimal SMTP client on SwiftNIO, for sending reminders by e-mail.
//
// Dialogue (RFC 5321): read the 220 greeting, EHLO (HELO if the server rejects EHLO), AUTH PLAIN or
// LOGIN when a username and password are configured, MAIL FROM, one RCPT TO per recipient, DATA with
// dot-stuffing, QUIT. The message (RFC 5322 / MIME) is one text/plain part in UTF-8, base64-encoded in
// 76-character lines, with the Subject as RFC 2047 encoded-words (=?UTF-8?B?...?=).
//
// Transport: plain TCP only. Use it with a relay on a trusted network (localhost, the same host, a
// private link), where the relay does TLS onward. STARTTLS and implicit TLS (port 465, via NIOSSL) are
// future work; because credentials would cross the wire in clear text, AUTH is only sent when the
// server advertises it, and most public servers advertise it only after STARTTLS.
//
// Timeouts: connecting 5 s, each reply 10 s (SMTPConfig). Every failure is a DeliveryError whose message
// names the server, the command and the server's reply code and text.
//
// All-or-nothing on recipients: if the server refuses any RCPT TO, the transaction is abandoned before
// DATA (nobody gets the message) and the error names the refused address.

import Foundation
import NIOCore
import NIOPosix

public struct SMTPConfig: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// The envelope sender and the From header: a bare address, e.g. "guatu@example.com".
    public var from: String
    /// AUTH is attempted only when both username and password are set.
    public var username: String?
    public var password: String?
    /// The name this client gives in EHLO/HELO (ideally this host's fully qualified name).
    public var heloName: String
    public var connectTimeout: TimeAmount
    public var replyTimeout: TimeAmount

    public init(host: String, port: Int = 25, from: String, username: String? = nil, password: String? = nil,
                heloName: String = "localhost", connectTimeout: TimeAmount = .seconds(5),
                replyTimeout: TimeAmount = .seconds(10)) {
        self.host = host
        self.port = port
        self.from = from
        self.username = username
        self.password = password
        self.heloName = heloName
        self.connectTimeout = connectTimeout
        self.replyTimeout = replyTimeout
    }
}

public enum SMTPClient {
    /// Sends `message` to every address in `recipients` through the server in `config`.
    /// Returns when the server has accepted the message (250 after DATA); throws DeliveryError otherwise.
    public static func send(_ message: OutgoingMessage, to recipients: [String], config: SMTPConfig,
                            group: EventLoopGroup) async throws {
        guard !recipients.isEmpty else { throw DeliveryError(.invalidInput, "no recipient to send the e-mail to") }
        try checkAddress(config.from, role: "sender")
        for r in recipients { try checkAddress(r, role: "recipient") }
        if (config.username == nil) != (config.password == nil) {
            throw DeliveryError(.invalidInput, "SMTP username and password must be set together")
        }
        guard !config.heloName.isEmpty, !config.heloName.contains(where: { $0.isWhitespace || $0.isNewline }) else {
            throw DeliveryError(.invalidInput, "SMTP HELO name \"\(config.heloName)\" is empty or has white space")
        }

        let data = render(message, from: config.from, to: recipients, date: Date(),
                          messageID: makeMessageID(from: config.from, heloName: config.heloName))
        let server = "\(config.host):\(config.port)"

        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(config.connectTimeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(SMTPReplyHandler(server: server))
                }
            }
        let channel: Channel
        do {
            channel = try await bootstrap.connect(host: config.host, port: config.port).get()
        } catch {
            throw DeliveryError(.connect, "could not connect to SMTP server \(server): \(describeConnectError(error, timeout: config.connectTimeout))")
        }

        let session = SMTPSession(channel: channel, server: server, timeout: config.replyTimeout)
        do {
            try await session.run(data: data, from: config.from, to: recipients, config: config)
            channel.close(promise: nil)
        } catch {
            channel.close(promise: nil)
            throw error
        }
    }

    /// The message as sent after DATA, before dot-stuffing: headers, a blank line, the base64 body,
    /// CRLF line endings throughout. Public so that a dry run or a test can look at it.
    public static func render(_ message: OutgoingMessage, from: String, to recipients: [String], date: Date,
                              messageID: String) -> String {
        var headers: [String] = []
        headers.append("From: \(from)")
        headers.append(foldAddressList("To: ", recipients))
        headers.append("Subject: \(encodeHeaderText(message.subject))")
        headers.append("Date: \(rfc5322Date(date))")
        headers.append("Message-ID: \(messageID)")
        headers.append("MIME-Version: 1.0")
        headers.append("Content-Type: text/plain; charset=UTF-8")
        headers.append("Content-Transfer-Encoding: base64")
        let body = base64Lines(Array(canonicalLineBreaks(message.text).utf8))
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + body
    }

    // MARK: - Pieces (internal, tested)

    /// RFC 2047 "B" encoding for a header's unstructured text. Pure printable ASCII stays as it is;
    /// anything else becomes encoded-words of at most 42 UTF-8 bytes each (never splitting a character),
    /// so each word is at most 68 characters, folded onto continuation lines. CR/LF become spaces.
    static func encodeHeaderText(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        let plainASCII = flat.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        if plainASCII && !flat.contains("=?") && flat.utf8.count <= 900 { return flat }
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in flat.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > 42 {
                words.append(encodedWord(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(encodedWord(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }

    /// Date per RFC 5322 section 3.3, in UTC: "Fri, 20 Nov 2026 08:05:09 +0000".
    static func rfc5322Date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(days[(c.weekday ?? 1) - 1]), \(two(c.day)) \(months[(c.month ?? 1) - 1]) \(c.year ?? 1970) "
            + "\(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0000"
    }

    static func makeMessageID(from: String, heloName: String) -> String {
        let domain = from.split(separator: "@").last.map(String.init) ?? heloName
        return "<\(UUID().uuidString.lowercased())@\(domain.isEmpty ? heloName : domain)>"
    }

    /// Text in MIME canonical form: every line break CRLF.
    static func canonicalLineBreaks(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
    }

    /// Base64 in lines of at most 76 characters (RFC 2045 section 6.8), CRLF after each line.
    static func base64Lines(_ bytes: [UInt8]) -> String {
        let encoded = Array(Data(bytes).base64EncodedString().utf8)
        var out = ""
        out.reserveCapacity(encoded.count + encoded.count / 76 * 2 + 2)
        var i = 0
        while i < encoded.count {
            let end = min(i + 76, encoded.count)
            out += String(decoding: encoded[i..<end], as: UTF8.self) + "\r\n"
            i = end
        }
        return out
    }

    /// RFC 5321 section 4.5.2: a line that starts with "." gets one more "."; the result ends with CRLF
    /// and is followed by the terminating ".\r\n" (added here).
    static func dotStuffed(_ data: String) -> String {
        var lines = data.components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        var out = ""
        for line in lines {
            out += (line.hasPrefix(".") ? "." + line : line) + "\r\n"
        }
        return out + ".\r\n"
    }

    private static func foldAddressList(_ name: String, _ addresses: [String]) -> String {
        var out = name
        var lineLength = name.count
        for (i, a) in addresses.enumerated() {
            let piece = a + (i < addresses.count - 1 ? "," : "")
            if i > 0 {
                if lineLength + 1 + piece.count > 78 {
                    out += "\r\n "
                    lineLength = 1
                } else {
                    out += " "
                    lineLength += 1
                }
            }
            out += piece
            lineLength += piece.count
        }
        return out
    }

    /// A bare address that can go into MAIL FROM:<...>, RCPT TO:<...> and a header without escaping.
    static func checkAddress(_ address: String, role: String) throws {
        let bad = address.unicodeScalars.contains { s in
            s.value <= 0x20 || s.value >= 0x7F || "<>(),;:\\\"[]".unicodeScalars.contains(s)
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        if address.isEmpty || bad || parts.count != 2 || parts[0].isEmpty || parts[1].isEmpty {
            throw DeliveryError(.invalidInput, "not a usable e-mail address for the \(role): \"\(address)\"")
        }
    }

    private static func describeConnectError(_ error: Error, timeout: TimeAmount) -> String {
        if let e = error as? ChannelError, case .connectTimeout = e {
            return "no connection within \(seconds(timeout))"
        }
        if let e = error as? NIOConnectionError {
            if let first = e.connectionErrors.first { return describeIOError(first.error) }
            if let dns = e.dnsAError ?? e.dnsAAAAError { return "name lookup failed (\(dns))" }
        }
        return describeIOError(error)
    }

    private static func describeIOError(_ error: Error) -> String {
        if let io = error as? IOError {
            return String(cString: strerror(io.errnoCode)) + " (errno \(io.errnoCode))"
        }
        if let e = error as? ChannelError, case .connectTimeout = e { return "connect timed out" }
        return "\(error)"
    }

    static func seconds(_ t: TimeAmount) -> String {
        let s = Double(t.nanoseconds) / 1e9
        return s == s.rounded() ? "\(Int(s)) s" : "\(s) s"
    }
}

// MARK: - The dialogue

struct SMTPReply: Sendable, Equatable {
    var code: Int
    var lines: [String]
    /// "550 no such user" (several lines joined by " / ").
    var summary: String { "\(code) " + lines.joined(separator: " / ") }
}

/// One command's bytes (nil: just wait for the next reply, as for the greeting) and the promise its
/// reply completes.
struct SMTPRequest: Sendable {
    var bytes: ByteBuffer?
    var reply: EventLoopPromise<SMTPReply>
}

private struct SMTPSession {
    let channel: Channel
    let server: String
    let timeout: TimeAmount

    func run(data: String, from: String, to recipients: [String], config: SMTPConfig) async throws {
        let greeting = try await exchange(nil, label: "the greeting")
        try expect(greeting, [220], "greeted with")

        var ehlo = try await exchange("EHLO \(config.heloName)", label: "EHLO")
        var extended = true
        if ehlo.code >= 500 {
            ehlo = try await exchange("HELO \(config.heloName)", label: "HELO")
            extended = false
            try expect(ehlo, [250], "refused HELO \(config.heloName)")
        } else {
            try expect(ehlo, [250], "refused EHLO \(config.heloName)")
        }

        if let user = config.username, let password = config.password {
            let mechanisms = extended ? Self.authMechanisms(ehlo) : []
            if mechanisms.contains("PLAIN") {
                let token = Data(([0] + Array(user.utf8) + [0] + Array(password.utf8))).base64EncodedString()
                let r = try await exchange("AUTH PLAIN \(token)", label: "AUTH PLAIN")
                try expect(r, [235], "refused AUTH PLAIN for user \(user)")
            } else if mechanisms.contains("LOGIN") {
                var r = try await exchange("AUTH LOGIN", label: "AUTH LOGIN")
                try expect(r, [334], "refused AUTH LOGIN")
                r = try await exchange(Data(user.utf8).base64EncodedString(), label: "AUTH LOGIN (username)")
                try expect(r, [334], "refused AUTH LOGIN for user \(user)")
                r = try await exchange(Data(password.utf8).base64EncodedString(), label: "AUTH LOGIN (password)")
                try expect(r, [235], "refused AUTH LOGIN for user \(user)")
            } else {
                throw DeliveryError(.protocolError,
                    "SMTP server \(server) does not offer AUTH PLAIN or LOGIN on this plain connection "
                    + "(offered: \(mechanisms.isEmpty ? "none" : mechanisms.joined(separator: " "))); "
                    + "this client has no STARTTLS/TLS, so use a relay that accepts it without AUTH or over plain TCP")
            }
        }

        let mail = try await exchange("MAIL FROM:<\(from)>", label: "MAIL FROM")
        try expect(mail, [250], "refused MAIL FROM:<\(from)>")
        for r in recipients {
            let rcpt = try await exchange("RCPT TO:<\(r)>", label: "RCPT TO:<\(r)>")
            try expect(rcpt, [250, 251], "refused RCPT TO:<\(r)>")
        }
        let go = try await exchange("DATA", label: "DATA")
        try expect(go, [354], "refused DATA")
        let done = try await exchange(raw: SMTPClient.dotStuffed(data), label: "the end of the message data")
        try expect(done, [250], "did not accept the message")
        // The message is accepted; a QUIT that fails changes nothing.
        _ = try? await exchange("QUIT", label: "QUIT")
    }

    static func authMechanisms(_ ehlo: SMTPReply) -> [String] {
        var out: [String] = []
        for line in ehlo.lines.dropFirst() {
            let words = line.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
            if words.first == "AUTH" { out += words.dropFirst() }
        }
        return out
    }

    private func expect(_ reply: SMTPReply, _ codes: Set<Int>, _ what: String) throws {
        guard codes.contains(reply.code) else {
            throw DeliveryError(.rejected, code: reply.code, "SMTP server \(server) \(what): \(reply.summary)")
        }
    }

    private func exchange(_ command: String?, label: String) async throws -> SMTPReply {
        try await exchange(raw: command.map { $0 + "\r\n" }, label: label)
    }

    private func exchange(raw: String?, label: String) async throws -> SMTPReply {
        let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
        let server = self.server
        let timeout = self.timeout
        let timer = channel.eventLoop.scheduleTask(in: timeout) {
            promise.fail(DeliveryError(.timeout,
                "SMTP server \(server) did not answer \(label) within \(SMTPClient.seconds(timeout))"))
        }
        promise.futureResult.whenComplete { _ in timer.cancel() }
        let bytes = raw.map { ByteBuffer(string: $0) }
        channel.writeAndFlush(SMTPRequest(bytes: bytes, reply: promise)).whenFailure { error in
            promise.fail(error as? DeliveryError
                ?? DeliveryError(.protocolError, "could not send \(label) to SMTP server \(server): \(error)"))
        }
        return try await promise.futureResult.get()
    }
}

// MARK: - The channel handler: lines in, replies out

/// Splits the server's bytes into CRLF lines, joins multi-line replies ("250-..." up to "250 ..."),
/// and hands each reply to the oldest waiting request, in order. Replies that come before anyone waits
/// (the greeting) are kept until a request comes.
final class SMTPReplyHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = SMTPRequest
    typealias OutboundOut = ByteBuffer

    private let server: String
    private var line: [UInt8] = []
    private var replyLines: [String] = []
    private var ready: CircularBuffer<SMTPReply> = []
    private var waiting: CircularBuffer<EventLoopPromise<SMTPReply>> = []
    private var failure: DeliveryError?
    private static let maxLine = 64 * 1024

    init(server: String) { self.server = server }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        guard failure == nil else { return }
        for byte in buffer.readableBytesView {
            if byte == UInt8(ascii: "\n") {
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                let text = String(decoding: line, as: UTF8.self)
                line.removeAll(keepingCapacity: true)
                if !handleLine(text, context: context) { return }
            } else {
                line.append(byte)
                if line.count > Self.maxLine {
                    fail(DeliveryError(.protocolError, "SMTP server \(server) sent a line longer than 64 KiB"), context: context)
                    return
                }
            }
        }
    }

    /// false when the line was not an SMTP reply line and the connection is being failed.
    private func handleLine(_ text: String, context: ChannelHandlerContext) -> Bool {
        let u = Array(text.utf8)
        let digits = u.prefix(3)
        guard u.count >= 3, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              u.count == 3 || u[3] == UInt8(ascii: " ") || u[3] == UInt8(ascii: "-") else {
            fail(DeliveryError(.protocolError, "SMTP server \(server) sent something that is not an SMTP reply: \"\(text.prefix(200))\""),
                 context: context)
            return false
        }
        let code = Int(String(decoding: digits, as: UTF8.self))!
        replyLines.append(u.count > 4 ? String(decoding: u[4...], as: UTF8.self) : "")
        if u.count > 3 && u[3] == UInt8(ascii: "-") { return true }
        let reply = SMTPReply(code: code, lines: replyLines)
        replyLines = []
        if let promise = waiting.popFirst() {
            promise.succeed(reply)
        } else {
            ready.append(reply)
        }
        return true
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        if let failure {
            request.reply.fail(failure)
            promise?.fail(failure)
            return
        }
        if let reply = ready.popFirst() {
            // A reply nobody asked for yet: the greeting, or a server that answers ahead of time.
            request.reply.succeed(reply)
        } else {
            waiting.append(request.reply)
        }
        if let bytes = request.bytes {
            context.write(wrapOutboundOut(bytes), promise: promise)
        } else {
            promise?.succeed(())
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(DeliveryError(.protocolError, "SMTP server \(server) closed the connection"
            + (replyLines.isEmpty ? "" : " in the middle of a reply")))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        let detail = (error as? IOError).map { String(cString: strerror($0.errnoCode)) } ?? "\(error)"
        fail(DeliveryError(.protocolError, "connection to SMTP server \(server) failed: \(detail)"), context: context)
    }

    private func fail(_ error: DeliveryError, context: ChannelHandlerContext) {
        failAll(error)
        context.close(promise: nil)
    }

    private func failAll(_ error: DeliveryError) {
        if failure == nil { failure = error }
        while let p = waiting.popFirst() { p.fail(error) }
    }
}
