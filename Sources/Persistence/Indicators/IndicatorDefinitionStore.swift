import Domain
import Foundation
import SQLKit

extension Store {
    static func insertDefinition(_ tx: any SQLDatabase, _ i: Indicator, version: Int, effectiveFrom: Day, actor: Actor, at: String) async throws {
        let d = IndicatorDefinition(version: version, effectiveFrom: effectiveFrom, name: i.name, unit: i.unit, direction: i.direction, caliber: i.caliber,
                                    source: i.source, formula: i.formula, ownerUnitId: i.ownerUnitId, savedAt: at, savedByName: actor.displayName)
        try await tx.raw("""
            INSERT INTO indicator_definitions (zone_id, indicator_id, version, effective_from, definition, saved_at, saved_by_name)
            VALUES (\(bind: actor.zoneId), \(bind: i.id), \(bind: version), \(bind: effectiveFrom.iso), \(bind: Store.json(d)), \(bind: at), \(bind: actor.displayName))
            """).run()
    }

    /// Every version of the indicator's definition, oldest first. An indicator created before versions were kept
    /// has its current definition as version 1, in force from the beginning.
    public func indicatorDefinitions(indicatorId: Int, zoneId: Int) async throws -> [IndicatorDefinition] {
        struct R: Decodable { let definition: String }
        let rows = try await sql.raw("SELECT definition FROM indicator_definitions WHERE indicator_id = \(bind: indicatorId) AND zone_id = \(bind: zoneId) ORDER BY version")
            .rows(R.self).compactMap { try? JSONDecoder().decode(IndicatorDefinition.self, from: Data($0.definition.utf8)) }
        if !rows.isEmpty { return rows }
        let i = try await indicator(id: indicatorId, zoneId: zoneId)
        return [IndicatorDefinition(version: 1, effectiveFrom: IndicatorDefinition.since, name: i.name, unit: i.unit, direction: i.direction, caliber: i.caliber,
                                    source: i.source, formula: i.formula, ownerUnitId: i.ownerUnitId, savedAt: "", savedByName: "")]
    }

    /// Revises the definition from `effectiveFrom` on (after the newest version's start): the indicator shows the new
    /// definition, and periods before it keep reading the old one. Refused (409) when revised since `version`.
    public func reviseIndicator(id: Int, _ d: IndicatorDraft, effectiveFrom: Day, version: Int, actor: Actor) async throws -> Indicator {
        let before = try await indicator(id: id, zoneId: actor.zoneId)
        var draft = d
        draft.code = before.code; draft.frequency = before.frequency
        let v = try validated { try draft.validated() }
        _ = try await unit(id: v.ownerUnitId, zoneId: actor.zoneId)
        let versions = try await indicatorDefinitions(indicatorId: id, zoneId: actor.zoneId)
        if let last = versions.last, effectiveFrom <= last.effectiveFrom {
            throw StoreError.invalid(ValidationError(field: "effectiveFrom", "生效日期须晚于上一版的生效日期（\(last.effectiveFrom == IndicatorDefinition.since ? "初始版本" : last.effectiveFrom.iso)）"))
        }
        return try await write { tx in
            let now = Store.timestamp()
            if (try await tx.raw("SELECT COUNT(*) AS n FROM indicator_definitions WHERE indicator_id = \(bind: id)").row(CountRow.self)?.n ?? 0) == 0 {
                // Keep the definition in force until now as version 1 before the first revision.
                try await Store.insertDefinition(tx, before, version: 1, effectiveFrom: IndicatorDefinition.since, actor: actor, at: now)
            }
            guard try await tx.raw("""
                UPDATE indicators SET name = \(bind: v.name), unit = \(bind: v.unit), direction = \(bind: v.direction.rawValue), caliber = \(bind: v.caliber),
                  source = \(bind: v.source.rawValue), owner_unit_id = \(bind: v.ownerUnitId), formula = \(bind: v.formula?.rawValue), version = version + 1,
                  updated_at = \(bind: now) WHERE id = \(bind: id) AND zone_id = \(bind: actor.zoneId) AND version = \(bind: version) RETURNING id
                """).row(IDRow.self) != nil else { throw StoreError.conflict(entity: "indicator", id: id, current: before.version) }
            let after = try await tx.raw(Store.indicatorColumns + " WHERE id = \(bind: id)").row(IndicatorRow.self)!.indicator
            let next = (versions.last?.version ?? 1) + 1
            try await Store.insertDefinition(tx, after, version: next, effectiveFrom: effectiveFrom, actor: actor, at: now)
            try await Store.audit(tx, actor: actor, action: .update, entity: "indicator", id: id, before: before, after: after)
            return after
        }
    }
}
