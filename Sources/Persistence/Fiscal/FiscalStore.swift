import Domain
import Foundation
import SQLKit

extension Store {
    /// The zone's monthly entries of `years`, oldest first.
    public func fiscalEntries(zoneId: Int, years: [Int]) async throws -> [FiscalEntry] {
        struct R: Decodable { let month: String; let category: String; let amount: Double }
        guard let lo = years.min(), let hi = years.max() else { return [] }
        return try await sql.raw("SELECT month, category, amount FROM fiscal_revenues WHERE zone_id = \(bind: zoneId) AND month >= \(bind: String(format: "%04d-01", lo)) AND month <= \(bind: String(format: "%04d-12", hi)) ORDER BY month")
            .rows(R.self).compactMap { r in FiscalCategory(rawValue: r.category).map { FiscalEntry(month: r.month, category: $0, amount: r.amount) } }
    }

    public func fiscalTargets(zoneId: Int, year: Int) async throws -> [FiscalCategory: Double] {
        struct R: Decodable { let category: String; let target: Double }
        let rows = try await sql.raw("SELECT category, target FROM fiscal_targets WHERE zone_id = \(bind: zoneId) AND year = \(bind: year)").rows(R.self)
        return Dictionary(rows.compactMap { r in FiscalCategory(rawValue: r.category).map { ($0, r.target) } }, uniquingKeysWith: { a, _ in a })
    }

    /// Records months (one or an imported sheet) all or nothing; each changed figure is audited.
    public func setFiscalEntries(_ entries: [FiscalEntry], actor: Actor) async throws {
        for e in entries where !(e.amount.isFinite && e.amount >= 0) || AssessmentPeriod(key: e.month)?.month == nil {
            throw StoreError.invalid(ValidationError(field: "amount", "\(e.month)\(e.category.chineseName)的金额或月份无效"))
        }
        try await write { tx in
            struct R: Decodable { let amount: Double }
            let now = Store.timestamp()
            for e in entries {
                let before = try await tx.raw("SELECT amount FROM fiscal_revenues WHERE zone_id = \(bind: actor.zoneId) AND month = \(bind: e.month) AND category = \(bind: e.category.rawValue)").row(R.self)?.amount
                if before == e.amount { continue }
                try await tx.raw("""
                    INSERT INTO fiscal_revenues (zone_id, month, category, amount, updated_at) VALUES (\(bind: actor.zoneId), \(bind: e.month), \(bind: e.category.rawValue), \(bind: e.amount), \(bind: now))
                    ON CONFLICT (zone_id, month, category) DO UPDATE SET amount = excluded.amount, updated_at = excluded.updated_at
                    """).run()
                try await Store.audit(tx, actor: actor, action: before == nil ? .create : .update, entity: "fiscal_revenue", id: nil,
                                      before: before.map { FiscalEntry(month: e.month, category: e.category, amount: $0) }, after: e)
            }
        }
    }

    public func setFiscalTarget(year: Int, category: FiscalCategory, target: Double, actor: Actor) async throws {
        guard target.isFinite, target > 0 else { throw StoreError.invalid(ValidationError(field: "target", "年度目标须为正数（万元）")) }
        try await write { tx in
            try await tx.raw("""
                INSERT INTO fiscal_targets (zone_id, year, category, target) VALUES (\(bind: actor.zoneId), \(bind: year), \(bind: category.rawValue), \(bind: target))
                ON CONFLICT (zone_id, year, category) DO UPDATE SET target = excluded.target
                """).run()
            try await Store.audit(tx, actor: actor, action: .update, entity: "fiscal_target", id: year, before: Optional<String>.none,
                                  after: ["year": String(year), "category": category.chineseName, "target": formatNumber(target)])
        }
    }
}
