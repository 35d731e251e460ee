import Domain
import Foundation
import SQLKit

/// One value of an indicator for a period, as entered, with its review.
public struct IndicatorValue: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable { case submitted, accepted, returned
        public var chineseName: String { switch self { case .submitted: return "待审核"; case .accepted: return "已确认"; case .returned: return "被退回" } }
    }
    public let id: Int
    public let indicatorId: Int
    public let periodKey: String
    public let value: Double
    public let note: String
    public let status: Status
    public let enteredByName: String
    public let enteredAt: String
    public let reviewedByName: String?
    public let reviewReason: String?
    public let version: Int
}

/// An entered value as the audit log keeps it: the value and the names of its evidence files.
struct IndicatorValueAudit: Encodable {
    let value: IndicatorValue
    let evidence: [String]
}

extension Store {
    struct IndicatorRow: Decodable {
        let id: Int; let code: String; let name: String; let unit: String; let direction: String; let frequency: String; let caliber: String
        let source: String; let ownerUnitId: Int; let formula: String?; let archivedAt: String?; let version: Int
        var indicator: Indicator {
            Indicator(id: id, code: code, name: name, unit: unit, direction: .init(rawValue: direction) ?? .higher, frequency: .init(rawValue: frequency) ?? .monthly,
                      caliber: caliber, source: .init(rawValue: source) ?? .unit, ownerUnitId: ownerUnitId, formula: formula.flatMap(ComputedMeasure.init(rawValue:)),
                      archived: archivedAt != nil, version: version)
        }
    }
    static let indicatorColumns: SQLQueryString = "SELECT id, code, name, unit, direction, frequency, caliber, source, owner_unit_id, formula, archived_at, version FROM indicators"
    struct ValueRow: Decodable {
        let id: Int; let indicatorId: Int; let periodKey: String; let value: Double; let note: String; let status: String; let enteredByName: String
        let enteredAt: String; let reviewedByName: String?; let reviewReason: String?; let version: Int
        var value_: IndicatorValue {
            IndicatorValue(id: id, indicatorId: indicatorId, periodKey: periodKey, value: value, note: note, status: .init(rawValue: status) ?? .submitted,
                           enteredByName: enteredByName, enteredAt: enteredAt, reviewedByName: reviewedByName, reviewReason: reviewReason, version: version)
        }
    }
    static let valueColumns: SQLQueryString = "SELECT id, indicator_id, period_key, value, note, status, entered_by_name, entered_at, reviewed_by_name, review_reason, version FROM indicator_values"

    public func indicators(zoneId: Int) async throws -> [Indicator] {
        try await sql.raw(Store.indicatorColumns + " WHERE zone_id = \(bind: zoneId) AND archived_at IS NULL ORDER BY code").rows(IndicatorRow.self).map(\.indicator)
    }

    public func indicator(id: Int, zoneId: Int) async throws -> Indicator {
        guard let r = try await sql.raw(Store.indicatorColumns + " WHERE id = \(bind: id) AND zone_id = \(bind: zoneId)").row(IndicatorRow.self) else {
            throw StoreError.notFound(entity: "indicator", id: id)
        }
        return r.indicator
    }

    public func createIndicator(_ d: IndicatorDraft, actor: Actor) async throws -> Indicator {
        let v = try validated { try d.validated() }
        _ = try await unit(id: v.ownerUnitId, zoneId: actor.zoneId)
        return try await write { tx in
            struct E: Decodable { let id: Int }
            if try await tx.raw("SELECT id FROM indicators WHERE zone_id = \(bind: actor.zoneId) AND code = \(bind: v.code)").row(E.self) != nil {
                throw StoreError.duplicate(field: "code", message: "指标代码“\(v.code)”已被使用")
            }
            let now = Store.timestamp()
            let id = try await tx.raw("""
                INSERT INTO indicators (zone_id, code, name, unit, direction, frequency, caliber, source, owner_unit_id, formula, version, created_at, updated_at)
                VALUES (\(bind: actor.zoneId), \(bind: v.code), \(bind: v.name), \(bind: v.unit), \(bind: v.direction.rawValue), \(bind: v.frequency.rawValue),
                  \(bind: v.caliber), \(bind: v.source.rawValue), \(bind: v.ownerUnitId), \(bind: v.formula?.rawValue), 1, \(bind: now), \(bind: now)) RETURNING id
                """).row(IDRow.self)!.id
            let created = try await tx.raw(Store.indicatorColumns + " WHERE id = \(bind: id)").row(IndicatorRow.self)!.indicator
            try await Store.insertDefinition(tx, created, version: 1, effectiveFrom: IndicatorDefinition.since, actor: actor, at: now)
            try await Store.audit(tx, actor: actor, action: .create, entity: "indicator", id: id, before: Optional<Indicator>.none, after: created)
            return created
        }
    }

