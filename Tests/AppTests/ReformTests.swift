@testable import App
import Domain
import Foundation
import Persistence
import Testing
import Vapor
import VaporTesting

@Suite("改革项目库：入库、阶段节点、成果与考核加分")
struct ReformTests {
    static let title = "企业开办一件事改革"
    static let stages = "制定实施方案|2026-03-31\n开展试点|2026-05-29\n评估推广|2026-09-30"

    static func form(_ f: Fixture, title: String = title, lead: String? = nil, stages: String = stages) -> [(String, String)] {
        [("title", title), ("kind", "reform"), ("target", "province"), ("leadUnitId", lead ?? String(f.unitA)), ("coUnitIds", String(f.unitB)),
         ("taskId", String(f.taskA)), ("firstYear", "2026"), ("lastYear", ""), ("stages", stages)]
    }

    static func reformId(_ res: TestingHTTPResponse) throws -> Int {
        let location = try #require(res.headers.first(name: .location), "\(res.status) \(res.text.prefix(300))")
        let path = location.split(separator: "?")[0]
        return try #require(Int(path.split(separator: "/").last ?? ""), "\(location)")
    }

    /// A reporter of unit B: the item's co-unit, not its lead.
    static func reporterB(_ app: Application, _ f: Fixture) async throws {
        let hash = try await app.password.async.hash(Fixture.password)
        _ = try await app.store.createUser(zoneId: f.zoneId, UserDraft(unitId: f.unitB, username: "reporterb", displayName: "reporterb"),
                                           roles: [.reporter], passwordHash: hash, actor: nil)
    }

