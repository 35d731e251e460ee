@testable import App
import Domain
import Foundation
import Persistence
import SQLKit
import Testing
import Vapor
import VaporTesting
import Views

@Suite("领导驾驶舱与数据大屏")
struct CockpitTests {
    /// A second leader (王建国，副区长) in charge of a second plan: two overdue tasks and one due in December.
    struct SecondPlan { var leaderId = 0, planId = 0, lateA = 0, lateB = 0, future = 0 }

    static func boot(_ f: Fixture) -> Actor {
        Actor(userId: 0, username: "fixture", displayName: "督查室", zoneId: f.zoneId, unitId: nil, roles: [.office])
    }

    static func task(_ app: Application, _ f: Fixture, wp: Int, _ title: String, owner: Int, start: String, deadline: String,
                     percent: Int = 0, status: TaskItem.Status? = nil, doneOn: String? = nil) async throws -> TaskItem {
        var d = TaskDraft()
        d.workPointId = wp; d.title = title; d.ownerUnitId = owner; d.plannedStart = Day(iso: start); d.deadline = Day(iso: deadline)
        d.percentDone = percent; d.status = status; d.doneOn = doneOn.flatMap(Day.init(iso:))
        return try await app.store.createTask(d, actor: boot(f), today: testToday, calendar: .official)
    }

    static func secondPlan(_ app: Application, _ f: Fixture) async throws -> SecondPlan {
        var s = SecondPlan()
        let hash = try await app.password.async.hash(Fixture.password)
        s.leaderId = try await app.store.createUser(zoneId: f.zoneId, UserDraft(username: "leader2", displayName: "王建国", title: "副区长"),
                                                    roles: [.leader], passwordHash: hash, actor: nil).id
        var pd = PlanDraft(); pd.year = 2026; pd.name = "重点项目突破计划"; pd.leaderId = s.leaderId; pd.leadUnitId = f.unitB
        s.planId = try await app.store.createPlan(pd, actor: boot(f)).id
        var wd = WorkPointDraft(); wd.planId = s.planId; wd.title = "重大项目攻坚"
        let wp = try await app.store.createWorkPoint(wd, actor: boot(f)).id
        s.lateA = try await task(app, f, wp: wp, "签约落地重大项目", owner: f.unitB, start: "2026-04-01", deadline: "2026-06-01", percent: 30).id
        s.lateB = try await task(app, f, wp: wp, "完成项目用地报批", owner: f.unitA, start: "2026-03-02", deadline: "2026-05-15").id
        s.future = try await task(app, f, wp: wp, "项目竣工投产", owner: f.unitB, start: "2026-03-02", deadline: "2026-12-31", percent: 45).id
        return s
    }

    /// The number a KPI tile shows: `<span class="kpi-value">N</span><span class="kpi-label">label</span>`.
    static func figure(_ html: String, _ label: String, prefix: String = "kpi") -> Int? {
        guard let end = html.range(of: "</span><span class=\"\(prefix)-label\">\(label)</span>") else { return nil }
        let before = html[..<end.lowerBound]
        guard let start = before.range(of: "<span class=\"\(prefix)-value\">", options: .backwards) else { return nil }
        return Int(before[start.upperBound...])
    }

    struct Count: Decodable { let n: Int }
    static func count(_ app: Application, _ q: SQLQueryString) async throws -> Int {
        try await (app.db as! any SQLDatabase).raw(q).first(decoding: Count.self)?.n ?? -1
    }

    /// Independent counts of a leader's (or the zone's) live tasks of 2026, and of those overdue on testToday.
    static func counts(_ app: Application, zoneId: Int, leaderId: Int?) async throws -> (tasks: Int, overdue: Int) {
        var base: SQLQueryString = """
            SELECT COUNT(*) AS n FROM tasks t JOIN plans p ON p.id = t.plan_id JOIN work_points w ON w.id = t.work_point_id
            WHERE t.zone_id = \(bind: zoneId) AND p.year = 2026 AND t.archived_at IS NULL AND p.archived_at IS NULL AND w.archived_at IS NULL
            """
        if let leaderId { base += " AND p.leader_id = \(bind: leaderId)" }
        let tasks = try await count(app, base)
        let overdue = try await count(app, base + " AND t.deadline < \(bind: testToday.iso) AND t.status NOT IN ('done', 'suspended')")
        return (tasks, overdue)
    }

    static func issueOrder(_ b: inout Browser, task: Int) async throws -> Int {
        _ = try await b.get("/orders/new?task=\(task)")
        let res = try await b.post("/orders/new", [("task", String(task)), ("level", "supervision"), ("reason", "进度滞后"),
                                                   ("requiredActions", "三日内报送整改方案")])
        #expect(res.status == .seeOther)
        let location = try #require(res.headers.first(name: .location))
        return try #require(Int(location.split(separator: "/").last ?? ""))
    }

