import Domain
import Foundation
import SQLKit

/// Which enterprises a list shows.
public struct EnterpriseFilter: Sendable, Equatable {
    /// Name contains, credit code starts with, or pinyin initials start with.
    public var query: String?
    public var chain: String?
    /// Holds this tier on the as-of day.
    public var tier: EnterpriseTier.Kind?
    /// 规上 (true) or 规下 (false) in `year`.
    public var aboveScale: Bool?
    public var servingUnitId: Int?
    /// The year whose figures are shown and filtered on.
    public var year: Int
    public var limit: Int?
    public var offset = 0
    public init(year: Int) { self.year = year }
}

/// A row of the registry list: the basics and the chosen year's figures.
public struct EnterpriseListItem: Sendable, Equatable {
    public let enterprise: Enterprise
    public let year: EnterpriseYear?
    public let tiers: [EnterpriseTier.Kind]
}

/// One enterprise with its history.
public struct EnterpriseRecord: Sendable, Equatable {
    public let enterprise: Enterprise
    /// Oldest first.
    public let years: [EnterpriseYear]
    public let tiers: [StoredTier]
}

public struct StoredTier: Sendable, Equatable, Identifiable {
    public let id: Int
    public let tier: EnterpriseTier
}

extension Store {
    struct EnterpriseRow: Decodable {
        let id: Int; let creditCode: String; let name: String; let initials: String; let address: String; let industryCode: String; let chain: String
        let foundedOn: String?; let servingUnitId: Int?; let visitingOfficial: String; let archivedAt: String?; let version: Int
        var enterprise: Enterprise {
            Enterprise(id: id, creditCode: creditCode, name: name, initials: initials, address: address, industryCode: industryCode, chain: chain,
                       foundedOn: foundedOn.flatMap(Day.init(iso:)), servingUnitId: servingUnitId, visitingOfficial: visitingOfficial,
                       archived: archivedAt != nil, version: version)
        }
    }
    static let enterpriseColumns: SQLQueryString = """
        SELECT id, credit_code, name, initials, address, industry_code, chain, founded_on, serving_unit_id, visiting_official, archived_at, version FROM enterprises
        """
    struct YearRow: Decodable {
        let enterpriseId: Int; let year: Int; let revenue: Double?; let mainRevenue: Double?; let rdExpense: Double?; let highTechRevenue: Double?
        let tax: Double?; let totalAssets: Double?; let employees: Int?; let rdStaff: Int?; let aboveScale: Int
        let inventionPatents: Int?; let utilityPatents: Int?; let designPatents: Int?
        var value: EnterpriseYear {
            EnterpriseYear(year: year, revenue: revenue, mainRevenue: mainRevenue, rdExpense: rdExpense, highTechRevenue: highTechRevenue, tax: tax,
                           totalAssets: totalAssets, employees: employees, rdStaff: rdStaff, aboveScale: aboveScale != 0,
                           inventionPatents: inventionPatents, utilityPatents: utilityPatents, designPatents: designPatents)
        }
    }
    static let yearColumns: SQLQueryString = """
        SELECT enterprise_id, year, revenue, main_revenue, rd_expense, high_tech_revenue, tax, total_assets, employees, rd_staff, above_scale,
          invention_patents, utility_patents, design_patents FROM enterprise_years
        """
    struct TierRow: Decodable {
        let id: Int; let enterpriseId: Int; let kind: String; let certificate: String; let grantedOn: String; let expiresOn: String?
        var tier: StoredTier? {
            guard let k = EnterpriseTier.Kind(rawValue: kind), let g = Day(iso: grantedOn) else { return nil }
            return StoredTier(id: id, tier: EnterpriseTier(kind: k, certificate: certificate, grantedOn: g, expiresOn: expiresOn.flatMap(Day.init(iso:))))
        }
    }