    /// The year's baseline, target and interim targets, with the row's version (0 when not set yet).
    public func indicatorYear(indicatorId: Int, year: Int, zoneId: Int) async throws -> (trajectory: Trajectory, version: Int)? {
        struct R: Decodable { let baseline: Double; let target: Double; let interim: String; let version: Int }
        guard let r = try await sql.raw("SELECT baseline, target, interim, version FROM indicator_years WHERE indicator_id = \(bind: indicatorId) AND year = \(bind: year) AND zone_id = \(bind: zoneId)").row(R.self) else { return nil }
        let interim = (try? JSONDecoder().decode([String: Double].self, from: Data(r.interim.utf8))) ?? [:]
        return (Trajectory(baseline: r.baseline, target: r.target, interim: interim), r.version)
    }

    public func setIndicatorYear(indicatorId: Int, year: Int, _ t: Trajectory, version: Int, actor: Actor) async throws {
        let indicator = try await self.indicator(id: indicatorId, zoneId: actor.zoneId)
        for (k, v) in t.interim {
            guard IndicatorPeriods.isValid(k, year: year, indicator.frequency) else { throw StoreError.invalid(ValidationError(field: "interim", "期间“\(k)”不属于\(year)年的\(indicator.frequency.chineseName)期间")) }
            guard v.isFinite else { throw StoreError.invalid(ValidationError(field: "interim", "期间目标须为数字")) }
        }
        guard t.baseline.isFinite, t.target.isFinite else { throw StoreError.invalid(ValidationError(field: "target", "基数和目标须为数字")) }
        let before = try await indicatorYear(indicatorId: indicatorId, year: year, zoneId: actor.zoneId)
        guard (before?.version ?? 0) == version else { throw StoreError.conflict(entity: "indicator_year", id: indicatorId, current: before?.version ?? 0) }
        try await write { tx in
            let now = Store.timestamp()
            if version == 0 {
                try await tx.raw("""
                    INSERT INTO indicator_years (zone_id, indicator_id, year, baseline, target, interim, version, updated_at)
                    VALUES (\(bind: actor.zoneId), \(bind: indicatorId), \(bind: year), \(bind: t.baseline), \(bind: t.target), \(bind: Store.json(t.interim)), 1, \(bind: now))
                    """).run()
            } else {
                guard try await tx.raw("""
                    UPDATE indicator_years SET baseline = \(bind: t.baseline), target = \(bind: t.target), interim = \(bind: Store.json(t.interim)),
                      version = version + 1, updated_at = \(bind: now)
                    WHERE indicator_id = \(bind: indicatorId) AND year = \(bind: year) AND version = \(bind: version) RETURNING id
                    """).row(IDRow.self) != nil else { throw StoreError.conflict(entity: "indicator_year", id: indicatorId, current: version + 1) }
            }
            try await Store.audit(tx, actor: actor, action: version == 0 ? .create : .update, entity: "indicator_year", id: indicatorId,
                                  before: before?.trajectory, after: t)
        }
    }

    /// Records a value for a period of the indicator's year; refused for a period already confirmed.
    public func submitIndicatorValue(indicatorId: Int, periodKey: String, value: Double, note: String, files: [EvidenceUpload] = [], actor: Actor,
                                     authorize: @Sendable (Indicator) throws -> Void) async throws -> IndicatorValue {
        let indicator = try await self.indicator(id: indicatorId, zoneId: actor.zoneId)
        try authorize(indicator)
        guard value.isFinite else { throw StoreError.invalid(ValidationError(field: "value", "数值须为数字")) }
        guard let year = Int(periodKey.prefix(4)), IndicatorPeriods.isValid(periodKey, year: year, indicator.frequency) else {
            throw StoreError.invalid(ValidationError(field: "periodKey", "期间“\(periodKey)”不是\(indicator.frequency.chineseName)指标的期间"))
        }
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard note.count <= TextLimits.longText else { throw StoreError.invalid(ValidationError(field: "note", "说明不能超过\(TextLimits.longText)个字")) }
        return try await write { tx in
            struct S: Decodable { let status: String }
            if try await tx.raw("SELECT status FROM indicator_values WHERE indicator_id = \(bind: indicatorId) AND period_key = \(bind: periodKey) ORDER BY id DESC LIMIT 1").row(S.self)?.status == IndicatorValue.Status.accepted.rawValue {
                throw StoreError.duplicate(field: "periodKey", message: "\(indicator.name)\(IndicatorPeriods.label(periodKey))的数值已确认，不能再改；如有更正请督查室退回后重报")
            }
            let id = try await tx.raw("""
                INSERT INTO indicator_values (zone_id, indicator_id, period_key, value, note, status, entered_by_name, entered_at, version)
                VALUES (\(bind: actor.zoneId), \(bind: indicatorId), \(bind: periodKey), \(bind: value), \(bind: note), 'submitted', \(bind: actor.displayName),
                  \(bind: Store.timestamp()), 1) RETURNING id
                """).row(IDRow.self)!.id
            try await Store.attachIndicatorEvidence(tx, files, valueId: id, zoneId: actor.zoneId, at: Store.timestamp())
            let created = try await tx.raw(Store.valueColumns + " WHERE id = \(bind: id)").row(ValueRow.self)!.value_
            try await Store.audit(tx, actor: actor, action: .create, entity: "indicator_value", id: id, before: Optional<IndicatorValue>.none,
                                  after: IndicatorValueAudit(value: created, evidence: files.map(\.filename)))
            return created
        }
    }

