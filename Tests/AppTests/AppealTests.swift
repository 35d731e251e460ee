@testable import App
import Domain
import Foundation
import Persistence
import Testing
import Vapor
import VaporTesting

/// An appeal as a test made it, tracked by the test itself (never read back from the product) for the independent count.
private struct Made {
    let id: Int
    let received: Day
    let category: AppealCategory
    var lead: Int?
    var status: AppealStatus = .received
    var assigned: Day?
    var answered: Day?
    var closed: Day?
    var satisfaction: Satisfaction?
    var reopens = 0
    var version = 1
    init(id: Int, received: Day, category: AppealCategory) { self.id = id; self.received = received; self.category = category }
}

@Suite("企业诉求：受理、分派、办理、答复、企业评价的闭环，时限、自动督办与统计")
struct AppealTests {
    /// Two registered firms, the fixture's enterprise account linked to the first, a second enterprise account (bearer)
    /// linked to the second, and a reporter of unit B.
    struct Firms {
        var first = 0, second = 0
        let firstName = "华芯微电子有限公司", firstCode = "91440300708461136T"
        let secondName = "远航新材料有限公司"
        var secondCode = ""
        var secondToken = ""
    }

    static func boot(_ f: Fixture) -> Actor {
        Actor(userId: 0, username: "fixture", displayName: "督查室", zoneId: f.zoneId, unitId: nil, roles: [.office])
    }

    static func code(_ first17: String) -> String { first17 + String(CreditCode.checkCharacter(first17)!) }

    static func firms(_ app: Application, _ f: Fixture) async throws -> Firms {
        let store = app.store, boot = Self.boot(f)
        var firms = Firms()
        firms.secondCode = code("91330100MA27XK8J0")
        var d = EnterpriseDraft(); d.creditCode = firms.firstCode; d.name = firms.firstName
        firms.first = try await store.createEnterprise(d, today: testToday, actor: boot)
        d.creditCode = firms.secondCode; d.name = firms.secondName
        firms.second = try await store.createEnterprise(d, today: testToday, actor: boot)
        let enterpriseUser = try #require(try await store.users(zoneId: f.zoneId).first(where: { $0.username == "enterprise" }))
        try await store.linkEnterpriseAccount(userId: enterpriseUser.id, enterpriseId: firms.first, actor: boot)
        let hash = try await app.password.async.hash(Fixture.password)
        let other = try await store.createUser(zoneId: f.zoneId, UserDraft(username: "enterprise2", displayName: "远航新材料"), roles: [.enterprise],
                                               passwordHash: hash, actor: nil)
        try await store.linkEnterpriseAccount(userId: other.id, enterpriseId: firms.second, actor: boot)
        firms.secondToken = Secrets.random()
        _ = try await store.createApiToken(userId: other.id, zoneId: f.zoneId, name: "test", tokenHash: Secrets.hash(firms.secondToken),
                                           actor: Actor(userId: other.id, username: "enterprise2", displayName: "远航新材料", zoneId: f.zoneId, unitId: nil,
                                                        roles: [.enterprise], enterpriseId: firms.second))
        _ = try await store.createUser(zoneId: f.zoneId, UserDraft(unitId: f.unitB, username: "reporterb", displayName: "reporterb"),
                                       roles: [.reporter], passwordHash: hash, actor: nil)
        return firms
    }

    static func appealId(_ res: TestingHTTPResponse) throws -> Int {
        let location = try #require(res.headers.first(name: .location), "\(res.status) \(res.text.prefix(300))")
        let path = location.split(separator: "?")[0]
        return try #require(Int(path.split(separator: "/").last ?? ""), "\(location)")
    }

    /// The part of an appeal page from its 办理过程 heading on.
    static func steps(_ page: TestingHTTPResponse) -> String {
        page.text.range(of: "办理过程").map { String(page.text[$0.upperBound...]) } ?? ""
    }

    static func appealForm(title: String, phone: String = "138-0013-8000", category: AppealCategory = .utilities) -> [(String, String)] {
        [("contactName", "王经理"), ("contactPhone", phone), ("category", category.rawValue), ("title", title),
         ("description", "厂区二期投产在即，双回路供电申请提交两个月仍未接入。")]
    }

    // MARK: 1. The loop

