import Foundation

/// What a day is for scheduling purposes.
public enum DayKind: Equatable, Sendable {
    /// An ordinary Monday–Friday.
    case workday
    /// An ordinary Saturday or Sunday.
    case weekend
    /// A rest day of a break (including the weekend days inside it), or a zone rest day.
    case holiday(name: String)
    /// A weekend day worked for a break (调休上班), or a zone special working day.
    case makeupWorkday(name: String)

    public var isWorkday: Bool {
        switch self { case .workday, .makeupWorkday: return true; default: return false }
    }

    /// The holiday the day belongs to, for labels; nil for ordinary days.
    public var name: String? {
        switch self {
        case .holiday(let name), .makeupWorkday(let name): return name
        case .workday, .weekend: return nil
        }
    }
}

/// A zone's own exception to the national calendar: a day off (e.g. a local festival) or a special
/// working day. Overrides win over the national notices.
public struct ZoneOverride: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        /// The day becomes a rest day (`DayKind.holiday`).
        case rest
        /// The day becomes a working day (`DayKind.makeupWorkday`).
        case work
    }

    public var day: Day
    public var kind: Kind
    /// Shown as the day's label, e.g. 区庆 or 防汛值守.
    public var name: String

    public init(day: Day, kind: Kind, name: String) {
        self.day = day
        self.kind = kind
        self.name = name
    }

    public static func rest(_ day: Day, name: String) -> ZoneOverride { .init(day: day, kind: .rest, name: name) }
    public static func work(_ day: Day, name: String) -> ZoneOverride { .init(day: day, kind: .work, name: name) }

    enum CodingKeys: String, CodingKey { case day, kind, name }

    // The day travels as ISO `YYYY-MM-DD`, like every date in the notice files.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let text = try c.decode(String.self, forKey: .day)
        guard let d = Day(iso: text) else {
            throw DecodingError.dataCorruptedError(forKey: .day, in: c, debugDescription: "invalid date \(text)")
        }
        day = d
        kind = try c.decode(Kind.self, forKey: .kind)
        name = try c.decode(String.self, forKey: .name)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(day.iso, forKey: .day)
        try c.encode(kind, forKey: .kind)
        try c.encode(name, forKey: .name)
    }
}

/// The official Chinese working-day calendar: the State Council notices (shipped for 2020–2026, later
/// years loadable as JSON), plus the zone's overrides. Outside the years with a notice only the
/// weekday/weekend rule is known; `hasOfficialData(year:)` and `missingYears(from:to:)` tell callers so
/// they can warn.
///
/// Every deadline, duration and light of the product is computed here, so the queries are cheap:
/// `kind(of:)` is a dictionary lookup, `workdays(from:to:)` is O(1) and `add(_:workdaysTo:)` is
/// O(log n) (prefix sums over the covered years, closed-form weekday arithmetic outside them).
public struct WorkCalendar: Sendable {
    /// The shipped notices, no zone overrides.
    public static let official = WorkCalendar()

    /// The notices in force, one per year, oldest first.
    public let notices: [HolidayNotice]
    /// The zone overrides, by day.
    public let overrides: [Day: ZoneOverride]

    /// Every day whose kind is not given by the weekday rule.
    private let special: [Day: DayKind]
    private let officialYears: Set<Int>
    /// Ordinal of the first day of the covered range (every special day lies inside it).
    private let lo: Int
    /// prefix[i] = working days in [lo, lo + i); prefix.count = covered days + 1.
    private let prefix: [Int]

    /// The shipped notices only.
    public init() {
        self.init(notices: HolidayNotice.shipped, overrides: [])
    }

    /// The shipped notices plus `extraNotices` (a loaded notice replaces the shipped one of the same
    /// year, so a correction or an amendment can be applied without a release) plus zone overrides.
    /// Notices are expected to be valid (`HolidayNotice.validationErrors()` empty).
    public init(extraNotices: [HolidayNotice], overrides: [ZoneOverride] = []) {
        var byYear: [Int: HolidayNotice] = [:]
        for n in HolidayNotice.shipped + extraNotices { byYear[n.year] = n }
        self.init(notices: Array(byYear.values), overrides: overrides)
    }

    /// Exactly these notices (one per year; for a repeated year the last wins) and overrides.
    public init(notices: [HolidayNotice], overrides: [ZoneOverride] = []) {
        var byYear: [Int: HolidayNotice] = [:]
        for n in notices { byYear[n.year] = n }
        let sorted = byYear.values.sorted { $0.year < $1.year }

        // Later notices are applied last: if two notices ever disagree about a day (a notice's break
        // reaching into the previous December), the newer one is the later decision.
        var special: [Day: DayKind] = [:]
        for n in sorted {
            for h in n.holidays {
                for d in h.dates { special[d] = .holiday(name: h.name) }
                for d in h.makeupWorkdays { special[d] = .makeupWorkday(name: h.name) }
            }
        }
        var overrideByDay: [Day: ZoneOverride] = [:]
        for o in overrides {
            overrideByDay[o.day] = o
            special[o.day] = o.kind == .rest ? .holiday(name: o.name) : .makeupWorkday(name: o.name)
        }

        // Cover whole years with a notice, and any special day outside them (overrides in other years).
        var ordinals = special.keys.map(\.ordinal)
        for n in sorted {
            ordinals.append(Day.firstOfYear(n.year).ordinal)
            ordinals.append(Day.lastOfYear(n.year).ordinal)
        }
        let lo = ordinals.min() ?? 0
        let hi = ordinals.max() ?? -1
        var prefix = [0]
        prefix.reserveCapacity(max(0, hi - lo + 2))
        var count = 0
        if lo <= hi {
            for o in lo...hi {
                let d = Day(ordinal: o)
                if (special[d] ?? WorkCalendar.defaultKind(d)).isWorkday { count += 1 }
                prefix.append(count)
            }
        }

        self.notices = sorted
        self.overrides = overrideByDay
        self.special = special
        self.officialYears = Set(sorted.map(\.year))
        self.lo = lo
        self.prefix = prefix
    }