    /// Confirms or returns a submitted value, if nobody reviewed it since `version`.
    public func reviewIndicatorValue(id: Int, version: Int, accept: Bool, reason: String, actor: Actor) async throws -> IndicatorValue {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if !accept && reason.isEmpty { throw StoreError.invalid(ValidationError(field: "reason", "退回时请写明理由")) }
        guard let before = try await sql.raw(Store.valueColumns + " WHERE id = \(bind: id) AND zone_id = \(bind: actor.zoneId)").row(ValueRow.self)?.value_ else {
            throw StoreError.notFound(entity: "indicator_value", id: id)
        }
        guard before.status == .submitted else { throw StoreError.conflict(entity: "indicator_value", id: id, current: before.version) }
        return try await write { tx in
            guard try await tx.raw("""
                UPDATE indicator_values SET status = \(bind: accept ? "accepted" : "returned"), reviewed_by_name = \(bind: actor.displayName),
                  review_reason = \(bind: reason), version = version + 1 WHERE id = \(bind: id) AND version = \(bind: version) RETURNING id
                """).row(IDRow.self) != nil else { throw StoreError.conflict(entity: "indicator_value", id: id, current: before.version + 1) }
            let after = try await tx.raw(Store.valueColumns + " WHERE id = \(bind: id)").row(ValueRow.self)!.value_
            try await Store.audit(tx, actor: actor, action: .update, entity: "indicator_value", id: id, before: before, after: after)
            return after
        }
    }

    /// Every value of the indicators, oldest first.
    public func indicatorValues(zoneId: Int, indicatorIds: [Int]) async throws -> [IndicatorValue] {
        guard !indicatorIds.isEmpty else { return [] }
        return try await sql.raw(Store.valueColumns + " WHERE zone_id = \(bind: zoneId) AND indicator_id IN (\(binds: indicatorIds)) ORDER BY id").rows(ValueRow.self).map(\.value_)
    }
}

extension Store {
    public func peerRanks(indicatorId: Int, zoneId: Int) async throws -> [PeerRank] {
        struct R: Decodable { let periodKey: String; let scope: String; let rank: Int; let outOf: Int? }
        return try await sql.raw("SELECT period_key, scope, rank, out_of FROM indicator_ranks WHERE indicator_id = \(bind: indicatorId) AND zone_id = \(bind: zoneId) ORDER BY period_key")
            .rows(R.self).compactMap { r in PeerScope(rawValue: r.scope).map { PeerRank(periodKey: r.periodKey, scope: $0, rank: r.rank, outOf: r.outOf) } }
    }

    /// Records imported ranks all at once (a rank already recorded for the period and scope is corrected), each audited.
    public func importPeerRanks(_ rows: [PeerRankImport.Row], actor: Actor) async throws -> Int {
        try await write { tx in
            for row in rows {
                try await Store.upsertRank(tx, indicatorId: row.indicatorId, row.rank, actor: actor)
                try await Store.audit(tx, actor: actor, action: .update, entity: "indicator_rank", id: row.indicatorId, before: Optional<PeerRank>.none, after: row.rank)
            }
            return rows.count
        }
    }

    static func upsertRank(_ tx: any SQLDatabase, indicatorId: Int, _ r: PeerRank, actor: Actor) async throws {
        try await tx.raw("""
            INSERT INTO indicator_ranks (zone_id, indicator_id, period_key, scope, rank, out_of, entered_by_name, entered_at)
            VALUES (\(bind: actor.zoneId), \(bind: indicatorId), \(bind: r.periodKey), \(bind: r.scope.rawValue), \(bind: r.rank), \(bind: r.outOf),
              \(bind: actor.displayName), \(bind: Store.timestamp()))
            ON CONFLICT (indicator_id, period_key, scope) DO UPDATE SET rank = excluded.rank, out_of = excluded.out_of,
              entered_by_name = excluded.entered_by_name, entered_at = excluded.entered_at
            """).run()
    }

    /// Records (or corrects) the zone's rank for a period and scope.
    public func setPeerRank(indicatorId: Int, _ r: PeerRank, actor: Actor) async throws {
        let indicator = try await self.indicator(id: indicatorId, zoneId: actor.zoneId)
        do { try r.validate() } catch let e as ValidationError { throw StoreError.invalid(e) }
        guard let year = Int(r.periodKey.prefix(4)), IndicatorPeriods.isValid(r.periodKey, year: year, indicator.frequency) else {
            throw StoreError.invalid(ValidationError(field: "periodKey", "期间“\(r.periodKey)”不是\(indicator.frequency.chineseName)指标的期间"))
        }
        let before = try await peerRanks(indicatorId: indicatorId, zoneId: actor.zoneId).first { $0.periodKey == r.periodKey && $0.scope == r.scope }
        try await write { tx in
            try await Store.upsertRank(tx, indicatorId: indicatorId, r, actor: actor)
            try await Store.audit(tx, actor: actor, action: before == nil ? .create : .update, entity: "indicator_rank", id: indicatorId, before: before, after: r)
        }
    }
}
