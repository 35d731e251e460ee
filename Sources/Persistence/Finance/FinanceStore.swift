import Domain
import Foundation
import SQLKit

/// A registered firm as the finance pages name it.
public struct FinanceFirm: Sendable, Equatable, Decodable {
    public let id: Int
    public let name: String
    public let creditCode: String
    public init(id: Int, name: String, creditCode: String) { self.id = id; self.name = name; self.creditCode = creditCode }
}

extension Store {
    struct FinancingNeedRow: Decodable {
        let id: Int; let enterpriseId: Int; let amountWan: Double; let purpose: String; let urgency: String; let termMonths: Int?; let filedOn: String
        let status: String; let unitId: Int?; let matches: String; let matchedOn: String?; let grantedWan: Double?; let grantedOn: String?
        let grantedBank: String; let declinedOn: String?; let declineReason: String; let version: Int
        var need: FinancingNeed {
            FinancingNeed(id: id, enterpriseId: enterpriseId, amountWan: amountWan, purpose: purpose, urgency: FinancingUrgency(code: urgency) ?? .normal,
                          termMonths: termMonths, filedOn: Day.stored(filedOn), status: FinancingStatus(rawValue: status) ?? .open, unitId: unitId,
                          matches: (try? JSONDecoder().decode([FinanceMatch].self, from: Data(matches.utf8))) ?? [],
                          matchedOn: matchedOn.flatMap(Day.init(iso:)), grantedWan: grantedWan, grantedOn: grantedOn.flatMap(Day.init(iso:)),
                          grantedBank: grantedBank, declinedOn: declinedOn.flatMap(Day.init(iso:)), declineReason: declineReason, version: version)
        }
    }
    static let financingNeedColumns: SQLQueryString = """
        SELECT id, enterprise_id, amount_wan, purpose, urgency, term_months, filed_on, status, unit_id, matches, matched_on, granted_wan, granted_on,
          granted_bank, declined_on, decline_reason, version FROM financing_needs
        """

    struct BankProductRow: Decodable {
        let id: Int; let bank: String; let name: String; let minAmountWan: Double; let maxAmountWan: Double; let maxTermMonths: Int
        let urgencies: String; let tiers: String; let approvalWorkdays: Int?; let annualRatePercent: Double?
        var product: BankProduct {
            BankProduct(id: id, bank: bank, name: name, minAmountWan: minAmountWan, maxAmountWan: maxAmountWan, maxTermMonths: maxTermMonths,
                        urgencies: urgencies.split(separator: ",").compactMap { FinancingUrgency(code: String($0)) },
                        tiers: tiers.split(separator: ",").compactMap { EnterpriseTier.Kind(rawValue: String($0)) },
                        approvalWorkdays: approvalWorkdays, annualRatePercent: annualRatePercent)
        }
    }
    static let bankProductColumns: SQLQueryString = """
        SELECT id, bank, name, min_amount_wan, max_amount_wan, max_term_months, urgencies, tiers, approval_workdays, annual_rate_percent FROM bank_products
        """

    struct ReliefMeasureRow: Decodable {
        let id: Int; let kind: String; let enterpriseId: Int; let amountWan: Double; let day: String; let institution: String; let note: String; let version: Int
        var measure: ReliefMeasure {
            ReliefMeasure(id: id, kind: ReliefKind(rawValue: kind) ?? .deferredPrincipal, enterpriseId: enterpriseId, amountWan: amountWan,
                          day: Day.stored(day), institution: institution, note: note, version: version)
        }
    }
    static let reliefMeasureColumns: SQLQueryString = "SELECT id, kind, enterprise_id, amount_wan, day, institution, note, version FROM relief_measures"

    // MARK: Firms

