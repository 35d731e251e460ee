import Foundation
import Logging

/// GUATU_LOG_FORMAT=json: one JSON object a line on standard error (time, level, source, message, metadata, instance),
/// for a log collector. Messages name route patterns, never paths or bodies, so tokens and passwords stay out.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
        var fields: [String: Any] = [
            "ts": Self.formatter.string(from: Date()), "level": level.rawValue, "logger": label,
            "msg": message.description, "source": source, "instance": ProcessIdentity.name,
        ]
        let all = metadata.merging(extra ?? [:]) { _, new in new }
        for (k, v) in all { fields[k] = Self.plain(v) }
        guard let data = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        FileHandle.standardError.write(data + Data("\n".utf8))
    }

    static func plain(_ v: Logger.Metadata.Value) -> Any {
        switch v {
        case .string(let s): return s
        case .stringConvertible(let c): return c.description
        case .array(let a): return a.map(plain)
        case .dictionary(let d): return d.mapValues(plain)
        }
    }

    nonisolated(unsafe) static let formatter: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f
    }()
}

/// This process among the instances: host, process id and a random tag. The log lines' `instance` and the owner of
/// the background job runs it does (`Application.instanceName`) are this one name, so the two can be matched.
enum ProcessIdentity {
    static let name = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(String(UUID().uuidString.prefix(4)).lowercased())"
}
