import Domain
import Foundation
import SQLKit

extension Store {
    struct ReformRow: Decodable {
        let id: Int; let title: String; let kind: String; let brandLevel: String; let leadUnitId: Int; let coUnitIds: String; let taskId: Int?
        let firstYear: Int; let lastYear: Int; let stages: String; let version: Int
        func item(outcomes: [ReformOutcome]) -> ReformItem {
            let s = (try? JSONDecoder().decode([ReformStage].self, from: Data(stages.utf8))) ?? []
            return ReformItem(id: id, title: title, kind: ReformKind(rawValue: kind) ?? .reform, target: BrandLevel(code: brandLevel) ?? .city,
                              leadUnitId: leadUnitId, coUnitIds: coUnitIds.split(separator: ",").compactMap { Int($0) }, firstYear: firstYear, lastYear: lastYear,
                              stages: s, outcomes: outcomes, taskId: taskId, version: version)
        }
    }
    struct ReformOutcomeRow: Decodable {
        let reformId: Int; let kind: String; let level: String; let body: String; let day: String; let evidence: String
        var outcome: ReformOutcome {
            ReformOutcome(kind: OutcomeKind(rawValue: kind) ?? .adopted, level: BrandLevel(code: level) ?? .city, body: body, day: Day.stored(day), evidence: evidence)
        }
    }
    /// What the audit log keeps of an outcome: the outcome and the item it belongs to.
    struct ReformOutcomeRecord: Encodable { let reformId: Int; let outcome: ReformOutcome }

    static let reformColumns: SQLQueryString = """
        SELECT id, title, kind, brand_level, lead_unit_id, co_unit_ids, task_id, first_year, last_year, stages, version FROM reform_items
        """
    static func stagesJSON(_ s: [ReformStage]) -> String { Store.json(s) }

    // MARK: Reads

    /// The zone's live reform items, oldest first, each with its outcomes (by day); with `year`, only those whose
    /// roadmap runs in that year.
    public func reformItems(zoneId: Int, year: Int? = nil) async throws -> [ReformItem] {
        var w: SQLQueryString = " WHERE zone_id = \(bind: zoneId) AND archived_at IS NULL"
        if let year { w += " AND first_year <= \(bind: year) AND last_year >= \(bind: year)" }
        let rows = try await sql.raw(Store.reformColumns + w + " ORDER BY id").rows(ReformRow.self)
        guard !rows.isEmpty else { return [] }
        let outcomes = try await sql.raw("""
            SELECT reform_id, kind, level, body, day, evidence FROM reform_outcomes WHERE zone_id = \(bind: zoneId) ORDER BY day, id
            """).rows(ReformOutcomeRow.self)
        let byItem = Dictionary(grouping: outcomes, by: \.reformId)
        return rows.map { $0.item(outcomes: (byItem[$0.id] ?? []).map(\.outcome)) }
    }

    public func reformItem(id: Int, zoneId: Int) async throws -> ReformItem {
        guard let r = try await sql.raw(Store.reformColumns + " WHERE id = \(bind: id) AND zone_id = \(bind: zoneId)").row(ReformRow.self) else {
            throw StoreError.notFound(entity: "reform_item", id: id)
        }
        let outcomes = try await sql.raw("""
            SELECT reform_id, kind, level, body, day, evidence FROM reform_outcomes WHERE reform_id = \(bind: id) AND zone_id = \(bind: zoneId) ORDER BY day, id
            """).rows(ReformOutcomeRow.self)
        return r.item(outcomes: outcomes.map(\.outcome))
    }

    // MARK: Writes

    /// A new item in the library (its `id` and `version` are ignored). The domain's rules first (`ReformItem.validated`),
    /// then the lead unit, the co-units and the linked task must be live rows of the zone. Outcomes given are saved with it.
    public func createReformItem(_ item: ReformItem, actor: Actor, today: Day) async throws -> Int {
        let r = try validated { try item.validated(today: today) }
        let zoneId = actor.zoneId
        return try await write { tx in
            try await Store.requireInZone(tx, table: "units", ids: [r.leadUnitId], zoneId: zoneId, field: "leadUnitId", label: "牵头单位")
            try await Store.requireInZone(tx, table: "units", ids: r.coUnitIds, zoneId: zoneId, field: "coUnitIds", label: "配合单位")
            if let t = r.taskId { try await Store.requireInZone(tx, table: "tasks", ids: [t], zoneId: zoneId, field: "taskId", label: "对应任务") }
            let now = Store.timestamp()
            let id = try await tx.raw("""
                INSERT INTO reform_items (zone_id, title, kind, brand_level, lead_unit_id, co_unit_ids, task_id, first_year, last_year, stages, version, created_at, updated_at)
                VALUES (\(bind: zoneId), \(bind: r.title), \(bind: r.kind.rawValue), \(bind: r.target.code), \(bind: r.leadUnitId),
                  \(bind: r.coUnitIds.map(String.init).joined(separator: ",")), \(bind: r.taskId), \(bind: r.firstYear), \(bind: r.lastYear),
                  \(bind: Store.stagesJSON(r.stages)), 1, \(bind: now), \(bind: now)) RETURNING id
                """).row(IDRow.self)!.id
            for o in r.outcomes { _ = try await Store.insertReformOutcome(tx, zoneId: zoneId, reformId: id, o, at: now) }
            var saved = r
            saved.id = id; saved.version = 1
            try await Store.audit(tx, actor: actor, action: .create, entity: "reform_item", id: id, before: Optional<ReformItem>.none, after: saved)
            return id
        }
    }

