import Domain
import Foundation
import SQLKit

/// Changes to the registry: every one in a transaction with its audit line.
extension Store {
    static func checkServingUnit(_ tx: any SQLDatabase, _ unitId: Int?, zoneId: Int) async throws {
        guard let unitId else { return }
        struct U: Decodable { let id: Int }
        guard try await tx.raw("SELECT id FROM units WHERE id = \(bind: unitId) AND zone_id = \(bind: zoneId)").row(U.self) != nil else {
            throw StoreError.invalid(ValidationError(field: "servingUnitId", "包联单位不存在"))
        }
    }

    /// `bulk`: the caller (an import) has checked the code is new and the serving unit exists, and raises the zone's
    /// data version once at its end.
    static func insertEnterprise(_ tx: any SQLDatabase, _ v: EnterpriseDraft.Valid, actor: Actor, now: String, bulk: AuditBuffer? = nil) async throws -> Int {
        struct E: Decodable { let name: String }
        if bulk == nil {
            if let other = try await tx.raw("SELECT name FROM enterprises WHERE zone_id = \(bind: actor.zoneId) AND credit_code = \(bind: v.creditCode)").row(E.self) {
                throw StoreError.duplicate(field: "creditCode", message: "统一社会信用代码\(v.creditCode)已登记为“\(other.name)”")
            }
            try await checkServingUnit(tx, v.servingUnitId, zoneId: actor.zoneId)
        }
        let id = try await tx.raw("""
            INSERT INTO enterprises (zone_id, credit_code, name, initials, address, industry_code, chain, founded_on, serving_unit_id, visiting_official, version, created_at, updated_at)
            VALUES (\(bind: actor.zoneId), \(bind: v.creditCode), \(bind: v.name), \(bind: v.initials), \(bind: v.address), \(bind: v.industryCode), \(bind: v.chain),
              \(bind: v.foundedOn?.iso), \(bind: v.servingUnitId), \(bind: v.visitingOfficial), 1, \(bind: now), \(bind: now)) RETURNING id
            """).row(IDRow.self)!.id
        let created = Enterprise(id: id, creditCode: v.creditCode, name: v.name, initials: v.initials, address: v.address, industryCode: v.industryCode,
                                 chain: v.chain, foundedOn: v.foundedOn, servingUnitId: v.servingUnitId, visitingOfficial: v.visitingOfficial)
        if let bulk { bulk.add(actor: actor, action: .create, entity: "enterprise", id: id, before: Optional<Enterprise>.none, after: created) }
        else { try await Store.audit(tx, actor: actor, action: .create, entity: "enterprise", id: id, before: Optional<Enterprise>.none, after: created) }
        return id
    }

    static func updateEnterprise(_ tx: any SQLDatabase, id: Int, _ v: EnterpriseDraft.Valid, version: Int?, actor: Actor, now: String) async throws {
        guard let before = try await tx.raw(Store.enterpriseColumns + " WHERE id = \(bind: id) AND zone_id = \(bind: actor.zoneId)").row(EnterpriseRow.self)?.enterprise else {
            throw StoreError.notFound(entity: "enterprise", id: id)
        }
        if let version, version != before.version { throw StoreError.conflict(entity: "enterprise", id: id, current: before.version) }
        if v.creditCode != before.creditCode {
            struct E: Decodable { let name: String }
            if let other = try await tx.raw("SELECT name FROM enterprises WHERE zone_id = \(bind: actor.zoneId) AND credit_code = \(bind: v.creditCode) AND id <> \(bind: id)").row(E.self) {
                throw StoreError.duplicate(field: "creditCode", message: "统一社会信用代码\(v.creditCode)已登记为“\(other.name)”")
            }
        }
        try await checkServingUnit(tx, v.servingUnitId, zoneId: actor.zoneId)
        // Nothing to write when nothing changed (a re-imported sheet).
        if before.creditCode == v.creditCode, before.name == v.name, before.address == v.address, before.industryCode == v.industryCode,
           before.chain == v.chain, before.foundedOn == v.foundedOn, before.servingUnitId == v.servingUnitId, before.visitingOfficial == v.visitingOfficial { return }
        try await tx.raw("""
            UPDATE enterprises SET credit_code = \(bind: v.creditCode), name = \(bind: v.name), initials = \(bind: v.initials), address = \(bind: v.address),
              industry_code = \(bind: v.industryCode), chain = \(bind: v.chain), founded_on = \(bind: v.foundedOn?.iso), serving_unit_id = \(bind: v.servingUnitId),
              visiting_official = \(bind: v.visitingOfficial), version = version + 1, updated_at = \(bind: now) WHERE id = \(bind: id)
            """).run()
        let after = try await tx.raw(Store.enterpriseColumns + " WHERE id = \(bind: id)").row(EnterpriseRow.self)!.enterprise
        try await Store.audit(tx, actor: actor, action: .update, entity: "enterprise", id: id, before: before, after: after)
    }

