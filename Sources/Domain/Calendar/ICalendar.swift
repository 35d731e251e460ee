import Foundation

/// An iCalendar (RFC 5545) document of all-day events: deadlines and milestones, for Outlook and
/// phone calendars to subscribe to.
public struct ICalendar: Sendable {
    public struct Event: Sendable, Equatable {
        public var uid: String
        public var day: Day
        public var summary: String
        public var description: String
        public var url: String?
        public init(uid: String, day: Day, summary: String, description: String, url: String? = nil) {
            self.uid = uid; self.day = day; self.summary = summary; self.description = description; self.url = url
        }
    }
    public var name: String
    public var events: [Event]
    public init(name: String, events: [Event]) { self.name = name; self.events = events }

    /// The document, CRLF line ends, lines folded at 75 octets (RFC 5545 §3.1), `stamp` as DTSTAMP.
    public func render(stamp: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Guatu//挂图作战//ZH", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + Self.text(name), "X-WR-TIMEZONE:Asia/Shanghai"]
        let dtstamp = Self.utcStamp(stamp)
        for e in events {
            lines += ["BEGIN:VEVENT", "UID:" + Self.text(e.uid), "DTSTAMP:" + dtstamp,
                      "DTSTART;VALUE=DATE:" + Self.compact(e.day), "DTEND;VALUE=DATE:" + Self.compact(e.day.adding(days: 1)),
                      "SUMMARY:" + Self.text(e.summary), "DESCRIPTION:" + Self.text(e.description), "TRANSP:TRANSPARENT"]
            if let url = e.url { lines.append("URL:" + url) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT escaping (§3.3.11): backslash, semicolon, comma and newlines.
    public static func text(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": break
            default: out.append(c)
            }
        }
        return out
    }

    /// Folds a content line into pieces of at most 75 octets, never splitting a UTF-8 character.
    public static func fold(_ line: String) -> String {
        var pieces: [String] = [], current = "", size = 0
        for ch in line {
            let n = String(ch).utf8.count
            let limit = pieces.isEmpty ? 75 : 74 // continuation lines start with a space
            if size + n > limit { pieces.append(current); current = ""; size = 0 }
            current.append(ch); size += n
        }
        pieces.append(current)
        return pieces.enumerated().map { $0.offset == 0 ? $0.element : " " + $0.element }.joined(separator: "\r\n")
    }

    static func compact(_ d: Day) -> String { d.iso.replacingOccurrences(of: "-", with: "") }

    static func utcStamp(_ date: Date) -> String {
        let s = Int(date.timeIntervalSince1970)
        let day = Day(ordinal: s >= 0 ? s / 86400 : (s - 86399) / 86400)
        let secs = ((s % 86400) + 86400) % 86400
        return compact(day) + "T" + String(format: "%02d%02d%02dZ", secs / 3600, secs % 3600 / 60, secs % 60)
    }
}
