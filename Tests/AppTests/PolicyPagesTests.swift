@testable import App
import Domain
import Foundation
import Persistence
import SQLKit
import Testing
import Vapor
import VaporTesting

/// One generated firm as the test made it, kept by the test itself (never read back from the product) so that who
/// qualifies can be worked out independently of `FirmFacts` and `ConditionEvaluator`.
private struct GenYear {
    var revenue: Int?, rd: Int?, employees: Int?, patents: Int?
    var aboveScale: Bool
}

private struct GenFirm {
    var id = 0
    var chain = "", industry = ""
    var y2025: GenYear?
    var has2024 = false
    var revenue2024: Int?
    var above2024 = false
    /// (granted, expires), both inclusive.
    var hnte: (Day, Day)?
    var techSME: (Day, Day)?
}

private extension Browser {
    /// Records a policy through the form (after opening the list, for the CSRF token); its id from the redirect.
    mutating func addPolicy(_ title: String, number: String = "", issued: String = "2026-03-10") async throws -> Int {
        _ = try await get("/policies")
        let res = try await post("/policies/new", PolicyPagesTests.policyForm(title: title, number: number, issued: issued))
        #expect(res.status == .seeOther, "\(res.status) \(res.text.prefix(300))")
        return try PolicyPagesTests.idFromLocation(res)
    }

    /// Records a clause through the policy page's form; its id from the redirect.
    mutating func addClause(policy: Int, _ fields: [(String, String)]) async throws -> Int {
        _ = try await get("/policies/\(policy)")
        let res = try await post("/policies/\(policy)/clauses/new", fields)
        #expect(res.status == .seeOther, "\(res.status) \(PolicyPagesTests.errors(res))")
        return try PolicyPagesTests.idFromLocation(res)
    }
}

@Suite("政策体系：条款条件的录入与校验、符合条件企业的独立核对、兑现预算、企业视角、发布会、缓存随数据更新")
struct PolicyPagesTests {
    static func boot(_ f: Fixture) -> Actor {
        Actor(userId: 0, username: "fixture", displayName: "督查室", zoneId: f.zoneId, unitId: nil, roles: [.office])
    }

    static func code(_ first17: String) -> String { first17 + String(CreditCode.checkCharacter(first17)!) }

    static func idFromLocation(_ res: TestingHTTPResponse) throws -> Int {
        let location = try #require(res.headers.first(name: .location), "\(res.status) \(res.text.prefix(300))")
        let path = location.split(separator: "?")[0]
        return try #require(Int(path.split(separator: "/").last ?? ""), "\(location)")
    }

    /// The error paragraphs of a page, for failure messages.
    static func errors(_ res: TestingHTTPResponse) -> String {
        res.text.components(separatedBy: "class=\"error").dropFirst().map { String($0.prefix(200)) }.joined(separator: " | ")
    }