    /// `bulk` as for `insertEnterprise`.
    static func upsertYear(_ tx: any SQLDatabase, enterpriseId: Int, _ y: EnterpriseYear, actor: Actor, now: String, bulk: AuditBuffer? = nil) async throws {
        let before = try await tx.raw(Store.yearColumns + " WHERE enterprise_id = \(bind: enterpriseId) AND year = \(bind: y.year)").row(YearRow.self)?.value
        guard before != y else { return }
        try await tx.raw("""
            INSERT INTO enterprise_years (zone_id, enterprise_id, year, revenue, main_revenue, rd_expense, high_tech_revenue, tax, total_assets, employees, rd_staff,
              above_scale, invention_patents, utility_patents, design_patents, updated_at)
            VALUES (\(bind: actor.zoneId), \(bind: enterpriseId), \(bind: y.year), \(bind: y.revenue), \(bind: y.mainRevenue), \(bind: y.rdExpense), \(bind: y.highTechRevenue),
              \(bind: y.tax), \(bind: y.totalAssets), \(bind: y.employees), \(bind: y.rdStaff), \(bind: y.aboveScale ? 1 : 0), \(bind: y.inventionPatents),
              \(bind: y.utilityPatents), \(bind: y.designPatents), \(bind: now))
            ON CONFLICT (enterprise_id, year) DO UPDATE SET revenue = excluded.revenue, main_revenue = excluded.main_revenue, rd_expense = excluded.rd_expense,
              high_tech_revenue = excluded.high_tech_revenue, tax = excluded.tax, total_assets = excluded.total_assets, employees = excluded.employees,
              rd_staff = excluded.rd_staff, above_scale = excluded.above_scale, invention_patents = excluded.invention_patents,
              utility_patents = excluded.utility_patents, design_patents = excluded.design_patents, updated_at = excluded.updated_at
            """).run()
        if let bulk { bulk.add(actor: actor, action: before == nil ? .create : .update, entity: "enterprise_year", id: enterpriseId, before: before, after: y) }
        else { try await Store.audit(tx, actor: actor, action: before == nil ? .create : .update, entity: "enterprise_year", id: enterpriseId, before: before, after: y) }
    }

    public func createEnterprise(_ d: EnterpriseDraft, today: Day, actor: Actor) async throws -> Int {
        let v = try validated { try d.validated(today: today) }
        return try await write { tx in try await Store.insertEnterprise(tx, v, actor: actor, now: Store.timestamp()) }
    }

    public func updateEnterprise(id: Int, _ d: EnterpriseDraft, version: Int, today: Day, actor: Actor) async throws {
        let v = try validated { try d.validated(today: today) }
        try await write { tx in try await Store.updateEnterprise(tx, id: id, v, version: version, actor: actor, now: Store.timestamp()) }
    }

    /// Records (or corrects) a year's figures.
    public func setEnterpriseYear(enterpriseId: Int, _ y: EnterpriseYear, actor: Actor) async throws {
        _ = try await enterprise(id: enterpriseId, zoneId: actor.zoneId)
        try validated { try y.validate() }
        try await write { tx in try await Store.upsertYear(tx, enterpriseId: enterpriseId, y, actor: actor, now: Store.timestamp()) }
    }

    public func addTier(enterpriseId: Int, _ t: EnterpriseTier, actor: Actor) async throws {
        _ = try await enterprise(id: enterpriseId, zoneId: actor.zoneId)
        let cert = t.certificate.trimmingCharacters(in: .whitespaces)
        guard cert.count <= 60 else { throw StoreError.invalid(ValidationError(field: "certificate", "证书编号不能超过60字")) }
        if let e = t.expiresOn, e < t.grantedOn { throw StoreError.invalid(ValidationError(field: "expiresOn", "有效期至不能早于认定日期")) }
        // Two titles of the same kind may not be valid on the same day (a re-certification starts after the old one ends).
        let existing = try await enterprise(id: enterpriseId, zoneId: actor.zoneId).tiers.map(\.tier).filter { $0.kind == t.kind }
        if let clash = existing.first(where: { o in (t.expiresOn.map { o.grantedOn <= $0 } ?? true) && (o.expiresOn.map { t.grantedOn <= $0 } ?? true) }) {
            throw StoreError.invalid(ValidationError(field: "grantedOn", "与已登记的\(t.kind.chineseName)（\(clash.grantedOn)至\(clash.expiresOn?.iso ?? "长期")）时间重叠"))
        }
        try await write { tx in
            let id = try await tx.raw("""
                INSERT INTO enterprise_tiers (zone_id, enterprise_id, kind, certificate, granted_on, expires_on, created_at)
                VALUES (\(bind: actor.zoneId), \(bind: enterpriseId), \(bind: t.kind.rawValue), \(bind: cert), \(bind: t.grantedOn.iso), \(bind: t.expiresOn?.iso), \(bind: Store.timestamp())) RETURNING id
                """).row(IDRow.self)!.id
            try await Store.audit(tx, actor: actor, action: .create, entity: "enterprise_tier", id: id, before: Optional<EnterpriseTier>.none, after: t)
        }
    }

