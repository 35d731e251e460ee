import Domain
import Foundation
import SQLKit

extension Store {
    struct RDCenterRow: Decodable {
        let enterpriseId: Int; let name: String; let level: String; let recognizedOn: String
        var center: RDCenter? {
            guard let l = RDCenter.Level(rawValue: level), let d = Day(iso: recognizedOn) else { return nil }
            return RDCenter(name: name, level: l, recognizedOn: d)
        }
    }

    /// Every R&D institution in the zone, by enterprise, oldest first.
    public func rdCenters(zoneId: Int) async throws -> [Int: [RDCenter]] {
        let rows = try await sql.raw("SELECT enterprise_id, name, level, recognized_on FROM enterprise_rd_centers WHERE zone_id = \(bind: zoneId) ORDER BY recognized_on")
            .rows(RDCenterRow.self)
        var out: [Int: [RDCenter]] = [:]
        for r in rows { if let c = r.center { out[r.enterpriseId, default: []].append(c) } }
        return out
    }

    /// One enterprise's R&D institutions, oldest first.
    public func rdCenters(enterpriseId: Int, zoneId: Int) async throws -> [RDCenter] {
        try await sql.raw("SELECT enterprise_id, name, level, recognized_on FROM enterprise_rd_centers WHERE enterprise_id = \(bind: enterpriseId) AND zone_id = \(bind: zoneId) ORDER BY recognized_on")
            .rows(RDCenterRow.self).compactMap(\.center)
    }

    public func addRDCenter(enterpriseId: Int, _ c: RDCenter, actor: Actor) async throws {
        _ = try await enterprise(id: enterpriseId, zoneId: actor.zoneId)
        try validated { try c.validate() }
        try await write { tx in
            let id = try await tx.raw("""
                INSERT INTO enterprise_rd_centers (zone_id, enterprise_id, name, level, recognized_on, created_at)
                VALUES (\(bind: actor.zoneId), \(bind: enterpriseId), \(bind: c.name.trimmingCharacters(in: .whitespaces)), \(bind: c.level.rawValue),
                  \(bind: c.recognizedOn.iso), \(bind: Store.timestamp())) RETURNING id
                """).row(IDRow.self)!.id
            try await Store.audit(tx, actor: actor, action: .create, entity: "rd_center", id: id, before: Optional<RDCenter>.none, after: c)
        }
    }
}
