@testable import App
import Domain
import Foundation
import Persistence
import Spreadsheet
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The scheme every test here uses: 任务完成率 40, 按期完成率 30, 督办扣分 10 (1 point per point of orders), 评议 20,
/// a 加分 entry capped at 3, a veto capping the grade at 较差.
private let schemeJSON = #"""
{"items": [
  {"key": "completion", "name": "任务完成率", "source": "taskCompletion", "points": 40, "rule": {"kind": "ratio", "target": 100}},
  {"key": "on_time", "name": "按期完成率", "source": "taskOnTime", "points": 30, "rule": {"kind": "ratio", "target": 100}},
  {"key": "supervision", "name": "督办扣分", "source": "supervision", "points": 10, "rule": {"kind": "deductPer", "per": 1}},
  {"key": "review", "name": "评议", "source": "review", "points": 20, "rule": {"kind": "ratio", "target": 100}}],
 "weighting": "points", "aggregation": "sum",
 "adjustments": [{"key": "first", "name": "单项争第一", "kind": "bonus", "cap": 3}],
 "vetoes": [{"key": "safety", "name": "重大安全事故", "gradeCap": "较差"}],
 "grades": [{"name": "优秀", "min": 90, "quota": 0.5}, {"name": "良好", "min": 80}, {"name": "一般", "min": 60}, {"name": "较差", "min": 0}],
 "decimals": 2}
