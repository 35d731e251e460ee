import Domain
import SQLKit

public struct Zone: Codable, Sendable, Equatable {
    public let id: Int
    public let code: String
    public let name: String
}

extension Store {
    public func zones() async throws -> [Zone] {
        try await sql.raw("SELECT id, code, name FROM zones ORDER BY id").rows(Zone.self)
    }

    public func zone(code: String) async throws -> Zone? {
        try await sql.raw("SELECT id, code, name FROM zones WHERE code = \(bind: code)").row(Zone.self)
    }

    public func zone(id: Int) async throws -> Zone? {
        try await sql.raw("SELECT id, code, name FROM zones WHERE id = \(bind: id)").row(Zone.self)
    }

    /// Creates a zone (a tenant); operators do this from the command line.
    public func createZone(code: String, name: String) async throws -> Zone {
        try await write { tx in
            let row = try await tx.raw("INSERT INTO zones (code, name, created_at) VALUES (\(bind: code), \(bind: name), \(bind: Store.timestamp())) RETURNING id").row(IDRow.self)
            let zone = Zone(id: row!.id, code: code, name: name)
            try await Store.audit(tx, actor: nil, action: .create, entity: "zone", id: zone.id, before: Optional<Zone>.none, after: zone, zoneId: zone.id)
            return zone
        }
    }

    /// The years the zone has plans for, newest first.
    public func years(zoneId: Int) async throws -> [Int] {
        struct Y: Decodable { let year: Int }
        return try await sql.raw("SELECT year FROM years WHERE zone_id = \(bind: zoneId) ORDER BY year DESC").rows(Y.self).map(\.year)
    }

    public func ensureYear(zoneId: Int, year: Int) async throws {
        try await write { tx in try await Store.ensureYear(tx, zoneId: zoneId, year: year) }
    }

    static func ensureYear(_ tx: any SQLDatabase, zoneId: Int, year: Int) async throws {
        struct Y: Decodable { let id: Int }
        if try await tx.raw("SELECT id FROM years WHERE zone_id = \(bind: zoneId) AND year = \(bind: year)").row(Y.self) == nil {
            try await tx.raw("INSERT INTO years (zone_id, year, title) VALUES (\(bind: zoneId), \(bind: year), \(bind: "\(year)年度"))").run()
        }
    }
}

extension Store {
    /// A cheap query that proves the database answers (health checks).
    public func ping() async throws {
        _ = try await sql.raw("SELECT 1 AS n").row(CountRow.self)
    }
}
