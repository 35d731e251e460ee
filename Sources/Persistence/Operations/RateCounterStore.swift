import Foundation
import SQLKit

/// Request counters in the database, so every instance behind the load balancer counts against one limit.
extension Store {
    /// Adds `by` to the key's count in the window starting at `windowStart` and answers the new count.
    /// One statement (an upsert), not a read then a write, so two instances cannot both see room for one more.
    public func bumpRateCounter(key: String, windowStart: Date, by: Int = 1) async throws -> Int {
        struct C: Decodable { let count: Int }
        return try await write { tx in
            try await tx.raw("""
                INSERT INTO rate_counters (counter_key, window_start, count) VALUES (\(bind: key), \(bind: Store.timestamp(windowStart)), \(bind: by))
                ON CONFLICT (counter_key, window_start) DO UPDATE SET count = rate_counters.count + \(bind: by) RETURNING count
                """).row(C.self)?.count ?? by
        }
    }

    /// The key's count in that window, without adding to it.
    public func rateCounter(key: String, windowStart: Date) async throws -> Int {
        struct C: Decodable { let count: Int }
        return try await sql.raw("SELECT count FROM rate_counters WHERE counter_key = \(bind: key) AND window_start = \(bind: Store.timestamp(windowStart))").row(C.self)?.count ?? 0
    }

    /// Drops windows that ended before `before` (the hourly clean-up job).
    public func deleteRateCounters(before: Date) async throws {
        try await write { tx in try await tx.raw("DELETE FROM rate_counters WHERE window_start < \(bind: Store.timestamp(before))").run() }
    }
}