    @Test("领导的驾驶舱只统计其分管计划的任务：任务数与逾期数同独立查询一致；已暂停、已完成、已归档不算逾期", arguments: TestDB.all)
    func leaderCountsOwnPlans(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let second = try await Self.secondPlan(app, f)
            // In the leader's own plan: a suspended and a finished task past their deadlines, and an archived overdue one.
            _ = try await Self.task(app, f, wp: f.workPointId, "暂停的走访任务", owner: f.unitA, start: "2026-04-01", deadline: "2026-06-05", status: .suspended)
            _ = try await Self.task(app, f, wp: f.workPointId, "已完成的摸底", owner: f.unitB, start: "2026-04-01", deadline: "2026-06-10",
                                    status: .done, doneOn: "2026-06-05")
            let archived = try await Self.task(app, f, wp: f.secondWorkPointId, "已撤销的专利任务", owner: f.unitA, start: "2026-04-01", deadline: "2026-05-20")
            try await app.store.archiveTask(id: archived.id, version: archived.version, actor: Self.boot(f))

            let mine = try await Self.counts(app, zoneId: f.zoneId, leaderId: f.leaderUserId)
            let theirs = try await Self.counts(app, zoneId: f.zoneId, leaderId: second.leaderId)
            // The data is what the test meant: 3 fixture tasks + suspended + done; only task B is overdue.
            #expect(mine.tasks == 5 && mine.overdue == 1)
            #expect(theirs.tasks == 3 && theirs.overdue == 2)

            var leader = Browser(app)
            _ = try await leader.login("leader")
            let page = try await leader.get("/cockpit")
            #expect(page.status == .ok)
            #expect(page.text.contains("领导驾驶舱 · leader（副书记）") && page.text.contains("分管的1个计划"))
            #expect(Self.figure(page.text, "分管计划") == 1)
            #expect(Self.figure(page.text, "任务") == mine.tasks)
            #expect(Self.figure(page.text, "已逾期") == mine.overdue)
            // The other leader's overdue tasks are not on this leader's red list.
            #expect(page.text.contains("组织高企申报培训"))
            #expect(!page.text.contains("签约落地重大项目") && !page.text.contains("完成项目用地报批") && !page.text.contains("已撤销的专利任务"))

            // The office choosing the second leader sees that leader's figures.
            var office = Browser(app)
            _ = try await office.login("office")
            let chosen = try await office.get("/cockpit?leader=\(second.leaderId)")
            #expect(chosen.status == .ok && chosen.text.contains("领导驾驶舱 · 王建国（副区长）"))
            #expect(Self.figure(chosen.text, "任务") == theirs.tasks)
            #expect(Self.figure(chosen.text, "已逾期") == theirs.overdue)
            #expect(chosen.text.contains("签约落地重大项目") && !chosen.text.contains("组织高企申报培训"))
        }
    }

    @Test("红灯任务写明原因：逾期几个工作日、完成多少，逾期最久的排在前面", arguments: TestDB.all)
    func redListNamesTheReason(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            // Due Wednesday 2026-06-10; today is Monday 06-15: Thu 11, Fri 12 and Mon 15 are past it — 3 working days (端午 is 06-19).
            _ = try await Self.task(app, f, wp: f.workPointId, "完成高企认定辅导", owner: f.unitA, start: "2026-05-06", deadline: "2026-06-10", percent: 60)
            var leader = Browser(app)
            _ = try await leader.login("leader")
            let text = try await leader.get("/cockpit").text
            #expect(text.contains("红灯任务及原因（2项）"))
            let recent = try #require(text.range(of: "已超过完成时限（2026-06-10）3个工作日，完成60%"))
            // Task B was due Friday 05-29: June 1–5, 8–12 and the 15th are 11 working days.
            let older = try #require(text.range(of: "已超过完成时限（2026-05-29）11个工作日，完成50%"))
            #expect(older.lowerBound < recent.lowerBound)
            #expect(text.contains("完成高企认定辅导"))
        }
    }

    @Test("在办督办单：本人分管任务上的督办单显示为督字第N号并计入在办督办单；其他领导任务上的不计", arguments: TestDB.all)
    func openOrders(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let second = try await Self.secondPlan(app, f)
            var office = Browser(app)
            _ = try await office.login("office")
            let mine = try await Self.issueOrder(&office, task: f.taskB)
            let theirs = try await Self.issueOrder(&office, task: second.lateA)

            var leader = Browser(app)
            _ = try await leader.login("leader")
            let page = try await leader.get("/cockpit")
            #expect(page.text.contains(">督字第\(mine)号</a>"))
            #expect(!page.text.contains(">督字第\(theirs)号</a>"))
            #expect(Self.figure(page.text, "在办督办单") == 1)
            #expect(page.text.contains("在办督办单（1件）"))

            let zone = try await office.get("/cockpit")
            #expect(Self.figure(zone.text, "在办督办单") == 2)
            let other = try await office.get("/cockpit?leader=\(second.leaderId)")
            #expect(other.text.contains(">督字第\(theirs)号</a>") && !other.text.contains(">督字第\(mine)号</a>"))
            #expect(Self.figure(other.text, "在办督办单") == 1)
        }
    }

    @Test("督查室默认看全区并可选领导；leader参数无效时400并说明；填报员可进入；企业与系统管理员403", arguments: TestDB.all)
    func whoSeesWhat(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let second = try await Self.secondPlan(app, f)
            let zone = try await Self.counts(app, zoneId: f.zoneId, leaderId: nil)
            let users = try await app.store.users(zoneId: f.zoneId)
            let officeId = try #require(users.first(where: { $0.username == "office" })).id

            var office = Browser(app)
            _ = try await office.login("office")
            let whole = try await office.get("/cockpit")
            #expect(whole.status == .ok && whole.text.contains("领导驾驶舱 · 全区") && whole.text.contains("全区全部计划"))
            #expect(Self.figure(whole.text, "计划") == 2 && Self.figure(whole.text, "任务") == zone.tasks)
            // Both leaders are offered in the chooser.
            #expect(whole.text.contains("<option value=\"\(f.leaderUserId)\">leader（副书记）</option>"))
            #expect(whole.text.contains("<option value=\"\(second.leaderId)\">王建国（副区长）</option>"))
            #expect(try await office.get("/cockpit?leader=\(f.leaderUserId)").text.contains("领导驾驶舱 · leader（副书记）"))

            let message = "参数leader须为分管2026年度计划的领导编号"
            let abc = try await office.get("/cockpit?leader=abc")
            #expect(abc.status == .badRequest && abc.text.contains(message))
            let notLeader = try await office.get("/cockpit?leader=\(officeId)")
            #expect(notLeader.status == .badRequest && notLeader.text.contains(message))

            // A leader asking for the zone explicitly gets it; an observer gets it by default.
            var leader = Browser(app)
            _ = try await leader.login("leader")
            #expect(try await leader.get("/cockpit?leader=").text.contains("领导驾驶舱 · 全区"))
            var observer = Browser(app)
            _ = try await observer.login("observer")
            let seen = try await observer.get("/cockpit")
            #expect(seen.status == .ok && seen.text.contains("领导驾驶舱 · 全区"))

            var reporter = Browser(app)
            _ = try await reporter.login("reporter")
            #expect(try await reporter.get("/cockpit").status == .ok)
            for name in ["enterprise", "sysadmin"] {
                var b = Browser(app, bearer: f.tokens[name])
                #expect(try await b.get("/cockpit").status == .forbidden, "\(name) /cockpit")
                #expect(try await b.get("/wall").status == .forbidden, "\(name) /wall")
            }
        }
    }

    @Test("数据大屏：完整HTML、定时刷新、园区名、SVG图表、深色主题，逾期数与全区驾驶舱一致", arguments: TestDB.all)
    func wall(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            _ = try await Self.secondPlan(app, f)
            let zone = try await Self.counts(app, zoneId: f.zoneId, leaderId: nil)
            #expect(zone.overdue == 3)
            var office = Browser(app)
            _ = try await office.login("office")
            let cockpit = try await office.get("/cockpit")
            let wall = try await office.get("/wall")
            #expect(wall.status == .ok)
            #expect(wall.headers.contentType?.subType == "html")
            let html = wall.text
            #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("</html>"))
            #expect(html.contains("http-equiv=\"refresh\""))
            #expect(html.contains("测试高新区") && !html.contains("邻区高新区"))
            #expect(html.contains("<svg"))
            #expect(html.contains("<body class=\"wall\""))
            let wallOverdue = Self.figure(html, "已逾期", prefix: "wall")
            #expect(wallOverdue == zone.overdue)
            #expect(wallOverdue == Self.figure(cockpit.text, "已逾期"))
            #expect(Self.figure(html, "任务总数", prefix: "wall") == zone.tasks)
            // The time shown is the time served (Beijing, HH:mm), also when the page itself was kept from before.
            #expect(!html.contains(WallPage.timePlaceholder))
            let before = CockpitController.clock()
            let again = try await office.get("/wall").text
            let after = CockpitController.clock()
            #expect(again.contains("　\(before) 更新") || again.contains("　\(after) 更新"))
        }
    }
}
