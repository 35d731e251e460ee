@testable import App
import Domain
import Persistence
import Testing
import Vapor
import VaporTesting

@Suite("JSON API /api/v1")
struct ApiTests {
    @Test("列表分页与筛选；新建、修改、归档任务；审计日志记录前后内容", arguments: TestDB.all)
    func crud(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var b = Browser(app, bearer: f.tokens["office"])
            let page = try await b.get("/api/v1/tasks?limit=2")
            #expect(page.status == .ok)
            let body = try page.json()
            #expect(body["total"] as? Int == 3)
            #expect((body["items"] as? [[String: Any]])?.count == 2)
            let second = try await b.get("/api/v1/tasks?limit=2&offset=2")
            #expect(((try second.json())["items"] as? [[String: Any]])?.count == 1)
            let overdue = try await b.get("/api/v1/tasks?light=overdue")
            let items = try #require((try overdue.json())["items"] as? [[String: Any]])
            #expect(items.map { $0["id"] as? Int } == [f.taskB])
            #expect(items.first?["lightName"] as? String == "已逾期")

            let created = try await b.json(.POST, "/api/v1/tasks", """
                {"workPointId": \(f.workPointId), "title": "召开政策新闻发布会", "ownerUnitId": \(f.unitB), "plannedStart": "2026-07-01", "deadline": "2026-07-31", "predecessorIds": [\(f.taskB)]}
                """)
            #expect(created.status == .created)
            let task = try created.json()
            let id = try #require(task["id"] as? Int)
            #expect(task["version"] as? Int == 1)
            #expect(task["durationDays"] as? Int == 23)
            #expect(task["predecessorIds"] as? [Int] == [f.taskB])

            let patched = try await b.json(.PATCH, "/api/v1/tasks/\(id)", #"{"version": 1, "percentDone": 100}"#)
            #expect(patched.status == .ok)
            let p = try patched.json()
            #expect(p["status"] as? String == "done")
            #expect(p["doneOn"] as? String == testToday.iso)
            #expect(p["version"] as? Int == 2)

            let stale = try await b.json(.PATCH, "/api/v1/tasks/\(id)", #"{"version": 1, "title": "旧版本的修改"}"#)
            #expect(stale.status == .conflict)
            #expect(stale.errorCode == "version_conflict")
            #expect(stale.errorField == "version")

            let archived = try await b.json(.POST, "/api/v1/tasks/\(id)/archive", #"{"version": 2}"#)
            #expect(archived.status == .noContent)
            let gone = try await b.get("/api/v1/tasks")
            #expect((try gone.json())["total"] as? Int == 3)
            // Archived, not deleted: still readable by id, marked archived.
            let still = try await b.get("/api/v1/tasks/\(id)")
            #expect((try still.json())["archived"] as? Bool == true)

            let audit = try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "task", entityId: id))
            #expect(audit.entries.map(\.action) == [.archive, .update, .create])
            let update = audit.entries[1]
            #expect(update.username == "office")
            #expect(update.before?.contains("\"percentDone\":0") == true)
            #expect(update.after?.contains("\"percentDone\":100") == true)
        }
    }

