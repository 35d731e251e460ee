import Domain
import Persistence
import Vapor
import Views

/// Reads several pages share: the year in view, names for ids, lights for tasks.
extension Request {
    /// `?year=` if given and valid, else the newest year the zone has plans for, else this year.
    func yearInView(_ actor: Actor) async throws -> Int {
        if let y = query[Int.self, at: "year"], (2000...2100).contains(y) { return y }
        return try await cached(actor, "years") { [store] in try await store.years(zoneId: actor.zoneId) }.first ?? today.year
    }

    /// The zone's units and people (archived ones too, for old records), for names and choices: kept until a unit or a
    /// user changes (their writes are audited as `unit` and `user`), not read again after every task write. Not for
    /// what a sign-in changes unaudited (failed attempts, locks): read those fresh.
    struct Directory: Sendable { let units: [OrgUnit]; let people: [UserAccount] }
    func directory(_ actor: Actor) async throws -> Directory {
        try await cached(actor, "directory", onlyFrom: ["unit", "user"]) { [store] in
            async let units = store.units(zoneId: actor.zoneId, includeArchived: true)
            async let people = store.users(zoneId: actor.zoneId, includeArchived: true)
            return try await Directory(units: units, people: people)
        }
    }

    /// Every unit's and person's name in the zone (archived ones too, for old records).
    func names(_ actor: Actor) async throws -> Names {
        try await cached(actor, "names", onlyFrom: ["unit", "user"]) {
            let d = try await self.directory(actor)
            return Names(units: d.units, people: d.people)
        }
    }

    func light(_ t: TaskItem) -> Light { Light.of(t, today: today, calendar: calendar, rules: lightRules) }

    /// Warnings to show when the calendar has no official notice for a year in view.
    func calendarWarnings(year: Int) -> [String] {
        CalendarText.missingYears(calendar.hasOfficialData(year: year) ? [] : [year]).map { [$0] } ?? []
    }
}

extension Request {
    /// The filters of the matrix and battle map pages, read from the query string.
    func matrixFilters(year: Int) -> MatrixPage.Filters {
        var f = MatrixPage.Filters(year: year)
        f.planId = query[Int.self, at: "plan"]
        f.unitId = query[Int.self, at: "unit"]
        f.leaderId = query[Int.self, at: "leader"]
        f.light = query[String.self, at: "light"].flatMap(Light.init(rawValue:))
        return f
    }
}