    /// Text as the page shows it: Plot escapes &, < and > in text (quotes may or may not be).
    static func html(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func policyForm(title: String, number: String = "", issued: String = "2026-03-10") -> [(String, String)] {
        [("title", title), ("issuer", "高新区管委会"), ("documentNumber", number), ("issuedOn", issued), ("effectiveFrom", "2026-01-01"),
         ("effectiveTo", ""), ("text", "为加快建设创新型园区，制定本办法。")]
    }

    /// A clause form: a fixed amount (`fixed`) or a percentage of `percentOf` at `rate` with an optional `cap`.
    static func clauseForm(number: String, title: String, kind: String = "award", year: String = "2025", condition: String,
                           fixed: String = "", percentOf: String? = nil, rate: String = "", cap: String = "", budget: String = "",
                           version: Int? = nil) -> [(String, String)] {
        var f: [(String, String)] = [("number", number), ("title", title), ("kind", kind), ("year", year), ("condition", condition)]
        if let percentOf {
            f += [("amountKind", "percent"), ("amount", ""), ("amountField", percentOf), ("rate", rate), ("cap", cap)]
        } else {
            f += [("amountKind", "fixed"), ("amount", fixed), ("amountField", ""), ("rate", ""), ("cap", "")]
        }
        f.append(("annualBudget", budget))
        if let version { f.append(("version", String(version))) }
        return f
    }

    /// The part of `html` after `start` and before `end`.
    static func section(_ html: String, from start: String, to end: String) -> Substring {
        guard let s = html.range(of: start) else { return "" }
        let rest = html[s.upperBound...]
        return rest[..<(rest.range(of: end)?.lowerBound ?? rest.endIndex)]
    }

    /// The firms linked in a part of a clause page (each firm's name links to its policies page).
    static func firmIds(_ s: Substring) -> Set<Int> {
        Set(s.components(separatedBy: "href=\"/enterprises/").dropFirst().compactMap { Int($0.prefix(while: \.isNumber)) })
    }

    /// One firm's table row in a part of a clause page.
    static func row(_ s: Substring, firm id: Int) -> String {
        guard let r = s.range(of: "href=\"/enterprises/\(id)/policies\"") else { return "" }
        let rest = s[r.lowerBound...]
        return String(rest[..<(rest.range(of: "</tr>")?.lowerBound ?? rest.endIndex)])
    }

    static func qualifyingPart(_ page: TestingHTTPResponse) -> Substring { section(page.text, from: "符合条件的企业（", to: "差一点的企业（") }
    static func nearPart(_ page: TestingHTTPResponse) -> Substring { section(page.text, from: "差一点的企业（", to: "申报与兑现</h2>") }

    static func jsonArray(_ res: TestingHTTPResponse) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(res.text.utf8)) as? [[String: Any]], "\(res.status) \(res.text.prefix(300))")
    }

    static func enterpriseIds(_ items: Any?) -> Set<Int> { Set(((items as? [[String: Any]]) ?? []).compactMap { $0["enterpriseId"] as? Int }) }

    /// The `qualifying` count of every clause in GET /api/v1/policies.
    static func apiCounts(_ api: inout Browser) async throws -> [Int: Int] {
        let res = try await api.get("/api/v1/policies")
        #expect(res.status == .ok)
        var out: [Int: Int] = [:]
        for p in try jsonArray(res) {
            for c in (p["clauses"] as? [[String: Any]]) ?? [] { if let id = c["id"] as? Int { out[id] = c["qualifying"] as? Int } }
        }
        return out
    }

    static func clauseRows(_ app: Application) async throws -> Int {
        try await (app.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM policy_clauses").first(decodingColumn: "n", as: Int.self) ?? -1
    }

    // MARK: A small registry worked out by hand

    /// Six firms with 2025 figures chosen so that the expected verdicts can be worked out by hand (evaluation day of a
    /// 2025 clause: 2025-12-31):
    /// - a 华芯: 高企 valid, 营收 2000, 研发 60 (exactly 3%), 0 发明专利, 80 人, 规上
    /// - b 远航: 高企 valid, 营收 1000, 研发 40 (4%), 1 发明专利, 150 人, not 规上
    /// - c 星河: 高企 granted 2025-10-01, 营收 3000, 研发 60 (2%), 0 发明专利, 200 人, 规上
    /// - d 瑞科: no 高企, 营收 4000, 研发 200 (5%), 2 发明专利, 300 人, 规上
    /// - e 恒通: 高企 expired 2024-11-30, 营收 800, 研发 10 (1.25%), 0 发明专利, 40 人, not 规上
    /// - f 蓝海: 高企 valid, figures for 2024 only (2025 unknown)
    struct Registry {
        var a = 0, b = 0, c = 0, d = 0, e = 0, f = 0
        static let names = ["华芯微电子有限公司", "远航新材料有限公司", "星河智能装备有限公司", "瑞科生物医药有限公司", "恒通物流有限公司", "蓝海软件有限公司"]
    }

    static func registry(_ app: Application, _ f: Fixture) async throws -> Registry {
        let store = app.store, boot = Self.boot(f)
        func firm(_ i: Int, _ years: [EnterpriseYear], hnte: (String, String)?) async throws -> Int {
            var d = EnterpriseDraft(); d.creditCode = Self.code(String(format: "91330100MB%07d", i)); d.name = Registry.names[i]
            let id = try await store.createEnterprise(d, today: testToday, actor: boot)
            for y in years { try await store.setEnterpriseYear(enterpriseId: id, y, actor: boot) }
            if let h = hnte {
                try await store.addTier(enterpriseId: id, EnterpriseTier(kind: .hnte, certificate: "GR\(i)", grantedOn: Day(iso: h.0)!, expiresOn: Day(iso: h.1)!), actor: boot)
            }
            return id
        }
        var r = Registry()
        r.a = try await firm(0, [EnterpriseYear(year: 2025, revenue: 2000, rdExpense: 60, employees: 80, aboveScale: true, inventionPatents: 0)],
                             hnte: ("2024-03-01", "2027-02-28"))
        r.b = try await firm(1, [EnterpriseYear(year: 2025, revenue: 1000, rdExpense: 40, employees: 150, aboveScale: false, inventionPatents: 1)],
                             hnte: ("2023-11-20", "2026-11-19"))
        r.c = try await firm(2, [EnterpriseYear(year: 2025, revenue: 3000, rdExpense: 60, employees: 200, aboveScale: true, inventionPatents: 0)],
                             hnte: ("2025-10-01", "2028-09-30"))
        r.d = try await firm(3, [EnterpriseYear(year: 2025, revenue: 4000, rdExpense: 200, employees: 300, aboveScale: true, inventionPatents: 2)], hnte: nil)
        r.e = try await firm(4, [EnterpriseYear(year: 2025, revenue: 800, rdExpense: 10, employees: 40, aboveScale: false, inventionPatents: 0)],
                             hnte: ("2021-12-01", "2024-11-30"))
        r.f = try await firm(5, [EnterpriseYear(year: 2024, revenue: 5000, rdExpense: 300, aboveScale: true, inventionPatents: 4)], hnte: ("2025-01-01", "2027-12-31"))
        return r
    }

    /// 研发费用补助, written with full-width symbols, aliases and no spaces in places; 10% of 研发费用, at most 5万元.
    static let typedCondition = "高新技术企业且研发强度＞＝3％　and （营收≥2000万元 或 有效发明专利>=1）"
    static let canonicalCondition = "高企 且 研发费用占比 >= 3 且 (营业收入 >= 2000 或 发明专利 >= 1)"
    static func rdSubsidy() -> [(String, String)] {
        clauseForm(number: "第三条", title: "研发费用补助", kind: "subsidy", condition: typedCondition, percentOf: "研发费用", rate: "10", cap: "5")
    }

    // MARK: 1. Recording a policy and a clause

    // Expected by hand for 高企 且 研发费用占比 >= 3 且 (营业收入 >= 2000 或 发明专利 >= 1) on 2025:
    // a: 60/2000 = 3% meets ≥ 3% exactly, 营收 2000 ≥ 2000 → qualifies; 60 × 10% = 6, capped at 5.
    // b: 4%, 营收 1000 short by 1000 but 1 发明专利 → qualifies; 40 × 10% = 4.
    // c: 2% (short by 1 point), the 或 met by 营收 → one short. d: not 高企, all else met → one short.
    // e: 高企 expired, 1.25%, and neither 营收 nor patents → three short. f: no 2025 figures → two unknowns. Neither listed.
    @Test("录入政策与条款：条件按统一写法保存；条款页逐家列出符合条件企业及逐项依据和测算金额，差一项的企业列出所差条件；留审计记录", arguments: TestDB.all)
    func recordPolicyAndClause(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let r = try await Self.registry(app, f)
            var office = Browser(app)
            _ = try await office.login("office")

            let policyId = try await office.addPolicy("高新区促进科技创新若干政策", number: "高新管发[2026]12号")
            let policy = try await app.store.policy(id: policyId, zoneId: f.zoneId)
            #expect(policy.title == "高新区促进科技创新若干政策" && policy.documentNumber == "高新管发〔2026〕12号" && policy.issuedOn == Day(iso: "2026-03-10"))

            let clauseId = try await office.addClause(policy: policyId, Self.rdSubsidy())
            let clause = try await app.store.clause(id: clauseId, zoneId: f.zoneId)
            #expect(clause.condition == Self.canonicalCondition)
            #expect(clause.amountRule == .percent(of: .rdExpense, rate: 10, cap: 5) && clause.year == 2025 && clause.kind == .subsidy && clause.policyId == policyId)

            let page = try await office.get("/clauses/\(clauseId)")
            #expect(page.status == .ok)
            #expect(page.text.contains(Self.html(Self.canonicalCondition)))
            #expect(page.text.contains("符合条件的企业（2家，免申即享候选）") && page.text.contains("差一点的企业（2家，差一项条件）"))
            let qualifying = Self.qualifyingPart(page), near = Self.nearPart(page)
            #expect(Self.firmIds(qualifying) == [r.a, r.b])
            #expect(Self.firmIds(near) == [r.c, r.d])

            let rowA = Self.row(qualifying, firm: r.a)
            for line in ["高企：满足", "研发费用占比 3% ≥ 3%：满足", "营业收入 2000万元 ≥ 2000万元：满足", "发明专利 0件 ≥ 1件：不满足，差 1件",
                         "研发费用 60万元 × 10% = 6万元，封顶 5万元 → 5万元"] {
                #expect(rowA.contains(line), "华芯 lacks \(line): \(rowA)")
            }
            let rowB = Self.row(qualifying, firm: r.b)
            for line in ["高企：满足", "研发费用占比 4% ≥ 3%：满足", "营业收入 1000万元 ≥ 2000万元：不满足，差 1000万元", "发明专利 1件 ≥ 1件：满足", "研发费用 40万元 × 10% = 4万元"] {
                #expect(rowB.contains(line), "远航 lacks \(line): \(rowB)")
            }
            #expect(!rowB.contains("封顶"))
            // The one-short firms show only what they miss.
            let rowC = Self.row(near, firm: r.c), rowD = Self.row(near, firm: r.d)
            #expect(rowC.contains("研发费用占比 2% ≥ 3%：不满足，差 1个百分点") && !rowC.contains("营业收入 3000万元") && !rowC.contains("高企：满足"))
            #expect(rowD.contains("高企：不满足（否）") && !rowD.contains("研发费用占比"))
            // The expired title and the missing year keep 恒通 and 蓝海 off the page.
            #expect(!page.text.contains(Registry.names[4]) && !page.text.contains(Registry.names[5]))

            // The policy page counts the clause's firms.
            let policyPage = try await office.get("/policies/\(policyId)")
            #expect(policyPage.text.contains("href=\"/clauses/\(clauseId)\"") && policyPage.text.contains(">2家<"))

            let policyAudit = try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "policy", entityId: policyId))
            #expect(policyAudit.total == 1 && policyAudit.entries.first?.action == .create && policyAudit.entries.first?.username == "office")
            let clauseAudit = try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "policy_clause", entityId: clauseId))
            #expect(clauseAudit.total == 1 && clauseAudit.entries.first?.action == .create && clauseAudit.entries.first?.username == "office")
        }
    }

    // MARK: 2. Bad input

    @Test("错误输入被拒且不入库：未知字段（给出建议）、类型不符、括号不配对、政策无标题、文号年份不符、按比例用非金额字段、修改时版本过期", arguments: TestDB.all)
    func badInput(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var office = Browser(app)
            _ = try await office.login("office")
            let policyId = try await office.addPolicy("高新区促进科技创新若干政策")
            #expect(try await Self.clauseRows(app) == 0)

            func refused(_ condition: String, _ message: String, percentOf: String? = nil) async throws {
                _ = try await office.get("/policies/\(policyId)")
                let res = try await office.post("/policies/\(policyId)/clauses/new",
                                                Self.clauseForm(number: "第一条", title: "高企认定奖励", condition: condition, fixed: percentOf == nil ? "20" : "",
                                                                percentOf: percentOf, rate: "10"))
                #expect(res.status == .unprocessableEntity, "\(condition): \(res.status)")
                #expect(res.text.contains(message), "\(condition): wanted \(message), got \(Self.errors(res))")
                #expect(try await Self.clauseRows(app) == 0)
            }
            // Positions as docs/policy_conditions.md counts them (1-based characters).
            try await refused("高企 且 研发占比 >= 3", "第6个字符：未知字段“研发占比”，是否指“研发费用占比”？")
            try await refused("行业 >= 3", "第4个字符：“行业”是文字，不能用“")
            try await refused("(高企 且 规上", "第1个字符：左括号“(”没有配对的右括号")
            try await refused("高企 且 规上)", "第8个字符：多余的右括号“)”")
            try await refused("高企", "“从业人数”不是金额（万元）字段，不能按比例计算", percentOf: "从业人数")
            #expect(try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "policy_clause")).total == 0)

            // A policy without a title, or with a 文号 of another year, is not recorded.
            _ = try await office.get("/policies")
            let noTitle = try await office.post("/policies/new", Self.policyForm(title: "  "))
            #expect(noTitle.status == .unprocessableEntity && noTitle.text.contains("请填写政策标题"))
            let wrongYear = try await office.post("/policies/new", Self.policyForm(title: "人才政策", number: "高新管发〔2025〕3号"))
            #expect(wrongYear.status == .unprocessableEntity && wrongYear.text.contains("文号年份（2025）与发文日期（2026-03-10）不一致"))
            #expect(try await app.store.policies(zoneId: f.zoneId).map(\.id) == [policyId])

            // Editing: a bad condition and a stale version change nothing.
            let clauseId = try await office.addClause(policy: policyId, Self.clauseForm(number: "第一条", title: "高企认定奖励", condition: "高企", fixed: "20"))
            _ = try await office.get("/clauses/\(clauseId)")
            let revised = try await office.post("/clauses/\(clauseId)", Self.clauseForm(number: "第一条", title: "高企认定奖励（修订）", condition: "高企 且 规上", fixed: "30", version: 1))
            #expect(revised.status == .seeOther)
            var c = try await app.store.clause(id: clauseId, zoneId: f.zoneId)
            #expect(c.version == 2 && c.title == "高企认定奖励（修订）" && c.condition == "高企 且 规上" && c.amountRule == .fixed(amount: 30))

            let badEdit = try await office.post("/clauses/\(clauseId)", Self.clauseForm(number: "第一条", title: "高企认定奖励", condition: "高企 且 规上)", fixed: "30", version: 2))
            #expect(badEdit.status == .unprocessableEntity && badEdit.text.contains("条款未保存：第8个字符：多余的右括号“)”"))
            let stale = try await office.post("/clauses/\(clauseId)", Self.clauseForm(number: "第一条", title: "抢先修改", condition: "规上", fixed: "99", version: 1))
            #expect(stale.status == .conflict && stale.text.contains("条款已被他人修改，未保存"))
            c = try await app.store.clause(id: clauseId, zoneId: f.zoneId)
            #expect(c.version == 2 && c.title == "高企认定奖励（修订）" && c.condition == "高企 且 规上" && c.amountRule == .fixed(amount: 30))
            #expect(try await Self.clauseRows(app) == 1)
            #expect(try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "policy_clause", entityId: clauseId)).total == 2)
        }
    }

    // MARK: 3. Matching against an independent evaluation

    // 60 firms from a seeded generator and 3 on the edges; who qualifies is worked out below with plain comparisons on the
    // made-up integers (the evaluation day of a 2025 clause is 2025-12-31; a title is valid from its grant to its expiry day,
    // both included; missing data never qualifies). Integer forms avoid rounding: 研发费用 ÷ 营收 ≥ 3% ⇔ 100·研发 ≥ 3·营收;
    // growth > 20% ⇔ (r − p)·100 > 20·p ⇔ 5r > 6p. The seed was checked (outside the product) to give every clause
    // a non-trivial set: 4, 4, 3, 8 and 26 of the 60 (5, 5, 4, 9 and 29 with the edges).
    @Test("60家生成企业与3家边界企业、5个条款（且/或/非、资质、两年增长率、产业链属于列表、行业开头）：API列出的符合条件企业与独立计算一致，政策列表计数一致", arguments: TestDB.all)
    func matchingAgainstIndependentEvaluation(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let store = app.store, boot = Self.boot(f)
            var seed: UInt64 = 20251231
            func next(_ n: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int((seed >> 33) % UInt64(n)) }
            let chains = ["集成电路", "生物医药", "新能源", ""], industries = ["C3911", "C3971", "C2710", "I6510", ""]

            /// Writes a firm the test made to the registry through the store; returns it with its id.
            func save(_ made: GenFirm, _ i: Int) async throws -> GenFirm {
                var g = made
                var d = EnterpriseDraft()
                d.creditCode = Self.code(String(format: "91440300MA%07d", i)); d.name = "生成企业\(i)号"; d.chain = g.chain; d.industryCode = g.industry
                g.id = try await store.createEnterprise(d, today: testToday, actor: boot)
                if let y = g.y2025 {
                    try await store.setEnterpriseYear(enterpriseId: g.id, EnterpriseYear(year: 2025, revenue: y.revenue.map(Double.init), rdExpense: y.rd.map(Double.init),
                                                                                        employees: y.employees, aboveScale: y.aboveScale, inventionPatents: y.patents), actor: boot)
                }
                if g.has2024 {
                    try await store.setEnterpriseYear(enterpriseId: g.id, EnterpriseYear(year: 2024, revenue: g.revenue2024.map(Double.init), aboveScale: g.above2024), actor: boot)
                }
                if let t = g.hnte { try await store.addTier(enterpriseId: g.id, EnterpriseTier(kind: .hnte, certificate: "GR\(i)", grantedOn: t.0, expiresOn: t.1), actor: boot) }
                if let t = g.techSME { try await store.addTier(enterpriseId: g.id, EnterpriseTier(kind: .techSME, certificate: "KX\(i)", grantedOn: t.0, expiresOn: t.1), actor: boot) }
                return g
            }

            var gen: [GenFirm] = []
            for i in 0..<60 {
                var g = GenFirm()
                g.chain = chains[next(4)]
                g.industry = industries[next(5)]
                if next(10) != 0 {
                    let revenue: Int? = next(6) == 0 ? nil : 200 + next(6000)
                    let rd: Int? = next(5) == 0 ? nil : next(600)
                    let employees: Int? = next(6) == 0 ? nil : 5 + next(300)
                    let patents: Int? = next(6) == 0 ? nil : next(8)
                    g.y2025 = GenYear(revenue: revenue, rd: rd, employees: employees, patents: patents, aboveScale: next(2) == 0)
                }
                if next(5) != 0 {
                    g.has2024 = true
                    if next(6) != 0 {
                        if let r = g.y2025?.revenue { g.revenue2024 = r * (60 + next(80)) / 100 } else { g.revenue2024 = 100 + next(5000) }
                    }
                    g.above2024 = next(2) == 0
                }
                if next(2) == 0 {
                    let from = Day(year: 2021 + next(6), month: 1 + next(12), day: 1 + next(28))!
                    g.hnte = (from, Day(year: from.year + 3, month: from.month, day: from.day)!.adding(days: -1))
                }
                if next(2) == 0 {
                    let from = Day(year: 2024 + next(2), month: 1 + next(12), day: 1 + next(28))!
                    g.techSME = (from, Day(year: from.year + 1, month: from.month, day: from.day)!.adding(days: -1))
                }
                gen.append(try await save(g, i))
            }
            // Three firms on the edges (the generated ones hit none), worked out by hand:
            // - 60: 研发 90 of 营收 3000 is exactly 3% and 营收 exactly 3000 (clause 1 yes); 149 人, not 规上, 科小 granted on the
            //   evaluation day itself (clause 2 yes); growth from 2500 exactly 20%, not > 20 (clause 3 one short); 研发 90 < 100
            //   (clause 4 no); 高企 expiring on the evaluation day, still valid (clause 5 yes).
            // - 61: 高企 expired the day before (clauses 1 and 5's first branch no); growth 3001/2500 = 20.04% (clause 3 yes);
            //   科小 valid, 研发 exactly 100 (clause 4 yes); 5 发明专利 and 规上 (clause 5 yes, through its 且 branch).
            // - 62: 高企 but no figures at all: only clause 5.
            func day(_ iso: String) -> Day { Day(iso: iso)! }
            var edge = GenFirm()
            edge.chain = "集成电路"; edge.industry = "C3911"; edge.has2024 = true; edge.revenue2024 = 2500
            edge.y2025 = GenYear(revenue: 3000, rd: 90, employees: 149, patents: 0, aboveScale: false)
            edge.hnte = (day("2023-01-01"), day("2025-12-31")); edge.techSME = (day("2025-12-31"), day("2026-12-30"))
            gen.append(try await save(edge, 60))
            edge = GenFirm()
            edge.chain = "生物医药"; edge.industry = "C3971"; edge.has2024 = true; edge.revenue2024 = 2500
            edge.y2025 = GenYear(revenue: 3001, rd: 100, employees: 150, patents: 5, aboveScale: true)
            edge.hnte = (day("2022-12-31"), day("2025-12-30")); edge.techSME = (day("2025-01-01"), day("2025-12-31"))
            gen.append(try await save(edge, 61))
            edge = GenFirm()
            edge.chain = "集成电路"; edge.hnte = (day("2025-06-01"), day("2028-05-31"))
            gen.append(try await save(edge, 62))

            // The independent evaluation.
            let evalDay = Day(iso: "2025-12-31")!
            func valid(_ t: (Day, Day)?) -> Bool { t.map { $0.0 <= evalDay && evalDay <= $0.1 } ?? false }
            func growthOver20(_ g: GenFirm) -> Bool? {
                guard let r = g.y2025?.revenue, let p = g.revenue2024, p > 0 else { return nil }
                return 5 * r > 6 * p
            }
            let k1: (GenFirm) -> Bool = { g in
                guard valid(g.hnte), let y = g.y2025, let r = y.revenue, r > 0, let rd = y.rd, rd * 100 >= 3 * r else { return false }
                return r >= 3000 || y.patents.map { $0 >= 2 } == true
            }
            let k2: (GenFirm) -> Bool = { g in valid(g.techSME) && g.y2025.map { !$0.aboveScale } == true && g.y2025?.employees.map { $0 < 150 } == true }
            let k3: (GenFirm) -> Bool = { g in growthOver20(g) == true && g.y2025?.revenue.map { $0 >= 1000 } == true && g.industry.hasPrefix("C39") }
            let k4: (GenFirm) -> Bool = { g in
                ["集成电路", "生物医药"].contains(g.chain) && (valid(g.hnte) || valid(g.techSME)) && g.y2025?.rd.map { $0 >= 100 } == true
            }
            // 或 binds looser than 且: 高企 or (≥ 5 patents and 规上).
            let k5: (GenFirm) -> Bool = { g in valid(g.hnte) || g.y2025.map { $0.aboveScale && $0.patents.map { $0 >= 5 } == true } == true }
            // For the two plain 且 clauses, "one short" is exactly one comparison not definitely met (unmet or unknown).
            let k2Short: (GenFirm) -> Int = { g in
                (valid(g.techSME) ? 0 : 1) + (g.y2025.map { !$0.aboveScale } == true ? 0 : 1) + (g.y2025?.employees.map { $0 < 150 } == true ? 0 : 1)
            }
            let k3Short: (GenFirm) -> Int = { g in
                (growthOver20(g) == true ? 0 : 1) + (g.y2025?.revenue.map { $0 >= 1000 } == true ? 0 : 1) + (g.industry.hasPrefix("C39") ? 0 : 1)
            }

            var office = Browser(app)
            _ = try await office.login("office")
            let policyId = try await office.addPolicy("高新区高质量发展若干政策")
            let specs: [(typed: String, canonical: String, kind: String, expected: (GenFirm) -> Bool)] = [
                ("高企 且 研发费用占比 >= 3 且 (营业收入 >= 3000 或 发明专利 >= 2)", "高企 且 研发费用占比 >= 3 且 (营业收入 >= 3000 或 发明专利 >= 2)", "award", k1),
                ("科技型中小企业 且 非 规上 且 从业人数 < 150", "科小 且 非 规上 且 从业人数 < 150", "subsidy", k2),
                ("营收增长率 > 20 且 营业收入 >= 1000万元 且 行业 开头 C39", "营收增长率 > 20 且 营业收入 >= 1000 且 行业 开头 \"C39\"", "award", k3),
                ("产业链 属于 [\"集成电路\", \"生物医药\"] 且 (高企 或 科小) 且 非 (研发费用 < 100)",
                 "产业链 属于 [\"集成电路\", \"生物医药\"] 且 (高企 或 科小) 且 非 研发费用 < 100", "interestDiscount", k4),
                ("资质 包含 \"高企\" 或 发明专利 >= 5 且 规上", "资质 包含 \"高新技术企业\" 或 发明专利 >= 5 且 规上", "reduction", k5),
            ]
            var clauseIds: [Int] = []
            for (i, s) in specs.enumerated() {
                clauseIds.append(try await office.addClause(policy: policyId, Self.clauseForm(number: "第\(i + 1)条", title: "条款\(i + 1)", kind: s.kind, condition: s.typed, fixed: "10")))
            }

            var api = Browser(app, bearer: f.tokens["office"])
            let counts = try await Self.apiCounts(&api)
            let policiesJSON = try await api.get("/api/v1/policies")
            let listed = try Self.jsonArray(policiesJSON).first { $0["id"] as? Int == policyId }
            let conditions = Dictionary(uniqueKeysWithValues: ((listed?["clauses"] as? [[String: Any]]) ?? []).compactMap { c in
                (c["id"] as? Int).map { ($0, c["condition"] as? String ?? "") }
            })
            for (i, s) in specs.enumerated() {
                let id = clauseIds[i]
                let expected = Set(gen.filter(s.expected).map(\.id))
                #expect(!expected.isEmpty && expected.count < gen.count, "clause \(i + 1): a trivial set (\(expected.count))")
                #expect(conditions[id] == s.canonical, "clause \(i + 1) saved as \(conditions[id] ?? "nothing")")
                let matches = try await api.get("/api/v1/clauses/\(id)/matches")
                #expect(matches.status == .ok)
                let got = Self.enterpriseIds(try matches.json()["qualifying"])
                #expect(got == expected, "clause \(i + 1): product only \(got.subtracting(expected).sorted()), test only \(expected.subtracting(got).sorted())")
                #expect(counts[id] == expected.count, "clause \(i + 1): listed \(counts[id] ?? -1), expected \(expected.count)")
                if i == 1 || i == 2 {
                    let short = i == 1 ? k2Short : k3Short
                    let expectedNear = Set(gen.filter { short($0) == 1 }.map(\.id))
                    #expect(!expectedNear.isEmpty)
                    #expect(Self.enterpriseIds(try matches.json()["near"]) == expectedNear, "clause \(i + 1): the one-short firms differ")
                }
            }
            // The sets tell the readings apart: some firms qualify for clause 5 only through its 且 branch, and some
            // 高企 among them are not 规上 (so "(高企 或 专利) 且 规上" would differ); clause 1 takes firms through either side of its 或.
            #expect(gen.contains { k5($0) && !valid($0.hnte) } && gen.contains { k5($0) && valid($0.hnte) && $0.y2025?.aboveScale != true })
            #expect(gen.contains { k1($0) && ($0.y2025?.revenue ?? 0) < 3000 } && gen.contains { k1($0) && ($0.y2025?.revenue ?? 0) >= 3000 })

            // The clause page agrees with the API.
            let page = try await office.get("/clauses/\(clauseIds[4])")
            #expect(page.text.contains("符合条件的企业（\(gen.filter(k5).count)家"))
            #expect(Self.firmIds(Self.qualifyingPart(page)) == Set(gen.filter(k5).map(\.id)))
        }
    }

    // MARK: 4. Redemptions and the budget

    // Clause 高企, fixed 50万元, budget 80万元: 华芯, 远航 and 星河 (高企 on 2025-12-31) apply.
    // Approve 华芯 50 → 30 left; 远航 50 is over (50 + 50 > 80); 远航 30 fits exactly; 华芯 paid 40 → 40 + 30 = 70 held, 10 left.
    @Test("兑现：审核金额合计超出预算被拒并提示剩余预算；兑现超过审核金额、驳回无理由、未审核先兑现、版本过期均被拒且不改动；合规的审核→兑现后条款页显示已用预算", arguments: TestDB.all)
    func redemptions(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let r = try await Self.registry(app, f)
            var office = Browser(app)
            _ = try await office.login("office")
            let policyId = try await office.addPolicy("高新技术企业培育政策")
            let clauseId = try await office.addClause(policy: policyId, Self.clauseForm(number: "第五条", title: "高企认定奖励", condition: "高企", fixed: "50", budget: "80"))

            _ = try await office.get("/clauses/\(clauseId)")
            for (firm, amount) in [(r.a, "50"), (r.b, "50"), (r.c, "")] {
                #expect(try await office.post("/clauses/\(clauseId)/redemptions", [("enterpriseId", String(firm)), ("amount", amount)]).status == .seeOther)
            }
            let claims = Dictionary(uniqueKeysWithValues: try await app.store.redemptions(zoneId: f.zoneId, clauseId: clauseId).map { ($0.redemption.enterpriseId, $0.redemption.id) })
            let claimA = try #require(claims[r.a]), claimB = try #require(claims[r.b]), claimC = try #require(claims[r.c])
            func claim(_ id: Int) async throws -> StoredRedemption {
                try #require(try await app.store.redemptions(zoneId: f.zoneId, clauseId: clauseId).first(where: { $0.redemption.id == id }))
            }
            func act(_ id: Int, _ fields: [(String, String)]) async throws -> TestingHTTPResponse {
                try await office.post("/redemptions/\(id)/act", fields)
            }

            #expect(try await act(claimA, [("version", "1"), ("action", "approve"), ("amount", "50")]).status == .seeOther)
            let over = try await act(claimB, [("version", "1"), ("action", "approve"), ("amount", "50")])
            #expect(over.status == .unprocessableEntity && over.text.contains("超出预算：本条款预算80万元，已审核通过50万元，剩余30万元"), "\(Self.errors(over))")
            var b = try await claim(claimB)
            #expect(b.version == 1 && b.redemption.status == .applied && b.redemption.approvedAmount == nil)

            let overpaid = try await act(claimA, [("version", "2"), ("action", "pay"), ("amount", "60")])
            #expect(overpaid.status == .unprocessableEntity && overpaid.text.contains("兑现金额（60万元）不能超过审核通过金额（50万元）"))
            var a = try await claim(claimA)
            #expect(a.version == 2 && a.redemption.status == .approved && a.redemption.paidAmount == nil)

            let noReason = try await act(claimB, [("version", "1"), ("action", "reject"), ("reason", "  ")])
            #expect(noReason.status == .unprocessableEntity && noReason.text.contains("驳回须填写理由"))
            let payFirst = try await act(claimB, [("version", "1"), ("action", "pay"), ("amount", "10")])
            #expect(payFirst.status == .unprocessableEntity && payFirst.text.contains("该申报尚未审核通过，不能兑现"))
            b = try await claim(claimB)
            #expect(b.version == 1 && b.redemption.status == .applied && b.redemption.rejectionReason == nil && b.redemption.paidAmount == nil)

            // The legal path; a rejected claim holds nothing of the budget.
            #expect(try await act(claimC, [("version", "1"), ("action", "reject"), ("reason", "研发费用未经审计")]).status == .seeOther)
            #expect(try await act(claimB, [("version", "1"), ("action", "approve"), ("amount", "30")]).status == .seeOther)
            #expect(try await act(claimA, [("version", "2"), ("action", "pay"), ("amount", "40")]).status == .seeOther)
            let stale = try await act(claimA, [("version", "2"), ("action", "pay"), ("amount", "40")])
            #expect(stale.status == .conflict && stale.text.contains("该申报已被他人办理，未做改动"))

            a = try await claim(claimA); b = try await claim(claimB)
            let c = try await claim(claimC)
            #expect(a.version == 3 && a.redemption.status == .paid && a.redemption.approvedAmount == 50 && a.redemption.paidAmount == 40 && a.redemption.paidOn == testToday)
            #expect(b.version == 2 && b.redemption.status == .approved && b.redemption.approvedAmount == 30)
            #expect(c.redemption.status == .rejected && c.redemption.rejectionReason == "研发费用未经审计")

            let page = try await office.get("/clauses/\(clauseId)")
            #expect(page.text.contains("80万元，已审核/兑现70万元，剩余10万元"))
            let claimsPart = Self.section(page.text, from: "申报与兑现</h2>", to: "修改条款")
            #expect(claimsPart.contains("已兑现") && claimsPart.contains("50 / 50 / 40") && claimsPart.contains("50 / 30 / —") && claimsPart.contains("驳回：研发费用未经审计"))
            // Every step taken is audited (three claims, four moves); the refused ones left no line.
            #expect(try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "redemption")).total == 7)
        }
    }

    // MARK: 5. The firm's own view

    // 华芯 (linked to the fixture's enterprise account) under three 2025 clauses: 研发费用补助 (qualifies, 5万元 after the
    // cap), 规上 且 从业人数 < 100 (80人, 规上: qualifies, 定额 20万元), 发明专利 >= 1 (0件: one short).
    @Test("企业账号只看本企业的可享政策（含测算金额与所差条件），他企页面404，政策与条款页403；API同样", arguments: TestDB.all)
    func enterpriseScope(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let r = try await Self.registry(app, f)
            let user = try #require(try await app.store.users(zoneId: f.zoneId).first(where: { $0.username == "enterprise" }))
            try await app.store.linkEnterpriseAccount(userId: user.id, enterpriseId: r.a, actor: Self.boot(f))
            var office = Browser(app)
            _ = try await office.login("office")
            let policyId = try await office.addPolicy("高新区促进科技创新若干政策")
            let rd = try await office.addClause(policy: policyId, Self.rdSubsidy())
            let scale = try await office.addClause(policy: policyId, Self.clauseForm(number: "第四条", title: "规上小微奖励", condition: "规上 且 从业人数 < 100", fixed: "20"))
            let patent = try await office.addClause(policy: policyId, Self.clauseForm(number: "第六条", title: "首件发明专利奖励", condition: "发明专利 >= 1", fixed: "10"))

            var ent = Browser(app)
            _ = try await ent.login("enterprise")
            let own = try await ent.get("/enterprises/\(r.a)/policies")
            #expect(own.status == .ok)
            #expect(own.text.contains("华芯微电子有限公司：可享政策") && own.text.contains("可享受（2项）") && own.text.contains("差一项条件（1项）"))
            let canHave = Self.section(own.text, from: "可享受（", to: "差一项条件（"), short = Self.section(own.text, from: "差一项条件（", to: "申报与兑现")
            #expect(canHave.contains("第三条 研发费用补助（补助）") && canHave.contains("研发费用 60万元 × 10% = 6万元，封顶 5万元 → 5万元"))
            #expect(canHave.contains("第四条 规上小微奖励（奖励）") && canHave.contains(Self.html("从业人数 80人 < 100人：满足")) && canHave.contains("定额 20万元"))
            #expect(short.contains("第六条 首件发明专利奖励") && short.contains("发明专利 0件 ≥ 1件：不满足，差 1件") && !canHave.contains("首件发明专利奖励"))
            // No way into the office's clause pages, nor other firms' names.
            #expect(!own.text.contains("href=\"/clauses/") && !own.text.contains(Registry.names[1]))

            #expect(try await ent.get("/enterprises/\(r.b)/policies").status == .notFound)
            #expect(try await ent.get("/policies").status == .forbidden)
            #expect(try await ent.get("/clauses/\(rd)").status == .forbidden)
            #expect(try await ent.get("/policies/\(policyId)").status == .forbidden)
            #expect(try await ent.get("/policies/conditions-help").status == .ok)
            _ = try await ent.get("/enterprises/\(r.a)/policies")
            #expect(try await ent.post("/clauses/\(rd)/redemptions", [("enterpriseId", String(r.a)), ("amount", "5")]).status == .forbidden)
            #expect(try await app.store.redemptions(zoneId: f.zoneId).isEmpty)

            var entApi = Browser(app, bearer: f.tokens["enterprise"])
            let mine = try await entApi.get("/api/v1/enterprises/\(r.a)/policies")
            #expect(mine.status == .ok)
            let body = try mine.json()
            let qualifying = (body["qualifying"] as? [[String: Any]]) ?? []
            var amounts: [Int: Double] = [:]
            for q in qualifying { if let id = q["clauseId"] as? Int, let amount = q["amount"] as? NSNumber { amounts[id] = amount.doubleValue } }
            #expect(qualifying.count == 2 && amounts == [rd: 5, scale: 20])
            let near = (body["near"] as? [[String: Any]]) ?? []
            #expect(near.count == 1 && near.first?["clauseId"] as? Int == patent && near.first?["missing"] as? [String] == ["发明专利 0件 ≥ 1件：不满足，差 1件"])
            #expect(try await entApi.get("/api/v1/enterprises/\(r.b)/policies").status == .notFound)
            #expect(try await entApi.get("/api/v1/policies").status == .forbidden)
            #expect(try await entApi.get("/api/v1/clauses/\(rd)/matches").status == .forbidden)
            // The office does see 远航's page: the 404 above was the scope, not a missing firm (远航 qualifies for 研发费用补助).
            var officeApi = Browser(app, bearer: f.tokens["office"])
            let theirs = try await officeApi.get("/api/v1/enterprises/\(r.b)/policies")
            let theirIds = ((try theirs.json()["qualifying"] as? [[String: Any]]) ?? []).compactMap { $0["clauseId"] as? Int }
            // 远航 has one 发明专利, so 首件发明专利奖励 too; 150人 and not 规上 keep it off 规上小微奖励.
            #expect(theirs.status == .ok && Set(theirIds) == [rd, patent])
        }
    }

    // MARK: 6. Press releases

    @Test("政策新闻发布会：未选政策被拒（422）、同一政策选两次被拒；选两项政策后在发布会列表和政策页可见", arguments: TestDB.all)
    func pressRelease(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var office = Browser(app)
            _ = try await office.login("office")
            let first = try await office.addPolicy("高新区促进科技创新若干政策"), second = try await office.addPolicy("高新区人才引进十条")
            let base = [("title", "2026年科技创新政策新闻发布会"), ("heldOn", "2026-03-20"), ("place", "管委会三楼报告厅"), ("summary", "发布两项政策")]

            _ = try await office.get("/policies/press-releases")
            let none = try await office.post("/policies/press-releases", base)
            #expect(none.status == .unprocessableEntity && none.text.contains("请至少选择一项发布的政策"))
            let twice = try await office.post("/policies/press-releases", base + [("policyIds", String(first)), ("policyIds", String(first))])
            #expect(twice.status == .unprocessableEntity && twice.text.contains("同一政策选择了多次"))
            #expect(try await app.store.pressReleases(zoneId: f.zoneId).isEmpty)

            let saved = try await office.post("/policies/press-releases", base + [("policyIds", String(first)), ("policyIds", String(second))])
            #expect(saved.status == .seeOther)
            let stored = try await app.store.pressReleases(zoneId: f.zoneId)
            #expect(stored.count == 1 && Set(stored.first?.policyIds ?? []) == [first, second] && stored.first?.heldOn == Day(iso: "2026-03-20"))

            let list = try await office.get("/policies/press-releases")
            #expect(list.text.contains("2026年科技创新政策新闻发布会") && list.text.contains("管委会三楼报告厅"))
            #expect(list.text.contains("href=\"/policies/\(first)\">高新区促进科技创新若干政策</a>") && list.text.contains("href=\"/policies/\(second)\">高新区人才引进十条</a>"))
            for p in [first, second] {
                #expect(try await office.get("/policies/\(p)").text.contains("2026-03-20 2026年科技创新政策新闻发布会（管委会三楼报告厅）"))
            }
            #expect(try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "press_release")).total == 1)
        }
    }

    // MARK: 7. The cache follows the data

    // 研发费用补助 on 2025 starts with 华芯 and 远航 qualifying. Then: 星河's 研发 60 → 120 (4%) makes it qualify;
    // 华芯's 营收 2000 → 1999 leaves it with 60/1999 ≈ 3.0015% but neither 营收 ≥ 2000 nor a patent: one short, 差 1万元;
    // 瑞科 gains a 高企 title (2025-06-01 to 2028-05-31) and qualifies. So 远航, 星河, 瑞科.
    @Test("企业数据变更（数据版本递增）后，条款页、条款匹配API与政策列表计数随之更新", arguments: TestDB.all)
    func cacheFollowsData(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let r = try await Self.registry(app, f)
            let store = app.store, boot = Self.boot(f)
            var office = Browser(app)
            _ = try await office.login("office")
            let policyId = try await office.addPolicy("高新区促进科技创新若干政策")
            let clauseId = try await office.addClause(policy: policyId, Self.rdSubsidy())
            var api = Browser(app, bearer: f.tokens["office"])

            let before = try await office.get("/clauses/\(clauseId)")
            #expect(Self.firmIds(Self.qualifyingPart(before)) == [r.a, r.b])
            let matchesBefore = try await api.get("/api/v1/clauses/\(clauseId)/matches")
            #expect(Self.enterpriseIds(try matchesBefore.json()["qualifying"]) == [r.a, r.b])
            let countsBefore = try await Self.apiCounts(&api)
            #expect(countsBefore[clauseId] == 2)
            // Asked again with nothing changed: the same answer.
            let again = try await office.get("/clauses/\(clauseId)")
            #expect(Self.firmIds(Self.qualifyingPart(again)) == [r.a, r.b])

            let version = try await store.dataVersion(zoneId: f.zoneId)
            try await store.setEnterpriseYear(enterpriseId: r.c, EnterpriseYear(year: 2025, revenue: 3000, rdExpense: 120, employees: 200, aboveScale: true, inventionPatents: 0), actor: boot)
            try await store.setEnterpriseYear(enterpriseId: r.a, EnterpriseYear(year: 2025, revenue: 1999, rdExpense: 60, employees: 80, aboveScale: true, inventionPatents: 0), actor: boot)
            try await store.addTier(enterpriseId: r.d, EnterpriseTier(kind: .hnte, certificate: "GR2025", grantedOn: Day(iso: "2025-06-01")!, expiresOn: Day(iso: "2028-05-31")!), actor: boot)
            #expect(try await store.dataVersion(zoneId: f.zoneId) > version)

            let after = try await office.get("/clauses/\(clauseId)")
            #expect(after.text.contains("符合条件的企业（3家"))
            #expect(Self.firmIds(Self.qualifyingPart(after)) == [r.b, r.c, r.d])
            #expect(Self.row(Self.qualifyingPart(after), firm: r.c).contains("研发费用占比 4% ≥ 3%：满足"))
            #expect(Self.row(Self.nearPart(after), firm: r.a).contains("营业收入 1999万元 ≥ 2000万元：不满足，差 1万元"))
            let matchesAfter = try await api.get("/api/v1/clauses/\(clauseId)/matches")
            #expect(Self.enterpriseIds(try matchesAfter.json()["qualifying"]) == [r.b, r.c, r.d])
            let countsAfter = try await Self.apiCounts(&api)
            #expect(countsAfter[clauseId] == 3)
            #expect(try await office.get("/policies/\(policyId)").text.contains(">3家<"))
        }
    }
}