    /// Archives an enterprise: it leaves the lists, its history stays readable. Refused while key projects point at it.
    public func archiveEnterprise(id: Int, version: Int, actor: Actor) async throws {
        try await write { tx in
            guard let before = try await tx.raw(Store.enterpriseColumns + " WHERE id = \(bind: id) AND zone_id = \(bind: actor.zoneId)").row(EnterpriseRow.self)?.enterprise else {
                throw StoreError.notFound(entity: "enterprise", id: id)
            }
            guard before.version == version, !before.archived else { throw StoreError.conflict(entity: "enterprise", id: id, current: before.version) }
            struct P: Decodable { let name: String }
            let projects = try await tx.raw("SELECT name FROM key_projects WHERE enterprise_id = \(bind: id) AND archived_at IS NULL").rows(P.self)
            if !projects.isEmpty {
                throw StoreError.invalid(ValidationError(field: "id", "“\(before.name)”是重点项目\(projects.map { "“\($0.name)”" }.joined(separator: "、"))的投资企业，不能归档；请先调整项目"))
            }
            try await tx.raw("UPDATE enterprises SET archived_at = \(bind: Store.timestamp()), version = version + 1 WHERE id = \(bind: id)").run()
            try await Store.audit(tx, actor: actor, action: .archive, entity: "enterprise", id: id, before: before, after: Optional<Enterprise>.none)
        }
    }

    /// Applies an import all or nothing; returns (created, updated) enterprise counts. The zone's codes and units are
    /// read once; every row written is audited; the zone's data version rises once.
    public func importEnterprises(_ rows: [EnterpriseImport.Row], today: Day, actor: Actor) async throws -> (created: Int, updated: Int) {
        let valid = try rows.map { r in (r, try validated { try r.draft.validated(today: today) }) }
        let unitIds = Set(try await units(zoneId: actor.zoneId, includeArchived: true).map(\.id))
        for (row, v) in valid where v.servingUnitId.map({ !unitIds.contains($0) }) ?? false {
            throw ImportRejected([ImportRowError(line: row.line, column: "包联单位", "包联单位不存在")])
        }
        return try await write { tx in
            let buffer = AuditBuffer()
            struct E: Decodable { let id: Int; let creditCode: String }
            var known = Dictionary(try await tx.raw("SELECT id, credit_code FROM enterprises WHERE zone_id = \(bind: actor.zoneId)").rows(E.self).map { ($0.creditCode, $0.id) },
                                   uniquingKeysWith: { a, _ in a })
            var created = 0, updated = 0, touched = Set<Int>(), fresh = Set<Int>()
            var freshYears: [(Int, EnterpriseYear)] = []
            let now = Store.timestamp()
            for (row, v) in valid {
                let id: Int
                if let existing = known[v.creditCode] {
                    id = existing
                    if !touched.contains(id) {
                        try await Store.updateEnterprise(tx, id: id, v, version: nil, actor: actor, now: now)
                        updated += 1
                    }
                } else {
                    id = try await Store.insertEnterprise(tx, v, actor: actor, now: now, bulk: buffer)
                    known[v.creditCode] = id
                    fresh.insert(id)
                    created += 1
                }
                touched.insert(id)
                if let y = row.year {
                    if fresh.contains(id) {
                        // A new firm's years cannot clash: inserted together below.
                        freshYears.append((id, y))
                        buffer.add(actor: actor, action: .create, entity: "enterprise_year", id: id, before: Optional<EnterpriseYear>.none, after: y)
                    } else {
                        try await Store.upsertYear(tx, enterpriseId: id, y, actor: actor, now: now, bulk: buffer)
                    }
                }
            }
            var i = 0
            while i < freshYears.count {
                let chunk = freshYears[i..<min(i + 300, freshYears.count)]
                i += chunk.count
                var q: SQLQueryString = "INSERT INTO enterprise_years (zone_id, enterprise_id, year, revenue, main_revenue, rd_expense, high_tech_revenue, tax, total_assets, employees, rd_staff, above_scale, invention_patents, utility_patents, design_patents, updated_at) VALUES "
                for (k, r) in chunk.enumerated() {
                    let y = r.1
                    if k > 0 { q = q + ", " }
                    q = q + "(\(bind: actor.zoneId), \(bind: r.0), \(bind: y.year), \(bind: y.revenue), \(bind: y.mainRevenue), \(bind: y.rdExpense), \(bind: y.highTechRevenue), \(bind: y.tax), \(bind: y.totalAssets), \(bind: y.employees), \(bind: y.rdStaff), \(bind: y.aboveScale ? 1 : 0), \(bind: y.inventionPatents), \(bind: y.utilityPatents), \(bind: y.designPatents), \(bind: now))"
                }
                try await tx.raw(q).run()
            }
            try await buffer.flush(tx)
            return (created, updated)
        }
    }
}
