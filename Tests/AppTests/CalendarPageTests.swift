@testable import App
import Domain
import Persistence
import Testing
import Vapor
import VaporTesting

@Suite("工作日历页面与接口")
struct CalendarPageTests {
    @Test("日历页标出国庆节与调休；接口返回每一天；没有国务院安排的年份给出警告", arguments: TestDB.all)
    func pageAndApi(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var b = Browser(app, bearer: f.tokens["leader"])
            let page = try await b.get("/calendar?year=2026")
            #expect(page.status == .ok)
            #expect(page.text.contains("国务院办公厅关于2026年部分节假日安排的通知"))
            #expect(page.text.contains("全年工作日248天"))
            #expect(page.text.contains("title=\"2026-10-10 国庆节调休上班\""))
            let api = try await b.get("/api/v1/calendar/2026")
            let body = try api.json()
            #expect(body["workdays"] as? Int == 248)
            let days = try #require(body["days"] as? [[String: Any]])
            #expect(days.count == 365)
            let oct1 = try #require(days.first { $0["date"] as? String == "2026-10-01" })
            #expect(oct1["kind"] as? String == "holiday" && oct1["name"] as? String == "国庆节")
            let future = try await b.get("/api/v1/calendar/2031")
            #expect(future.headers.first(name: "Guatu-Calendar-Warning") != nil)
            #expect(((try future.json())["warnings"] as? [String])?.first?.contains("2031年") == true)
            let futurePage = try await b.get("/calendar?year=2031")
            #expect(futurePage.text.contains("尚未录入"))
            #expect(try await b.get("/api/v1/calendar/abc").status == .badRequest)
        }
    }

    @Test("本区调整改变工期计算，并记入审计日志；他区不受影响")
    func zoneOverride() async throws {
        try await withGuatu { app in
            let f = try await Fixture.make(app)
            var b = Browser(app)
            _ = try await b.login("office")
            _ = try await b.get("/calendar?year=2026")
            let bad = try await b.post("/calendar/overrides", [("day", "2026-07-32"), ("kind", "rest"), ("name", "x"), ("year", "2026")])
            #expect(bad.status == .unprocessableEntity)
            let ok = try await b.post("/calendar/overrides", [("day", "2026-07-06"), ("kind", "rest"), ("name", "园区成立纪念日"), ("year", "2026")])
            #expect(ok.status == .seeOther)
            // July 2026 had 23 working days; a local day off leaves 22 for this zone only.
            var api = Browser(app, bearer: f.tokens["office"])
            let created = try await api.json(.POST, "/api/v1/tasks", #"{"workPointId": \#(f.workPointId), "title": "七月任务", "ownerUnitId": \#(f.unitA), "plannedStart": "2026-07-01", "deadline": "2026-07-31"}"#)
            #expect((try created.json())["durationDays"] as? Int == 22)
            let audit = try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "calendar_override"))
            #expect(audit.total == 1)
            #expect(try await app.calendar(zoneId: f.otherZoneId).isWorkday(Day(iso: "2026-07-06")!))
            #expect(!(try await app.calendar(zoneId: f.zoneId).isWorkday(Day(iso: "2026-07-06")!)))
        }
    }

    @Test("系统管理员在页面录入下一年的国务院安排；格式错误时原样返回并指出字段")
    func loadNotice() async throws {
        try await withGuatu { app in
            _ = try await Fixture.make(app)
            var b = Browser(app)
            _ = try await b.login("sysadmin")
            _ = try await b.get("/calendar?year=2027")
            let bad = try await b.post("/calendar/notices", [("notice", #"{"year": 2027, "title": "x", "doc_no": "y", "issued": "2026-11-05", "holidays": [{"name": "春节", "dates": ["2027-02-05", "2027-02-07"]}]}"#)])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("holidays[0]"))
            let json = #"{"year": 2027, "title": "2027年通知", "doc_no": "国办发明电〔2026〕1号", "issued": "2026-11-05", "holidays": [{"name": "元旦", "dates": ["2027-01-01", "2027-01-02", "2027-01-03"], "makeup_workdays": []}]}"#
            let ok = try await b.post("/calendar/notices", [("notice", json)])
            #expect(ok.status == .seeOther)
            let cal = try await app.calendar(zoneId: nil)
            #expect(cal.hasOfficialData(year: 2027))
            #expect(cal.kind(of: Day(iso: "2027-01-01")!) == .holiday(name: "元旦"))
            var office = Browser(app)
            _ = try await office.login("office")
            _ = try await office.get("/calendar")
            #expect(try await office.post("/calendar/notices", [("notice", json)]).status == .forbidden)
        }
    }
}

@Suite("日历订阅")
struct FeedTests {
    @Test("本单位订阅地址返回本单位未完成任务的截止日和节点；吊销后失效")
    func unitFeed() async throws {
        try await withGuatu { app in
            let f = try await Fixture.make(app)
            var b = Browser(app)
            _ = try await b.login("reporter")
            _ = try await b.get("/me/tokens")
            let created = try await b.post("/me/feeds", [("kind", "unit")])
            #expect(created.status == .ok)
            let marker = "新的订阅地址（请立即复制到日历应用中“从URL订阅”）："
            let rest = try #require(created.text.components(separatedBy: marker).dropFirst().first)
            let url = String(rest.prefix { $0 != "<" })
            let path = try #require(url.range(of: "/feeds/").map { String(url[$0.lowerBound...]) })
            var anonymous = Browser(app)
            let ics = try await anonymous.get(path)
            #expect(ics.status == .ok)
            #expect(ics.headers.first(name: .contentType)?.hasPrefix("text/calendar") == true)
            #expect(ics.text.contains("SUMMARY:【截止】摸排高企培育库"))
            #expect(ics.text.contains("SUMMARY:【节点】报送高企认定材料"))
            #expect(!ics.text.contains("组织高企申报培训"))   // another unit's task
            #expect(ics.text.contains("DTSTART;VALUE=DATE:20260930"))
            let feeds = try await app.store.feeds(userId: try #require(try await app.store.loginRecord(username: "reporter")).account.id)
            _ = try await b.get("/me/tokens")
            #expect(try await b.post("/me/feeds/\(feeds[0].id)/revoke", []).status == .seeOther)
            #expect(try await anonymous.get(path).status == .notFound)
            #expect(try await anonymous.get("/feeds/not-a-token.ics").status == .notFound)
            _ = f
        }
    }
}

@Suite("没有节假日数据的年份：接口给出警告")
struct MissingYearWarningTests {
    @Test("时限落在尚无国务院安排的年份的任务，接口响应带警告头")
    func header() async throws {
        try await withGuatu { app in
            let f = try await Fixture.make(app)
            var b = Browser(app, bearer: f.tokens["office"])
            let created = try await b.json(.POST, "/api/v1/tasks", #"{"workPointId": \#(f.workPointId), "title": "跨年任务", "ownerUnitId": \#(f.unitA), "plannedStart": "2026-12-01", "deadline": "2031-01-31"}"#)
            #expect(created.status == .created)
            #expect(created.headers.first(name: "Guatu-Calendar-Warning")?.contains("2031") == true)
            let ok = try await b.get("/api/v1/tasks/\(f.taskA)")
            #expect(ok.headers.first(name: "Guatu-Calendar-Warning") == nil)
        }
    }
}