    /// The registered firm (not archived) with this 统一社会信用代码; a message when the code is missing, malformed or not in the registry.
    public func financeFirm(creditCode raw: String, zoneId: Int) async throws -> FinanceFirm {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw StoreError.invalid(ValidationError(field: "creditCode", "请填写企业的统一社会信用代码")) }
        let code = try validated { try CreditCode.validated(trimmed) }
        guard let firm = try await sql.raw("""
            SELECT id, name, credit_code FROM enterprises WHERE zone_id = \(bind: zoneId) AND credit_code = \(bind: code) AND archived_at IS NULL
            """).row(FinanceFirm.self) else {
            throw StoreError.invalid(ValidationError(field: "creditCode", "统一社会信用代码“\(code)”不在本区企业库中，请先在“企业”一企一档中登记该企业"))
        }
        return firm
    }

    /// The zone's firms by name (not archived), or the named ones (archived too, so old records keep their firm's name).
    public func financeFirms(zoneId: Int, ids: [Int]? = nil) async throws -> [FinanceFirm] {
        var q: SQLQueryString = "SELECT id, name, credit_code FROM enterprises WHERE zone_id = \(bind: zoneId)"
        if let ids {
            let unique = Array(Set(ids))
            guard !unique.isEmpty else { return [] }
            q += " AND id IN (\(binds: unique))"
        } else {
            q += " AND archived_at IS NULL"
        }
        return try await sql.raw(q + " ORDER BY name, id").rows(FinanceFirm.self)
    }

    /// The firm of a finance record, refused when it is not the zone's or is archived.
    func requireLiveFirm(_ enterpriseId: Int, zoneId: Int, what: String) async throws {
        let record = try await enterprise(id: enterpriseId, zoneId: zoneId)
        guard !record.enterprise.archived else {
            throw StoreError.invalid(ValidationError(field: "creditCode", "企业“\(record.enterprise.name)”已归档，不能登记\(what)"))
        }
    }

    // MARK: Financing needs

    /// The zone's needs, oldest first. With `year`: the needs that touch it (filed, first matched or decided in it) and every
    /// need still open or matched, whatever its year.
    public func financingNeeds(zoneId: Int, year: Int? = nil, enterpriseId: Int? = nil) async throws -> [FinancingNeed] {
        var q = Store.financingNeedColumns + " WHERE zone_id = \(bind: zoneId) AND archived_at IS NULL"
        if let year {
            let a = Day.firstOfYear(year).iso, b = Day.lastOfYear(year).iso
            q += """
                 AND (status IN ('open', 'matched') OR (filed_on >= \(bind: a) AND filed_on <= \(bind: b))
                  OR (matched_on >= \(bind: a) AND matched_on <= \(bind: b)) OR (decided_on >= \(bind: a) AND decided_on <= \(bind: b)))
                """
        }
        if let enterpriseId { q += " AND enterprise_id = \(bind: enterpriseId)" }
        return try await sql.raw(q + " ORDER BY filed_on, id").rows(FinancingNeedRow.self).map(\.need)
    }

    public func financingNeed(id: Int, zoneId: Int) async throws -> FinancingNeed {
        guard let n = try await sql.raw(Store.financingNeedColumns + " WHERE id = \(bind: id) AND zone_id = \(bind: zoneId)").row(FinancingNeedRow.self)?.need else {
            throw StoreError.notFound(entity: "financing_need", id: id)
        }
        return n
    }

    /// Records a firm's need, 待对接 (open). The firm must be the zone's and live, the unit (if any) the zone's.
    public func fileFinancingNeed(_ draft: FinancingNeed, actor: Actor, today: Day) async throws -> FinancingNeed {
        let v = try validated { try draft.validated(today: today) }
        try await requireLiveFirm(v.enterpriseId, zoneId: actor.zoneId, what: "融资需求")
        if let u = v.unitId { _ = try await unit(id: u, zoneId: actor.zoneId) }
        let n = FinancingNeed(id: 0, enterpriseId: v.enterpriseId, amountWan: v.amountWan, purpose: v.purpose, urgency: v.urgency, termMonths: v.termMonths,
                              filedOn: v.filedOn, status: .open, unitId: v.unitId)
        return try await write { tx in
            let now = Store.timestamp()
            let id = try await tx.raw("""
                INSERT INTO financing_needs (zone_id, enterprise_id, amount_wan, purpose, urgency, term_months, filed_on, status, unit_id, matches,
                  granted_bank, decline_reason, version, created_at, updated_at)
                VALUES (\(bind: actor.zoneId), \(bind: n.enterpriseId), \(bind: n.amountWan), \(bind: n.purpose), \(bind: n.urgency.code), \(bind: n.termMonths),
                  \(bind: n.filedOn.iso), 'open', \(bind: n.unitId), '[]', '', '', 1, \(bind: now), \(bind: now)) RETURNING id
                """).row(IDRow.self)!.id
            var created = n
            created.id = id
            try await Store.audit(tx, actor: actor, action: .create, entity: "financing_need", id: id, before: Optional<FinancingNeed>.none, after: created)
            return created
        }
    }

    /// One step (对接、放款、未获贷) on `today`, if the need is still at `version`.
    public func actOnFinancingNeed(id: Int, version: Int, action: FinancingAction, step: FinancingLifecycle.Step, actor: Actor, today: Day) async throws -> FinancingNeed {
        let before = try await financingNeed(id: id, zoneId: actor.zoneId)
        guard before.version == version else { throw StoreError.conflict(entity: "financing_need", id: id, current: before.version) }
        var after = try validated { try FinancingLifecycle.apply(action, to: before, step: step, today: today) }
        after.version = version + 1
        let saved = after, zoneId = actor.zoneId
        return try await write { tx in
            try await Store.versionedUpdate(tx, table: "financing_needs", entity: "financing_need", id: id, zoneId: zoneId, version: version, set: """
                status = \(bind: saved.status.rawValue), matches = \(bind: Store.json(saved.matches)), matched_on = \(bind: saved.matchedOn?.iso),
                granted_wan = \(bind: saved.grantedWan), granted_on = \(bind: saved.grantedOn?.iso), granted_bank = \(bind: saved.grantedBank),
                declined_on = \(bind: saved.declinedOn?.iso), decline_reason = \(bind: saved.declineReason), decided_on = \(bind: saved.decidedOn?.iso)
                """)
            try await Store.audit(tx, actor: actor, action: .update, entity: "financing_need", id: id, before: before, after: saved)
            return saved
        }
    }

    // MARK: Bank products

    /// The zone's listed products (not archived), by bank and name.
    public func bankProducts(zoneId: Int) async throws -> [BankProduct] {
        try await sql.raw(Store.bankProductColumns + " WHERE zone_id = \(bind: zoneId) AND archived_at IS NULL ORDER BY bank, name, id").rows(BankProductRow.self).map(\.product)
    }

    /// Lists a product; one bank's product name is listed once.
    public func createBankProduct(_ draft: BankProduct, actor: Actor) async throws -> Int {
        let p = try validated { try draft.validated() }
        return try await write { tx in
            if try await tx.raw("""
                SELECT id FROM bank_products WHERE zone_id = \(bind: actor.zoneId) AND bank = \(bind: p.bank) AND name = \(bind: p.name) AND archived_at IS NULL
                """).row(IDRow.self) != nil {
                throw StoreError.invalid(ValidationError(field: "name", "\(p.bank)的“\(p.name)”已在产品库中"))
            }
            let now = Store.timestamp()
            let id = try await tx.raw("""
                INSERT INTO bank_products (zone_id, bank, name, min_amount_wan, max_amount_wan, max_term_months, urgencies, tiers, approval_workdays,
                  annual_rate_percent, version, created_at, updated_at)
                VALUES (\(bind: actor.zoneId), \(bind: p.bank), \(bind: p.name), \(bind: p.minAmountWan), \(bind: p.maxAmountWan), \(bind: p.maxTermMonths),
                  \(bind: p.urgencies.map(\.code).joined(separator: ",")), \(bind: p.tiers.map(\.rawValue).joined(separator: ",")), \(bind: p.approvalWorkdays),
                  \(bind: p.annualRatePercent), 1, \(bind: now), \(bind: now)) RETURNING id
                """).row(IDRow.self)!.id
            var created = p
            created.id = id
            try await Store.audit(tx, actor: actor, action: .create, entity: "bank_product", id: id, before: Optional<BankProduct>.none, after: created)
            return id
        }
    }

    // MARK: Relief measures

    /// The zone's relief measures, newest first; with `year`, those dated in it.
    public func reliefMeasures(zoneId: Int, year: Int? = nil, enterpriseId: Int? = nil) async throws -> [ReliefMeasure] {
        var q = Store.reliefMeasureColumns + " WHERE zone_id = \(bind: zoneId) AND archived_at IS NULL"
        if let year { q += " AND day >= \(bind: Day.firstOfYear(year).iso) AND day <= \(bind: Day.lastOfYear(year).iso)" }
        if let enterpriseId { q += " AND enterprise_id = \(bind: enterpriseId)" }
        return try await sql.raw(q + " ORDER BY day DESC, id DESC").rows(ReliefMeasureRow.self).map(\.measure)
    }

    /// Records a relief measure granted to a firm of the zone.
    public func recordReliefMeasure(_ draft: ReliefMeasure, actor: Actor, today: Day) async throws -> Int {
        var m = try validated { try draft.validated(today: today) }
        try await requireLiveFirm(m.enterpriseId, zoneId: actor.zoneId, what: "纾困措施")
        m.version = 1
        let saved = m
        return try await write { tx in
            let now = Store.timestamp()
            let id = try await tx.raw("""
                INSERT INTO relief_measures (zone_id, enterprise_id, kind, amount_wan, day, institution, note, version, created_at, updated_at)
                VALUES (\(bind: actor.zoneId), \(bind: saved.enterpriseId), \(bind: saved.kind.rawValue), \(bind: saved.amountWan), \(bind: saved.day.iso),
                  \(bind: saved.institution), \(bind: saved.note), 1, \(bind: now), \(bind: now)) RETURNING id
                """).row(IDRow.self)!.id
            var created = saved
            created.id = id
            try await Store.audit(tx, actor: actor, action: .create, entity: "relief_measure", id: id, before: Optional<ReliefMeasure>.none, after: created)
            return id
        }
    }
}