"""#

/// Sets up a second-quarter scheme for the fixture's two departments with tasks, an order and marks; returns its id.
private func setUp(_ app: Application, _ f: Fixture) async throws -> Int {
    let store = app.store
    let boot = Actor(userId: 0, username: "fixture", displayName: "督查室", zoneId: f.zoneId, unitId: nil, roles: [.office])
    func task(_ title: String, owner: Int, deadline: String, weight: Double, doneOn: String?) async throws {
        var d = TaskDraft()
        d.workPointId = f.workPointId; d.title = title; d.ownerUnitId = owner; d.weight = weight
        d.plannedStart = Day(iso: "2026-03-02"); d.deadline = Day(iso: deadline)
        if let doneOn { d.status = .done; d.percentDone = 100; d.doneOn = Day(iso: doneOn) }
        _ = try await store.createTask(d, actor: boot, today: testToday, calendar: .official)
    }
    // 科技创新局 (A): one task due in April, not done, weight 2 (taskA is due in September: not yet counted).
    try await task("完成高企培育入库", owner: f.unitA, deadline: "2026-04-30", weight: 2, doneOn: nil)
    try await task("组织政策宣讲", owner: f.unitA, deadline: "2026-05-20", weight: 1, doneOn: "2026-05-18")
    // 经济发展局 (B): one done late; taskB (due May 29, weight 1) stays in progress.
    try await task("上报一季度经济运行分析", owner: f.unitB, deadline: "2026-04-10", weight: 3, doneOn: "2026-04-20")
    _ = try await store.openOrder(OrderDraft(taskId: f.taskB, level: .supervision, reason: "培训未按期组织", requiredActions: "说明原因"), source: .manual,
                                  issuingUnit: "督查室", leaderNames: [], policy: .standard, actor: boot, today: testToday, calendar: .official)
    let scheme = try JSONDecoder().decode(AssessmentScheme.self, from: Data(schemeJSON.utf8))
    let s = try await store.createScheme(period: AssessmentPeriod(year: 2026, quarter: 2), category: .department, name: "二季度部门考核", definition: scheme, actor: boot)
    for (unit, points) in [(f.unitA, 90.0), (f.unitA, 80.0), (f.unitB, 70.0)] {
        _ = try await store.addMark(schemeId: s.id, MarkDraft(unitId: unit, kind: .review, key: "review", points: points, reason: "评议"), actor: boot)
    }
    _ = try await store.addMark(schemeId: s.id, MarkDraft(unitId: f.unitA, kind: .bonus, key: "first", points: 5, reason: "单项全省第一"), actor: boot)
    return s.id
}

/// The totals computed straight from the tables with the scheme's formulas written out — not through the product's code.
private func independentTotals(_ app: Application, _ f: Fixture, schemeId: Int) async throws -> [Int: Double] {
    let sql = app.db as! any SQLDatabase
    struct T: Decodable { let ownerUnitId: Int; let weight: Double; let status: String; let doneOn: String?; let deadline: String }
    struct O: Decodable { let receivingUnitId: Int; let deduction: Double }
    struct M: Decodable { let unitId: Int; let kind: String; let points: Double? }
    let tasks = try await sql.raw("SELECT owner_unit_id, weight, status, done_on, deadline FROM tasks WHERE zone_id = \(bind: f.zoneId) AND archived_at IS NULL")
        .all(decoding: T.self, with: SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase))
    let orders = try await sql.raw("SELECT receiving_unit_id, deduction FROM supervision_orders WHERE zone_id = \(bind: f.zoneId) AND issued_on BETWEEN '2026-04-01' AND '2026-06-30' AND status <> 'cancelled'")
        .all(decoding: O.self, with: SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase))
    let marks = try await sql.raw("SELECT unit_id, kind, points FROM assessment_marks WHERE scheme_id = \(bind: schemeId) AND withdrawn_at IS NULL")
        .all(decoding: M.self, with: SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase))
    let asOf = "2026-06-15"  // the fixture's today, before the quarter ends
    var totals: [Int: Double] = [:]
    for u in [f.unitA, f.unitB] {
        let due = tasks.filter { $0.ownerUnitId == u && $0.deadline <= asOf }
        let c = due.isEmpty ? 100 : 100 * due.filter { $0.status == "done" }.reduce(0) { $0 + $1.weight } / due.reduce(0) { $0 + $1.weight }
        let inQuarter = due.filter { $0.deadline >= "2026-04-01" }
        let o = inQuarter.isEmpty ? 100 : 100 * inQuarter.filter { $0.status == "done" && ($0.doneOn ?? "9") <= $0.deadline }.reduce(0) { $0 + $1.weight }
            / inQuarter.reduce(0) { $0 + $1.weight }
        let s = orders.filter { $0.receivingUnitId == u }.reduce(0) { $0 + $1.deduction }
        let reviews = marks.filter { $0.unitId == u && $0.kind == "review" }.compactMap(\.points)
        let r = reviews.reduce(0, +) / Double(reviews.count)
        let bonus = min(3, marks.filter { $0.unitId == u && $0.kind == "bonus" }.compactMap(\.points).reduce(0, +))
        let total = 40 * min(c / 100, 1) + 30 * min(o / 100, 1) + max(10 - s, 0) + 20 * min(r / 100, 1) + bonus
        totals[u] = (total * 100).rounded() / 100
    }
    return totals
}

@Suite("考核：方案、试算、发布冻结、重新发布、得分明细")
struct AssessmentTests {
    @Test("得分卡与独立计算一致；发布冻结，发布后录入不改旧版，重新发布须说明原因并列出变化", arguments: TestDB.all)
    func scorecardsAndPublishing(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let id = try await setUp(app, f)
            let expected = try await independentTotals(app, f, schemeId: id)
            // A: done 1 of 3 weight (1/3) → 13.33; on time 1 of 3 → 10; no orders 10; review 85 → 17; bonus 5 capped 3 → 53.33.
            #expect(expected[f.unitA] == 53.33)

            var api = Browser(app, bearer: f.tokens["office"])
            let preview = try await api.json(.POST, "/api/v1/assessment/schemes/\(id)/preview")
            #expect(preview.status == .ok)
            let cards = try #require(try preview.json()["scorecards"] as? [[String: Any]])
            let totals = Dictionary(uniqueKeysWithValues: cards.map { ($0["unitId"] as! Int, ($0["total"] as! NSNumber).doubleValue) })
            #expect(totals == expected, "product \(totals) vs independent \(expected)")

            // Publish through the page; the league table and the scorecard show the frozen figures.
            var office = Browser(app)
            _ = try await office.login("office")
            let page = try await office.get("/assessment/schemes/\(id)")
            #expect(page.status == .ok && page.text.contains("二季度部门考核"))
            let published = try await office.post("/assessment/schemes/\(id)/publish", [("version", "1"), ("after", "0"), ("note", "")])
            #expect(published.status == .seeOther)
            let league = try await office.get("/assessment/schemes/\(id)/league")
            #expect(league.text.contains("第1版结果") && league.text.contains(String(format: "%.2f", expected[f.unitA]!).replacingOccurrences(of: ".00", with: "")))
            let card = try await office.get("/assessment/schemes/\(id)/units/\(f.unitA)")
            // The scorecard links the task that cost points, names the rule and shows the cap on the bonus.
            #expect(card.text.contains("完成高企培育入库（未完成）") && card.text.contains("40分 × min(任务完成率 ÷ 100%, 1)") && card.text.contains("本项封顶3分"))

            // A mark entered after publishing is kept and flagged; the published version does not move.
            _ = try await office.get("/assessment/schemes/\(id)/marks")
            #expect(try await office.post("/assessment/schemes/\(id)/marks", [("unitId", String(f.unitB)), ("target", "review:review"), ("points", "100"), ("reason", "补充评议")]).status == .seeOther)
            let marks = try await office.get("/assessment/schemes/\(id)/marks")
            #expect(marks.text.contains("发布后录入"))
            let stillV1 = try await api.get("/api/v1/assessment/schemes/\(id)/result")
            let v1Cards = try #require(try stillV1.json()["scorecards"] as? [[String: Any]])
            #expect(v1Cards.first { $0["unitId"] as? Int == f.unitB }?["total"] as? Double == expected[f.unitB])

            // Re-publishing needs a reason, refuses a stale "after", and lists what changed.
            _ = try await office.get("/assessment/schemes/\(id)")
            let noReason = try await office.post("/assessment/schemes/\(id)/publish", [("version", "1"), ("after", "1"), ("note", "")])
            #expect(noReason.status == .unprocessableEntity && noReason.text.contains("重新发布须说明原因"))
            let stale = try await office.post("/assessment/schemes/\(id)/publish", [("version", "1"), ("after", "0"), ("note", "更正")])
            #expect(stale.status == .conflict)
            #expect(try await office.post("/assessment/schemes/\(id)/publish", [("version", "1"), ("after", "1"), ("note", "补充评议")]).status == .seeOther)
            let v2 = try await api.get("/api/v1/assessment/schemes/\(id)/result")
            let changes = try #require(try v2.json()["changes"] as? [[String: Any]])
            let after = try await independentTotals(app, f, schemeId: id)
            #expect(changes.count == 1 && changes[0]["unitId"] as? Int == f.unitB && (changes[0]["totalAfter"] as? NSNumber)?.doubleValue == after[f.unitB])
            let old = try await api.get("/api/v1/assessment/schemes/\(id)/result?version=1")
            #expect((try old.json()["scorecards"] as? [[String: Any]])?.first { $0["unitId"] as? Int == f.unitB }?["total"] as? Double == expected[f.unitB])
            let audit = try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "assessment_result")).entries
            #expect(audit.count == 2)

            // The league table as Excel, read back: the totals of version 2.
            let xlsx = try await office.get("/assessment/schemes/\(id)/league.xlsx")
            #expect(xlsx.status == .ok)
            let sheets = try XLSXReader.read(Data(xlsx.body.readableBytesView))
            let table = try #require(sheets.first { $0.name == "亮晒比" })
            let header = try #require(table.rows.first { $0.cells.values.contains(.text("总分")) })
            let totalColumn = try #require(header.cells.first { $0.value == .text("总分") }?.key)
            let unitColumn = try #require(header.cells.first { $0.value == .text("单位") }?.key)
            let excelTotals = Dictionary(uniqueKeysWithValues: table.rows.filter { $0.number > header.number }.compactMap { r -> (String, Double)? in
                guard case .text(let name)? = r.cells[unitColumn], case .number(let v)? = r.cells[totalColumn] else { return nil }
                return (name, v)
            })
            #expect(excelTotals["科技创新局"] == after[f.unitA] && excelTotals["经济发展局"] == after[f.unitB])
        }
    }

    @Test("坏输入：分值之和不为100、CR≥0.10、方案外单位、他区方案、他单位得分卡、除数为0——说清原因，不保存、不出500", arguments: [TestDB.sqlite])
    func badInput(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let id = try await setUp(app, f)
            var api = Browser(app, bearer: f.tokens["office"])
            var bad = try JSONSerialization.jsonObject(with: Data(schemeJSON.utf8)) as! [String: Any]
            var items = bad["items"] as! [[String: Any]]
            items[0]["points"] = 35
            bad["items"] = items
            let body = String(decoding: try JSONSerialization.data(withJSONObject: ["version": 1, "definition": bad]), as: UTF8.self)
            let sum = try await api.json(.PUT, "/api/v1/assessment/schemes/\(id)", body)
            #expect(sum.status == .unprocessableEntity && sum.errorField == "items" && sum.text.contains("应为100"))
            var ahp = try JSONSerialization.jsonObject(with: Data(schemeJSON.utf8)) as! [String: Any]
            ahp["weighting"] = "ahp"
            ahp["pairwise"] = [[1, 5, 0.2, 1], [0.2, 1, 5, 1], [5, 0.2, 1, 1], [1, 1, 1, 1]]
            let inconsistent = try await api.json(.PUT, "/api/v1/assessment/schemes/\(id)",
                                                  String(decoding: try JSONSerialization.data(withJSONObject: ["version": 1, "definition": ahp]), as: UTF8.self))
            #expect(inconsistent.status == .unprocessableEntity && inconsistent.errorField == "pairwise" && inconsistent.text.contains("CR = "))
            let typo = try await api.json(.PUT, "/api/v1/assessment/schemes/\(id)", #"{"version": 1, "definition": {"items": "x"}}"#)
            #expect(typo.status == .badRequest && typo.errorField == "definition.items")
            #expect(try await app.store.scheme(id: id, zoneId: f.zoneId).version == 1)

            // The form: a weight typed as words, then points not summing — the page keeps what was typed and saves nothing.
            var office = Browser(app)
            _ = try await office.login("office")
            _ = try await office.get("/assessment/schemes/\(id)")
            var form: [(String, String)] = [("version", "1"), ("weighting", "points"), ("aggregation", "sum"), ("decimals", "2"), ("pairwise", "")]
            for (name, source, points, rule) in [("任务完成率", "taskCompletion", "四十", "ratio"), ("评议", "review", "60", "ratio")] {
                form += [("item_key", ""), ("item_name", name), ("item_source", source), ("item_ref", ""), ("item_points", points), ("item_rule", rule),
                         ("item_target", "100"), ("item_cap", ""), ("item_step", ""), ("item_per", ""), ("item_sat", ""), ("item_unacc", ""), ("item_lower", "")]
            }
            form += [("grade_name", "合格"), ("grade_min", "60"), ("grade_quota", ""), ("grade_name", "不合格"), ("grade_min", "0"), ("grade_quota", "")]
            let words = try await office.post("/assessment/schemes/\(id)", form)
            #expect(words.status == .unprocessableEntity && words.text.contains("须为数字，填写的是“四十”"))
            let notHundred = try await office.post("/assessment/schemes/\(id)", form.map { $0 == ("item_points", "四十") ? ("item_points", "30") : $0 })
            #expect(notHundred.status == .unprocessableEntity && notHundred.text.contains("各项分值之和为90，应为100"))
            // What-if of the same edit with 40 shows ranks without saving.
            let whatIf = try await office.post("/assessment/schemes/\(id)/preview", form.map { $0 == ("item_points", "四十") ? ("item_points", "40") : $0 })
            #expect(whatIf.status == .ok && whatIf.text.contains("试算结果（未保存的方案）"))
            #expect(try await app.store.scheme(id: id, zoneId: f.zoneId).version == 1)
            // Ratio to the best where every unit has 0 (no orders at all for A… and B's one order is the best = 0? use review 0).
            let zero = form.map { $0 == ("item_points", "四十") ? ("item_points", "40") : $0 }.map { $0 == ("item_rule", "ratio") ? ("item_rule", "ratioToBest") : $0 }
            let boot = Actor(userId: 0, username: "fixture", displayName: "督查室", zoneId: f.zoneId, unitId: nil, roles: [.office])
            for m in try await app.store.marks(schemeId: id, zoneId: f.zoneId) { try await app.store.withdrawMark(id: m.id, schemeId: id, actor: boot) }
            for u in [f.unitA, f.unitB] {
                _ = try await app.store.addMark(schemeId: id, MarkDraft(unitId: u, kind: .review, key: "review", points: 0, reason: "未参评"), actor: boot)
            }
            let divide = try await office.post("/assessment/schemes/\(id)/preview", zero)
            #expect(divide.status == .ok && divide.text.contains("除数为0"))

            // Marks: a unit of another category, another zone's unit, a key the scheme does not have.
            var ud = UnitDraft(); ud.name = "兴科街道"; ud.kind = .subdistrict
            let street = try await app.store.createUnit(ud, actor: boot).id
            let outside = try await api.json(.POST, "/api/v1/assessment/schemes/\(id)/marks", #"{"unitId": \#(street), "kind": "review", "key": "review", "points": 90, "reason": "x"}"#)
            #expect(outside.status == .unprocessableEntity && outside.errorField == "unitId" && outside.text.contains("不在本方案"))
            let foreign = try await api.json(.POST, "/api/v1/assessment/schemes/\(id)/marks", #"{"unitId": \#(f.otherZoneUnit), "kind": "review", "key": "review", "points": 90, "reason": "x"}"#)
            #expect(foreign.status == .unprocessableEntity && foreign.errorField == "unitId")
            let noKey = try await api.json(.POST, "/api/v1/assessment/schemes/\(id)/marks", #"{"unitId": \#(f.unitA), "kind": "bonus", "key": "nobel", "points": 1, "reason": "x"}"#)
            #expect(noKey.status == .unprocessableEntity && noKey.errorField == "key")
            let noReason = try await api.json(.POST, "/api/v1/assessment/schemes/\(id)/marks", #"{"unitId": \#(f.unitA), "kind": "veto", "key": "safety", "reason": " "}"#)
            #expect(noReason.status == .unprocessableEntity && noReason.errorField == "reason")

            // Another zone's office sees nothing of it; a unit's reporter sees the league but not another unit's scorecard.
            var foreignOffice = Browser(app, bearer: f.tokens["office2"])
            #expect(try await foreignOffice.get("/api/v1/assessment/schemes/\(id)").status == .notFound)
            _ = try await office.get("/assessment/schemes/\(id)")
            #expect(try await office.post("/assessment/schemes/\(id)/publish", [("version", "1"), ("after", "0"), ("note", "")]).status == .seeOther)
            var reporter = Browser(app)
            _ = try await reporter.login("reporter")
            #expect(try await reporter.get("/assessment/schemes/\(id)/league").status == .ok)
            #expect(try await reporter.get("/assessment/schemes/\(id)/units/\(f.unitA)").status == .ok)
            #expect(try await reporter.get("/assessment/schemes/\(id)/units/\(f.unitB)").status == .forbidden)
            #expect(try await reporter.get("/assessment/schemes/\(id)").status == .forbidden)
            var reporterAPI = Browser(app, bearer: f.tokens["reporter"])
            let own = try await reporterAPI.get("/api/v1/assessment/schemes/\(id)/result")
            #expect((try own.json()["scorecards"] as? [[String: Any]])?.map { $0["unitId"] as? Int } == [f.unitA])
            #expect(try await office.get("/assessment/schemes/\(id)/league?v=9").status == .notFound)
        }
    }
}

@Suite("考核读取系统计算的指标")
struct AssessmentComputedIndicatorTests {
    @Test("指标项目引用系统计算的指标时，按其期内最新一期的计算值与轨迹目标计分", arguments: [TestDB.sqlite])
    func computedIndicator(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let boot = Actor(userId: 0, username: "fixture", displayName: "督查室", zoneId: f.zoneId, unitId: nil, roles: [.office])
            // May: taskB (weight 1) not done, a weight-3 task done on time → 75 %; target for May on 80 → 95 is 86.25 → completion 86.96 %.
            try await f.addTaskDoneOnTimeInMay(app)
            var d = IndicatorDraft()
            d.code = "DK-01"; d.name = "全区任务按期完成率"; d.unit = "%"; d.direction = .higher; d.frequency = .monthly; d.source = .computed; d.formula = .tasksOnTime; d.ownerUnitId = f.unitA
            let i = try await app.store.createIndicator(d, actor: boot)
            try await app.store.setIndicatorYear(indicatorId: i.id, year: 2026, Trajectory(baseline: 80, target: 95), version: 0, actor: boot)
            let scheme = AssessmentScheme(items: [SchemeItem(key: "ind", name: "按期完成率指标", source: .indicator, ref: i.id, points: 100, rule: ItemRule(kind: .ratio, target: 100))])
            let s = try await app.store.createScheme(period: AssessmentPeriod(year: 2026, quarter: 2), category: .department, name: "二季度", definition: scheme, actor: boot)
            var api = Browser(app, bearer: f.tokens["office"])
            let preview = try await api.json(.POST, "/api/v1/assessment/schemes/\(s.id)/preview")
            let cards = try #require(try preview.json()["scorecards"] as? [[String: Any]])
            let a = try #require(cards.first { $0["unitId"] as? Int == f.unitA })
            let item = try #require((a["items"] as? [[String: Any]])?.first)
            // June has begun (today 2026-06-15) but no task fell due in it yet, so it has no value: May's 75 % against May's 86.25 is read.
            let measure = try #require((item["measure"] as? NSNumber)?.doubleValue)
            #expect(abs(measure - 75 / 86.25 * 100) < 1e-6, "measure \(measure)")
            #expect((item["detail"] as? String)?.contains("5月") == true)
        }
    }
}
