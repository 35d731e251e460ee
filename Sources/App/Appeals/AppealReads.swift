import Domain
import Persistence
import Vapor

/// Appeal reads that scan the zone's appeals (the count behind a filtered list, the figures per unit and category) are
/// kept in the zone view cache until the zone's data changes; the page of rows itself is read fresh.
enum AppealReads {
    static func page(_ req: Request, _ actor: Actor, _ f: AppealFilter) async throws -> (appeals: [Appeal], total: Int) {
        let store = req.store
        let rows = try await store.appealRows(zoneId: actor.zoneId, f)
        let total = try await req.cached(actor, "appeal-count|\(req.today.iso)|" + Store.cacheKey(f)) { try await store.countAppeals(zoneId: actor.zoneId, f) }
        return (rows, total)
    }

    static func statistics(_ req: Request, _ actor: Actor, year: Int) async throws -> AppealStatistics {
        let (store, today) = (req.store, req.today)
        return try await req.cached(actor, "appeal-stats|\(year)|\(today.iso)") { try await store.appealStatistics(zoneId: actor.zoneId, year: year, today: today) }
    }
}