    func where_(_ zoneId: Int, _ f: EnterpriseFilter, asOf: Day) -> SQLQueryString {
        var w: SQLQueryString = " WHERE e.zone_id = \(bind: zoneId) AND e.archived_at IS NULL"
        if let q = f.query?.trimmingCharacters(in: .whitespaces), !q.isEmpty {
            let q = String(q.prefix(100))
            w = w + " AND (e.name LIKE \(bind: "%" + q + "%") OR e.credit_code LIKE \(bind: q.uppercased() + "%") OR e.initials LIKE \(bind: q.lowercased() + "%"))"
        }
        if let c = f.chain, !c.isEmpty { w = w + " AND e.chain = \(bind: c)" }
        if let u = f.servingUnitId { w = w + " AND e.serving_unit_id = \(bind: u)" }
        if let a = f.aboveScale {
            w = w + " AND \(raw: a ? "" : "NOT ")EXISTS (SELECT 1 FROM enterprise_years y WHERE y.enterprise_id = e.id AND y.year = \(bind: f.year) AND y.above_scale = 1)"
        }
        if let t = f.tier {
            w = w + " AND EXISTS (SELECT 1 FROM enterprise_tiers t WHERE t.enterprise_id = e.id AND t.kind = \(bind: t.rawValue) AND t.withdrawn_at IS NULL AND t.granted_on <= \(bind: asOf.iso) AND (t.expires_on IS NULL OR t.expires_on >= \(bind: asOf.iso)))"
        }
        return w
    }

    /// A page of the registry, by name, with the year's figures and the tiers held on `asOf`; and how many match.
    public func enterprises(zoneId: Int, _ f: EnterpriseFilter, asOf: Day) async throws -> (items: [EnterpriseListItem], total: Int) {
        let w = where_(zoneId, f, asOf: asOf)
        var q: SQLQueryString = "SELECT e.id, e.credit_code, e.name, e.initials, e.address, e.industry_code, e.chain, e.founded_on, e.serving_unit_id, e.visiting_official, e.archived_at, e.version FROM enterprises e" + w + " ORDER BY e.initials, e.name"
        if let limit = f.limit { q = q + " LIMIT \(bind: limit) OFFSET \(bind: f.offset)" }
        let rows = try await sql.raw(q).rows(EnterpriseRow.self).map(\.enterprise)
        // A page that is not full already says how many there are; only a full one needs the count.
        let total = f.limit.map { rows.count < $0 } == true ? f.offset + rows.count
            : try await sql.raw("SELECT COUNT(*) AS n FROM enterprises e" + w).row(CountRow.self)?.n ?? 0
        let ids = rows.map(\.id)
        guard !ids.isEmpty else { return ([], total) }
        let years = try await sql.raw(Store.yearColumns + " WHERE enterprise_id IN (\(binds: ids)) AND year = \(bind: f.year)").rows(YearRow.self)
        let yearBy = Dictionary(years.map { ($0.enterpriseId, $0.value) }, uniquingKeysWith: { a, _ in a })
        let tiers = try await sql.raw("SELECT id, enterprise_id, kind, certificate, granted_on, expires_on FROM enterprise_tiers WHERE enterprise_id IN (\(binds: ids)) AND withdrawn_at IS NULL")
            .rows(TierRow.self)
        var tierBy: [Int: [EnterpriseTier.Kind]] = [:]
        for t in tiers { if let s = t.tier, s.tier.isValid(on: asOf) { tierBy[t.enterpriseId, default: []].append(s.tier.kind) } }
        return (rows.map { EnterpriseListItem(enterprise: $0, year: yearBy[$0.id], tiers: (tierBy[$0.id] ?? []).sorted { $0.rawValue < $1.rawValue }) }, total)
    }

    public func enterprise(id: Int, zoneId: Int) async throws -> EnterpriseRecord {
        guard let e = try await sql.raw(Store.enterpriseColumns + " WHERE id = \(bind: id) AND zone_id = \(bind: zoneId)").row(EnterpriseRow.self)?.enterprise else {
            throw StoreError.notFound(entity: "enterprise", id: id)
        }
        let years = try await sql.raw(Store.yearColumns + " WHERE enterprise_id = \(bind: id) ORDER BY year").rows(YearRow.self).map(\.value)
        let tiers = try await sql.raw("SELECT id, enterprise_id, kind, certificate, granted_on, expires_on FROM enterprise_tiers WHERE enterprise_id = \(bind: id) AND withdrawn_at IS NULL ORDER BY granted_on")
            .rows(TierRow.self).compactMap(\.tier)
        return EnterpriseRecord(enterprise: e, years: years, tiers: tiers)
    }