    @Test("企业账号提出诉求（企业固定为本企业）→分派主办与协办→签收→答复→企业评“基本满意”办结；页面逐步可见，审计逐步留痕", arguments: TestDB.all)
    func wholeLoop(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let firms = try await Self.firms(app, f)
            var ent = Browser(app), office = Browser(app), unit = Browser(app), coUnit = Browser(app)
            _ = try await ent.login("enterprise"); _ = try await office.login("office"); _ = try await unit.login("reporter"); _ = try await coUnit.login("reporterb")

            // The form shows the account's own firm, and a firm and code typed in anyway are ignored.
            let form = try await ent.get("/appeals/new")
            #expect(form.status == .ok && form.text.contains("企业：\(firms.firstName)（\(firms.firstCode)）"))
            let title = "厂区双回路供电迟迟未接入"
            let filed = try await ent.upload("/appeals/new", [("firmName", firms.secondName), ("creditCode", firms.secondCode)] + Self.appealForm(title: title), files: [])
            #expect(filed.status == .seeOther)
            let id = try Self.appealId(filed)
            var a = try await app.store.appeal(id: id, zoneId: f.zoneId)
            #expect(a.enterpriseId == firms.first && a.firmName == firms.firstName && a.creditCode == firms.firstCode)
            #expect(a.channel == .account && a.status == .received && a.contactPhone == "13800138000" && a.receivedOn == testToday)
            // Received Monday 2026-06-15 under the standard 1/5/15 working days: 06-16; 16, 17, 18, (19 端午, 20–21) 22, 23;
            // … 24, 25, 26, 29, 30, 07-01, 02, 03, 06, 07.
            #expect(a.due == AppealDue(assign: Day(iso: "2026-06-16")!, answer: Day(iso: "2026-06-23")!, resolve: Day(iso: "2026-07-07")!))

            // The office assigns: unit A leads, unit B helps (A listed as a co-unit too is dropped).
            _ = try await office.get("/appeals/\(id)")
            let assigned = try await office.post("/appeals/\(id)/act", [("version", "1"), ("action", "assign"), ("leadUnitId", String(f.unitA)),
                                                                         ("coUnitIds", String(f.unitB)), ("coUnitIds", String(f.unitA)), ("text", "")])
            #expect(assigned.status == .seeOther)
            a = try await app.store.appeal(id: id, zoneId: f.zoneId)
            #expect(a.status == .assigned && a.leadUnitId == f.unitA && a.coUnitIds == [f.unitB] && a.assignedOn == testToday)
            // The co-unit sees the appeal; the lead unit accepts it and answers.
            #expect(try await coUnit.get("/appeals/\(id)").status == .ok)
            _ = try await unit.get("/appeals/\(id)")
            #expect(try await unit.post("/appeals/\(id)/act", [("version", "2"), ("action", "accept"), ("text", "")]).status == .seeOther)
            let answer = "已协调供电公司，6月30日前完成双回路接入"
            #expect(try await unit.post("/appeals/\(id)/act", [("version", "3"), ("action", "answer"), ("text", answer)]).status == .seeOther)
            a = try await app.store.appeal(id: id, zoneId: f.zoneId)
            #expect(a.status == .answered && a.answer == answer && a.answeredOn == testToday)

            // The firm confirms and rates.
            let before = try await ent.get("/appeals/\(id)")
            #expect(before.text.contains("确认并评价") && before.text.contains(answer))
            #expect(try await ent.post("/appeals/\(id)/act", [("version", "4"), ("action", "confirm"), ("satisfaction", "fairlySatisfied"), ("text", "")]).status == .seeOther)
            a = try await app.store.appeal(id: id, zoneId: f.zoneId)
            #expect(a.status == .closed && a.satisfaction == .fairlySatisfied && a.closedOn == testToday && a.version == 5)

            let page = try await ent.get("/appeals/\(id)")
            #expect(page.status == .ok && page.text.contains("<th>企业评价</th><td>基本满意</td>") && page.text.contains("按期办结"))
            let steps = Self.steps(page)
            let expected = ["<td>提出/登记</td><td>enterprise</td><td>已受理</td><td>企业账号：\(title)</td>",
                            "<td>分派</td><td>office</td><td>已分派</td>",
                            "<td>签收办理</td><td>reporter</td><td>办理中</td>",
                            "<td>答复</td><td>reporter</td><td>已答复(待企业确认)</td><td>\(answer)</td>",
                            "<td>确认并评价</td><td>enterprise</td><td>已办结</td><td>基本满意</td>"]
            var rest = Substring(steps)
            for row in expected {
                guard let r = rest.range(of: row) else { Issue.record("办理过程 lacks, in order: \(row)\n\(steps.prefix(2000))"); break }
                rest = rest[r.upperBound...]
            }
            // No buttons are left on a closed appeal.
            #expect(!page.text.contains("name=\"action\""))

            let events = try await app.store.appealEvents(appealId: id, zoneId: f.zoneId)
            #expect(events.map(\.action) == ["file", "assign", "accept", "answer", "confirm"])
            let audit = try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "appeal", entityId: id)).entries.reversed()
            #expect(audit.map(\.action) == [.create, .update, .update, .update, .update])
            #expect(audit.map(\.username) == ["enterprise", "office", "reporter", "reporter", "enterprise"])
        }
    }

    // MARK: 2. Illegal moves

    @Test("越权与非法环节被拒且不留改动：未签收先答复、督查室代企业评价、协办单位答复、他企看不到、过期版本冲突", arguments: TestDB.all)
    func refusals(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let firms = try await Self.firms(app, f)
            var ent = Browser(app, bearer: f.tokens["enterprise"]), other = Browser(app, bearer: firms.secondToken)
            var office = Browser(app), unit = Browser(app), coUnit = Browser(app)
            _ = try await office.login("office"); _ = try await unit.login("reporter"); _ = try await coUnit.login("reporterb")
            let title = "新厂房消防验收排期过长"
            let id = try Self.appealId(try await ent.post("/appeals/new", Self.appealForm(title: title, category: .approval)))
            _ = try await office.get("/appeals/\(id)")
            #expect(try await office.post("/appeals/\(id)/act", [("version", "1"), ("action", "assign"), ("leadUnitId", String(f.unitA)), ("coUnitIds", String(f.unitB))]).status == .seeOther)

            func unchanged(_ version: Int, _ status: AppealStatus, events: Int) async throws {
                let a = try await app.store.appeal(id: id, zoneId: f.zoneId)
                #expect(a.version == version && a.status == status && a.satisfaction == nil)
                #expect(try await app.store.appealEvents(appealId: id, zoneId: f.zoneId).count == events)
                #expect(try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "appeal", entityId: id)).total == events)
            }

            // Answering before accepting.
            _ = try await unit.get("/appeals/\(id)")
            let early = try await unit.post("/appeals/\(id)/act", [("version", "2"), ("action", "answer"), ("text", "已办理")])
            #expect(early.status == .unprocessableEntity && early.text.contains("诉求当前状态“已分派”不能执行“答复”"))
            try await unchanged(2, .assigned, events: 2)
            #expect(try await app.store.appeal(id: id, zoneId: f.zoneId).answer == "")

            #expect(try await unit.post("/appeals/\(id)/act", [("version", "2"), ("action", "accept")]).status == .seeOther)
            // The co-unit may read but not answer.
            _ = try await coUnit.get("/appeals/\(id)")
            let helper = try await coUnit.post("/appeals/\(id)/act", [("version", "3"), ("action", "answer"), ("text", "代为答复")])
            #expect(helper.status == .forbidden && helper.text.contains("只有主办单位可以签收办理和答复"))
            try await unchanged(3, .handling, events: 3)

            _ = try await unit.get("/appeals/\(id)")
            let blank = try await unit.post("/appeals/\(id)/act", [("version", "3"), ("action", "answer"), ("text", "  ")])
            #expect(blank.status == .unprocessableEntity && blank.text.contains("请填写答复内容"))
            #expect(try await unit.post("/appeals/\(id)/act", [("version", "3"), ("action", "answer"), ("text", "已协调消防部门下周验收")]).status == .seeOther)

            // The office may not rate for the firm.
            _ = try await office.get("/appeals/\(id)")
            let officeRates = try await office.post("/appeals/\(id)/act", [("version", "4"), ("action", "confirm"), ("satisfaction", "satisfied")])
            #expect(officeRates.status == .forbidden && officeRates.text.contains("只有提出诉求的企业本身可以确认、评价或要求重新办理"))
            try await unchanged(4, .answered, events: 4)

            // Another firm's account finds nothing, neither the page, nor the button, nor the list entry.
            #expect(try await other.get("/appeals/\(id)").status == .notFound)
            #expect(try await other.post("/appeals/\(id)/act", [("version", "4"), ("action", "confirm"), ("satisfaction", "satisfied")]).status == .notFound)
            let otherList = try await other.get("/appeals")
            #expect(otherList.status == .ok && !otherList.text.contains(title))
            #expect(try await ent.get("/appeals").text.contains(title))
            try await unchanged(4, .answered, events: 4)

            // Sending it back needs a reason; a stale version is a conflict.
            let noReason = try await ent.post("/appeals/\(id)/act", [("version", "4"), ("action", "reopen"), ("text", "")])
            #expect(noReason.status == .unprocessableEntity && noReason.text.contains("请说明哪里没有解决"))
            let stale = try await ent.post("/appeals/\(id)/act", [("version", "3"), ("action", "confirm"), ("satisfaction", "satisfied")])
            #expect(stale.status == .conflict && stale.text.contains("诉求已被他人办理，未做改动"))
            try await unchanged(4, .answered, events: 4)
        }
    }

    // MARK: 3. Bad input

    @Test("提出诉求时校验：无联系电话、电话格式不对、公开表单缺信用代码、信用代码校验位错均返回422且不入库", arguments: TestDB.all)
    func badInput(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let firms = try await Self.firms(app, f)
            var ent = Browser(app)
            _ = try await ent.login("enterprise")
            func count() async throws -> Int {
                try await app.store.appeals(zoneId: f.zoneId, AppealFilter()).total + app.store.appeals(zoneId: f.otherZoneId, AppealFilter()).total
            }
            _ = try await ent.get("/appeals/new")
            let noPhone = try await ent.upload("/appeals/new", Self.appealForm(title: "用工招聘难", phone: "  "), files: [])
            #expect(noPhone.status == .unprocessableEntity && noPhone.text.contains("请留下联系电话，以便答复"))
            // The form comes back with the firm still fixed and what was typed kept.
            #expect(noPhone.text.contains("企业：\(firms.firstName)（\(firms.firstCode)）") && noPhone.text.contains("用工招聘难"))
            let badPhone = try await ent.upload("/appeals/new", Self.appealForm(title: "用工招聘难", phone: "5551234"), files: [])
            #expect(badPhone.status == .unprocessableEntity && badPhone.text.contains("联系电话格式不对"))
            #expect(try await count() == 0)

            var anyone = Browser(app)
            let publicForm = try await anyone.get("/public/appeal?zone=z1")
            #expect(publicForm.status == .ok && publicForm.text.contains("name=\"zone\" value=\"\(f.zoneId)\""))
            let fields = [("zone", String(f.zoneId)), ("firmName", "瑞科生物医药有限公司")] + Self.appealForm(title: "人才公寓申请", category: .talent)
            let noCode = try await anyone.post("/public/appeal", fields, csrf: false)
            #expect(noCode.status == .unprocessableEntity && noCode.text.contains("请填写统一社会信用代码"))
            let wrongCheck = try await anyone.upload("/public/appeal", fields + [("creditCode", "91440300708461136A")], files: [], csrf: false)
            #expect(wrongCheck.status == .unprocessableEntity && wrongCheck.text.contains("校验位不符（按前17位应为“T”）"))
            #expect(try await count() == 0)
            #expect(try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "appeal")).total == 0)
        }
    }

    // MARK: 4. Public form

    @Test("公开表单：提交得查询码；查询码+错误电话查不到，正确电话可查；答复后企业凭查询码确认“满意”办结", arguments: TestDB.all)
    func publicForm(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var anyone = Browser(app), office = Browser(app), unit = Browser(app)
            _ = try await office.login("office"); _ = try await unit.login("reporter")
            let title = "高层次人才子女入学咨询"
            let creditCode = Self.code("91110108MA01R2XK3")
            let filed = try await anyone.upload("/public/appeal", [("zone", String(f.zoneId)), ("firmName", "瑞科生物医药有限公司"), ("creditCode", creditCode.lowercased()),
                                                                   ("contactName", "李女士"), ("contactPhone", "0571-88886666"), ("category", "talent"),
                                                                   ("title", title), ("description", "引进的博士后子女秋季入学，学位如何安排？")],
                                                files: [], csrf: false)
            #expect(filed.status == .created)
            let marker = try #require(filed.text.range(of: "查询码："), "\(filed.text.prefix(500))")
            let code = String(filed.text[marker.upperBound...].prefix(10))
            #expect(code.count == 10 && code.allSatisfy { AppealCodes.alphabet.contains($0) })
            let stored = try #require(try await app.store.appeals(zoneId: f.zoneId, AppealFilter()).appeals.first)
            #expect(stored.trackingCode == code && stored.channel == .publicForm && stored.enterpriseId == nil && stored.creditCode == creditCode)
            #expect(stored.contactPhone == "057188886666")

            let wrongPhone = try await anyone.get("/public/appeal/track?code=\(code)&phone=13900000000")
            #expect(wrongPhone.status == .notFound && wrongPhone.text.contains("查询码或联系电话不对") && !wrongPhone.text.contains(title))
            #expect(try await anyone.get("/public/appeal/track?code=ABCDEFGHJK&phone=0571-88886666").status == .notFound)
            let found = try await anyone.get("/public/appeal/track?code=\(code)&phone=0571-88886666")
            #expect(found.status == .ok && found.text.contains(title) && found.text.contains("已受理"))

            _ = try await office.get("/appeals/\(stored.id)")
            #expect(try await office.post("/appeals/\(stored.id)/act", [("version", "1"), ("action", "assign"), ("leadUnitId", String(f.unitA))]).status == .seeOther)
            _ = try await unit.get("/appeals/\(stored.id)")
            #expect(try await unit.post("/appeals/\(stored.id)/act", [("version", "2"), ("action", "accept")]).status == .seeOther)
            let answer = "已与教育局对接，按人才政策安排就近入学"
            #expect(try await unit.post("/appeals/\(stored.id)/act", [("version", "3"), ("action", "answer"), ("text", answer)]).status == .seeOther)

            let answered = try await anyone.get("/public/appeal/track?code=\(code)&phone=057188886666")
            #expect(answered.text.contains(answer) && answered.text.contains("确认并评价"))
            // Only the firm's steps are open to the code; a wrong phone opens nothing.
            let officeStep = try await anyone.post("/public/appeal/track", [("code", code), ("phone", "057188886666"), ("version", "4"), ("action", "close"), ("text", "x")], csrf: false)
            #expect(officeStep.status == .forbidden && officeStep.text.contains("企业只能确认评价或要求重新办理"))
            let impostor = try await anyone.post("/public/appeal/track", [("code", code), ("phone", "13900000000"), ("version", "4"), ("action", "confirm"), ("satisfaction", "satisfied")], csrf: false)
            #expect(impostor.status == .notFound)
            #expect(try await app.store.appeal(id: stored.id, zoneId: f.zoneId).status == .answered)

            let confirmed = try await anyone.post("/public/appeal/track", [("code", code), ("phone", "057188886666"), ("version", "4"), ("action", "confirm"), ("satisfaction", "satisfied")], csrf: false)
            #expect(confirmed.status == .ok && confirmed.text.contains("<th>企业评价</th><td>满意</td>"))
            let a = try await app.store.appeal(id: stored.id, zoneId: f.zoneId)
            #expect(a.status == .closed && a.satisfaction == .satisfied && a.closedOn == testToday)
            #expect(try await app.store.appealEvents(appealId: stored.id, zoneId: f.zoneId).last?.actorName == "企业（李女士）")
        }
    }

    // MARK: 5. Deadlines and supervision

    // Due days on the official 2026 calendar (cn-workday-calendar.json: 劳动节 05-01–05-05, 05-09 worked; 端午 06-19–06-21),
    // standard deadlines assign 1, answer 5, resolve 15 working days after the receipt day:
    // - received Mon 2026-06-01: assign 06-02; answer 06-02, 03, 04, 05, 08 → 06-08;
    //   resolve … 09, 10, 11, 12, 15, 16, 17, 18, (19 端午, 20–21) 22, 23 → 06-23.
    // - received Wed 2026-05-20: assign 05-21; answer 21, 22, 25, 26, 27 → 05-27; resolve 28, 29, 06-01 … 05, 08, 09, 10 → 06-10.
    // - received Wed 2026-06-10: assign 06-11; answer 11, 12, 15, 16, 17 → 06-17.
    @Test("按官方日历计算时限；已分派且答复逾期的诉求生成一份督办建议（重复生成、后台任务都不再加），督办单链回诉求；未分派的不生成", arguments: TestDB.all)
    func deadlinesAndSupervision(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let store = app.store, boot = Self.boot(f)
            let unitA = Actor(userId: 0, username: "unitA", displayName: "科技创新局承办人", zoneId: f.zoneId, unitId: f.unitA, roles: [.reporter])
            let unitB = Actor(userId: 0, username: "unitB", displayName: "经济发展局承办人", zoneId: f.zoneId, unitId: f.unitB, roles: [.reporter])
            func file(_ title: String, on iso: String, code: String) async throws -> Appeal {
                let d = AppealDraft(firmName: "星河智能装备有限公司", creditCode: "", contactName: "赵工", contactPhone: "13912345678", category: .land,
                                    channel: .visit, title: title, description: "走访收集")
                return try await store.fileAppeal(d, enterpriseId: nil, files: [], trackingCode: code, by: AppealFiler(actor: boot), today: Day(iso: iso)!,
                                                  calendar: .official)
            }
            func day(_ iso: String) -> Day { Day(iso: iso)! }

            let late = try await file("甲：二期用地指标", on: "2026-06-01", code: "DUE0000001")
            #expect(late.due == AppealDue(assign: day("2026-06-02"), answer: day("2026-06-08"), resolve: day("2026-06-23")))
            _ = try await store.actOnAppeal(id: late.id, zoneId: f.zoneId, version: 1, action: .assign, party: .office, step: .init(leadUnitId: f.unitA, coUnitIds: [f.unitB]),
                                            actor: boot, actorName: "督查室", today: day("2026-06-02"), calendar: .official)
            _ = try await store.actOnAppeal(id: late.id, zoneId: f.zoneId, version: 2, action: .accept, party: .leadUnit, step: .init(),
                                            actor: unitA, actorName: unitA.displayName, today: day("2026-06-03"), calendar: .official)
            let unassigned = try await file("乙：厂房规划调整", on: "2026-05-20", code: "DUE0000002")
            #expect(unassigned.due == AppealDue(assign: day("2026-05-21"), answer: day("2026-05-27"), resolve: day("2026-06-10")))
            let notYet = try await file("丙：临时用地", on: "2026-06-10", code: "DUE0000003")
            #expect(notYet.due.answer == day("2026-06-17"))
            _ = try await store.actOnAppeal(id: notYet.id, zoneId: f.zoneId, version: 1, action: .assign, party: .office, step: .init(leadUnitId: f.unitB),
                                            actor: boot, actorName: "督查室", today: day("2026-06-11"), calendar: .official)
            _ = try await store.actOnAppeal(id: notYet.id, zoneId: f.zoneId, version: 2, action: .accept, party: .leadUnit, step: .init(),
                                            actor: unitB, actorName: unitB.displayName, today: day("2026-06-11"), calendar: .official)

            var office = Browser(app)
            _ = try await office.login("office")
            // The list shows the late ones (the unassigned one too: the office's own lateness) but not the one still in time.
            let overdueList = try await office.get("/appeals?overdue=1")
            #expect(overdueList.text.contains("甲：二期用地指标") && overdueList.text.contains("乙：厂房规划调整") && !overdueList.text.contains("丙：临时用地"))

            let first = try await office.post("/appeals/supervise", [])
            #expect(first.status == .seeOther && first.headers.first(name: .location) == "/supervision?notice=proposed")
            _ = try await office.get("/appeals")
            let second = try await office.post("/appeals/supervise", [])
            #expect(second.status == .seeOther && second.headers.first(name: .location) == "/supervision?notice=none-due")
            // The background job finds the same order open and adds nothing either.
            await JobRunner.tick(app, now: Date())

            let orders = try await store.orders(zoneId: f.zoneId, OrderFilter())
            #expect(orders.count == 1)
            let o = try #require(orders.first)
            #expect(o.appealId == late.id && o.taskId == nil && o.receivingUnitId == f.unitA && o.status == .proposed && o.source == .auto)
            #expect(o.reason.contains("答复逾期（时限2026-06-08") && o.reason.contains("甲：二期用地指标"))

            let orderPage = try await office.get("/orders/\(o.id)")
            #expect(orderPage.status == .ok && orderPage.text.contains("href=\"/appeals/\(late.id)\"") && orderPage.text.contains("企业诉求：星河智能装备有限公司：甲：二期用地指标"))
            #expect(try await office.get("/appeals/\(late.id)").text.contains("督字第\(o.id)号"))
            #expect(try await store.orders(zoneId: f.zoneId, OrderFilter(appealId: unassigned.id)).isEmpty)
        }
    }

    // MARK: 6. Statistics

    /// The figures of `made`, straight from the definitions in `AppealFigures`' doc comment, with the standard deadlines
    /// (no settings saved: assign 1, answer 5, resolve 15 working days after receipt).
    private static func figures(_ made: [Made], today: Day) -> AppealFigures {
        let cal = WorkCalendar.official
        var f = AppealFigures()
        for m in made {
            f.total += 1
            if m.status == .declined { f.declined += 1; continue }
            if m.reopens > 0 { f.reopened += 1 }
            let assignDue = cal.add(1, workdaysTo: m.received), answerDue = cal.add(5, workdaysTo: m.received), resolveDue = cal.add(15, workdaysTo: m.received)
            if m.status == .closed, let closed = m.closed, let assigned = m.assigned, let answered = m.answered {
                f.closed += 1
                if assigned <= assignDue && answered <= answerDue && closed <= resolveDue { f.closedOnTime += 1 }
                f.workdaysToClose += cal.workdays(from: m.received.adding(days: 1), to: closed)
                // The firm's last word: its rating, or 不满意 when it sent the answer back and the office closed it afterwards.
                if let s = m.satisfaction {
                    f.rated += 1
                    if s == .satisfied || s == .fairlySatisfied { f.satisfied += 1 }
                }
            } else {
                f.open += 1
                if Self.overdue(m, today: today) { f.overdueOpen += 1 }
            }
        }
        return f
    }

    private static func overdue(_ m: Made, today: Day) -> Bool {
        let cal = WorkCalendar.official
        guard [.received, .assigned, .handling, .answered].contains(m.status) else { return false }
        return (m.assigned == nil && today > cal.add(1, workdaysTo: m.received)) || (m.answered == nil && today > cal.add(5, workdaysTo: m.received))
            || today > cal.add(15, workdaysTo: m.received)
    }

    static func percent(_ r: Double?) -> String { r.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }

    @Test("生成的200件诉求：按期率、办结率、满意率、平均办理时长（SQL统计）按单位、类别、全区与逐件独立清点一致；逾期列表件数一致", arguments: TestDB.all)
    func statistics(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let store = app.store, boot = Self.boot(f)
            var ud = UnitDraft(); ud.name = "市场监管局"
            let unitC = try await store.createUnit(ud, actor: boot).id
            let units = [f.unitA, f.unitB, unitC]
            // A deterministic generator (LCG), independent of the product's demo code.
            var seed: UInt64 = 20261126
            func next(_ n: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int((seed >> 33) % UInt64(n)) }

            func act(_ m: inout Made, _ action: AppealAction, on day: Day, _ step: AppealLifecycle.Step = .init()) async throws {
                let actor: Actor? = switch action.party {
                case .office: boot
                case .leadUnit: Actor(userId: 0, username: "unit", displayName: "承办人", zoneId: f.zoneId, unitId: m.lead, roles: [.reporter])
                case .firm: nil
                }
                _ = try await store.actOnAppeal(id: m.id, zoneId: f.zoneId, version: m.version, action: action, party: action.party, step: step,
                                                actor: actor, actorName: actor?.displayName ?? "企业", today: day, calendar: .official)
                m.version += 1
                switch action {
                case .assign: m.lead = step.leadUnitId; if m.assigned == nil { m.assigned = day }; m.status = .assigned
                case .accept: m.status = .handling
                case .answer: if m.answered == nil { m.answered = day }; m.status = .answered
                case .confirm: m.satisfaction = step.satisfaction; m.closed = day; m.status = .closed
                case .reopen: m.reopens += 1; m.status = .handling
                case .close: m.closed = day; m.status = .closed
                case .decline: m.closed = day; m.status = .declined
                }
            }

            var made: [Made] = []
            for i in 0..<200 {
                let category = AppealCategory.allCases[next(AppealCategory.allCases.count)]
                // Received 2025-12-01 … 2026-06-15 (today): December's fall outside the 2026 figures.
                let received = Day(iso: "2025-12-01")!.adding(days: next(197))
                let draft = AppealDraft(firmName: "生成企业\(i)号有限公司", creditCode: "", contactName: "联系人\(i)", contactPhone: "1390000\(String(format: "%04d", i))",
                                        category: category, channel: AppealChannel.loggedByOfficials[next(AppealChannel.loggedByOfficials.count)],
                                        title: "生成诉求\(i)", description: "第\(i)件")
                let filed = try await store.fileAppeal(draft, enterpriseId: nil, files: [], trackingCode: "GEN\(i)", by: AppealFiler(actor: boot),
                                                       today: received, calendar: .official)
                var m = Made(id: filed.id, received: received, category: category)
                defer { made.append(m) }
                var day = received
                func later(_ most: Int) -> Day { day = min(day.adding(days: next(most + 1)), testToday); return day }

                let fate = next(10)
                if fate == 0 { try await act(&m, .decline, on: later(2), .init(text: "不属于管委会职权")); continue }
                if fate == 1 { continue }  // still waiting to be assigned
                let lead = units[next(units.count)]
                try await act(&m, .assign, on: later(3), .init(leadUnitId: lead, coUnitIds: units.filter { $0 != lead && next(2) == 0 }))
                if next(8) == 0 { try await act(&m, .assign, on: later(2), .init(leadUnitId: units.filter { $0 != lead }[next(2)])) }  // 改派
                if next(6) == 0 { continue }
                try await act(&m, .accept, on: later(3))
                if next(6) == 0 { continue }
                try await act(&m, .answer, on: later(9), .init(text: "已办理"))
                var rounds = 0
                while true {
                    let r = next(10)
                    if r == 0 { break }  // waiting for the firm
                    if r <= 2 && rounds < 2 {
                        rounds += 1
                        try await act(&m, .reopen, on: later(3), .init(text: "问题没有解决"))
                        if next(4) == 0 { break }
                        try await act(&m, .answer, on: later(6), .init(text: "再次办理"))
                        continue
                    }
                    if r == 3 { try await act(&m, .close, on: later(10), .init(text: "已电话回访")); break }
                    try await act(&m, .confirm, on: later(5), .init(satisfaction: Satisfaction.allCases[next(3)]))
                    break
                }
            }

            // The store holds what the test did.
            let rows = try await store.appeals(zoneId: f.zoneId, AppealFilter(limit: 500))
            #expect(rows.total == 200)
            let byId = Dictionary(uniqueKeysWithValues: rows.appeals.map { ($0.id, $0) })
            var mismatched: [Int] = []
            for m in made {
                guard let a = byId[m.id], a.status == m.status, a.leadUnitId == m.lead, a.assignedOn == m.assigned, a.answeredOn == m.answered,
                      a.closedOn == m.closed, a.satisfaction == m.satisfaction, a.reopenCount == m.reopens, a.version == m.version,
                      a.receivedOn == m.received, a.due.answer == WorkCalendar.official.add(5, workdaysTo: m.received) else { mismatched.append(m.id); continue }
            }
            #expect(mismatched.isEmpty, "appeals stored unlike the test made them: \(mismatched)")

            let in2026 = made.filter { $0.received.year == 2026 }
            let zone = Self.figures(in2026, today: testToday)
            // The generated set reaches every branch of the definitions.
            #expect(in2026.count < made.count && zone.declined > 0 && zone.reopened > 0 && zone.overdueOpen > 0 && zone.closedOnTime > 0)
            #expect(zone.closedOnTime < zone.closed && zone.satisfied > 0 && zone.satisfied < zone.rated)
            #expect(in2026.contains { $0.lead == nil && $0.status != .declined })

            let sql = try await store.appealStatistics(zoneId: f.zoneId, year: 2026, today: testToday)
            #expect(sql.zone == zone)
            #expect(sql.byUnit == Dictionary(grouping: in2026, by: \.lead).mapValues { Self.figures($0, today: testToday) })
            #expect(sql.byCategory == Dictionary(grouping: in2026, by: \.category).mapValues { Self.figures($0, today: testToday) })
            let allYears = try await store.appealStatistics(zoneId: f.zoneId, year: nil, today: testToday)
            #expect(allYears.zone == Self.figures(made, today: testToday))
            // The domain's row-by-row figures agree with the SQL too.
            #expect(AppealStatistics(appeals: rows.appeals.filter { $0.receivedOn.year == 2026 }, today: testToday, calendar: .official) == sql)

            var office = Browser(app)
            _ = try await office.login("office")
            let list = try await office.get("/appeals")
            let summary = "2026年共受理诉求\(zone.total)件，在办\(zone.open)件（逾期\(zone.overdueOpen)件），已办结\(zone.closed)件；"
                + "按期率\(Self.percent(zone.onTimeRate))，办结率\(Self.percent(zone.resolutionRate))，满意率\(Self.percent(zone.satisfactionRate))，"
                + "平均办理\(String(format: "%.1f", Double(zone.workdaysToClose) / Double(zone.closed)))个工作日。"
            #expect(list.text.contains(summary), "\(list.text.range(of: "2026年共受理").map { String(list.text[$0.lowerBound...].prefix(200)) } ?? "no summary")")

            // The overdue list (all years) holds exactly the open appeals past a due day.
            let overdue = made.filter { Self.overdue($0, today: testToday) }
            let page = try await office.get("/appeals?overdue=1")
            let rowsShown = page.text.components(separatedBy: "href=\"/appeals/").dropFirst().filter { $0.first?.isNumber == true }.count
            #expect(rowsShown == min(overdue.count, 50))
            if overdue.count > 50 { #expect(page.text.contains("共\((overdue.count + 49) / 50)页（\(overdue.count)条）")) }
            #expect(try await store.appeals(zoneId: f.zoneId, AppealFilter(overdueOn: testToday, limit: 500)).appeals.map(\.id).sorted() == overdue.map(\.id).sorted())
        }
    }

    // MARK: 7. Settings

    static func deadlineFields(version: Int, land: (Int, Int, Int)) -> [(String, String)] {
        var fields = [("version", String(version))]
        for c in AppealCategory.allCases {
            let (a, b, r) = c == .land ? land : (1, 5, 15)
            fields += [("\(c.rawValue).assign", String(a)), ("\(c.rawValue).answer", String(b)), ("\(c.rawValue).resolve", String(r))]
        }
        return fields
    }

    // From Monday 2026-06-15 (端午 06-19–06-21): +1 → 06-16, +2 → 06-17; +5 → 16, 17, 18, 22, 23 → 06-23;
    // +10 → … 24, 25, 26, 29, 30 → 06-30; +15 → … 07-01, 02, 03, 06, 07 → 07-07; +30 → … 07-28.
    @Test("时限设置：答复大于办结被拒（422）；有效修改只影响此后受理的诉求", arguments: TestDB.all)
    func settings(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var office = Browser(app)
            _ = try await office.login("office")
            func file(_ title: String, _ category: AppealCategory) async throws -> Appeal {
                _ = try await office.get("/appeals/new")
                let res = try await office.post("/appeals/new", [("firmName", "星河智能装备有限公司"), ("channel", "hotline")] + Self.appealForm(title: title, category: category))
                #expect(res.status == .seeOther)
                return try await app.store.appeal(id: try Self.appealId(res), zoneId: f.zoneId)
            }
            func day(_ iso: String) -> Day { Day(iso: iso)! }
            let standard = AppealDue(assign: day("2026-06-16"), answer: day("2026-06-23"), resolve: day("2026-07-07"))
            let before = try await file("扩建用地（改设置前）", .land)
            #expect(before.due == standard && before.channel == .hotline)

            #expect(try await office.get("/appeals/settings").text.contains("name=\"version\" value=\"0\""))
            let bad = try await office.post("/appeals/settings", Self.deadlineFields(version: 0, land: (2, 20, 15)))
            #expect(bad.status == .unprocessableEntity && bad.text.contains("“用地规划”的时限应满足 分派 ≤ 答复 ≤ 办结"))
            #expect(try await app.store.appealDeadlines(zoneId: f.zoneId).version == 0)

            _ = try await office.get("/appeals/settings")
            let saved = try await office.post("/appeals/settings", Self.deadlineFields(version: 0, land: (2, 10, 30)))
            #expect(saved.status == .seeOther)
            let (deadlines, version) = try await app.store.appealDeadlines(zoneId: f.zoneId)
            #expect(version == 1 && deadlines[.land] == AppealDeadline(assign: 2, answer: 10, resolve: 30) && deadlines[.finance] == .standard)
            let stale = try await office.post("/appeals/settings", Self.deadlineFields(version: 0, land: (3, 10, 30)))
            #expect(stale.status == .conflict && stale.text.contains("时限已被他人修改"))

            let after = try await file("扩建用地（改设置后）", .land)
            #expect(after.due == AppealDue(assign: day("2026-06-17"), answer: day("2026-06-30"), resolve: day("2026-07-28")))
            #expect(try await file("贷款贴息", .finance).due == standard)
            #expect(try await app.store.appeal(id: before.id, zoneId: f.zoneId).due == standard)
            #expect(try await office.get("/appeals/\(before.id)").text.contains("2026-07-07"))
            #expect(try await office.get("/appeals/\(after.id)").text.contains("2026-07-28"))
        }
    }
}