    @Test("错误输入得到JSON错误与字段名，绝不500", arguments: TestDB.all)
    func badInput(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var b = Browser(app, bearer: f.tokens["office"])
            func post(_ json: String) async throws -> TestingHTTPResponse { try await b.json(.POST, "/api/v1/tasks", json) }
            let wp = f.workPointId, u = f.unitA

            let malformed = try await post("{\"title\": ")
            #expect(malformed.status == .badRequest)
            #expect(malformed.errorCode == "bad_request")

            let wrongType = try await post(#"{"workPointId": "three", "title": "x", "ownerUnitId": 1, "deadline": "2026-07-01"}"#)
            #expect(wrongType.status == .badRequest)
            #expect(wrongType.errorField == "workPointId")

            let badDate = try await post(#"{"workPointId": \#(wp), "title": "x", "ownerUnitId": \#(u), "deadline": "2026-02-30"}"#)
            #expect(badDate.status == .badRequest)
            #expect(badDate.errorField == "deadline")

            let farPast = try await post(#"{"workPointId": \#(wp), "title": "x", "ownerUnitId": \#(u), "deadline": "1800-01-01"}"#)
            #expect(farPast.status == .badRequest)
            #expect(farPast.errorField == "deadline")
            #expect(farPast.text.contains("1900至2999"))

            // Valid JSON whose number no integer field takes: Foundation's decoder names no field, the answer does.
            for number in ["99999999999999999999999", "1.5", "-1e30"] {
                let huge = try await post(#"{"workPointId": \#(number), "title": "x", "ownerUnitId": \#(u), "deadline": "2026-07-01"}"#)
                #expect(huge.status == .badRequest)
                #expect(huge.errorField == "workPointId", "\(number)")
                #expect(huge.text.contains("应为整数"))
            }

            let long = String(repeating: "长", count: 201)
            let tooLong = try await post(#"{"workPointId": \#(wp), "title": "\#(long)", "ownerUnitId": \#(u), "deadline": "2026-07-01"}"#)
            #expect(tooLong.status == .unprocessableEntity)
            #expect(tooLong.errorField == "title")

            let backwards = try await post(#"{"workPointId": \#(wp), "title": "x", "ownerUnitId": \#(u), "plannedStart": "2026-08-01", "deadline": "2026-07-01"}"#)
            #expect(backwards.status == .unprocessableEntity)
            #expect(backwards.errorField == "deadline")

            let foreignUnit = try await post(#"{"workPointId": \#(wp), "title": "x", "ownerUnitId": \#(f.otherZoneUnit), "deadline": "2026-07-01"}"#)
            #expect(foreignUnit.status == .unprocessableEntity)
            #expect(foreignUnit.errorField == "ownerUnitId")

            let unknownId = try await b.get("/api/v1/tasks/999999")
            #expect(unknownId.status == .notFound)
            #expect(unknownId.errorCode == "not_found")
            let notANumber = try await b.get("/api/v1/tasks/abc")
            #expect(notANumber.status == .notFound)

            let badQuery = try await b.get("/api/v1/tasks?limit=100000")
            #expect(badQuery.status == .badRequest)
            #expect(badQuery.errorField == "limit")

            let noVersion = try await b.json(.PATCH, "/api/v1/tasks/\(f.taskA)", #"{"title": "x"}"#)
            #expect(noVersion.status == .badRequest)
            #expect(noVersion.errorField == "version")

            let formBody = try await b.send(.POST, "/api/v1/tasks", body: "title=x", contentType: "application/x-www-form-urlencoded")
            #expect(formBody.status == .unsupportedMediaType)

            // A → B, then B → A closes a cycle.
            let ab = try await b.json(.PATCH, "/api/v1/tasks/\(f.taskB)", #"{"version": 1, "predecessorIds": [\#(f.taskA)]}"#)
            #expect(ab.status == .ok)
            let cycle = try await b.json(.PATCH, "/api/v1/tasks/\(f.taskA)", #"{"version": 1, "predecessorIds": [\#(f.taskB)]}"#)
            #expect(cycle.status == .unprocessableEntity)
            #expect(cycle.errorField == "predecessorIds")
            #expect(try await app.store.task(id: f.taskA, zoneId: f.zoneId).predecessorIds.isEmpty)

            var anonymous = Browser(app)
            let noAuth = try await anonymous.get("/api/v1/tasks")
            #expect(noAuth.status == .unauthorized)
            #expect(noAuth.errorCode == "unauthorized")
            var badToken = Browser(app, bearer: "not-a-token")
            #expect(try await badToken.get("/api/v1/tasks").status == .unauthorized)
        }
    }

    @Test("填报员通过API只能改本单位任务的进度字段")
    func reporterPatch() async throws {
        try await withGuatu { app in
            let f = try await Fixture.make(app)
            var b = Browser(app, bearer: f.tokens["reporter"])
            let ok = try await b.json(.PATCH, "/api/v1/tasks/\(f.taskA)", #"{"version": 1, "percentDone": 55}"#)
            #expect(ok.status == .ok)
            let title = try await b.json(.PATCH, "/api/v1/tasks/\(f.taskA)", #"{"version": 2, "title": "改名"}"#)
            #expect(title.status == .forbidden)
            let other = try await b.json(.PATCH, "/api/v1/tasks/\(f.taskB)", #"{"version": 1, "percentDone": 55}"#)
            #expect(other.status == .forbidden)
            let create = try await b.json(.POST, "/api/v1/units", #"{"name": "新单位"}"#)
            #expect(create.status == .forbidden)
        }
    }

    @Test("通过浏览器会话调用写接口须带X-CSRF-Token")
    func sessionApiNeedsCsrf() async throws {
        try await withGuatu { app in
            let f = try await Fixture.make(app)
            var b = Browser(app)
            _ = try await b.login("office")
            _ = try await b.get("/")
            let without = try await b.json(.PATCH, "/api/v1/tasks/\(f.taskA)", #"{"version": 1, "percentDone": 10}"#)
            #expect(without.status == .forbidden)
            let with = try await b.send(.PATCH, "/api/v1/tasks/\(f.taskA)", body: #"{"version": 1, "percentDone": 10}"#, contentType: "application/json",
                                        headers: [("X-CSRF-Token", b.csrf)])
            #expect(with.status == .ok)
        }
    }
}
