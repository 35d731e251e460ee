import Domain
import NIOConcurrencyHelpers
import NIOCore
import Persistence
import Vapor

/// A small in-memory cache of computed views (page content, the matrix reference, counts), keyed by zone and checked
/// against the zone's data version: every business write raises the version (`Store.audit`), and the version comes
/// with the signed-in principal on every request, so any instance notices a change made through any other.
///
/// Under a steady stream of writes the version moves on every few hundred milliseconds, and recomputing the heavy
/// views for every new version would take the whole machine. So a caller may accept a value a little stale
/// (`maxStale`): it gets the last value at once while one refresh for the newest version runs in the background, one
/// at a time per view. The value served was current when it was stored, at most `maxStale` ago. Whoever wrote
/// recently, and every API client, asks for the current value (`Request.mayServeStale`).
final class ZoneViewCache: Sendable {
    /// `readFrom`: when the computation of the value began, so when its data was current at the latest.
    private struct Entry { let version: Int; let readFrom: NIODeadline; let value: any Sendable }
    private typealias Computation = Task<(value: any Sendable, startedAt: NIODeadline), any Error>
    private let entries = NIOLockedValueBox<[String: Entry]>([:])
    /// Computations under way, so that a burst of requests after a change computes once (single flight).
    private let inFlight = NIOLockedValueBox<[String: (version: Int, task: Computation)]>([:])
    static let maxEntries = 256

    /// Set inside every computation: what a view is computed from must be current, never stale, or the stale parts
    /// would be stored under the new version.
    @TaskLocal static var computing = false

    func value<T: Sendable>(zoneId: Int, key: String, version: Int, maxStale: TimeAmount = .zero,
                            _ make: @escaping @Sendable () async throws -> T) async throws -> T {
        let fullKey = "\(zoneId)|\(key)"
        let entry = entries.withLockedValue { $0[fullKey] }
        if let e = entry, e.version == version, let v = e.value as? T { return v }
        if maxStale > .zero, !Self.computing, let e = entry, e.version < version, let stale = e.value as? T,
           NIODeadline.now() - e.readFrom <= maxStale {
            refreshInBackground(fullKey, version: version, make)
            return stale
        }
        let task: Computation = inFlight.withLockedValue { running in
            if let r = running[fullKey], r.version == version { return r.task }
            let t = Self.compute(make)
            running[fullKey] = (version, t)
            return t
        }
        defer { inFlight.withLockedValue { if $0[fullKey]?.version == version { $0[fullKey] = nil } } }
        let done = try await task.value
        guard let value = done.value as? T else { throw Abort(.internalServerError) }
        store(fullKey, version: version, value, readFrom: done.startedAt)
        return value
    }

    /// Runs `make` with `computing` set, noting when it began.
    private static func compute<T: Sendable>(_ make: @escaping @Sendable () async throws -> T) -> Computation {
        Computation {
            let started = NIODeadline.now()
            return (try await $computing.withValue(true) { try await make() }, started)
        }
    }

    /// Starts computing `version` unless something is being computed for this view already (then the next request
    /// after it finishes starts the next refresh): at most one computation per view at a time.
    private func refreshInBackground<T: Sendable>(_ fullKey: String, version: Int, _ make: @escaping @Sendable () async throws -> T) {
        inFlight.withLockedValue { running in
            guard running[fullKey] == nil else { return }
            let computation = Self.compute(make)
            running[fullKey] = (version, computation)
            Task { [self] in
                defer { inFlight.withLockedValue { if $0[fullKey]?.version == version { $0[fullKey] = nil } } }
                // A failed refresh leaves the previous value; the next request tries again (and a current one reports it).
                guard let done = try? await computation.value else { return }
                store(fullKey, version: version, done.value, readFrom: done.startedAt)
            }
        }
    }

    private func store(_ fullKey: String, version: Int, _ value: any Sendable, readFrom: NIODeadline) {
        entries.withLockedValue { dict in
            if dict.count >= Self.maxEntries { dict.removeAll() }
            if let existing = dict[fullKey], existing.version > version { return }
            dict[fullKey] = Entry(version: version, readFrom: readFrom, value: value)
        }
    }
}

extension Application {
    private struct CacheKey: StorageKey { typealias Value = ZoneViewCache }
    var zoneViews: ZoneViewCache {
        if let c = storage[CacheKey.self] { return c }
        let c = ZoneViewCache()
        storage[CacheKey.self] = c
        return c
    }
}

extension Request {
    /// The zone's data version as of this request.
    func zoneDataVersion(_ actor: Actor) async throws -> Int {
        if let v = signedIn?.zoneDataVersion { return v }
        return try await store.dataVersion(zoneId: actor.zoneId)
    }

    /// Something derived from the zone's data, computed once per data version; a page read by someone who has not
    /// written lately may be served the previous version while the current one is computed (`ZoneViewCache`).
    func cached<T: Sendable>(_ actor: Actor, _ key: String, _ make: @escaping @Sendable () async throws -> T) async throws -> T {
        try await cached(actor, key, version: try await zoneDataVersion(actor), make)
    }

    /// Like `cached(_:_:_:)`, for a view computed only from the records audited as `entities` (see
    /// `Store.entityVersion`): kept until one of those changes, whatever else changes in the zone. `key` must name a
    /// view cached only this way.
    func cached<T: Sendable>(_ actor: Actor, _ key: String, onlyFrom entities: [String], _ make: @escaping @Sendable () async throws -> T) async throws -> T {
        try await cached(actor, "entities|" + key, version: try await store.entityVersion(zoneId: actor.zoneId, entities: entities), make)
    }

    private func cached<T: Sendable>(_ actor: Actor, _ key: String, version: Int, _ make: @escaping @Sendable () async throws -> T) async throws -> T {
        let stale = mayServeStale ? application.guatu.staleViewSeconds : 0
        return try await application.zoneViews.value(zoneId: actor.zoneId, key: key, version: version, maxStale: .seconds(Int64(stale)), make)
    }

    /// `body` with every cached value it reads current (as inside a computation): for what a request reads outside
    /// `cached` and then builds a cached view on, such as the calendar.
    func current<T>(_ body: () async throws -> T) async throws -> T {
        try await ZoneViewCache.$computing.withValue(true) { try await body() }
    }

    /// A page (not the API) read in a browser session that has not changed anything in the last `staleViewSeconds`.
    var mayServeStale: Bool {
        guard method == .GET, !url.path.hasPrefix("/api/"), case .session? = signedIn?.credential else { return false }
        return cookies[FreshViewsMiddleware.cookie] == nil
    }
}
