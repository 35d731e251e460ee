@testable import App
import Domain
import Fluent
import Foundation
import Persistence
import SQLKit
import Testing
import Vapor
import VaporTesting

/// Which database a test runs on: always SQLite in memory, and PostgreSQL too when
/// GUATU_TEST_POSTGRES_URL is set (each test then gets a schema of its own).
enum TestDB: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres
    static var all: [TestDB] {
        ProcessInfo.processInfo.environment["GUATU_TEST_POSTGRES_URL"].map { $0.isEmpty ? [.sqlite] : [.sqlite, .postgres] } ?? [.sqlite]
    }
    var testDescription: String { rawValue }
}

/// The day every test lives on, so lights and dates are reproducible.
let testToday = Day(iso: "2026-06-15")!

/// Runs `body` with a fully configured app on its own fresh database, then tears it down.
/// `tweak` changes the test configuration first (a rate limit, a token).
func withGuatu<T>(_ db: TestDB = .sqlite, tweak: (inout GuatuConfig) -> Void = { _ in }, _ body: (Application) async throws -> T) async throws -> T {
    let app = try await Application.make(.testing)
    var schema: String?
    do {
        var config = GuatuConfig.testing(today: testToday)
        tweak(&config)
        if db == .postgres {
            let url = ProcessInfo.processInfo.environment["GUATU_TEST_POSTGRES_URL"]!
            config.database = .postgres(url: url)
            config.autoMigrate = false
            let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
            schema = name
            app.postgresSearchPath = [name]
        }
        try await configure(app, config: config)
        if let schema {
            try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA \(ident: schema)").run()
            try await app.autoMigrate()
        }
        let result = try await body(app)
        if let schema { try await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(ident: schema) CASCADE").run() }
        try await app.asyncShutdown()
        return result
    } catch {
        if let schema { try? await (app.db as! any SQLDatabase).raw("DROP SCHEMA \(ident: schema) CASCADE").run() }
        try? await app.asyncShutdown()
        throw error
    }
}

/// A small zone with one account per role, two plans, a work point each and a few tasks,
/// plus a second zone with its own office user and task, for isolation tests.
struct Fixture {
    var zoneId = 0, otherZoneId = 0
    var unitA = 0, unitB = 0, otherZoneUnit = 0
    var planId = 0, workPointId = 0, secondWorkPointId = 0
    var taskA = 0, taskB = 0, milestone = 0, otherZoneTask = 0
    var leaderUserId = 0
    /// username → bearer token
    var tokens: [String: String] = [:]
    static let password = "Test@2026pw"
    static let roleUsers: [(String, Role)] = [
        ("office", .office), ("leader", .leader), ("reporter", .reporter), ("observer", .observer),
        ("sysadmin", .sysAdmin), ("secadmin", .secAdmin), ("auditadmin", .auditAdmin), ("enterprise", .enterprise),
    ]

    static func make(_ app: Application) async throws -> Fixture {
        let store = app.store
        var f = Fixture()
        let zone = try await store.createZone(code: "z1", name: "测试高新区")
        f.zoneId = zone.id
        let boot = Actor(userId: 0, username: "fixture", displayName: "fixture", zoneId: zone.id, unitId: nil, roles: [.office])
        var ud = UnitDraft(); ud.name = "科技创新局"
        f.unitA = try await store.createUnit(ud, actor: boot).id
        ud.name = "经济发展局"
        f.unitB = try await store.createUnit(ud, actor: boot).id
        let hash = try await app.password.async.hash(password)
        for (name, role) in roleUsers {
            let u = try await store.createUser(zoneId: zone.id, UserDraft(unitId: role == .reporter ? f.unitA : nil, username: name, displayName: name, title: role == .leader ? "副书记" : ""),
                                               roles: [role], passwordHash: hash, actor: nil)
            if role == .leader { f.leaderUserId = u.id }
            let token = Secrets.random()
            let actor = Actor(userId: u.id, username: name, displayName: name, zoneId: zone.id, unitId: u.unitId, roles: [role])
            _ = try await store.createApiToken(userId: u.id, zoneId: zone.id, name: "test", tokenHash: Secrets.hash(token), actor: actor)
            f.tokens[name] = token
        }
        var pd = PlanDraft(); pd.year = 2026; pd.name = "科创生态培育计划"; pd.leaderId = f.leaderUserId; pd.leadUnitId = f.unitA; pd.coUnitIds = [f.unitB]
        f.planId = try await store.createPlan(pd, actor: boot).id
        var wd = WorkPointDraft(); wd.planId = f.planId; wd.title = "高新技术企业培育"; wd.goal = "新增高企30家"
        f.workPointId = try await store.createWorkPoint(wd, actor: boot).id
        wd.title = "专利清零行动"
        f.secondWorkPointId = try await store.createWorkPoint(wd, actor: boot).id
        func task(_ title: String, owner: Int, start: String, deadline: String, kind: TaskItem.Kind = .task, percent: Int = 0) async throws -> Int {
            var d = TaskDraft()
            d.workPointId = f.workPointId; d.title = title; d.ownerUnitId = owner; d.kind = kind
            d.plannedStart = Day(iso: start); d.deadline = Day(iso: deadline); d.percentDone = percent
            return try await store.createTask(d, actor: boot, today: testToday, calendar: .official).id
        }
        f.taskA = try await task("摸排高企培育库", owner: f.unitA, start: "2026-03-02", deadline: "2026-09-30", percent: 40)
        f.taskB = try await task("组织高企申报培训", owner: f.unitB, start: "2026-04-01", deadline: "2026-05-29", percent: 50)
        f.milestone = try await task("报送高企认定材料", owner: f.unitA, start: "2026-10-15", deadline: "2026-10-15", kind: .milestone)

        let other = try await store.createZone(code: "z2", name: "邻区高新区")
        f.otherZoneId = other.id
        let otherBoot = Actor(userId: 0, username: "fixture", displayName: "fixture", zoneId: other.id, unitId: nil, roles: [.office])
        ud.name = "邻区科技局"
        f.otherZoneUnit = try await store.createUnit(ud, actor: otherBoot).id
        let otherOffice = try await store.createUser(zoneId: other.id, UserDraft(username: "office2", displayName: "邻区督查"), roles: [.office], passwordHash: hash, actor: nil)
        let t2 = Secrets.random()
        _ = try await store.createApiToken(userId: otherOffice.id, zoneId: other.id, name: "t", tokenHash: Secrets.hash(t2),
                                           actor: Actor(userId: otherOffice.id, username: "office2", displayName: "x", zoneId: other.id, unitId: nil, roles: [.office]))
        f.tokens["office2"] = t2
        pd.leaderId = nil; pd.leadUnitId = f.otherZoneUnit; pd.coUnitIds = []
        let otherPlan = try await store.createPlan(pd, actor: otherBoot)
        wd.planId = otherPlan.id
        let otherWP = try await store.createWorkPoint(wd, actor: otherBoot)
        var d = TaskDraft(); d.workPointId = otherWP.id; d.title = "邻区任务"; d.ownerUnitId = f.otherZoneUnit; d.deadline = Day(iso: "2026-12-01")
        f.otherZoneTask = try await store.createTask(d, actor: otherBoot, today: testToday, calendar: .official).id
        return f
    }
}

extension Fixture {
    /// Unit A's task due 2026-05-20, weight 3, done on 05-18: with taskB (weight 1, due 05-29, not done) May's
    /// tasks come out 3 of 4 done on time.
    func addTaskDoneOnTimeInMay(_ app: Application) async throws {
        let boot = Actor(userId: 0, username: "fixture", displayName: "督查室", zoneId: zoneId, unitId: nil, roles: [.office])
        var t = TaskDraft()
        t.workPointId = workPointId; t.title = "五月按期完成的任务"; t.ownerUnitId = unitA; t.weight = 3
        t.plannedStart = Day(iso: "2026-05-04"); t.deadline = Day(iso: "2026-05-20"); t.status = .done; t.percentDone = 100; t.doneOn = Day(iso: "2026-05-18")
        _ = try await app.store.createTask(t, actor: boot, today: testToday, calendar: .official)
    }
}

/// A tiny browser: keeps cookies, knows the CSRF token of the last page, speaks forms and JSON.
struct Browser {
    let app: Application
    var cookies: [String: String] = [:]
    var bearer: String?
    var csrf: String = ""

    init(_ app: Application, bearer: String? = nil) { self.app = app; self.bearer = bearer }

    mutating func send(_ method: HTTPMethod, _ path: String, body: String? = nil, contentType: String? = nil, headers extra: [(String, String)] = []) async throws -> TestingHTTPResponse {
        try await send(method, path, bytes: body.map { ByteBuffer(string: $0) }, contentType: contentType, headers: extra)
    }

    mutating func send(_ method: HTTPMethod, _ path: String, bytes: ByteBuffer?, contentType: String? = nil, headers extra: [(String, String)] = []) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        if let bearer { headers.bearerAuthorization = BearerAuthorization(token: bearer) }
        if let contentType { headers.add(name: .contentType, value: contentType) }
        for (k, v) in extra { headers.add(name: k, value: v) }
        let res = try await app.testing().sendRequest(method, path, headers: headers, body: bytes)
        for c in res.headers[.setCookie] {
            let pair = c.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            if pair.count == 2 { cookies[String(pair[0])] = String(pair[1]) }
            if c.contains("Max-Age=0") || c.contains("max-age=0") { cookies[String(pair[0])] = nil }
        }
        if let token = Browser.csrfToken(in: res.body.string) { csrf = token }
        return res
    }

    mutating func get(_ path: String) async throws -> TestingHTTPResponse { try await send(.GET, path) }

    /// Posts a form, adding the CSRF token of the last page unless `csrf: false`.
    mutating func post(_ path: String, _ fields: [(String, String)], csrf withToken: Bool = true) async throws -> TestingHTTPResponse {
        var all = fields
        if withToken { all.append(("_csrf", csrf)) }
        let body = all.map { "\(Browser.encode($0.0))=\(Browser.encode($0.1))" }.joined(separator: "&")
        return try await send(.POST, path, body: body, contentType: "application/x-www-form-urlencoded")
    }

    /// Posts a multipart form with files (name, filename, bytes), as a browser does for uploads.
    mutating func upload(_ path: String, _ fields: [(String, String)], files: [(String, String, [UInt8])], csrf withToken: Bool = true) async throws -> TestingHTTPResponse {
        let boundary = "----guatu-test-\(UUID().uuidString)"
        var body = ByteBuffer()
        for (k, v) in fields + (withToken ? [("_csrf", csrf)] : []) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n")
        }
        for (name, filename, bytes) in files {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            body.writeBytes(bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return try await send(.POST, path, bytes: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    mutating func json(_ method: HTTPMethod, _ path: String, _ body: String? = nil) async throws -> TestingHTTPResponse {
        try await send(method, path, body: body, contentType: body == nil ? nil : "application/json")
    }

    mutating func login(_ username: String, password: String = Fixture.password) async throws -> TestingHTTPResponse {
        _ = try await get("/login")
        return try await post("/login", [("username", username), ("password", password)])
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }

    static func csrfToken(in html: String) -> String? {
        guard let r = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        let rest = html[r.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}

extension TestingHTTPResponse {
    var text: String { body.string }
    func json() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body.string.utf8)) as? [String: Any])
    }
    var errorField: String? { ((try? json())?["error"] as? [String: Any])?["field"] as? String }
    var errorCode: String? { ((try? json())?["error"] as? [String: Any])?["code"] as? String }
}
