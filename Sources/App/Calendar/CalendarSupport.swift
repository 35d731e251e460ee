import Domain
import Persistence
import Vapor

/// Which working-day calendar applies: the shipped notices, the notices loaded since, and the
/// zone's own overrides. Resolved once per request (cached per zone data version; loading a notice
/// raises every zone's version).
extension Request {
    private struct CalendarKey: StorageKey { typealias Value = ZoneTime }

    /// What lights and dates are computed with in a zone: its calendar and its light thresholds.
    struct ZoneTime: Sendable {
        let calendar: WorkCalendar
        let rules: LightRules
    }

    /// The calendar of the signed-in user's zone (the official one before sign-in).
    var calendar: WorkCalendar { storage[CalendarKey.self]?.calendar ?? .official }
    /// The zone's light thresholds.
    var lightRules: LightRules { storage[CalendarKey.self]?.rules ?? .standard }

    func resolveCalendar() async throws {
        guard let actor = signedIn?.actor else { return }
        // Always the current version, never a stale one: every computation of the request reads it from here, and a
        // view computed for the current version must not be built on the previous calendar or light rules.
        storage[CalendarKey.self] = try await current { try await self.cached(actor, "calendar") { [store] in
            ZoneTime(calendar: WorkCalendar(extraNotices: try await store.loadedNotices(),
                                            overrides: try await store.calendarOverrides(zoneId: actor.zoneId).map(\.override)),
                     rules: try await store.lightRules(zoneId: actor.zoneId).rules)
        } }
    }
}

extension Application {
    /// The calendar for commands and background work: loaded notices, plus a zone's overrides if given.
    public func calendar(zoneId: Int?) async throws -> WorkCalendar {
        var overrides: [ZoneOverride] = []
        if let zoneId { overrides = try await store.calendarOverrides(zoneId: zoneId).map(\.override) }
        return WorkCalendar(extraNotices: try await store.loadedNotices(), overrides: overrides)
    }
}

enum CalendarText {
    /// The command line's words for a day (the contract of `guatu calendar day`).
    static func cli(_ kind: DayKind) -> String {
        switch kind {
        case .workday: return "workday"
        case .weekend: return "weekend"
        case .holiday(let name): return "holiday \(name)"
        case .makeupWorkday(let name): return "makeup-workday \(name)"
        }
    }

    /// The warning for years the calendar only knows as weekends.
    static func missingYears(_ years: [Int]) -> String? {
        guard !years.isEmpty else { return nil }
        let list = years.map(String.init).joined(separator: "、")
        return "\(list)年的国务院节假日安排尚未录入，工作日暂按周一至周五计算（可由系统管理员在“工作日历”页或用 guatu calendar load 录入）。"
    }
}

extension Response {
    /// Says so when dates in this answer fall in years the calendar knows only as weekends.
    func warnIfMissingCalendar(_ calendar: WorkCalendar, days: [Day]) {
        let years = Set(days.map(\.year)).filter { !calendar.hasOfficialData(year: $0) }.sorted()
        guard !years.isEmpty else { return }
        headers.replaceOrAdd(name: "Guatu-Calendar-Warning",
                             value: "no official holiday notice for \(years.map(String.init).joined(separator: ",")); working days counted as weekdays only")
    }
}
