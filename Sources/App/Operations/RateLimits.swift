import Foundation
import NIOConcurrencyHelpers
import Persistence
import Vapor

/// Fixed-window request counters. On PostgreSQL they live in the database (`rate_counters`) so every instance
/// counts against one limit; on SQLite, where there is only ever one instance, in this process (no write per read).
final class RateLimiter: Sendable {
    enum Backing: Sendable { case memory, database }
    let backing: Backing
    private let counts = NIOLockedValueBox([String: Int]())

    init(backing: Backing) { self.backing = backing }

    static func windowStart(_ now: Date, window: TimeInterval) -> Date {
        Date(timeIntervalSince1970: (now.timeIntervalSince1970 / window).rounded(.down) * window)
    }

    /// Counts one more request for `key` in the window holding `now`; answers the count including it.
    func hit(_ key: String, window: TimeInterval, now: Date, store: Store) async throws -> Int {
        let start = RateLimiter.windowStart(now, window: window)
        switch backing {
        case .database: return try await store.bumpRateCounter(key: key, windowStart: start)
        case .memory:
            let k = key + "@" + String(Int(start.timeIntervalSince1970))
            return counts.withLockedValue { c in
                if c.count > 50_000 {
                    // Drop ended windows now and then, keeping this one and the one before (`recentCounts`).
                    let keep = ["@" + String(Int(start.timeIntervalSince1970)), "@" + String(Int(start.timeIntervalSince1970 - window))]
                    c = c.filter { e in keep.contains { e.key.hasSuffix($0) } }
                }
                c[k, default: 0] += 1
                return c[k]!
            }
        }
    }

    /// The count so far, without adding to it.
    func count(_ key: String, window: TimeInterval, now: Date, store: Store) async throws -> Int {
        let start = RateLimiter.windowStart(now, window: window)
        switch backing {
        case .database: return try await store.rateCounter(key: key, windowStart: start)
        case .memory: return counts.withLockedValue { $0[key + "@" + String(Int(start.timeIntervalSince1970))] ?? 0 }
        }
    }

    /// The counts of the window holding `now` and of the one before it: a limit checked on their sum does not forget
    /// everything at a window's edge (with one window, failures just before and just after it were never added up).
    func recentCounts(_ key: String, window: TimeInterval, now: Date, store: Store) async throws -> (previous: Int, current: Int) {
        (try await count(key, window: window, now: now.addingTimeInterval(-window), store: store), try await count(key, window: window, now: now, store: store))
    }

    /// Seconds until the window holding `now` ends (Retry-After).
    static func retryAfter(_ now: Date, window: TimeInterval) -> Int {
        Int((windowStart(now, window: window).timeIntervalSince1970 + window - now.timeIntervalSince1970).rounded(.up))
    }
}

/// The limits (等保: 资源控制): API calls per token or signed-in user, and requests to the public pages per address.
/// Over the limit: 429 with Retry-After, as JSON under /api and as a Chinese page elsewhere.
struct RateLimitMiddleware: AsyncMiddleware {

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let config = request.application.guatu
        let path = request.url.path
        let scope: String, key: String, limit: Int
        if path.hasPrefix("/api/") && path != "/api/v1/openapi.json" {
            guard config.apiRateLimit > 0 else { return try await next.respond(to: request) }
            scope = "api"; limit = config.apiRateLimit
            key = request.signedIn.map { "api:user:\($0.actor.userId)" } ?? "api:ip:\(request.clientAddress)"
        } else if path.hasPrefix("/public/") {
            guard config.publicRateLimit > 0 else { return try await next.respond(to: request) }
            scope = "public"; limit = config.publicRateLimit
            key = "public:ip:\(request.clientAddress)"
        } else {
            return try await next.respond(to: request)
        }
        let now = Date(), window = TimeInterval(config.rateWindowSeconds)
        let n = try await request.application.rateLimiter.hit(key, window: window, now: now, store: request.store)
        guard n <= limit else {
            request.application.metrics.rateLimited(scope)
            let wait = RateLimiter.retryAfter(now, window: window)
            let per = config.rateWindowSeconds == 60 ? "每分钟" : "每\(config.rateWindowSeconds)秒"
            throw AppError(.tooManyRequests, "rate_limited", "请求过于频繁（\(per)最多\(limit)次），请\(wait)秒后再试")
                .retrying(after: wait)
        }
        return try await next.respond(to: request)
    }
}

extension Request {
    /// The client's address: the connection's peer, or — when GUATU_TRUST_PROXY is on, behind nginx — the
    /// address nginx puts in X-Real-IP (or the last hop of X-Forwarded-For), which a client cannot forge past nginx.
    var clientAddress: String {
        if application.guatu.trustProxy {
            if let real = headers.first(name: "X-Real-IP")?.trimmingCharacters(in: .whitespaces), !real.isEmpty { return real }
            if let fwd = headers.first(name: .xForwardedFor)?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !fwd.isEmpty { return fwd }
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }
}

extension Application {
    private struct LimiterKey: StorageKey { typealias Value = RateLimiter }
    /// Set once in `configure`.
    var rateLimiter: RateLimiter {
        get { storage[LimiterKey.self] ?? RateLimiter(backing: .memory) }
        set { storage[LimiterKey.self] = newValue }
    }
}