    @Test("表单入库；无阶段、阶段倒序、未知单位、日期无效等错误输入返回422和中文提示且不保存", arguments: TestDB.all)
    func create(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var office = Browser(app)
            _ = try await office.login("office")
            let blank = try await office.get("/reforms/new")
            #expect(blank.status == .ok && blank.text.contains("摸排高企培育库") && blank.text.contains("全省争进位"))

            let bad: [([(String, String)], String)] = [
                (Self.form(f, stages: ""), "请至少设置一个阶段节点"),
                (Self.form(f, stages: "开展试点|2026-06-30\n制定方案|2026-03-31"), "阶段须按时间先后排列：第2个阶段"),
                (Self.form(f, stages: "制定方案|2026-02-30"), "第1个阶段“制定方案”的截止日期“2026-02-30”不是有效日期"),
                (Self.form(f, stages: "制定方案 2026-03-31"), "应写成“阶段名称|截止日期”"),
                (Self.form(f, stages: "制定方案|2027-01-15"), "不在实施年度（2026年）内"),
                (Self.form(f, lead: "999999"), "牵头单位（编号999999）不存在或不属于本区"),
                (Self.form(f, lead: String(f.otherZoneUnit)), "牵头单位（编号\(f.otherZoneUnit)）不存在或不属于本区"),
                (Self.form(f, lead: ""), "请选择牵头单位"),
                (Self.form(f, title: "改"), "请填写项目名称"),
                (Self.form(f).filter { $0.0 != "target" }, "请选择目标定位"),
            ]
            for (fields, message) in bad {
                let res = try await office.post("/reforms/new", fields)
                #expect(res.status == .unprocessableEntity && res.text.contains(message), "\(message): \(res.status) \(res.text.prefix(200))")
                #expect(try await app.store.reformItems(zoneId: f.zoneId).isEmpty)
            }
            #expect(try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "reform_item")).total == 0)

            let created = try await office.post("/reforms/new", Self.form(f, title: "  \(Self.title)  "))
            #expect(created.status == .seeOther)
            let id = try Self.reformId(created)
            let item = try await app.store.reformItem(id: id, zoneId: f.zoneId)
            #expect(item.title == Self.title && item.kind == .reform && item.target == .province && item.leadUnitId == f.unitA)
            #expect(item.coUnitIds == [f.unitB] && item.taskId == f.taskA && item.firstYear == 2026 && item.lastYear == 2026 && item.version == 1)
            #expect(item.stages.map(\.name) == ["制定实施方案", "开展试点", "评估推广"] && item.stages.map(\.deadline.iso) == ["2026-03-31", "2026-05-29", "2026-09-30"])
            let page = try await office.get("/reforms/\(id)")
            #expect(page.status == .ok && page.text.contains(Self.title) && page.text.contains("/tasks/\(f.taskA)") && page.text.contains("摸排高企培育库"))
            #expect(try await office.get("/reforms/999999").status == .notFound)
            // Only the office enters items; everyone who reads the matrix sees the library.
            var observer = Browser(app, bearer: f.tokens["observer"])
            #expect(try await observer.get("/reforms").status == .ok)
            #expect(try await observer.post("/reforms/new", Self.form(f), csrf: false).status == .forbidden)
            #expect(try await app.store.reformItems(zoneId: f.zoneId).count == 1)
            let audit = try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "reform_item")).entries
            #expect(audit.count == 1 && audit.first?.action == .create && audit.first?.entityId == id)
        }
    }

    @Test("牵头单位填报员登记阶段完成，配合单位填报员被拒；成果登记；加分按规则；过期版本409；审计留痕", arguments: TestDB.all)
    func stagesOutcomesBonus(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            try await Self.reporterB(app, f)
            var office = Browser(app), lead = Browser(app), other = Browser(app)
            _ = try await office.login("office"); _ = try await lead.login("reporter"); _ = try await other.login("reporterb")
            _ = try await office.get("/reforms/new")
            let id = try Self.reformId(try await office.post("/reforms/new", Self.form(f)))

            // Before anything is done, on 2026-06-15 the first two stages are open past their deadlines.
            let list0 = try await office.get("/reforms")
            #expect(list0.text.contains("全省争进位（1项）") && list0.text.contains("1项：按进度0项，滞后1项"))

            // Unit B helps but does not lead: refused, nothing changed.
            _ = try await other.get("/reforms/\(id)")
            let refused = try await other.post("/reforms/\(id)/stages", [("version", "1"), ("stage", "0"), ("day", "2026-04-03")])
            #expect(refused.status == .forbidden && refused.text.contains("只有督查室或牵头单位的填报员"))
            #expect(try await app.store.reformItem(id: id, zoneId: f.zoneId).stages[0].doneOn == nil)

            // The lead unit's reporter: stages in order, not in the future.
            _ = try await lead.get("/reforms/\(id)")
            let skip = try await lead.post("/reforms/\(id)/stages", [("version", "1"), ("stage", "1"), ("day", "2026-04-03")])
            #expect(skip.status == .unprocessableEntity && skip.text.contains("请先完成上一阶段“制定实施方案”"))
            #expect(try await lead.post("/reforms/\(id)/stages", [("version", "1"), ("stage", "0"), ("day", "2026-04-03")]).status == .seeOther)
            var item = try await app.store.reformItem(id: id, zoneId: f.zoneId)
            #expect(item.stages[0].doneOn == Day(iso: "2026-04-03") && item.version == 2)
            let future = try await lead.post("/reforms/\(id)/stages", [("version", "2"), ("stage", "1"), ("day", "2026-06-16")])
            #expect(future.status == .unprocessableEntity && future.text.contains("完成日期不能晚于今天"))
            // A page read before that change: refused with 409.
            _ = try await office.get("/reforms/\(id)")
            let stale = try await office.post("/reforms/\(id)/stages", [("version", "1"), ("stage", "1"), ("day", "2026-06-01")])
            #expect(stale.status == .conflict)
            #expect(try await app.store.reformItem(id: id, zoneId: f.zoneId).stages[1].doneOn == nil)
            // Stage 2 (due Friday 2026-05-29) is still open: 06-01…06-05 and 06-08…06-12 and 06-15 are 11 working days late.
            let page = try await office.get("/reforms/\(id)")
            #expect(page.text.contains("逾期11个工作日"))

            // Outcomes: only the office records them.
            #expect(try await lead.post("/reforms/\(id)/outcomes", [("version", "2"), ("kind", "adopted"), ("level", "city"), ("body", "市发展改革委"),
                                                                    ("day", "2026-05-10"), ("evidence", "")]).status == .forbidden)
            let outcome: (String, String, String, String, String) -> [(String, String)] = { v, kind, level, body, day in
                [("version", v), ("kind", kind), ("level", level), ("body", body), ("day", day), ("evidence", "市发改委文件")]
            }
            #expect(try await office.post("/reforms/\(id)/outcomes", outcome("2", "adopted", "city", "市发展改革委", "2026-05-10")).status == .seeOther)
            let noBody = try await office.post("/reforms/\(id)/outcomes", outcome("3", "promoted", "province", " ", "2026-06-01"))
            #expect(noBody.status == .unprocessableEntity && noBody.text.contains("请填写采纳或推广成果的单位"))
            let later = try await office.post("/reforms/\(id)/outcomes", outcome("3", "promoted", "province", "省发展改革委", "2026-07-01"))
            #expect(later.status == .unprocessableEntity && later.text.contains("成果日期不能晚于今天"))
            #expect(try await office.post("/reforms/\(id)/outcomes", outcome("2", "promoted", "province", "省发展改革委", "2026-06-01")).status == .conflict)
            #expect(try await office.post("/reforms/\(id)/outcomes", outcome("3", "promoted", "province", "省发展改革委", "2026-06-01")).status == .seeOther)
            item = try await app.store.reformItem(id: id, zoneId: f.zoneId)
            #expect(item.outcomes.count == 2 && item.version == 4)

            // Standard rule (市级1、省级2、国家级3，上限5，同一事项就高不重复): the province promotion counts 2, the city adoption not again.
            var list = try await office.get("/reforms")
            #expect(list.text.contains("改革创新加分（按考核办法）"))
            #expect(list.text.contains("<td data-label=\"牵头单位\">科技创新局</td><td data-label=\"加分\">2</td>"))
            #expect(list.text.contains("“\(Self.title)”省级推广（省发展改革委，2026-06-01）：+2分"))
            #expect(list.text.contains("“\(Self.title)”市级被采纳（市发展改革委，2026-05-10）：同一事项就高不重复，不另加分"))

            // The office changes the rule: 1.5 and 2.5 both count (not highest only), 4 in all, capped at 3.
            let rulesPage = try await office.get("/reforms/bonus-rules")
            #expect(rulesPage.status == .ok)
            let rules: (String, String, String, String, String, Bool) -> [(String, String)] = { v, c, p, n, cap, highest in
                [("version", v), ("city", c), ("province", p), ("nation", n), ("cap", cap)] + (highest ? [("highestPerItem", "1")] : [])
            }
            let lower = try await office.post("/reforms/bonus-rules", rules("0", "1.5", "1", "4", "3", false))
            #expect(lower.status == .unprocessableEntity && lower.text.contains("省级成果加分不能低于市级"))
            let word = try await office.post("/reforms/bonus-rules", rules("0", "一分", "2", "3", "5", true))
            #expect(word.status == .unprocessableEntity && word.text.contains("市级成果加分须为数字"))
            #expect(try await office.post("/reforms/bonus-rules", rules("0", "1.5", "2.5", "4", "3", false)).status == .seeOther)
            #expect(try await office.post("/reforms/bonus-rules", rules("0", "1", "2", "3", "5", true)).status == .conflict)
            let saved = try await app.store.reformBonusRules(zoneId: f.zoneId)
            #expect(saved.rules == ReformBonusRules(city: 1.5, province: 2.5, nation: 4, cap: 3, highestPerItem: false) && saved.version == 1)
            list = try await office.get("/reforms")
            #expect(list.text.contains("<td data-label=\"牵头单位\">科技创新局</td><td data-label=\"加分\">3</td>"))
            #expect(list.text.contains("合计4分，超过上限3分，按3分计"))
            // The same figure as the assessment's adjustment entry, for the year and for a quarter without outcomes.
            let (r, _) = try await app.store.reformBonusRules(zoneId: f.zoneId)
            let items = try await app.store.reformItems(zoneId: f.zoneId)
            #expect(ReformBonusByUnit.adjustments(items: items, rules: r, period: AssessmentPeriod(year: 2026), key: "honour")[f.unitA]?.points == 3)
            #expect(ReformBonusByUnit.adjustments(items: items, rules: r, period: AssessmentPeriod(year: 2026, quarter: 1), key: "honour")[f.unitA] == nil)

            // Every change is in the audit log.
            func audit(_ entity: String) async throws -> [AuditEntry] {
                try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: entity)).entries
            }
            #expect(try await audit("reform_item").map(\.action) == [.update, .create])
            #expect(try await audit("reform_outcome").count == 2)
            #expect(try await audit("reform_settings").count == 1)
        }
    }
}
