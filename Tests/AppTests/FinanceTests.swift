@testable import App
import Domain
import Foundation
import Persistence
import Testing
import Vapor
import VaporTesting

/// A need as a test made it, tracked by the test itself (never read back from the product) for the independent month table.
private struct MadeNeed {
    let filed: Day
    let asked: Double
    var matched: Day?
    var status: FinancingStatus = .open
    var granted: Double?
    var grantedOn: Day?
    var declinedOn: Day?
    init(filed: Day, asked: Double) { self.filed = filed; self.asked = asked }
}

private struct MadeMeasure {
    let day: Day
    let amount: Double
}

private func day(_ iso: String) -> Day { Day(iso: iso)! }

@Suite("金融助企纾困：融资需求登记、产品匹配、银企对接、放款与未获贷，纾困措施，月度统计")
struct FinanceTests {
    static func boot(_ f: Fixture) -> Actor {
        Actor(userId: 0, username: "fixture", displayName: "督查室", zoneId: f.zoneId, unitId: nil, roles: [.office])
    }

    static func code(_ first17: String) -> String { first17 + String(CreditCode.checkCharacter(first17)!) }

    /// A registered firm of the fixture's zone.
    static func firm(_ app: Application, _ f: Fixture, name: String = "华芯微电子有限公司", first17: String = "91440300708461136") async throws -> (id: Int, code: String) {
        let code = Self.code(first17)
        var d = EnterpriseDraft(); d.creditCode = code; d.name = name
        return (try await app.store.createEnterprise(d, today: testToday, actor: boot(f)), code)
    }

    static func needId(_ res: TestingHTTPResponse) throws -> Int {
        let location = try #require(res.headers.first(name: .location), "\(res.status) \(res.text.prefix(300))")
        let path = location.split(separator: "?")[0]
        #expect(path.hasPrefix("/finance/needs/"))
        return try #require(Int(path.split(separator: "/").last ?? ""), "\(location)")
    }

    static func needForm(_ code: String, amount: String = "300", purpose: String = "采购原材料，保障二季度订单交付", urgency: String = "urgent",
                         term: String = "24", filedOn: String = "2026-05-20") -> [(String, String)] {
        [("creditCode", code), ("amountWan", amount), ("purpose", purpose), ("urgency", urgency), ("termMonths", term), ("filedOn", filedOn)]
    }

    // MARK: 1. The loop through the forms