    /// Marks stage `index` done on `day` (stages are reached in order, never twice, not after `today`); refused with
    /// `.conflict` if the item changed since `version`.
    @discardableResult
    public func markReformStage(id: Int, stage index: Int, on day: Day, version: Int, actor: Actor, today: Day) async throws -> ReformItem {
        let before = try await reformItem(id: id, zoneId: actor.zoneId)
        guard before.version == version else { throw StoreError.conflict(entity: "reform_item", id: id, current: before.version) }
        var after = try validated { try before.markingDone(stage: index, on: day, today: today) }
        after.version = version + 1
        let saved = after
        try await write { tx in
            try await Store.versionedUpdate(tx, table: "reform_items", entity: "reform_item", id: id, zoneId: actor.zoneId, version: version,
                                            set: "stages = \(bind: Store.stagesJSON(saved.stages))")
            try await Store.audit(tx, actor: actor, action: .update, entity: "reform_item", id: id, before: before, after: saved)
        }
        return saved
    }

    /// Records that a body adopted or promoted the item's result (a body, a day not after `today`, the proof); the item's
    /// version moves on, so a form based on an older page is refused with `.conflict`.
    @discardableResult
    public func addReformOutcome(reformId id: Int, _ outcome: ReformOutcome, version: Int, actor: Actor, today: Day) async throws -> ReformItem {
        let before = try await reformItem(id: id, zoneId: actor.zoneId)
        guard before.version == version else { throw StoreError.conflict(entity: "reform_item", id: id, current: before.version) }
        var probe = before
        probe.outcomes.append(outcome)
        var after = try validated { try probe.validated(today: today) }
        after.version = version + 1
        let saved = after, clean = after.outcomes[after.outcomes.count - 1], zoneId = actor.zoneId
        try await write { tx in
            let now = Store.timestamp()
            guard try await tx.raw("""
                UPDATE reform_items SET version = version + 1, updated_at = \(bind: now)
                WHERE id = \(bind: id) AND zone_id = \(bind: zoneId) AND version = \(bind: version) RETURNING id
                """).row(IDRow.self) != nil else { throw StoreError.conflict(entity: "reform_item", id: id, current: version + 1) }
            let outcomeId = try await Store.insertReformOutcome(tx, zoneId: zoneId, reformId: id, clean, at: now)
            try await Store.audit(tx, actor: actor, action: .create, entity: "reform_outcome", id: outcomeId, before: Optional<ReformOutcomeRecord>.none,
                                  after: ReformOutcomeRecord(reformId: id, outcome: clean))
        }
        return saved
    }

    static func insertReformOutcome(_ tx: any SQLDatabase, zoneId: Int, reformId: Int, _ o: ReformOutcome, at: String) async throws -> Int {
        try await tx.raw("""
            INSERT INTO reform_outcomes (zone_id, reform_id, kind, level, body, day, evidence, created_at)
            VALUES (\(bind: zoneId), \(bind: reformId), \(bind: o.kind.rawValue), \(bind: o.level.code), \(bind: o.body), \(bind: o.day.iso), \(bind: o.evidence), \(bind: at))
            RETURNING id
            """).row(IDRow.self)!.id
    }

    // MARK: Bonus rules

    /// The zone's reform bonus rule, or the standard one (市级1分、省级2分、国家级3分，上限5分) with version 0 when never set.
    public func reformBonusRules(zoneId: Int) async throws -> (rules: ReformBonusRules, version: Int) {
        struct R: Decodable { let bonusRules: String; let version: Int }
        guard let r = try await sql.raw("SELECT bonus_rules, version FROM reform_settings WHERE zone_id = \(bind: zoneId)").row(R.self),
              let rules = try? JSONDecoder().decode(ReformBonusRules.self, from: Data(r.bonusRules.utf8)) else { return (.standard, 0) }
        return (rules, r.version)
    }

    public func setReformBonusRules(_ rules: ReformBonusRules, version: Int, actor: Actor) async throws {
        try validated { try rules.validate() }
        let (before, current) = try await reformBonusRules(zoneId: actor.zoneId)
        guard current == version else { throw StoreError.conflict(entity: "reform_settings", id: actor.zoneId, current: current) }
        try await write { tx in
            try await Store.saveZoneSetting(tx, table: "reform_settings", entity: "reform_settings", actor: actor, version: version,
                                            values: [("bonus_rules", Store.json(rules))], before: before, after: rules)
        }
    }
}
