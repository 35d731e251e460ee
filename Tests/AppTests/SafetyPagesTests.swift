@testable import App
import Domain
import Foundation
import Persistence
import Testing
import Vapor
import VaporTesting

/// A hazard as a test made it, tracked by the test itself (never read back from the product) for the independent count.
private struct MadeHazard {
    let id: Int
    let unit: Int?
    let level: HazardLevel
    let found: Day
    let deadline: Day
    var status: HazardStatus = .found
    var verified: Day?
    var version = 1
}

private extension Browser {
    /// Opens the hazard's page (for the CSRF token) and posts one step of its loop, as the page's forms do (multipart).
    mutating func safetyAct(_ id: Int, version: Int, _ action: HazardAction, _ party: HazardParty = .unit, text: String = "",
                            files: [(String, String, [UInt8])] = []) async throws -> TestingHTTPResponse {
        _ = try await get("/hazards/\(id)")
        return try await upload("/hazards/\(id)/act", [("version", String(version)), ("action", action.rawValue), ("party", party.rawValue), ("text", text)],
                                files: files)
    }

    /// Records an inspection through the form (after opening it, for the CSRF token).
    mutating func recordSafetyInspection(_ fields: [(String, String)]) async throws -> TestingHTTPResponse {
        _ = try await get("/safety/inspections/new")
        return try await post("/safety/inspections/new", fields)
    }
}