    @Test("表单登记融资需求（按信用代码选企业）→匹配产品及理由→银企对接→放款；办结后不能再办理；权限、分区与审计", arguments: TestDB.all)
    func loop(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let firm = try await Self.firm(app, f)
            var office = Browser(app)
            _ = try await office.login("office")

            // A product in the library.
            _ = try await office.get("/finance/products")
            let added = try await office.post("/finance/products", [("bank", "工商银行高新支行"), ("name", "科技贷"), ("minAmountWan", "50"), ("maxAmountWan", "1000"),
                                                                    ("maxTermMonths", "36"), ("approvalWorkdays", "10"), ("annualRatePercent", "3.45")])
            #expect(added.status == .seeOther)
            let product = try #require(try await app.store.bankProducts(zoneId: f.zoneId).first)
            #expect(product.bank == "工商银行高新支行" && product.name == "科技贷" && product.maxAmountWan == 1000 && product.approvalWorkdays == 10)
            #expect(try await office.get("/finance/products").text.contains("科技贷"))

            // The form offers the registry's firms; the code may be typed in lower case.
            let form = try await office.get("/finance/needs/new")
            #expect(form.status == .ok && form.text.contains(firm.code) && form.text.contains("华芯微电子有限公司"))
            let filed = try await office.post("/finance/needs/new", Self.needForm(firm.code.lowercased()))
            #expect(filed.status == .seeOther)
            let id = try Self.needId(filed)
            var n = try await app.store.financingNeed(id: id, zoneId: f.zoneId)
            #expect(n.enterpriseId == firm.id && n.amountWan == 300 && n.purpose == "采购原材料，保障二季度订单交付" && n.urgency == .urgent)
            #expect(n.termMonths == 24 && n.filedOn == day("2026-05-20") && n.status == .open && n.matches.isEmpty && n.version == 1)

            // The page: the product fits, with its reasons and score (60 for the amount + 20 for approval within 10 working days).
            let page = try await office.get("/finance/needs/\(id)")
            #expect(page.status == .ok && page.text.contains("工商银行高新支行·科技贷") && page.text.contains("80分"))
            #expect(page.text.contains("额度50—1000万元，可全额满足300万元需求") && page.text.contains("审批约10个工作日，满足“紧急”需求（10个工作日内）"))
            #expect(page.text.contains("已等待26天"))

            // No loan before a bank is matched.
            let early = try await office.post("/finance/needs/\(id)/act", [("version", "1"), ("action", "grant"), ("amountWan", "300"), ("day", "2026-06-10")])
            #expect(early.status == .unprocessableEntity && early.text.contains("融资需求尚未对接银行，请先登记银企对接再登记放款"))
            #expect(try await app.store.financingNeed(id: id, zoneId: f.zoneId).version == 1)

            // 对接: the product picked from the library.
            let matched = try await office.post("/finance/needs/\(id)/act", [("version", "1"), ("action", "match"), ("productId", String(product.id)),
                                                                             ("matchBank", ""), ("matchProduct", "")])
            #expect(matched.status == .seeOther)
            n = try await app.store.financingNeed(id: id, zoneId: f.zoneId)
            #expect(n.status == .matched && n.matches == [FinanceMatch(bank: "工商银行高新支行", product: "科技贷")] && n.matchedOn == testToday && n.version == 2)

            // 放款: the only matched bank lends when none is named.
            let granted = try await office.post("/finance/needs/\(id)/act", [("version", "2"), ("action", "grant"), ("amountWan", "280"), ("day", "2026-06-10"), ("bank", "")])
            #expect(granted.status == .seeOther)
            n = try await app.store.financingNeed(id: id, zoneId: f.zoneId)
            #expect(n.status == .granted && n.grantedWan == 280 && n.grantedOn == day("2026-06-10") && n.grantedBank == "工商银行高新支行" && n.version == 3)

            // A granted need is final.
            let again = try await office.post("/finance/needs/\(id)/act", [("version", "3"), ("action", "decline"), ("text", "企业撤回")])
            #expect(again.status == .unprocessableEntity && again.text.contains("融资需求当前状态“已放款”不能执行“登记未获贷”"))
            let done = try await office.get("/finance/needs/\(id)")
            #expect(done.text.contains("已放款") && !done.text.contains("name=\"action\""))
            #expect(try await app.store.financingNeed(id: id, zoneId: f.zoneId) == n)

            // The overview lists it among the decided ones.
            let overview = try await office.get("/finance")
            #expect(overview.status == .ok && overview.text.contains("近期办结") && overview.text.contains("/finance/needs/\(id)"))

            // Who may do what: a reporter reads but does not record; a firm's account sees nothing; another zone finds nothing.
            var reporter = Browser(app)
            _ = try await reporter.login("reporter")
            #expect(try await reporter.get("/finance").status == .ok)
            #expect(try await reporter.get("/finance/needs/\(id)").status == .ok)
            #expect(try await reporter.post("/finance/needs/new", Self.needForm(firm.code)).status == .forbidden)
            var ent = Browser(app)
            _ = try await ent.login("enterprise")
            #expect(try await ent.get("/finance").status == .forbidden)
            var foreign = Browser(app)
            _ = try await foreign.login("office2")
            #expect(try await foreign.get("/finance/needs/\(id)").status == .notFound)
            #expect(try await app.store.financingNeeds(zoneId: f.zoneId).count == 1)

            // Every change is in the audit log, by the one who made it.
            let audit = try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "financing_need", entityId: id)).entries.reversed()
            #expect(audit.map(\.action) == [.create, .update, .update])
            #expect(audit.map(\.username) == ["office", "office", "office"])
            #expect(try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "bank_product")).total == 1)
        }
    }

    // MARK: 2. Bad input

    @Test("坏输入：金额为0、负数或文字，信用代码有误或未入库，放款早于提出日、超过需求两倍，未获贷不写原因……一律422并说明原因，什么也不保存", arguments: TestDB.all)
    func badInput(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let firm = try await Self.firm(app, f)
            var office = Browser(app)
            _ = try await office.login("office")
            _ = try await office.get("/finance/needs/new")
            let good = Self.needForm(firm.code, amount: "100", filedOn: "2026-05-01")
            func with(_ k: String, _ v: String) -> [(String, String)] { good.map { $0.0 == k ? (k, v) : $0 } }
            let needCases: [([(String, String)], String)] = [
                (with("amountWan", "0"), "融资金额须大于0（万元）"),
                (with("amountWan", "-5"), "融资金额须大于0（万元）"),
                (with("amountWan", "三百万"), "融资金额须为数字（万元）"),
                (with("amountWan", ""), "请填写融资金额（万元）"),
                (with("creditCode", Self.code("91110000MA01ABCD0")), "不在本区企业库中"),
                (with("creditCode", "12345"), "统一社会信用代码应为18位"),
                (with("creditCode", ""), "请填写企业的统一社会信用代码"),
                (with("purpose", ""), "请填写资金用途"),
                (with("urgency", "soon"), "请选择紧急程度"),
                (with("termMonths", "两年"), "期望期限须为整数（月）"),
                (with("termMonths", "400"), "期望期限须为1到360个月"),
                (with("filedOn", "2026-07-01"), "提出日期不能晚于今天"),
                (with("filedOn", "2026/05/01"), "提出日期格式应为YYYY-MM-DD"),
            ]
            for (fields, message) in needCases {
                let res = try await office.post("/finance/needs/new", fields)
                #expect(res.status == .unprocessableEntity && res.text.contains(message), "\(fields) → \(res.status)")
            }
            #expect(try await app.store.financingNeeds(zoneId: f.zoneId).isEmpty)
            #expect(try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "financing_need")).total == 0)

            // A good need, matched with a bank typed in.
            let filed = try await office.post("/finance/needs/new", good)
            let id = try Self.needId(filed)
            _ = try await office.get("/finance/needs/\(id)")
            let matched = try await office.post("/finance/needs/\(id)/act", [("version", "1"), ("action", "match"), ("matchBank", "建设银行高新支行"), ("matchProduct", "善新贷")])
            #expect(matched.status == .seeOther)
            let before = try await app.store.financingNeed(id: id, zoneId: f.zoneId)
            #expect(before.status == .matched && before.matches == [FinanceMatch(bank: "建设银行高新支行", product: "善新贷")])

            let actCases: [([(String, String)], String)] = [
                ([("action", "grant"), ("amountWan", "80"), ("day", "2026-04-30")], "放款日期不能早于需求提出日期2026-05-01"),
                ([("action", "grant"), ("amountWan", "80"), ("day", "2026-06-16")], "放款日期不能晚于今天"),
                ([("action", "grant"), ("amountWan", "200.01"), ("day", "2026-06-01")], "放款金额200.01万元超过需求金额100万元的2倍"),
                ([("action", "grant"), ("amountWan", "0"), ("day", "2026-06-01")], "请填写放款金额（万元，大于0）"),
                ([("action", "grant"), ("amountWan", "-10"), ("day", "2026-06-01")], "请填写放款金额（万元，大于0）"),
                ([("action", "grant"), ("amountWan", "八十"), ("day", "2026-06-01")], "放款金额须为数字（万元）"),
                ([("action", "grant"), ("amountWan", "80"), ("day", "六月一日")], "放款日期格式应为YYYY-MM-DD"),
                ([("action", "decline"), ("text", "  ")], "请写明未获贷原因"),
                ([("action", "match"), ("matchBank", "工商银行"), ("matchProduct", "")], "请填写工商银行对接的金融产品"),
                ([("action", "match")], "请至少填写一家对接银行及其金融产品"),
            ]
            for (fields, message) in actCases {
                let res = try await office.post("/finance/needs/\(id)/act", [("version", "2")] + fields)
                #expect(res.status == .unprocessableEntity && res.text.contains(message), "\(fields) → \(res.status)")
            }
            #expect(try await app.store.financingNeed(id: id, zoneId: f.zoneId) == before)
            #expect(try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "financing_need")).total == 2)

            // Relief measures and products.
            _ = try await office.get("/finance/relief")
            let measure: [(String, String)] = [("creditCode", firm.code), ("kind", "rateCut"), ("amountWan", "500"), ("day", "2026-06-01"),
                                               ("institution", "交通银行高新支行"), ("note", "")]
            func measureWith(_ k: String, _ v: String) -> [(String, String)] { measure.map { $0.0 == k ? (k, v) : $0 } }
            let reliefCases: [([(String, String)], String)] = [
                (measureWith("amountWan", "0"), "降息涉及贷款金额须大于0（万元）"),
                (measureWith("amountWan", "五百"), "降息涉及贷款金额须为数字（万元）"),
                (measureWith("kind", ""), "请选择纾困措施"),
                (measureWith("creditCode", Self.code("91110000MA01ABCD0")), "不在本区企业库中"),
                (measureWith("day", "2026-07-01"), "日期不能晚于今天"),
            ]
            for (fields, message) in reliefCases {
                let res = try await office.post("/finance/relief", fields)
                #expect(res.status == .unprocessableEntity && res.text.contains(message), "\(fields) → \(res.status)")
            }
            #expect(try await app.store.reliefMeasures(zoneId: f.zoneId).isEmpty)

            _ = try await office.get("/finance/products")
            let product: [(String, String)] = [("bank", "工商银行高新支行"), ("name", "科技贷"), ("minAmountWan", "50"), ("maxAmountWan", "1000"), ("maxTermMonths", "36")]
            func productWith(_ k: String, _ v: String) -> [(String, String)] { product.map { $0.0 == k ? (k, v) : $0 } }
            let productCases: [([(String, String)], String)] = [
                (productWith("maxAmountWan", "30"), "最高额度不能低于最低额度"),
                (productWith("maxAmountWan", "很多"), "最高额度须为数字（万元）"),
                (productWith("name", ""), "请填写产品名称"),
                (productWith("maxTermMonths", "0"), "最长期限须为1到360个月"),
            ]
            for (fields, message) in productCases {
                let res = try await office.post("/finance/products", fields)
                #expect(res.status == .unprocessableEntity && res.text.contains(message), "\(fields) → \(res.status)")
            }
            #expect(try await app.store.bankProducts(zoneId: f.zoneId).isEmpty)
            #expect(try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "relief_measure")).total == 0)
            #expect(try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "bank_product")).total == 0)
        }
    }

    // MARK: 3. Transitions and versions

    @Test("未对接不能放款；未获贷后不能再办理；过期版本409且不改动", arguments: TestDB.all)
    func transitionsAndVersions(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let firm = try await Self.firm(app, f)
            let n = try await app.store.fileFinancingNeed(FinancingNeed(id: 0, enterpriseId: firm.id, amountWan: 200, purpose: "订单备货", urgency: .normal,
                                                                        filedOn: day("2026-06-01")), actor: Self.boot(f), today: testToday)
            var office = Browser(app)
            _ = try await office.login("office")
            _ = try await office.get("/finance/needs/\(n.id)")
            let url = "/finance/needs/\(n.id)/act"
            let early = try await office.post(url, [("version", "1"), ("action", "grant"), ("amountWan", "200"), ("day", "2026-06-10"), ("bank", "工商银行")])
            #expect(early.status == .unprocessableEntity && early.text.contains("尚未对接银行"))
            #expect(try await office.post(url, [("version", "1"), ("action", "match"), ("matchBank", "工商银行"), ("matchProduct", "经营快贷")]).status == .seeOther)

            // Someone else's page, read at version 1, is refused whatever it asks.
            let stale = try await office.post(url, [("version", "1"), ("action", "match"), ("matchBank", "建设银行"), ("matchProduct", "善新贷")])
            #expect(stale.status == .conflict && stale.text.contains("融资需求已被他人更新，未做改动"))
            #expect(try await office.post(url, [("version", "1"), ("action", "decline"), ("text", "企业撤回")]).status == .conflict)
            var saved = try await app.store.financingNeed(id: n.id, zoneId: f.zoneId)
            #expect(saved.version == 2 && saved.status == .matched && saved.matches == [FinanceMatch(bank: "工商银行", product: "经营快贷")])

            // 未获贷 is final.
            #expect(try await office.post(url, [("version", "2"), ("action", "decline"), ("text", "银行审批未通过")]).status == .seeOther)
            saved = try await app.store.financingNeed(id: n.id, zoneId: f.zoneId)
            #expect(saved.status == .declined && saved.declineReason == "银行审批未通过" && saved.declinedOn == testToday && saved.version == 3)
            for fields in [[("action", "grant"), ("amountWan", "200"), ("day", "2026-06-10")], [("action", "match"), ("matchBank", "建设银行"), ("matchProduct", "善新贷")]] {
                let res = try await office.post(url, [("version", "3")] + fields)
                #expect(res.status == .unprocessableEntity && res.text.contains("融资需求当前状态“未获贷”不能执行"))
            }
            #expect(try await app.store.financingNeed(id: n.id, zoneId: f.zoneId) == saved)
            // The store refuses a stale version the same way.
            await #expect(throws: StoreError.conflict(entity: "financing_need", id: n.id, current: 3)) {
                _ = try await app.store.actOnFinancingNeed(id: n.id, version: 2, action: .match, step: .init(matches: [FinanceMatch(bank: "a", product: "b")]),
                                                           actor: Self.boot(f), today: testToday)
            }
            #expect(try await office.post("/finance/needs/999999/act", [("version", "1"), ("action", "match")]).status == .notFound)
            #expect(try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "financing_need", entityId: n.id)).total == 3)
        }
    }

    // MARK: 4. The month table

    /// 万元 as the page writes them, re-done here: at most two decimals, no trailing zeros.
    static func wan(_ x: Double) -> String {
        let r = (x * 100).rounded() / 100
        if r == r.rounded() { return String(Int(r)) }
        var s = String(format: "%.2f", r)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    /// The row of the month table for `month` (nil: the year), from the needs and measures as the test made them, by the
    /// definitions of FinanceFigures' doc comment: each need counted in the month of its own filing, first match and decision.
    private static func expectedRow(year: Int, month: Int?, needs: [MadeNeed], measures: [MadeMeasure]) -> String {
        func inPeriod(_ d: Day?) -> Bool {
            guard let d, d.year == year else { return false }
            return month == nil || d.month == month
        }
        var filed = 0, asked = 0.0, matched = 0, granted = 0, grantedWan = 0.0, declined = 0, decidedAsked = 0.0, satisfied = 0.0
        for n in needs {
            if inPeriod(n.filed) { filed += 1; asked += n.asked }
            if inPeriod(n.matched) { matched += 1 }
            if n.status == .granted, inPeriod(n.grantedOn) {
                granted += 1; grantedWan += n.granted!; decidedAsked += n.asked; satisfied += min(n.granted!, n.asked)
            }
            if n.status == .declined, inPeriod(n.declinedOn) { declined += 1; decidedAsked += n.asked }
        }
        var count = 0, measureWan = 0.0
        for m in measures where inPeriod(m.day) { count += 1; measureWan += m.amount }
        let rate = decidedAsked > 0 ? String(format: "%.1f%%", satisfied / decidedAsked * 100) : "—"
        let cells = [month.map { "\($0)月" } ?? "全年", String(filed), wan(asked), String(matched), String(granted), wan(grantedWan), String(declined), rate,
                     String(count), wan(measureWan)]
        return "<tr>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>"
    }

    @Test("月度统计表（含全年）与按口径独立计算的结果逐格一致；跨年的需求各按其日期计入；待办需求按紧急程度和等待时间排列", arguments: TestDB.all)
    func monthTable(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let a = try await Self.firm(app, f)
            let b = try await Self.firm(app, f, name: "远航新材料有限公司", first17: "91330100MA27XK8J0")
            let store = app.store, boot = Self.boot(f)
            var needs: [MadeNeed] = []
            var audited = 0

            /// Files a need on its day and takes its steps, each on its own day; records the same in `needs`.
            func make(_ firm: Int, filed: String, asked: Double, urgency: FinancingUrgency = .normal, purpose: String = "流动资金",
                      match: String? = nil, grant: (Double, String)? = nil, decline: String? = nil) async throws {
                var made = MadeNeed(filed: day(filed), asked: asked)
                var n = try await store.fileFinancingNeed(FinancingNeed(id: 0, enterpriseId: firm, amountWan: asked, purpose: purpose, urgency: urgency,
                                                                        filedOn: day(filed)), actor: boot, today: day(filed))
                audited += 1
                if let match {
                    n = try await store.actOnFinancingNeed(id: n.id, version: n.version, action: .match,
                                                           step: .init(matches: [FinanceMatch(bank: "工商银行高新支行", product: "科技贷")]), actor: boot, today: day(match))
                    made.matched = day(match); made.status = .matched; audited += 1
                }
                if let grant {
                    n = try await store.actOnFinancingNeed(id: n.id, version: n.version, action: .grant, step: .init(amountWan: grant.0, day: day(grant.1)),
                                                           actor: boot, today: day(grant.1))
                    made.status = .granted; made.granted = grant.0; made.grantedOn = day(grant.1); audited += 1
                }
                if let decline {
                    n = try await store.actOnFinancingNeed(id: n.id, version: n.version, action: .decline, step: .init(text: "企业撤回"), actor: boot, today: day(decline))
                    made.status = .declined; made.declinedOn = day(decline); audited += 1
                }
                needs.append(made)
            }
            try await make(a.id, filed: "2026-01-10", asked: 100, match: "2026-01-15", grant: (120, "2026-02-03"))
            try await make(b.id, filed: "2026-01-20", asked: 300, match: "2026-02-01", grant: (200, "2026-03-05"))
            try await make(a.id, filed: "2026-02-14", asked: 50, decline: "2026-02-20")
            try await make(b.id, filed: "2026-03-01", asked: 500, match: "2026-03-10", decline: "2026-04-02")
            try await make(a.id, filed: "2026-03-18", asked: 80, match: "2026-03-20", grant: (80, "2026-03-28"))
            try await make(b.id, filed: "2026-04-05", asked: 1000, urgency: .normal, purpose: "新产线设备购置", match: "2026-04-08")
            try await make(a.id, filed: "2026-05-12", asked: 250, urgency: .critical, purpose: "到期贷款续接")
            try await make(b.id, filed: "2025-12-20", asked: 400, match: "2026-01-05", grant: (400, "2026-01-25"))
            try await make(a.id, filed: "2026-06-01", asked: 60.5, match: "2026-06-03", grant: (60.25, "2026-06-10"))
            try await make(b.id, filed: "2025-03-01", asked: 300, match: "2025-03-05", grant: (300, "2025-04-01"))

            // Relief measures through the form, one of them last year.
            var office = Browser(app)
            _ = try await office.login("office")
            _ = try await office.get("/finance/relief")
            let measures: [(String, Double, String, String)] = [("deferredPrincipal", 500, "2026-01-15", a.code), ("interestSubsidy", 12.5, "2026-03-08", b.code), ("rateCut", 800, "2026-03-30", a.code),
                            ("guaranteeFeeWaiver", 3, "2026-06-02", b.code), ("renewalWithoutRepayment", 700, "2025-11-01", a.code)]
            for m in measures {
                let res = try await office.post("/finance/relief", [("creditCode", m.3), ("kind", m.0), ("amountWan", formatNumber(m.1)), ("day", m.2),
                                                                    ("institution", "工商银行高新支行"), ("note", "")])
                #expect(res.status == .seeOther, "\(m) → \(res.status) \(res.text.prefix(300))")
            }
            let made = measures.map { MadeMeasure(day: day($0.2), amount: $0.1) }
            let relief = try await office.get("/finance/relief?year=2026")
            #expect(relief.text.contains("全年4项，涉及1315.5万元。"))

            for year in [2025, 2026] {
                let page = try await office.get("/finance?year=\(year)")
                #expect(page.status == .ok && page.text.contains("<svg class=\"chart\""))
                for month in Array(1...12).map(Optional.some) + [nil] {
                    let row = Self.expectedRow(year: year, month: month, needs: needs, measures: made)
                    #expect(page.text.contains(row), "\(year)年\(month.map { "\($0)月" } ?? "全年")：\(row)")
                }
            }
            // Spot checks of the independent figures themselves (so a shared mistake would show): February's 满足率 is
            // 100 (120 capped at 100) over 150 asked (100 granted + 50 declined); the year's 840.25 over 1490.5.
            #expect(Self.expectedRow(year: 2026, month: 2, needs: needs, measures: made)
                    == "<tr><td>2月</td><td>1</td><td>50</td><td>1</td><td>1</td><td>120</td><td>1</td><td>66.7%</td><td>0</td><td>0</td></tr>")
            #expect(Self.expectedRow(year: 2026, month: nil, needs: needs, measures: made).contains("<td>56.4%</td>"))

            // The open needs: the 特急 one first, then by age.
            let page = try await office.get("/finance")
            let critical = try #require(page.text.range(of: "到期贷款续接"))
            let normal = try #require(page.text.range(of: "新产线设备购置"))
            #expect(critical.lowerBound < normal.lowerBound)
            #expect(page.text.contains(">34天</td>") && page.text.contains(">71天</td>"))

            #expect(try await store.auditEntries(zoneId: f.zoneId, .init(entityType: "financing_need")).total == audited)
            #expect(try await store.auditEntries(zoneId: f.zoneId, .init(entityType: "relief_measure")).total == measures.count)
        }
    }
}