    /// Every enterprise's years and tiers in the zone (for the pipeline and the computed coverage figures).
    /// `years`: only these years' figures (the policy matcher needs two of five).
    public func enterpriseRecords(zoneId: Int, years only: ClosedRange<Int>? = nil) async throws -> [EnterpriseRecord] {
        let span: SQLQueryString = only.map { " AND year >= \(bind: $0.lowerBound) AND year <= \(bind: $0.upperBound)" } ?? ""
        // The three reads run side by side (each on its own pooled connection).
        async let listQ = sql.raw(Store.enterpriseColumns + " WHERE zone_id = \(bind: zoneId) AND archived_at IS NULL ORDER BY initials, name").rows(EnterpriseRow.self)
        async let yearsQ = sql.raw(Store.yearColumns + " WHERE zone_id = \(bind: zoneId)" + span + " ORDER BY year").rows(YearRow.self)
        async let tiersQ = sql.raw("SELECT id, enterprise_id, kind, certificate, granted_on, expires_on FROM enterprise_tiers WHERE zone_id = \(bind: zoneId) AND withdrawn_at IS NULL ORDER BY granted_on")
            .rows(TierRow.self)
        let (list, yearRows, tierRows) = try await (listQ, yearsQ, tiersQ)
        let years = Dictionary(grouping: yearRows, by: \.enterpriseId), tiers = Dictionary(grouping: tierRows, by: \.enterpriseId)
        return list.map { row in
            let e = row.enterprise
            return EnterpriseRecord(enterprise: e, years: (years[e.id] ?? []).map(\.value), tiers: (tiers[e.id] ?? []).compactMap(\.tier))
        }
    }


    /// Firms (not archived) with a title of `kinds` expiring between `from` and `to`, each with all its titles of those
    /// kinds (so a renewal already registered is seen) — what the certificate reminders need, without the registry.
    public func expiringTiers(zoneId: Int, kinds: [EnterpriseTier.Kind], from: Day, to: Day) async throws -> [(enterprise: Enterprise, tiers: [EnterpriseTier])] {
        let kindNames = kinds.map(\.rawValue)
        let firms = try await sql.raw(Store.enterpriseColumns + """
             WHERE zone_id = \(bind: zoneId) AND archived_at IS NULL AND id IN (SELECT enterprise_id FROM enterprise_tiers WHERE zone_id = \(bind: zoneId)
               AND withdrawn_at IS NULL AND kind IN (\(binds: kindNames)) AND expires_on >= \(bind: from.iso) AND expires_on <= \(bind: to.iso))
            """).rows(EnterpriseRow.self).map(\.enterprise)
        guard !firms.isEmpty else { return [] }
        let tiers = Dictionary(grouping: try await sql.raw("SELECT id, enterprise_id, kind, certificate, granted_on, expires_on FROM enterprise_tiers WHERE enterprise_id IN (\(binds: firms.map(\.id))) AND withdrawn_at IS NULL AND kind IN (\(binds: kindNames))")
            .rows(TierRow.self), by: \.enterpriseId)
        return firms.map { ($0, (tiers[$0.id] ?? []).compactMap(\.tier).map(\.tier)) }
    }

    /// The chains named in the zone's registry, for filters.
    public func enterpriseChains(zoneId: Int) async throws -> [String] {
        struct R: Decodable { let chain: String }
        return try await sql.raw("SELECT DISTINCT chain FROM enterprises WHERE zone_id = \(bind: zoneId) AND chain <> '' ORDER BY chain").rows(R.self).map(\.chain)
    }

    /// The id of the zone's live (not archived) firm with this credit code, if registered; any case and spaces accepted.
    public func enterpriseId(creditCode: String, zoneId: Int) async throws -> Int? {
        struct R: Decodable { let id: Int }
        let code = creditCode.uppercased().filter { !$0.isWhitespace }
        return try await sql.raw("SELECT id FROM enterprises WHERE zone_id = \(bind: zoneId) AND credit_code = \(bind: code) AND archived_at IS NULL").row(R.self)?.id
    }
}
