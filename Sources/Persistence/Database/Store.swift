import Domain
import FluentKit
import Foundation
import SQLKit

/// Errors a store reports; the app maps each to a status code and a Chinese message.
public enum StoreError: Error, Equatable, Sendable {
    /// No such row in the actor's zone (or archived where that matters).
    case notFound(entity: String, id: Int)
    /// The row changed since the caller read it: `current` is its version now.
    case conflict(entity: String, id: Int, current: Int)
    case invalid(ValidationError)
    /// A unique name is already taken.
    case duplicate(field: String, message: String)
}

/// Data access for every capability. Queries go through SQLKit into plain rows (fast, and one code
/// path for SQLite and PostgreSQL); each capability adds its methods in an extension in its folder.
public struct Store: Sendable {
    public let db: any Database
    let gate: WriteGate?

    /// - Parameter gate: given on SQLite, where two concurrent write transactions on two
    ///   connections can fail with SQLITE_BUSY instead of waiting; writes then queue in-process.
    public init(db: any Database, gate: WriteGate?) {
        self.db = db
        self.gate = gate
    }

    var sql: any SQLDatabase { db as! any SQLDatabase }

    /// Runs `body` in one transaction: every row it writes, and its audit lines, land together or not at all.
    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        if let gate { await gate.acquire() }
        do {
            let result = try await db.transaction { tx in try await body(tx as! any SQLDatabase) }
            if let gate { await gate.release() }
            return result
        } catch {
            if let gate { await gate.release() }
            throw error
        }
    }

    /// Rows decode by snake_case column names. SQLKit's own `.convertFromSnakeCase` asks Unicode
    /// for every character of every key of every row (a tenth of a list request's CPU, measured
    /// with perf); our names are ASCII, so a byte loop does the same work.
    static let decoder = SQLRowDecoder(keyDecodingStrategy: .custom({ path in
        SnakeKey(path.last.map { snakeCase($0.stringValue) } ?? "")
    }))

    struct SnakeKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// `planId` → `plan_id` for ASCII identifiers.
    static func snakeCase(_ key: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(key.utf8.count + 4)
        for b in key.utf8 {
            if b >= 65 && b <= 90 { out.append(95); out.append(b + 32) } else { out.append(b) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Now, as stored: ISO 8601 UTC with milliseconds (sortable as text on both databases).
    public static func timestamp(_ date: Date = Date()) -> String {
        isoFormatter.string(from: date)
    }
    public static func date(fromTimestamp s: String) -> Date? { isoFormatter.date(from: s) }
    nonisolated(unsafe) static let isoFormatter: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f
    }()

    static func json<T: Encodable>(_ value: T) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? e.encode(value)) ?? Data(), as: UTF8.self)
    }
}

/// An async mutex: one write transaction at a time in this process.
public actor WriteGate {
    public init() {}
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    func acquire() async {
        if !busy { busy = true; return }
        await withCheckedContinuation { waiters.append($0) }
    }
    func release() {
        if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
    }
}

extension SQLRawBuilder {
    func rows<T: Decodable>(_ type: T.Type) async throws -> [T] {
        try await all(decoding: T.self, with: Store.decoder)
    }
    func row<T: Decodable>(_ type: T.Type) async throws -> T? {
        try await first(decoding: T.self, with: Store.decoder)
    }
}

struct IDRow: Decodable { let id: Int }
struct CountRow: Decodable { let n: Int }

extension Day {
    /// Reads a stored ISO date; a malformed value in the database is a bug, not user input.
    static func stored(_ s: String) -> Day { Day(iso: s) ?? Day(year: 1970, month: 1, day: 1)! }
}
