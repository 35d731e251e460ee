import Domain
import Foundation
import SQLKit

/// A redemption as stored, with its optimistic-lock version.
public struct StoredRedemption: Sendable, Equatable {
    public let redemption: Redemption
    public let version: Int
}

extension Store {
    struct RedemptionRow: Decodable {
        let id: Int; let clauseId: Int; let enterpriseId: Int; let status: String; let appliedOn: String; let requestedAmount: Double?
        let approvedAmount: Double?; let decidedOn: String?; let rejectionReason: String?; let paidAmount: Double?; let paidOn: String?; let version: Int
        var stored: StoredRedemption? {
            guard let applied = Day(iso: appliedOn),
                  var r = try? Redemption(id: id, clauseId: clauseId, enterpriseId: enterpriseId, appliedOn: applied, requestedAmount: nil) else { return nil }
            r.requestedAmount = requestedAmount
            r.status = Redemption.Status(rawValue: status) ?? .applied
            r.approvedAmount = approvedAmount; r.decidedOn = decidedOn.flatMap(Day.init(iso:)); r.rejectionReason = rejectionReason
            r.paidAmount = paidAmount; r.paidOn = paidOn.flatMap(Day.init(iso:))
            return StoredRedemption(redemption: r, version: version)
        }
    }
    static let redemptionColumns: SQLQueryString = """
        SELECT id, clause_id, enterprise_id, status, applied_on, requested_amount, approved_amount, decided_on, rejection_reason, paid_amount, paid_on, version
        FROM redemptions
        """

    public func redemptions(zoneId: Int, clauseId: Int? = nil, enterpriseId: Int? = nil) async throws -> [StoredRedemption] {
        var q = Store.redemptionColumns + " WHERE zone_id = \(bind: zoneId)"
        if let clauseId { q += " AND clause_id = \(bind: clauseId)" }
        if let enterpriseId { q += " AND enterprise_id = \(bind: enterpriseId)" }
        return try await sql.raw(q + " ORDER BY id").rows(RedemptionRow.self).compactMap(\.stored)
    }

    /// Amounts held per clause (approved or paid), for the budget columns.
    public func committedByClause(zoneId: Int) async throws -> [Int: Double] {
        struct R: Decodable { let clauseId: Int; let committed: Double? }
        let rows = try await sql.raw("""
            SELECT clause_id, SUM(CASE WHEN status = 'approved' THEN approved_amount WHEN status = 'paid' THEN paid_amount ELSE 0 END) AS committed
            FROM redemptions WHERE zone_id = \(bind: zoneId) GROUP BY clause_id
            """).rows(R.self)
        return Dictionary(rows.map { ($0.clauseId, $0.committed ?? 0) }, uniquingKeysWith: { a, _ in a })
    }

    /// A firm's claim (申报) under a clause; the firm and the clause must be the zone's.
    public func applyRedemption(clauseId: Int, enterpriseId: Int, requestedAmount: Double?, appliedOn: Day, actor: Actor) async throws -> Int {
        _ = try await clause(id: clauseId, zoneId: actor.zoneId)
        _ = try await enterprise(id: enterpriseId, zoneId: actor.zoneId)
        let r = try validated { try Redemption(id: 0, clauseId: clauseId, enterpriseId: enterpriseId, appliedOn: appliedOn, requestedAmount: requestedAmount) }
        // One live claim per firm and clause: a rejected one may be followed by a new claim, nothing else may.
        if let live = try await redemptions(zoneId: actor.zoneId, clauseId: clauseId, enterpriseId: enterpriseId).first(where: { $0.redemption.status != .rejected }) {
            throw StoreError.invalid(ValidationError(field: "enterpriseId", "该企业已有本条款的申报（\(live.redemption.status.chineseName)），不能重复申报"))
        }
        return try await write { tx in
            let now = Store.timestamp()
            let id = try await tx.raw("""
                INSERT INTO redemptions (zone_id, clause_id, enterprise_id, status, applied_on, requested_amount, version, created_at, updated_at)
                VALUES (\(bind: actor.zoneId), \(bind: clauseId), \(bind: enterpriseId), 'applied', \(bind: appliedOn.iso), \(bind: requestedAmount), 1, \(bind: now), \(bind: now))
                RETURNING id
                """).row(IDRow.self)!.id
            try await Store.audit(tx, actor: actor, action: .create, entity: "redemption", id: id, before: Optional<Redemption>.none, after: r)
            return id
        }
    }

    /// 审核 / 驳回 / 兑现, if the claim is still at `version`. The budget check reads the clause's other claims inside the
    /// transaction, after touching the clause row, so two approvals at once cannot both spend the last of the budget.
    public func actOnRedemption(id: Int, version: Int, action: Redemption.Action, actor: Actor) async throws -> Redemption {
        guard let before = try await sql.raw(Store.redemptionColumns + " WHERE id = \(bind: id) AND zone_id = \(bind: actor.zoneId)").row(RedemptionRow.self)?.stored else {
            throw StoreError.notFound(entity: "redemption", id: id)
        }
        guard before.version == version else { throw StoreError.conflict(entity: "redemption", id: id, current: before.version) }
        let clause = try await self.clause(id: before.redemption.clauseId, zoneId: actor.zoneId)
        let zoneId = actor.zoneId
        return try await write { tx in
            // Serialises approvals of one clause (a row lock on PostgreSQL; SQLite writes are serial already).
            try await tx.raw("UPDATE policy_clauses SET version = version WHERE id = \(bind: clause.id)").run()
            let others = try await tx.raw(Store.redemptionColumns + " WHERE clause_id = \(bind: clause.id) AND id <> \(bind: id)")
                .rows(RedemptionRow.self).compactMap(\.stored).map(\.redemption)
            var after = before.redemption
            do { try after.perform(action, budget: ClauseBudget(clause: clause, redemptions: others)) } catch let e as ValidationError { throw StoreError.invalid(e) }
            try await Store.versionedUpdate(tx, table: "redemptions", entity: "redemption", id: id, zoneId: zoneId, version: version, set: """
                status = \(bind: after.status.rawValue), approved_amount = \(bind: after.approvedAmount), decided_on = \(bind: after.decidedOn?.iso),
                rejection_reason = \(bind: after.rejectionReason), paid_amount = \(bind: after.paidAmount), paid_on = \(bind: after.paidOn?.iso)
                """)
            try await Store.audit(tx, actor: actor, action: .update, entity: "redemption", id: id, before: before.redemption, after: after)
            return after
        }
    }
}