@Suite("安全生产：检查与隐患登记、整改闭环（佐证、验收销号）、逾期督办、整改率统计、事故分级与一票否决、时限设置、计算指标")
struct SafetyPagesTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 40)
    static let pdf = Array("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".utf8)
    static let firstName = "华芯微电子有限公司", firstCode = "91440300708461136T"
    static let secondName = "远航新材料有限公司"
    static var secondCode: String { code("91330100MA27XK8J0") }

    static func boot(_ f: Fixture) -> Actor {
        Actor(userId: 0, username: "fixture", displayName: "督查室", zoneId: f.zoneId, unitId: nil, roles: [.office])
    }

    static func code(_ first17: String) -> String { first17 + String(CreditCode.checkCharacter(first17)!) }

    /// Two registered firms (ids) and a reporter of unit B ("reporterb").
    static func firms(_ app: Application, _ f: Fixture) async throws -> (first: Int, second: Int) {
        let store = app.store, boot = Self.boot(f)
        var d = EnterpriseDraft(); d.creditCode = firstCode; d.name = firstName
        let first = try await store.createEnterprise(d, today: testToday, actor: boot)
        d.creditCode = secondCode; d.name = secondName
        let second = try await store.createEnterprise(d, today: testToday, actor: boot)
        let hash = try await app.password.async.hash(Fixture.password)
        _ = try await store.createUser(zoneId: f.zoneId, UserDraft(unitId: f.unitB, username: "reporterb", displayName: "reporterb"),
                                       roles: [.reporter], passwordHash: hash, actor: nil)
        return (first, second)
    }

    /// The inspection form: up to five hazard rows (description, level, responsible person, deadline); the rest blank.
    static func inspectionForm(code: String = SafetyPagesTests.firstCode, day: String, kind: String = "routine", unit: Int? = nil,
                               rows: [(String, String, String, String)]) -> [(String, String)] {
        var fields: [(String, String)] = [("creditCode", code), ("day", day), ("kind", kind), ("inspectors", "李明、王芳"),
                                          ("unitId", unit.map(String.init) ?? ""), ("findings", "现场检查生产车间、仓库和配电房")]
        for k in 0..<5 {
            let r = k < rows.count ? rows[k] : ("", "", "", "")
            fields += [("h\(k).description", r.0), ("h\(k).level", r.1), ("h\(k).responsible", r.2), ("h\(k).deadline", r.3)]
        }
        return fields
    }

    static func hazard(_ app: Application, _ f: Fixture, _ description: String) async throws -> Hazard {
        try #require(try await app.store.hazards(zoneId: f.zoneId).first { $0.description == description }, "no hazard “\(description)”")
    }

    static func percent(_ r: Double?) -> String { r.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }

    // MARK: 1. Recording

    // Found Friday 2026-06-12, the standard 10 working days (the day found never counts; 端午 06-19–06-21 rest):
    // 06-15, 16, 17, 18, (19–21 端午) 22, 23, 24, 25, 26, 29 → 2026-06-29.
    @Test("责任单位人员登记检查与两项隐患：一般隐患按官方日历默认10个工作日期限，重大隐患按填写期限；单位固定为本单位；行、过程、审计齐全；缺责任人的整张不保存", arguments: TestDB.all)
    func recording(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let firms = try await Self.firms(app, f)
            var unit = Browser(app)
            _ = try await unit.login("reporter")

            // A row without its responsible person: the whole form comes back, nothing is stored.
            let missing = try await unit.recordSafetyInspection(Self.inspectionForm(day: "2026-06-12", kind: "special", unit: f.unitB, rows: [
                ("消防通道堆放杂物", "general", "张三", ""), ("液氨储罐区未设泄漏报警装置", "major", " ", "2026-07-31"),
            ]))
            #expect(missing.status == .unprocessableEntity && missing.text.contains("请填写整改责任人") && missing.text.contains("消防通道堆放杂物"))
            #expect(try await app.store.inspections(zoneId: f.zoneId).isEmpty)
            #expect(try await app.store.hazards(zoneId: f.zoneId).isEmpty)

            // The unit field says unit B; a reporter records for their own unit (A) whatever the form says.
            let saved = try await unit.recordSafetyInspection(Self.inspectionForm(day: "2026-06-12", kind: "special", unit: f.unitB, rows: [
                ("消防通道堆放杂物", "general", "张三", ""), ("液氨储罐区未设泄漏报警装置", "major", "李四", "2026-07-31"),
            ]))
            #expect(saved.status == .seeOther && saved.headers.first(name: .location) == "/safety?notice=saved", "\(saved.status) \(saved.text.prefix(300))")

            let inspections = try await app.store.inspections(zoneId: f.zoneId)
            #expect(inspections.count == 1)
            let i = try #require(inspections.first)
            #expect(i.enterpriseId == firms.first && i.unitId == f.unitA && i.kind == .special)
            #expect(i.day == Day(iso: "2026-06-12")! && i.inspectors == ["李明", "王芳"])

            let general = try await Self.hazard(app, f, "消防通道堆放杂物")
            let major = try await Self.hazard(app, f, "液氨储罐区未设泄漏报警装置")
            #expect(try await app.store.hazards(zoneId: f.zoneId).count == 2)
            #expect(general.deadline == Day(iso: "2026-06-29")!)
            #expect(general.level == .general && general.status == .found && general.version == 1)
            #expect(general.unitId == f.unitA && general.inspectionId == i.id && general.enterpriseId == firms.first)
            #expect(general.foundOn == Day(iso: "2026-06-12")! && general.responsiblePerson == "张三")
            #expect(major.deadline == Day(iso: "2026-07-31")!)
            #expect(major.level == .major && major.status == .found && major.responsiblePerson == "李四")
            #expect(major.unitId == f.unitA && major.inspectionId == i.id)

            let events = try await app.store.hazardEvents(hazardId: general.id, zoneId: f.zoneId)
            #expect(events.map(\.action) == ["found"] && events.first?.toStatus == "found" && events.first?.actorName == "reporter")
            #expect(events.first?.text == "一般隐患，整改期限2026-06-29，责任人张三")
            #expect(try await app.store.hazardEvents(hazardId: major.id, zoneId: f.zoneId).map(\.text) == ["重大隐患，整改期限2026-07-31，责任人李四"])

            let inspectionAudit = try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "safety_inspection")).entries
            #expect(inspectionAudit.map(\.action) == [.create] && inspectionAudit.map(\.username) == ["reporter"] && inspectionAudit.first?.entityId == i.id)
            let hazardAudit = try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "hazard")).entries
            #expect(hazardAudit.count == 2 && hazardAudit.allSatisfy { $0.action == .create && $0.username == "reporter" })
            #expect(Set(hazardAudit.compactMap(\.entityId)) == Set([general.id, major.id]))

            // What the unit sees: the overview lists both open hazards and the inspection; the hazard page its deadline.
            let overview = try await unit.get("/safety")
            #expect(overview.status == .ok && overview.text.contains("未销号的隐患（2项）"))
            #expect(overview.text.contains("href=\"/hazards/\(general.id)\"") && overview.text.contains("href=\"/hazards/\(major.id)\""))
            #expect(overview.text.contains("<td>2026-06-12</td><td>\(Self.firstName)</td><td>专项检查</td><td>李明、王芳</td>"))
            let page = try await unit.get("/hazards/\(general.id)")
            #expect(page.status == .ok && page.text.contains("2026-06-29") && page.text.contains("科技创新局 / 张三") && page.text.contains("签收整改（责任单位）"))
        }
    }

    // MARK: 2. The loop

    @Test("整改闭环：签收→无佐证提交被拒→上传照片提交→一般隐患由单位验收；重大隐患单位不能销号、督查室退回须写理由、验收；他单位403、过期版本409、exe被拒", arguments: TestDB.all)
    func loop(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            _ = try await Self.firms(app, f)
            var unit = Browser(app), other = Browser(app), office = Browser(app)
            _ = try await unit.login("reporter"); _ = try await other.login("reporterb"); _ = try await office.login("office")
            #expect(try await unit.recordSafetyInspection(Self.inspectionForm(day: "2026-06-12", rows: [
                ("消防通道堆放杂物", "general", "张三", ""), ("液氨储罐区未设泄漏报警装置", "major", "李四", "2026-07-31"),
            ])).status == .seeOther)
            let g = try await Self.hazard(app, f, "消防通道堆放杂物").id
            let m = try await Self.hazard(app, f, "液氨储罐区未设泄漏报警装置").id

            func unchanged(_ id: Int, version: Int, _ status: HazardStatus, events: Int, files: Int) async throws {
                let h = try await app.store.hazard(id: id, zoneId: f.zoneId)
                #expect(h.version == version && h.status == status && h.evidenceCount == files && h.verifiedOn == nil)
                #expect(try await app.store.hazardEvents(hazardId: id, zoneId: f.zoneId).count == events)
                #expect(try await app.store.hazardFiles(hazardId: id, zoneId: f.zoneId).count == files)
                #expect(try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "hazard", entityId: id)).total == events)
            }

            // Unit B's reporter reads the hazard but has no buttons, and a forged step is refused.
            let otherPage = try await other.get("/hazards/\(g)")
            #expect(otherPage.status == .ok && !otherPage.text.contains("name=\"action\""))
            let foreign = try await other.safetyAct(g, version: 1, .startRectifying)
            #expect(foreign.status == .forbidden && foreign.text.contains("这项隐患不由本单位负责整改"))
            try await unchanged(g, version: 1, .found, events: 1, files: 0)

            #expect(try await unit.safetyAct(g, version: 1, .startRectifying).status == .seeOther)
            #expect(try await unit.safetyAct(m, version: 1, .startRectifying).status == .seeOther)
            var h = try await app.store.hazard(id: g, zoneId: f.zoneId)
            #expect(h.status == .rectifying && h.rectifyingSince == testToday && h.version == 2)

            // Submitting with the file input left empty, then with a program: refused, nothing changes.
            let bare = try await unit.safetyAct(g, version: 2, .submit, text: "已清理消防通道", files: [("evidence", "", [])])
            #expect(bare.status == .unprocessableEntity && bare.text.contains("请上传至少一份整改佐证材料"))
            try await unchanged(g, version: 2, .rectifying, events: 2, files: 0)
            let exe = try await unit.safetyAct(g, version: 2, .submit, text: "已清理消防通道", files: [("evidence", "setup.exe", [0x4D, 0x5A, 0x90, 0])])
            #expect(exe.status == .unprocessableEntity && exe.text.contains("“setup.exe”的类型不在允许之列"))
            try await unchanged(g, version: 2, .rectifying, events: 2, files: 0)

            // With a photo: submitted; the file is there to open.
            #expect(try await unit.safetyAct(g, version: 2, .submit, text: "已清理消防通道", files: [("evidence", "整改后.png", Self.png)]).status == .seeOther)
            h = try await app.store.hazard(id: g, zoneId: f.zoneId)
            #expect(h.status == .submitted && h.evidenceCount == 1 && h.version == 3)
            #expect(h.submittedOn == testToday && h.rectificationNote == "已清理消防通道")
            let files = try await app.store.hazardFiles(hazardId: g, zoneId: f.zoneId)
            #expect(files.map(\.filename) == ["整改后.png"])
            let fid = try #require(files.first?.id)
            let download = try await unit.get("/hazard-files/\(fid)")
            #expect(download.status == .ok && Array(download.body.readableBytesView) == Self.png)
            #expect(try await unit.get("/hazards/\(g)").text.contains("href=\"/hazard-files/\(fid)\""))

            // The unit strikes off its 一般 hazard itself.
            let own = try await unit.get("/hazards/\(g)")
            #expect(own.text.contains("验收销号（责任单位）"))
            #expect(try await unit.safetyAct(g, version: 3, .verify, text: "现场复核，通道畅通").status == .seeOther)
            h = try await app.store.hazard(id: g, zoneId: f.zoneId)
            #expect(h.status == .verified && h.verifiedOn == testToday && h.verificationNote == "现场复核，通道畅通" && h.version == 4)
            #expect(try await app.store.hazardEvents(hazardId: g, zoneId: f.zoneId).map(\.action) == ["found", "startRectifying", "submit", "verify"])
            #expect(try await app.store.hazardEvents(hazardId: g, zoneId: f.zoneId)[2].text == "已清理消防通道（佐证1份）")

            // The 重大 one: submitted by the unit, but only the office may strike it off.
            #expect(try await unit.safetyAct(m, version: 2, .submit, text: "已加装泄漏报警装置", files: [("evidence", "报警装置.png", Self.png)]).status == .seeOther)
            let unitView = try await unit.get("/hazards/\(m)")
            #expect(unitView.status == .ok && !unitView.text.contains("验收销号（") && !unitView.text.contains("name=\"action\""))
            let selfVerify = try await unit.safetyAct(m, version: 3, .verify, text: "已整改")
            #expect(selfVerify.status == .forbidden || selfVerify.status == .unprocessableEntity, "\(selfVerify.status)")
            #expect(selfVerify.text.contains("重大隐患只能由督查室验收销号或退回"))
            let posing = try await unit.safetyAct(m, version: 3, .verify, .office, text: "已整改")
            #expect(posing.status == .forbidden && posing.text.contains("只有督查室可以以督查室身份验收或退回"))
            try await unchanged(m, version: 3, .submitted, events: 3, files: 1)

            let officeView = try await office.get("/hazards/\(m)")
            #expect(officeView.text.contains("验收销号（督查室）") && officeView.text.contains("退回重新整改（督查室）"))
            let noReason = try await office.safetyAct(m, version: 3, .sendBack, .office, text: "  ")
            #expect(noReason.status == .unprocessableEntity && noReason.text.contains("退回时请写明理由"))
            try await unchanged(m, version: 3, .submitted, events: 3, files: 1)
            #expect(try await office.safetyAct(m, version: 3, .sendBack, .office, text: "报警装置未接入中控室").status == .seeOther)
            h = try await app.store.hazard(id: m, zoneId: f.zoneId)
            #expect(h.status == .rectifying && h.sentBackCount == 1 && h.lastSendBackReason == "报警装置未接入中控室" && h.version == 4)
            #expect(try await unit.get("/hazards/\(m)").text.contains("退回1次：报警装置未接入中控室"))

            #expect(try await unit.safetyAct(m, version: 4, .submit, text: "已接入中控室", files: [("evidence", "联网验收报告.pdf", Self.pdf)]).status == .seeOther)
            let stale = try await office.safetyAct(m, version: 4, .verify, .office, text: "验收合格")
            #expect(stale.status == .conflict && stale.text.contains("隐患已被他人办理，未做改动"))
            try await unchanged(m, version: 5, .submitted, events: 5, files: 2)
            #expect(try await office.safetyAct(m, version: 5, .verify, .office, text: "验收合格").status == .seeOther)
            h = try await app.store.hazard(id: m, zoneId: f.zoneId)
            #expect(h.status == .verified && h.verifiedOn == testToday && h.evidenceCount == 2 && h.version == 6)
            #expect(try await app.store.hazardEvents(hazardId: m, zoneId: f.zoneId).map(\.action) == ["found", "startRectifying", "submit", "sendBack", "submit", "verify"])
            let audit = try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "hazard", entityId: m)).entries.reversed()
            #expect(audit.map(\.action) == [.create, .update, .update, .update, .update, .update])
            #expect(audit.map(\.username) == ["reporter", "reporter", "reporter", "office", "reporter", "office"])
            let done = try await office.get("/hazards/\(m)")
            #expect(done.text.contains("已验收销号") && !done.text.contains("name=\"action\""))
        }
    }

    // MARK: 3. Overdue hazards become orders

    // Standard deadlines on the official 2026 calendar (劳动节 05-01–05-05 rest, Saturday 05-09 worked; 清明 04-04–04-06):
    // - 一般, found 2026-05-06: 05-07, 08, 09 (Sat, worked), 11, 12, 13, 14, 15, 18, 19 → 2026-05-19;
    //   overdue on 06-15 by 05-20, 21, 22, 25–29, 06-01–05, 08–12, 15 = 19 working days.
    // - 重大, found 2026-04-01: 04-02, 03, 07–10, 13–17, 20–24, 27–30 (20), 05-06, 07, 08, 09, 11–15, 18 (30) → 2026-05-18.
    // - 重大, found 2026-05-06: … 06-12, 15, 16 → 2026-06-16, not yet due on 06-15.
    @Test("逾期隐患：一般隐患整改中逾期→督办，重大隐患逾期（含已提交待验收）→挂牌督办，每项只生成一份（再次生成、后台任务不加）；督办单链回隐患；已提交佐证的一般隐患、未到期的不生成", arguments: TestDB.all)
    func overdueSupervision(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            _ = try await Self.firms(app, f)
            var unit = Browser(app), office = Browser(app)
            _ = try await unit.login("reporter"); _ = try await office.login("office")
            #expect(try await unit.recordSafetyInspection(Self.inspectionForm(day: "2026-04-01", rows: [
                ("液氨储罐区未设泄漏报警装置", "major", "李四", ""), ("粉尘涉爆车间除尘系统不合规", "major", "王五", ""),
            ])).status == .seeOther)
            #expect(try await unit.recordSafetyInspection(Self.inspectionForm(day: "2026-05-06", rows: [
                ("消防通道堆放杂物", "general", "张三", ""), ("配电箱未可靠接地", "general", "赵六", ""), ("危化品仓库防爆设施缺失", "major", "钱七", ""),
            ])).status == .seeOther)
            let stuck = try await Self.hazard(app, f, "消防通道堆放杂物")
            let waiting = try await Self.hazard(app, f, "配电箱未可靠接地")
            let majorStuck = try await Self.hazard(app, f, "液氨储罐区未设泄漏报警装置")
            let majorWaiting = try await Self.hazard(app, f, "粉尘涉爆车间除尘系统不合规")
            let notDue = try await Self.hazard(app, f, "危化品仓库防爆设施缺失")
            #expect(stuck.deadline == Day(iso: "2026-05-19")! && waiting.deadline == Day(iso: "2026-05-19")!)
            #expect(majorStuck.deadline == Day(iso: "2026-05-18")! && majorWaiting.deadline == Day(iso: "2026-05-18")!)
            #expect(notDue.deadline == Day(iso: "2026-06-16")!)

            for h in [stuck, waiting, majorStuck, majorWaiting] {
                #expect(try await unit.safetyAct(h.id, version: 1, .startRectifying).status == .seeOther)
            }
            for h in [waiting, majorWaiting] {
                #expect(try await unit.safetyAct(h.id, version: 2, .submit, text: "已整改", files: [("evidence", "整改后.png", Self.png)]).status == .seeOther)
            }
            // The unit sees how late it is.
            let late = try await unit.get("/hazards/\(stuck.id)")
            #expect(late.text.contains("2026-05-19（已逾期19个工作日）"))
            #expect(try await unit.get("/safety").text.contains("整改中·逾期19个工作日"))

            _ = try await office.get("/safety")
            let first = try await office.post("/safety/supervise", [])
            #expect(first.status == .seeOther && first.headers.first(name: .location) == "/supervision?notice=proposed")
            _ = try await office.get("/safety")
            let second = try await office.post("/safety/supervise", [])
            #expect(second.status == .seeOther && second.headers.first(name: .location) == "/supervision?notice=none-due")
            await JobRunner.tick(app, now: Date())

            let orders = try await app.store.orders(zoneId: f.zoneId, OrderFilter()).filter { $0.hazardId != nil }
            #expect(orders.count == 3)
            let expected: [(Hazard, EscalationLevel)] = [(stuck, .supervision), (majorStuck, .listed), (majorWaiting, .listed)]
            for (h, level) in expected {
                let mine = try await app.store.orders(zoneId: f.zoneId, OrderFilter(hazardId: h.id))
                #expect(mine.count == 1, "\(h.description): \(mine.count) orders")
                guard let o = mine.first else { continue }
                #expect(o.level == level && o.receivingUnitId == f.unitA && o.status == .proposed && o.source == .auto)
                #expect(o.taskId == nil && o.appealId == nil)
                #expect(o.reason.contains(h.description) && o.reason.contains("整改期限\(h.deadline.iso)"))
            }
            #expect(try await app.store.orders(zoneId: f.zoneId, OrderFilter(hazardId: majorWaiting.id)).first?.reason.contains("整改佐证待验收") == true)
            #expect(try await app.store.orders(zoneId: f.zoneId, OrderFilter(hazardId: waiting.id)).isEmpty)
            #expect(try await app.store.orders(zoneId: f.zoneId, OrderFilter(hazardId: notDue.id)).isEmpty)

            let o = try #require(try await app.store.orders(zoneId: f.zoneId, OrderFilter(hazardId: stuck.id)).first)
            let orderPage = try await office.get("/orders/\(o.id)")
            #expect(orderPage.status == .ok && orderPage.text.contains("href=\"/hazards/\(stuck.id)\"") && orderPage.text.contains("安全隐患：一般隐患：消防通道堆放杂物"))
            #expect(try await office.get("/hazards/\(stuck.id)").text.contains("督字第\(o.id)号"))
        }
    }

    // MARK: 4. Statistics

    /// Records `count` hazards through the store (one inspection each, found 2025-11-03 … 2026-06-15, deadlines 5–54 days
    /// after, at units A, B or none) and walks each a random way through the loop on days of its own; a deterministic LCG.
    private static func generate(_ app: Application, _ f: Fixture, firm: Int, count: Int = 48, seed start: UInt64 = 20260615) async throws -> [MadeHazard] {
        let store = app.store, boot = Self.boot(f)
        var seed = start
        func next(_ n: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int((seed >> 33) % UInt64(n)) }
        let photo = try Self.photo(app)
        var made: [MadeHazard] = []
        for i in 0..<count {
            let found = min(Day(iso: "2025-11-03")!.adding(days: next(225)), testToday)
            let r = next(7)
            let unit: Int? = r < 3 ? f.unitA : (r < 6 ? f.unitB : nil)
            let level: HazardLevel = next(4) == 0 ? .major : .general
            let deadline = found.adding(days: 5 + next(50))
            let inspection = SafetyInspection(id: 0, enterpriseId: firm, unitId: unit, day: found, inspectors: ["检查员\(i)"], kind: .routine)
            let draft = HazardDraft(enterpriseId: firm, unitId: unit, description: "生成隐患\(i)", level: level, foundOn: found, deadline: deadline,
                                    responsiblePerson: "责任人\(i)")
            let ids = try await store.recordInspection(inspection, hazards: [draft], today: testToday, calendar: .official, actor: boot).hazardIds
            var h = MadeHazard(id: ids[0], unit: unit, level: level, found: found, deadline: deadline)
            defer { made.append(h) }
            guard unit != nil else { continue }  // nobody to put it right: stays 已发现
            var day = found
            func later(_ most: Int) -> Day { day = min(day.adding(days: next(most + 1)), testToday); return day }
            if next(6) == 0 { continue }
            try await Self.step(app, f, &h, .startRectifying, .unit, on: later(5))
            if next(6) == 0 { continue }
            try await Self.step(app, f, &h, .submit, .unit, on: later(30), text: "已整改", files: [photo])
            var rounds = 0
            while true {
                let r = next(8)
                if r == 0 { break }  // waiting for verification
                if r == 1 && rounds < 2 {
                    rounds += 1
                    try await Self.step(app, f, &h, .sendBack, .office, on: later(5), text: "整改不到位")
                    if next(3) == 0 { break }
                    try await Self.step(app, f, &h, .submit, .unit, on: later(15), text: "再次整改", files: [photo])
                    continue
                }
                let verifier: HazardParty = h.level == .major || next(2) == 0 ? .office : .unit
                try await Self.step(app, f, &h, .verify, verifier, on: later(15), text: "验收合格")
                break
            }
        }
        return made
    }

    private static func photo(_ app: Application) throws -> EvidenceUpload {
        EvidenceUpload(sha256: try app.blobs.put(Data(Self.png)), filename: "整改后现场.png", kind: .png, size: Self.png.count)
    }

    /// One step through the store on `day`, by the hazard's unit or the office, tracked in `h`.
    private static func step(_ app: Application, _ f: Fixture, _ h: inout MadeHazard, _ action: HazardAction, _ party: HazardParty, on day: Day,
                             text: String = "", files: [EvidenceUpload] = []) async throws {
        let actor = party == .office ? Self.boot(f)
            : Actor(userId: 0, username: "unit", displayName: "责任单位安全员", zoneId: f.zoneId, unitId: h.unit, roles: [.reporter])
        _ = try await app.store.actOnHazard(id: h.id, version: h.version, action: action, party: party, text: text, files: files, today: day, actor: actor)
        h.version += 1
        switch action {
        case .startRectifying, .sendBack: h.status = .rectifying
        case .submit: h.status = .submitted
        case .verify: h.status = .verified; h.verified = day
        }
    }

    /// The figures of `made` over `from...to`, straight from `SafetyFigures`' doc comment: flows over the hazards found in
    /// the period, stocks over every hazard found by `to`, each judged as things stood on `to`.
    private static func figures(_ made: [MadeHazard], from: Day, to: Day) -> SafetyFigures {
        var f = SafetyFigures()
        for h in made {
            if h.found > to { continue }  // not found yet at the end of the period
            var struckOff = false
            if let v = h.verified, v <= to { struckOff = true }
            let pastDeadline = !struckOff && h.deadline < to
            if h.found >= from {
                f.found += 1
                if h.level == .major { f.foundMajor += 1 }
                if struckOff {
                    f.verified += 1
                    if let v = h.verified, v <= h.deadline { f.verifiedOnTime += 1 }
                } else if pastDeadline {
                    f.overdueFound += 1
                }
            }
            if !struckOff && h.level == .major { f.openMajor += 1 }
            if pastDeadline { f.overdue += 1 }
        }
        return f
    }

    static func summary(_ year: Int, _ z: SafetyFigures) -> String {
        "\(year)年发现隐患\(z.found)项（重大\(z.foundMajor)项），已验收销号\(z.verified)项；整改率\(percent(z.rectificationRate))，"
            + "按期整改率\(percent(z.onTimeRate))；逾期未销号\(z.overdue)项，重大隐患未销号\(z.openMajor)项。"
    }

    @Test("生成的48项隐患：/safety 的整改率、按期整改率、逾期与重大未销号数与逐项独立清点一致（含已结束的2025年：之后的销号不改变当年数字）；按单位也一致", arguments: TestDB.all)
    func statistics(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let firms = try await Self.firms(app, f)
            let made = try await Self.generate(app, f, firm: firms.first)

            // The store holds what the test did.
            let stored = Dictionary(uniqueKeysWithValues: try await app.store.hazards(zoneId: f.zoneId).map { ($0.id, $0) })
            #expect(stored.count == made.count)
            var mismatched: [Int] = []
            for m in made {
                guard let h = stored[m.id], h.status == m.status, h.verifiedOn == m.verified, h.deadline == m.deadline, h.foundOn == m.found,
                      h.unitId == m.unit, h.version == m.version else { mismatched.append(m.id); continue }
            }
            #expect(mismatched.isEmpty, "hazards stored unlike the test made them: \(mismatched)")

            let start = Day(iso: "2026-01-01")!
            let zone = Self.figures(made, from: start, to: testToday)
            // The generated set reaches every branch of the definitions.
            #expect(zone.found > zone.verified && zone.verified > zone.verifiedOnTime && zone.verifiedOnTime > 0 && zone.overdueFound > 0)
            #expect(zone.overdue > zone.overdueFound && zone.openMajor > 0 && zone.foundMajor > 0)
            #expect(made.contains { $0.found.year == 2025 && ($0.verified?.year ?? 0) == 2026 })

            var office = Browser(app)
            _ = try await office.login("office")
            let page = try await office.get("/safety")
            #expect(page.status == .ok)
            #expect(page.text.contains(Self.summary(2026, zone)),
                    "\(page.text.range(of: "2026年发现隐患").map { String(page.text[$0.lowerBound...].prefix(200)) } ?? "no summary") vs \(Self.summary(2026, zone))")
            #expect(page.text.contains("未销号的隐患（\(made.filter { $0.status != .verified }.count)项）"))

            // A closed year: hazards verified in 2026 still count as open at the end of 2025.
            let closed = Self.figures(made, from: Day(iso: "2025-01-01")!, to: Day(iso: "2025-12-31")!)
            #expect(closed.found > 0)
            let lastYear = try await office.get("/safety?year=2025")
            #expect(lastYear.text.contains(Self.summary(2025, closed)),
                    "\(lastYear.text.range(of: "2025年发现隐患").map { String(lastYear.text[$0.lowerBound...].prefix(200)) } ?? "no summary") vs \(Self.summary(2025, closed))")

            // Per unit (the chart's figures), over the stored rows.
            let byUnit = Dictionary(grouping: made, by: \.unit).mapValues { Self.figures($0, from: start, to: testToday) }
            let product = SafetyStatistics(hazards: Array(stored.values), from: start, to: testToday)
            #expect(product.zone == zone)
            #expect(product.byUnit == byUnit)
            #expect(page.text.contains(Self.percent(byUnit[f.unitA]?.rectificationRate)) && page.text.contains(Self.percent(byUnit[f.unitB]?.onTimeRate)))
        }
    }

    // MARK: 5. Accidents

    static func accidentForm(code: String = SafetyPagesTests.firstCode, day: String, unit: Int?, deaths: String, injuries: String = "0", loss: String = "0",
                             liability: Bool = true, description: String) -> [(String, String)] {
        [("creditCode", code), ("day", day), ("unitId", unit.map(String.init) ?? ""), ("deaths", deaths), ("seriousInjuries", injuries),
         ("directLoss", loss), ("isLiability", liability ? "yes" : "no"), ("description", description)]
    }

    private static let vetoSchemeJSON = #"""
    {"items": [{"key": "review", "name": "评议", "source": "review", "points": 100, "rule": {"kind": "ratio", "target": 100}}],
     "weighting": "points", "aggregation": "sum", "adjustments": [],
     "vetoes": [{"key": "safety", "name": "安全生产一票否决", "gradeCap": "较差"}],
     "grades": [{"name": "优秀", "min": 90}, {"name": "良好", "min": 80}, {"name": "一般", "min": 60}, {"name": "较差", "min": 0}],
     "decimals": 2}
    """#

    @Test("事故：按条例分级（1死→一般、10死→重大、损失6000万→重大、重伤10人→较大）；负数、文字金额、未知信用代码、未来日期均422且不入库；期内重大责任事故一票否决，仅一般事故、非责任事故或期外事故不否决", arguments: TestDB.all)
    func accidents(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            _ = try await Self.firms(app, f)
            var office = Browser(app)
            _ = try await office.login("office")
            func record(_ fields: [(String, String)]) async throws -> TestingHTTPResponse {
                _ = try await office.get("/safety/accidents")
                return try await office.post("/safety/accidents", fields)
            }
            let forms: [(String, [(String, String)], AccidentSeverity)] = [
                ("车间叉车倒车撞人", Self.accidentForm(day: "2026-04-15", unit: f.unitB, deaths: "1", injuries: "2", loss: "120", description: "车间叉车倒车撞人"), .ordinary),
                ("仓库火灾", Self.accidentForm(day: "2026-05-20", unit: f.unitA, deaths: "10", loss: "800", description: "仓库火灾"), .major),
                ("山洪冲毁厂房", Self.accidentForm(code: Self.secondCode, day: "2026-05-10", unit: f.unitB, deaths: "12", liability: false, description: "山洪冲毁厂房"), .major),
                ("一季度储罐爆炸", Self.accidentForm(code: Self.secondCode, day: "2026-03-20", unit: f.unitB, deaths: "0", loss: "6,000", description: "一季度储罐爆炸"), .major),
                ("有限空间中毒", Self.accidentForm(code: Self.secondCode, day: "2026-06-01", unit: nil, deaths: "2", injuries: "10", description: "有限空间中毒"), .large),
            ]
            for (name, fields, _) in forms {
                let res = try await record(fields)
                #expect(res.status == .seeOther && res.headers.first(name: .location) == "/safety/accidents?notice=saved", "\(name): \(res.status) \(res.text.prefix(300))")
            }
            let stored = try await app.store.accidents(zoneId: f.zoneId)
            #expect(stored.count == forms.count)
            for (name, _, severity) in forms {
                let a = try #require(stored.first { $0.description == name })
                #expect(a.severity == severity, "\(name): \(a.severity)")
            }
            let fire = try #require(stored.first { $0.description == "仓库火灾" })
            #expect(fire.deaths == 10 && fire.directLossWan == 800 && fire.isLiability)
            #expect(fire.unitId == f.unitA && fire.day == Day(iso: "2026-05-20")!)
            #expect(stored.first { $0.description == "山洪冲毁厂房" }?.isLiability == false)
            #expect(stored.first { $0.description == "一季度储罐爆炸" }?.directLossWan == 6000)
            let list = try await office.get("/safety/accidents")
            #expect(list.text.contains("<td>2026-05-20</td><td>\(Self.firstName)</td><td>科技创新局</td><td><span class=\"light red\">重大事故（责任事故）</span></td>"))
            #expect(list.text.contains("<td>2026-04-15</td><td>\(Self.firstName)</td><td>经济发展局</td><td><span class=\"light yellow\">一般事故（责任事故）</span></td>"))
            #expect(list.text.contains("<span class=\"light red\">重大事故</span>") && list.text.contains("较大事故（责任事故）"))

            // Bad input: said plainly, what was typed kept, nothing stored.
            let bad: [([(String, String)], String)] = [
                (Self.accidentForm(day: "2026-06-02", unit: f.unitA, deaths: "-1", description: "坏数据一"), "死亡人数不能为负"),
                (Self.accidentForm(day: "2026-06-02", unit: f.unitA, deaths: "0", loss: "五十万", description: "坏数据二"), "直接经济损失须为数字（万元）"),
                (Self.accidentForm(code: Self.code("91110108MA01R2XK3"), day: "2026-06-02", unit: f.unitA, deaths: "1", description: "坏数据三"), "企业库中没有这个统一社会信用代码的企业"),
                (Self.accidentForm(day: "2026-06-16", unit: f.unitA, deaths: "1", description: "坏数据四"), "事故日期不能晚于今天"),
            ]
            for (fields, message) in bad {
                let res = try await record(fields)
                #expect(res.status == .unprocessableEntity && res.text.contains(message), "\(message): \(res.status)")
                #expect(res.text.contains(fields.last!.1))
            }
            #expect(try await app.store.accidents(zoneId: f.zoneId).count == forms.count)
            #expect(try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "accident")).total == forms.count)

            // The second-quarter scheme with the 安全生产 veto: A (a 重大 liability accident on 05-20) is vetoed; B (a 一般 one, a 重大
            // one found not to be a liability accident, a 重大 liability one in the first quarter) is not.
            let boot = Self.boot(f)
            let definition = try JSONDecoder().decode(AssessmentScheme.self, from: Data(Self.vetoSchemeJSON.utf8))
            let s = try await app.store.createScheme(period: AssessmentPeriod(year: 2026, quarter: 2), category: .department, name: "二季度安全考核",
                                                     definition: definition, actor: boot)
            for u in [f.unitA, f.unitB] {
                _ = try await app.store.addMark(schemeId: s.id, MarkDraft(unitId: u, kind: .review, key: "review", points: 95, reason: "评议"), actor: boot)
            }
            var api = Browser(app, bearer: f.tokens["office"])
            let preview = try await api.json(.POST, "/api/v1/assessment/schemes/\(s.id)/preview")
            #expect(preview.status == .ok, "\(preview.text.prefix(300))")
            let cards = try #require(try preview.json()["scorecards"] as? [[String: Any]])
            let a = try #require(cards.first { $0["unitId"] as? Int == f.unitA })
            let b = try #require(cards.first { $0["unitId"] as? Int == f.unitB })
            let aVetoes = try #require(a["vetoes"] as? [[String: Any]])
            #expect(aVetoes.count == 1 && aVetoes.first?["key"] as? String == "safety")
            let reason = aVetoes.first?["reason"] as? String ?? ""
            #expect(reason.hasPrefix("2026-05-20发生重大事故（死亡10人") && reason.contains("安全生产一票否决"), "\(reason)")
            #expect(a["grade"] as? String == "较差" && (a["gradeNote"] as? String)?.contains("一票否决") == true)
            #expect((b["vetoes"] as? [[String: Any]])?.isEmpty == true, "\(b["vetoes"] ?? "")")
            #expect(b["grade"] as? String == "优秀")
            #expect((a["rank"] as? Int ?? 0) > (b["rank"] as? Int ?? 0))
        }
    }

    @Test("试算（未保存的方案）加上安全生产否决项：同样按期内重大责任事故否决，不因先算过无否决项的方案而漏掉事故", arguments: TestDB.all)
    func vetoInWhatIf(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            _ = try await Self.firms(app, f)
            var office = Browser(app)
            _ = try await office.login("office")
            _ = try await office.get("/safety/accidents")
            let fire = try await office.post("/safety/accidents", Self.accidentForm(day: "2026-05-20", unit: f.unitA, deaths: "10", loss: "800", description: "仓库火灾"))
            #expect(fire.status == .seeOther)
            let boot = Self.boot(f)
            let withVeto = try JSONDecoder().decode(AssessmentScheme.self, from: Data(Self.vetoSchemeJSON.utf8))
            var without = withVeto
            without.vetoes = []
            let s = try await app.store.createScheme(period: AssessmentPeriod(year: 2026, quarter: 2), category: .department, name: "二季度考核（无否决项）",
                                                     definition: without, actor: boot)
            for u in [f.unitA, f.unitB] {
                _ = try await app.store.addMark(schemeId: s.id, MarkDraft(unitId: u, kind: .review, key: "review", points: 95, reason: "评议"), actor: boot)
            }
            var api = Browser(app, bearer: f.tokens["office"])
            func unitA(_ res: TestingHTTPResponse) throws -> [String: Any] {
                let cards = try #require(try res.json()["scorecards"] as? [[String: Any]], "\(res.status) \(res.text.prefix(300))")
                return try #require(cards.first { $0["unitId"] as? Int == f.unitA })
            }
            // The saved scheme has no veto item: no veto.
            let plain = try unitA(try await api.json(.POST, "/api/v1/assessment/schemes/\(s.id)/preview"))
            #expect((plain["vetoes"] as? [[String: Any]])?.isEmpty == true && plain["grade"] as? String == "优秀")
            // The office tries the same scheme with the 安全生产 veto added, without saving: unit A's 重大 accident vetoes it.
            let body = String(decoding: try JSONEncoder().encode(["definition": withVeto]), as: UTF8.self)
            let whatIf = try unitA(try await api.json(.POST, "/api/v1/assessment/schemes/\(s.id)/preview", body))
            let vetoes = whatIf["vetoes"] as? [[String: Any]] ?? []
            #expect(vetoes.count == 1 && vetoes.first?["key"] as? String == "safety", "what-if vetoes: \(vetoes)")
            #expect(whatIf["grade"] as? String == "较差")
        }
    }

    // MARK: 6. Settings

    // From Monday 2026-06-15 (端午 06-19–06-21 rest): +5 → 16, 17, 18, 22, 23 → 06-23; +10 → … 24, 25, 26, 29, 30 → 06-30;
    // +20 → … 07-01, 02, 03, 06, 07, 08, 09, 10, 13, 14 → 07-14; +30 → … 07-28.
    @Test("整改时限设置：一般隐患0个工作日被拒（422）；有效修改只改变此后登记的隐患的默认期限；过期版本409", arguments: TestDB.all)
    func settings(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            _ = try await Self.firms(app, f)
            var office = Browser(app)
            _ = try await office.login("office")
            #expect(try await office.recordSafetyInspection(Self.inspectionForm(day: "2026-06-15", unit: f.unitA, rows: [
                ("改设置前：消防栓被遮挡", "general", "张三", ""), ("改设置前：气瓶无防倾倒措施", "major", "李四", ""),
            ])).status == .seeOther)
            let before = try await Self.hazard(app, f, "改设置前：消防栓被遮挡")
            #expect(before.deadline == Day(iso: "2026-06-30")! && before.unitId == f.unitA)
            #expect(try await Self.hazard(app, f, "改设置前：气瓶无防倾倒措施").deadline == Day(iso: "2026-07-28")!)

            let form = try await office.get("/safety/settings")
            #expect(form.status == .ok && form.text.contains("name=\"version\" value=\"0\""))
            let zero = try await office.post("/safety/settings", [("version", "0"), ("general", "0"), ("major", "30")])
            #expect(zero.status == .unprocessableEntity && zero.text.contains("一般隐患整改时限须为1到250个工作日"))
            let (untouched, v0) = try await app.store.rectificationRules(zoneId: f.zoneId)
            #expect(untouched == .standard && v0 == 0)

            _ = try await office.get("/safety/settings")
            let saved = try await office.post("/safety/settings", [("version", "0"), ("general", "5"), ("major", "20")])
            #expect(saved.status == .seeOther && saved.headers.first(name: .location) == "/safety/settings?notice=saved")
            let (rules, v1) = try await app.store.rectificationRules(zoneId: f.zoneId)
            #expect(rules == RectificationRules(general: 5, major: 20) && v1 == 1)
            let stale = try await office.post("/safety/settings", [("version", "0"), ("general", "7"), ("major", "20")])
            #expect(stale.status == .conflict && stale.text.contains("时限已被他人修改"))
            let (kept, v2) = try await app.store.rectificationRules(zoneId: f.zoneId)
            #expect(kept == RectificationRules(general: 5, major: 20) && v2 == 1)

            #expect(try await office.recordSafetyInspection(Self.inspectionForm(day: "2026-06-15", unit: f.unitA, rows: [
                ("改设置后：灭火器过期", "general", "王五", ""), ("改设置后：储罐区防火堤破损", "major", "赵六", ""), ("改设置后：另定期限", "general", "钱七", "2026-07-01"),
            ])).status == .seeOther)
            #expect(try await Self.hazard(app, f, "改设置后：灭火器过期").deadline == Day(iso: "2026-06-23")!)
            #expect(try await Self.hazard(app, f, "改设置后：储罐区防火堤破损").deadline == Day(iso: "2026-07-14")!)
            #expect(try await Self.hazard(app, f, "改设置后：另定期限").deadline == Day(iso: "2026-07-01")!)
            // Hazards recorded before keep theirs.
            #expect(try await app.store.hazard(id: before.id, zoneId: f.zoneId).deadline == Day(iso: "2026-06-30")!)
            #expect(try await office.get("/hazards/\(before.id)").text.contains("2026-06-30"))
        }
    }

    // MARK: 7. The computed indicator

    @Test("系统计算指标“安全隐患整改率”（季度）：各季度值与逐项独立清点一致；今日再销号一项，二季度值随之更新", arguments: TestDB.all)
    func computedIndicator(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let firms = try await Self.firms(app, f)
            var made = try await Self.generate(app, f, firm: firms.first)
            let boot = Self.boot(f)
            var d = IndicatorDraft()
            d.code = "AQ-01"; d.name = "安全隐患整改率"; d.unit = "%"; d.direction = .higher; d.frequency = .quarterly; d.source = .computed
            d.formula = .hazardRectification; d.ownerUnitId = f.unitA
            let indicator = try await app.store.createIndicator(d, actor: boot)
            var api = Browser(app, bearer: f.tokens["office"])

            func values() async throws -> [[String: Any]] {
                let res = try await api.get("/api/v1/indicators/\(indicator.id)/values?year=2026")
                return try #require(try JSONSerialization.jsonObject(with: Data(res.text.utf8)) as? [[String: Any]], "\(res.status) \(res.text.prefix(300))")
            }
            let start = Day(iso: "2026-01-01")!
            let q1 = Self.figures(made, from: start, to: Day(iso: "2026-03-31")!)
            var q2 = Self.figures(made, from: start, to: testToday)
            let q1Rate = try #require(q1.rectificationRate), q2Rate = try #require(q2.rectificationRate)
            #expect(abs(q1Rate - q2Rate) > 0.01)  // the two quarters tell apart

            var list = try await values()
            #expect(list.map { $0["period"] as? String } == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"])
            let actual1 = try #require((list[0]["actual"] as? NSNumber)?.doubleValue, "\(list[0])")
            #expect(abs(actual1 - 100 * q1Rate) < 1e-9, "Q1 \(actual1) vs \(100 * q1Rate)")
            #expect((list[0]["detail"] as? String)?.contains("截至2026-03-31本年发现隐患\(q1.found)项（重大\(q1.foundMajor)项），已验收销号\(q1.verified)项") == true,
                    "\(list[0]["detail"] ?? "")")
            var actual2 = try #require((list[1]["actual"] as? NSNumber)?.doubleValue, "\(list[1])")
            #expect(abs(actual2 - 100 * q2Rate) < 1e-9, "Q2 \(actual2) vs \(100 * q2Rate)")
            #expect((list[1]["detail"] as? String)?.contains("截至2026-06-15本年发现隐患\(q2.found)项（重大\(q2.foundMajor)项），已验收销号\(q2.verified)项") == true,
                    "\(list[1]["detail"] ?? "")")
            // The third and fourth quarters have not begun: no value.
            let later = list.suffix(2).map { $0["actual"].map { $0 is NSNull } ?? true }
            #expect(later == [true, true], "\(list.suffix(2))")

            // One more hazard of this year put right today: the second quarter moves, the first does not.
            let k = try #require(made.firstIndex { $0.found.year == 2026 && $0.unit != nil && $0.status == .rectifying })
            let photo = try Self.photo(app)
            try await Self.step(app, f, &made[k], .submit, .unit, on: testToday, text: "已整改", files: [photo])
            try await Self.step(app, f, &made[k], .verify, .office, on: testToday, text: "验收合格")
            q2 = Self.figures(made, from: start, to: testToday)
            list = try await values()
            actual2 = try #require((list[1]["actual"] as? NSNumber)?.doubleValue, "\(list[1])")
            #expect(abs(actual2 - 100 * (q2.rectificationRate ?? -1)) < 1e-9, "Q2 after \(actual2) vs \(100 * (q2.rectificationRate ?? -1))")
            #expect(abs(((list[0]["actual"] as? NSNumber)?.doubleValue ?? -1) - 100 * q1Rate) < 1e-9)
        }
    }
}
