@testable import App
import Domain
import Testing
import Vapor
import VaporTesting

@Suite("权限：每条路由 × 每个角色")
struct AccessTests {
    /// Fills route parameters with ids that exist in the fixture.
    func path(_ route: Route, _ f: Fixture) -> String {
        "/" + route.path.map { c -> String in
            guard case .parameter = c else { return c.description }
            let p = route.path.map(\.description).joined(separator: "/")
            // Accounts and tokens: an id that names nothing, so the sweep cannot revoke or disable its own users.
            if p.hasPrefix("me/tokens") || p.hasPrefix("admin/users") { return "999999" }
            if p.contains("tasks") { return String(f.taskA) }
            if p.contains("work-points") { return String(f.workPointId) }
            if p.contains("plans") { return String(f.planId) }
            if p.contains("units") { return String(f.unitA) }
            return "1"
        }.joined(separator: "/")
    }

    @Test("每个角色只能进入被允许的路由；未登录者只能进登录页和公开文档")
    func everyRouteEveryRole() async throws {
        try await withGuatu { app in
            let f = try await Fixture.make(app)
            let routes = app.routes.all.filter { $0.userInfo[RouteAccess.userInfoKey] != nil }
            #expect(routes.count > 60)
            var checked = 0
            let everyone: [(String, Role?)] = Fixture.roleUsers.map { ($0.0, $0.1) } + [("anonymous", nil)]
            for (username, role) in everyone {
                for route in routes {
                    let access = route.userInfo[RouteAccess.userInfoKey] as! RouteAccess
                    let roles: Set<Role>? = role.map { [$0] }
                    var b = Browser(app, bearer: role == nil ? nil : f.tokens[username])
                    let method = route.method
                    let res: TestingHTTPResponse
                    if method == .GET {
                        res = try await b.get(path(route, f))
                    } else {
                        // Bearer requests skip CSRF; an empty JSON or form body is enough to pass or fail the access check.
                        let isApi = route.path.first?.description == "api"
                        res = try await b.send(method, path(route, f), body: isApi ? "{}" : "", contentType: isApi ? "application/json" : "application/x-www-form-urlencoded")
                    }
                    let sentToLogin = res.status == .seeOther && res.headers.first(name: .location)?.hasPrefix("/login") == true
                    let denied = res.status == .forbidden || res.status == .unauthorized || (role == nil && sentToLogin)
                    #expect(res.status != .internalServerError, "\(method) \(path(route, f)) as \(username): 500")
                    if access.allows(roles) {
                        // Allowed routes may still refuse this particular row (a reporter and another unit's task) with 403;
                        // they must never ask an allowed user to sign in.
                        #expect(res.status != .unauthorized, "\(method) \(path(route, f)) as \(username) should be allowed")
                    } else {
                        #expect(denied, "\(method) \(path(route, f)) as \(username) should be denied, got \(res.status.code)")
                    }
                    checked += 1
                }
            }
            #expect(checked == routes.count * (Fixture.roleUsers.count + 1))
        }
    }

    @Test("三员分立：管理员角色看不到业务数据")
    func adminsSeeNoBusinessData() async throws {
        try await withGuatu { app in
            let f = try await Fixture.make(app)
            for admin in ["sysadmin", "secadmin", "auditadmin"] {
                var b = Browser(app, bearer: f.tokens[admin])
                #expect(try await b.get("/api/v1/tasks").status == .forbidden)
                #expect(try await b.get("/matrix").status == .forbidden)
                #expect(try await b.get("/tasks/\(f.taskA)").status == .forbidden)
            }
            var audit = Browser(app, bearer: f.tokens["auditadmin"])
            #expect(try await audit.get("/audit").status == .ok)
            var office = Browser(app, bearer: f.tokens["office"])
            #expect(try await office.get("/audit").status == .forbidden)
        }
    }

    @Test("安全管理员分配角色时不能把管理员角色与业务角色兼任")
    func roleSeparation() async throws {
        try await withGuatu { app in
            let f = try await Fixture.make(app)
            var b = Browser(app)
            _ = try await b.login("secadmin")
            let users = try await app.store.users(zoneId: f.zoneId)
            let observer = try #require(users.first { $0.username == "observer" })
            _ = try await b.get("/admin/users/\(observer.id)/roles")
            let bad = try await b.post("/admin/users/\(observer.id)/roles", [("version", String(observer.version)), ("roles", "office"), ("roles", "audit_admin")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("管理员角色不能兼任业务角色"))
            let ok = try await b.post("/admin/users/\(observer.id)/roles", [("version", String(observer.version)), ("roles", "office")])
            #expect(ok.status == .seeOther)
            #expect(try await app.store.user(id: observer.id, zoneId: f.zoneId).roles == [.office])
        }
    }
}

@Suite("多园区隔离")
struct IsolationTests {
    @Test("一个园区的用户读不到、改不了另一个园区的数据", arguments: TestDB.all)
    func zones(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var b = Browser(app, bearer: f.tokens["office"])
            #expect(try await b.get("/api/v1/tasks/\(f.otherZoneTask)").status == .notFound)
            #expect(try await b.get("/tasks/\(f.otherZoneTask)").status == .notFound)
            let patch = try await b.json(.PATCH, "/api/v1/tasks/\(f.otherZoneTask)", #"{"version": 1, "title": "越权"}"#)
            #expect(patch.status == .notFound)
            let list = try await b.get("/api/v1/tasks?limit=500")
            let ids = ((try list.json())["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
            #expect(!ids.contains(f.otherZoneTask))
            #expect(ids.count == 3)
            var other = Browser(app, bearer: f.tokens["office2"])
            #expect(try await other.get("/api/v1/tasks/\(f.taskA)").status == .notFound)
            let units = try await other.get("/api/v1/units")
            #expect((try units.json())["total"] as? Int == 1)
            let audit = try await app.store.auditEntries(zoneId: f.otherZoneId, .init(entityType: "task"))
            #expect(audit.entries.allSatisfy { $0.entityId == f.otherZoneTask })
        }
    }
}