    // MARK: Days

    public func kind(of day: Day) -> DayKind {
        special[day] ?? WorkCalendar.defaultKind(day)
    }

    public func isWorkday(_ day: Day) -> Bool { kind(of: day).isWorkday }

    /// Years for which a notice is loaded; others fall back to weekends only.
    public func hasOfficialData(year: Int) -> Bool { officialYears.contains(year) }

    /// The years of `from...to` without a notice, ascending (empty when to < from): for those the
    /// calendar knows weekends only, so holidays are counted as working days.
    public func missingYears(from: Day, to: Day) -> [Int] {
        guard from <= to else { return [] }
        return (from.year...to.year).filter { !officialYears.contains($0) }
    }

    /// The notice in force for `year`, if any.
    public func notice(year: Int) -> HolidayNotice? { notices.first { $0.year == year } }

    // MARK: Counting

    /// Working days d with from <= d <= to (0 when to < from).
    public func workdays(from: Day, to: Day) -> Int {
        guard from <= to else { return 0 }
        return rank(to.ordinal) - rank(from.ordinal - 1)
    }

    /// The n-th working day after (n > 0) or before (n < 0) `day`; `day` itself not counted. n == 0 returns day.
    public func add(_ n: Int, workdaysTo day: Day) -> Day {
        if n == 0 { return day }
        let o = day.ordinal
        // The answer is the first day whose rank reaches the target; that day is a working day
        // because the rank only grows on working days.
        let target = n > 0 ? rank(o) + n : rank(o - 1) + n + 1
        return Day(ordinal: firstOrdinal(withRank: target))
    }

    /// `day` if it is a working day, else the next working day (e.g. a deadline that falls on a holiday).
    public func workday(onOrAfter day: Day) -> Day {
        Day(ordinal: firstOrdinal(withRank: rank(day.ordinal - 1) + 1))
    }

    /// `day` if it is a working day, else the previous working day.
    public func workday(onOrBefore day: Day) -> Day {
        Day(ordinal: firstOrdinal(withRank: rank(day.ordinal)))
    }

    // MARK: Rank arithmetic
    //
    // rank(o) = number of working days up to and including ordinal o, counted from an arbitrary origin,
    // so workdays in [a, b] = rank(b) - rank(a - 1). Inside the covered range it comes from the prefix
    // sums; outside it only the weekday rule applies, which has a closed form.

    private static func defaultKind(_ d: Day) -> DayKind { d.isWeekend ? .weekend : .workday }

    private var coveredCount: Int { prefix.count - 1 }

    private func rank(_ o: Int) -> Int {
        let base = Self.weekdayRank(lo - 1)
        if o < lo { return Self.weekdayRank(o) }
        if o < lo + coveredCount { return base + prefix[o - lo + 1] }
        return base + prefix[coveredCount] + Self.weekdayRank(o) - Self.weekdayRank(lo + coveredCount - 1)
    }

    /// The smallest ordinal o with rank(o) >= target.
    private func firstOrdinal(withRank target: Int) -> Int {
        let base = Self.weekdayRank(lo - 1)
        if target <= base { return Self.firstOrdinal(withWeekdayRank: target) }
        let inside = target - base
        if inside <= prefix[coveredCount] {
            // Binary search the first k in 1...coveredCount with prefix[k] >= inside.
            var a = 1, b = coveredCount
            while a < b {
                let m = (a + b) / 2
                if prefix[m] >= inside { b = m } else { a = m + 1 }
            }
            return lo + a - 1
        }
        let beyond = inside - prefix[coveredCount]
        return Self.firstOrdinal(withWeekdayRank: Self.weekdayRank(lo + coveredCount - 1) + beyond)
    }

    /// Ordinal 4 (1970-01-05) is a Monday; weeks are counted from it with floor division so that
    /// negative ordinals work too.
    private static let monday = 4

    /// Monday–Friday days in [monday, o] (negative for earlier o): the weekday rule's rank.
    private static func weekdayRank(_ o: Int) -> Int {
        let x = o - monday
        let week = floorDiv(x, 7)
        return 5 * week + min(x - 7 * week + 1, 5)
    }

    /// The smallest ordinal with weekdayRank >= t (always a Monday–Friday).
    private static func firstOrdinal(withWeekdayRank t: Int) -> Int {
        let week = floorDiv(t - 1, 5)
        return monday + 7 * week + (t - 1 - 5 * week)
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
