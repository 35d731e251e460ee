import Foundation

/// A calendar date with no time and no time zone: what a deadline, a start or a holiday is.
/// Stored and sent as ISO `YYYY-MM-DD`; ordered by date.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Fails for dates that do not exist (2026-02-30) or years outside 1900...2999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses strict ISO `YYYY-MM-DD`: ten ASCII bytes, read directly (a year of tasks parses tens of thousands of these
    /// on every read, and splitting the string showed up in profiles).
    public init?(iso: String) {
        var s = iso
        guard let parsed = s.withUTF8({ b -> (Int, Int, Int)? in
            guard b.count == 10, b[4] == 45, b[7] == 45 else { return nil }
            func digits(_ range: Range<Int>) -> Int? {
                var n = 0
                for i in range {
                    let c = b[i]
                    guard c >= 48, c <= 57 else { return nil }
                    n = n * 10 + Int(c - 48)
                }
                return n
            }
            guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
            return (y, m, d)
        }) else { return nil }
        self.init(year: parsed.0, month: parsed.1, day: parsed.2)
    }

    /// Built by hand: String(format:) goes through CoreFoundation and showed up in profiles of list pages.
    public var iso: String {
        var bytes: [UInt8] = [0, 0, 0, 0, 45, 0, 0, 45, 0, 0]
        var y = year
        for i in stride(from: 3, through: 0, by: -1) { bytes[i] = UInt8(48 + y % 10); y /= 10 }
        bytes[5] = UInt8(48 + month / 10); bytes[6] = UInt8(48 + month % 10)
        bytes[8] = UInt8(48 + day / 10); bytes[9] = UInt8(48 + day % 10)
        return String(decoding: bytes, as: UTF8.self)
    }
    public var description: String { iso }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for arithmetic without Foundation's Calendar.
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(ordinal z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.year = y; self.month = m; self.day = d
    }

    public func adding(days n: Int) -> Day { Day(ordinal: ordinal + n) }

    /// Calendar days from `self` to `other` (positive when `other` is later).
    public func days(to other: Day) -> Int { other.ordinal - ordinal }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    public var weekday: Int {
        let w = (ordinal + 3) % 7 // 1970-01-01 was a Thursday (ISO 4)
        return (w < 0 ? w + 7 : w) + 1
    }

    public var isWeekend: Bool { weekday >= 6 }

    /// The day in Beijing time (UTC+8) at `instant`. The product's "today" is China's today.
    public static func inChina(at instant: Date) -> Day {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + 8 * 3600
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        return Day(ordinal: days)
    }

    /// Encoded as the ISO string, in JSON and in the audit log.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = Day(iso: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "日期应为YYYY-MM-DD格式、1900至2999年间实际存在的日期：\(s)")
        }
        self = d
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }

    public static func firstOfYear(_ y: Int) -> Day { Day(year: y, month: 1, day: 1)! }
    public static func lastOfYear(_ y: Int) -> Day { Day(year: y, month: 12, day: 31)! }
}
