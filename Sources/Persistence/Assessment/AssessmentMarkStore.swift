import Domain
import Foundation
import SQLKit

/// A mark the office entered for a unit under a scheme. Marks entered after a result was published are kept and
/// flagged; the published result does not change until someone publishes a new version.
public struct StoredMark: Sendable, Equatable, Identifiable {
    public let id: Int
    public let unitId: Int
    public let kind: AssessmentMeasures.MarkFact.Kind
    public let key: String
    public let points: Double?
    public let reason: String
    public let enteredByName: String
    public let enteredAt: String
    public let afterPublication: Bool
    public var fact: AssessmentMeasures.MarkFact {
        .init(id: id, unitId: unitId, kind: kind, key: key, points: points, reason: reason, by: enteredByName)
    }
}

/// What the office types for a mark.
public struct MarkDraft: Sendable {
    public var unitId: Int?
    public var kind: AssessmentMeasures.MarkFact.Kind?
    public var key: String?
    public var points: Double?
    public var reason: String?
    public init(unitId: Int?, kind: AssessmentMeasures.MarkFact.Kind?, key: String?, points: Double?, reason: String?) {
        self.unitId = unitId; self.kind = kind; self.key = key; self.points = points; self.reason = reason
    }
}

extension Store {
    struct MarkRow: Decodable {
        let id: Int; let unitId: Int; let kind: String; let key: String; let points: Double?; let reason: String
        let enteredByName: String; let enteredAt: String; let afterPublication: Int
        var mark: StoredMark {
            StoredMark(id: id, unitId: unitId, kind: .init(rawValue: kind) ?? .review, key: key, points: points, reason: reason,
                       enteredByName: enteredByName, enteredAt: enteredAt, afterPublication: afterPublication != 0)
        }
    }

    /// The scheme's marks in force (not withdrawn), in the order entered.
    public func marks(schemeId: Int, zoneId: Int) async throws -> [StoredMark] {
        try await sql.raw("""
            SELECT id, unit_id, kind, key, points, reason, entered_by_name, entered_at, after_publication FROM assessment_marks
            WHERE scheme_id = \(bind: schemeId) AND zone_id = \(bind: zoneId) AND withdrawn_at IS NULL ORDER BY id
            """).rows(MarkRow.self).map(\.mark)
    }

    /// Records a mark after checking it against the scheme: the unit is in the scheme's category, the key names an
    /// item (评议, 人工录入), an adjustment (加分, 扣分 of that kind) or a veto, points within range, a reason given.
    public func addMark(schemeId: Int, _ d: MarkDraft, actor: Actor) async throws -> StoredMark {
        let scheme = try await self.scheme(id: schemeId, zoneId: actor.zoneId)
        guard let unitId = d.unitId else { throw StoreError.invalid(ValidationError(field: "unitId", "请选择单位")) }
        let unit = try await self.unit(id: unitId, zoneId: actor.zoneId)
        guard unit.kind == scheme.category else {
            throw StoreError.invalid(ValidationError(field: "unitId", "“\(unit.name)”是\(unit.kind.chineseName)，不在本方案（\(scheme.category.chineseName)）的考核范围内"))
        }
        guard let kind = d.kind else { throw StoreError.invalid(ValidationError(field: "kind", "请选择录入类别")) }
        let key = d.key ?? ""
        let def = scheme.definition
        var entered = d.points
        switch kind {
        case .review, .manual:
            let source: ItemSource = kind == .review ? .review : .manual
            guard def.items.contains(where: { $0.key == key && $0.source == source }) else {
                throw StoreError.invalid(ValidationError(field: "key", "本方案没有这个\(kind.chineseName)项目"))
            }
            guard let p = entered, p.isFinite else { throw StoreError.invalid(ValidationError(field: "points", "请填写分值或数据")) }
            if kind == .review, !(0...100).contains(p) { throw StoreError.invalid(ValidationError(field: "points", "评议分须在0到100之间")) }
        case .bonus, .deduction:
            guard let a = def.adjustments.first(where: { $0.key == key }), a.kind.rawValue == kind.rawValue else {
                throw StoreError.invalid(ValidationError(field: "key", "本方案没有这个\(kind.chineseName)项目"))
            }
            guard let p = entered, p.isFinite, p > 0, p <= 100 else { throw StoreError.invalid(ValidationError(field: "points", "\(kind.chineseName)分值须为大于0、不超过100的数")) }
        case .veto:
            guard def.vetoes.contains(where: { $0.key == key }) else { throw StoreError.invalid(ValidationError(field: "key", "本方案没有这个否决项")) }
            entered = nil
        }
        let reason = (d.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= TextLimits.longText else {
            throw StoreError.invalid(ValidationError(field: "reason", "请写明理由或依据（不超过\(TextLimits.longText)字）"))
        }
        let points = entered
        return try await write { tx in
            struct C: Decodable { let n: Int }
            let published = try await tx.raw("SELECT COUNT(*) AS n FROM assessment_results WHERE scheme_id = \(bind: schemeId)").row(C.self)!.n > 0
            let id = try await tx.raw("""
                INSERT INTO assessment_marks (zone_id, scheme_id, unit_id, kind, key, points, reason, entered_by_name, entered_at, after_publication)
                VALUES (\(bind: actor.zoneId), \(bind: schemeId), \(bind: unitId), \(bind: kind.rawValue), \(bind: key), \(bind: points), \(bind: reason),
                  \(bind: actor.displayName), \(bind: Store.timestamp()), \(bind: published ? 1 : 0)) RETURNING id
                """).row(IDRow.self)!.id
            let mark = try await tx.raw("SELECT id, unit_id, kind, key, points, reason, entered_by_name, entered_at, after_publication FROM assessment_marks WHERE id = \(bind: id)").row(MarkRow.self)!.mark
            try await Store.audit(tx, actor: actor, action: .create, entity: "assessment_mark", id: id, before: Optional<String>.none,
                                  after: ["unit": unit.name, "kind": kind.chineseName, "key": key, "points": points.map { formatNumber($0) } ?? "", "reason": reason])
            return mark
        }
    }

    /// Withdraws a mark (kept, flagged, audited).
    public func withdrawMark(id: Int, schemeId: Int, actor: Actor) async throws {
        try await write { tx in
            struct R: Decodable { let id: Int; let reason: String }
            guard let r = try await tx.raw("SELECT id, reason FROM assessment_marks WHERE id = \(bind: id) AND scheme_id = \(bind: schemeId) AND zone_id = \(bind: actor.zoneId) AND withdrawn_at IS NULL").row(R.self) else {
                throw StoreError.notFound(entity: "assessment_mark", id: id)
            }
            try await tx.raw("UPDATE assessment_marks SET withdrawn_at = \(bind: Store.timestamp()) WHERE id = \(bind: id)").run()
            try await Store.audit(tx, actor: actor, action: .update, entity: "assessment_mark", id: id, before: ["status": "有效", "reason": r.reason], after: ["status": "已撤回"])
        }
    }
}
