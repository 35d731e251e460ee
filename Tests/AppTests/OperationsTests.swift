@testable import App
import Domain
import Foundation
import Persistence
import SQLKit
import Testing
import Vapor
import VaporTesting

@Suite("运维：审计哈希链、后台任务只运行一次、备份恢复")
struct OperationsTests {
    struct IDRow: Decodable { let id: Int }

    /// What someone with the database owner's rights (or the SQLite file) does before tampering: drop the triggers
    /// that keep the application itself from changing the audit log.
    static func dropAuditTriggers(_ sql: any SQLDatabase) async throws {
        for t in ["audit_log_no_update", "audit_log_no_delete"] {
            if sql.dialect.name == "postgresql" { try await sql.raw("DROP TRIGGER \(ident: t) ON audit_log").run() }
            else { try await sql.raw("DROP TRIGGER \(ident: t)").run() }
        }
    }

    @Test("审计日志按园区逐条哈希成链：未改动时校验通过；改动或删除任何一条都被指出，其他园区不受牵连", arguments: TestDB.all)
    func auditChain(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let sql = app.db as! any SQLDatabase
            // Writes in parallel on one zone: on PostgreSQL they race for the chain's head.
            let boot = Actor(userId: 0, username: "t", displayName: "t", zoneId: f.zoneId, unitId: nil, roles: [.office])
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<12 {
                    group.addTask { var d = UnitDraft(); d.name = "并发单位\(i)"; _ = try await app.store.createUnit(d, actor: boot) }
                }
                try await group.waitForAll()
            }
            let intact = try await app.store.verifyAudit()
            #expect(intact.ok, "\(intact.problems.map { "\($0.id) \($0.fault)" })")
            #expect(intact.checked >= 20)
            #expect(intact.heads.keys.contains(f.zoneId) && intact.heads.keys.contains(f.otherZoneId))

            let ids = try await sql.raw("SELECT id FROM audit_log WHERE zone_id = \(bind: f.zoneId) ORDER BY id").all(decoding: IDRow.self).map(\.id)
            let edited = ids[3], deleted = ids[6], afterDeleted = ids[7]
            try await Self.dropAuditTriggers(sql)
            try await sql.raw("UPDATE audit_log SET after_json = '{\"name\":\"改过的\"}' WHERE id = \(bind: edited)").run()
            try await sql.raw("DELETE FROM audit_log WHERE id = \(bind: deleted)").run()
            let found = try await app.store.verifyAudit()
            #expect(found.problems.map(\.id) == [edited, afterDeleted])
            #expect(found.problems.map(\.fault) == [.edited, .broken])
            #expect(found.problems.allSatisfy { $0.zoneId == f.zoneId })
        }
    }

    @Test("伪造者重新计算了被改那一条的哈希，下一条的链接仍然对不上", arguments: TestDB.all)
    func resealedEditStillFound(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let sql = app.db as! any SQLDatabase
            struct R: Decodable { let id: Int; let prevHash: String }
            let rows = try await sql.raw("SELECT id, prev_hash FROM audit_log WHERE zone_id = \(bind: f.zoneId) ORDER BY id").all(decoding: R.self, keyDecodingStrategy: .convertFromSnakeCase)
            let victim = rows[2]
            struct Full: Decodable { let at: String; let userId: Int?; let username: String; let action: String; let entityType: String; let entityId: Int?; let beforeJson: String? }
            let v = try #require(try await sql.raw("SELECT at, user_id, username, action, entity_type, entity_id, before_json FROM audit_log WHERE id = \(bind: victim.id)")
                .first(decoding: Full.self, keyDecodingStrategy: .convertFromSnakeCase))
            let forged = AuditChain.seal(.init(zoneId: f.zoneId, at: v.at, userId: v.userId, username: v.username, action: v.action, entity: v.entityType,
                                               entityId: v.entityId, before: v.beforeJson, after: "{\"forged\":true}"), previous: victim.prevHash)
            try await Self.dropAuditTriggers(sql)
            try await sql.raw("UPDATE audit_log SET after_json = '{\"forged\":true}', hash = \(bind: forged) WHERE id = \(bind: victim.id)").run()
            let found = try await app.store.verifyAudit()
            #expect(found.problems.map(\.id) == [rows[3].id])
            #expect(found.problems.first?.fault == .broken)
        }
    }

    @Test("应用的数据库账号不能修改或删除审计记录：UPDATE、DELETE都被拒绝，记录原样", arguments: TestDB.all)
    func auditAppendOnly(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let sql = app.db as! any SQLDatabase
            let id = try #require(try await sql.raw("SELECT MIN(id) AS id FROM audit_log WHERE zone_id = \(bind: f.zoneId)").first(decoding: IDRow.self)).id
            struct U: Decodable { let username: String }
            let before = try #require(try await sql.raw("SELECT username FROM audit_log WHERE id = \(bind: id)").first(decoding: U.self)).username
            await #expect(throws: (any Error).self) { try await sql.raw("UPDATE audit_log SET username = 'someone-else' WHERE id = \(bind: id)").run() }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM audit_log WHERE id = \(bind: id)").run() }
            let after = try await sql.raw("SELECT username FROM audit_log WHERE id = \(bind: id)").first(decoding: U.self)
            #expect(after?.username == before)
            #expect(try await app.store.verifyAudit().ok)
        }
    }

    @Test("记下的链头：截掉链尾或整条链重新计算，单看哈希链发现不了，对照记下的链头就能指出", arguments: TestDB.all)
    func knownHeads(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let sql = app.db as! any SQLDatabase
            let v = try await app.store.verifyAudit()
            let head = try #require(v.heads[f.zoneId])
            let known = [Store.AuditHead(chain: f.zoneId, id: head.id, hash: head.hash)]
            #expect(try await app.store.verifyAudit(knownHeads: known).ok)
            // The head's hash written down wrong (or the chain recomputed since): named.
            let wrong = [Store.AuditHead(chain: f.zoneId, id: head.id, hash: String(repeating: "0", count: 64))]
            #expect(try await app.store.verifyAudit(knownHeads: wrong).problems.map(\.fault) == [.headChanged])
            // The tail cut off by someone who dropped the triggers: the chain itself still looks whole.
            try await Self.dropAuditTriggers(sql)
            try await sql.raw("DELETE FROM audit_log WHERE id = \(bind: head.id)").run()
            #expect(try await app.store.verifyAudit().ok)
            let found = try await app.store.verifyAudit(knownHeads: known)
            #expect(found.problems.map(\.id) == [head.id])
            #expect(found.problems.map(\.fault) == [.headMissing])
        }
    }

    @Test("几个实例同时要求“立即运行”同一任务：只排上一次", arguments: TestDB.all)
    func queueOnceUnderRace(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let store = app.store
            let queued = try await withThrowingTaskGroup(of: Bool.self) { group in
                for i in 0..<8 { group.addTask { try await store.queueJob("reminders", requestedBy: "实例\(i)") } }
                var n = 0
                for try await ok in group where ok { n += 1 }
                return n
            }
            #expect(queued == 1)
            #expect(try await store.jobRuns(job: "reminders").filter { $0.status == .queued }.count == 1)
        }
    }

    @Test("同一周期两个实例同时认领后台任务，只有一个得到；失败一分钟后重试，实例中断则租约到期后接手，最多三次", arguments: TestDB.all)
    func jobClaims(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let store = app.store
            let t0 = Date(timeIntervalSince1970: 1_800_000_000)
            func claim(_ owner: String, _ after: TimeInterval) async throws -> Int? {
                try await store.claimJob("reminders", slot: "s1", owner: owner, now: t0.addingTimeInterval(after), lease: 600, retryAfter: 60)
            }
            async let a = claim("A", 0)
            async let b = claim("B", 0)
            let (ra, rb) = try await (a, b)
            #expect([ra, rb].compactMap { $0 }.count == 1)
            let id = try #require(ra ?? rb)
            let (winner, other) = ra != nil ? ("A", "B") : ("B", "A")
            try await store.finishJob(id: id, owner: winner, now: t0.addingTimeInterval(1), summary: "", error: "SMTP 不可达")
            #expect(try await claim(other, 30) == nil)          // too soon to retry
            #expect(try await claim(other, 62) == id)           // second attempt
            #expect(try await claim(winner, 300) == nil)        // still leased to the other
            #expect(try await claim(winner, 62 + 601) == id)    // the other died: third attempt
            try await store.finishJob(id: id, owner: winner, now: t0.addingTimeInterval(700), summary: "", error: "又失败")
            #expect(try await claim(other, 10_000) == nil)      // three attempts used: left for a person
            let run = try #require(try await store.jobRuns(job: "reminders").first)
            #expect(run.attempts == 3 && run.status == .failed && run.error == "又失败")
            // A finish from an owner that lost the lease changes nothing.
            try await store.finishJob(id: id, owner: other, now: t0.addingTimeInterval(800), summary: "迟到", error: nil)
            #expect(try await store.jobRuns(job: "reminders").first?.status == .failed)
            // "Run now" queues one run however often it is asked.
            #expect(try await store.queueJob("reminders", requestedBy: "sysadmin"))
            #expect(try await store.queueJob("reminders", requestedBy: "sysadmin") == false)
            #expect(try await store.claimJob("reminders", slot: nil, owner: "A", now: Date(), lease: 600, retryAfter: 60) != nil)
        }
    }

    actor Counter {
        var n = 0
        func add() { n += 1 }
    }

    @Test("JobRunner：同一周期查看两次只运行一次；排队的“立即运行”由下一次查看运行；失败记下原因")
    func runnerTicks() async throws {
        try await withGuatu { app in
            let counter = Counter()
            let ok = JobDefinition(name: "test-ok", chineseName: "测试", detail: "", everyMinutes: { _ in 10 }, run: { _ in await counter.add(); return "做了" })
            let bad = JobDefinition(name: "test-bad", chineseName: "测试失败", detail: "", everyMinutes: { _ in 0 }, run: { _ in throw JobFailure(description: "园区甲失败") })
            // A slot's start plus a minute, in the past: a run's real finishing time then lies after every retry point.
            let t0 = Date(timeIntervalSince1970: 1_699_999_800 + 60)
            #expect(await JobRunner.tick(app, now: t0, jobs: [ok, bad]) == 1)
            #expect(await JobRunner.tick(app, now: t0.addingTimeInterval(30), jobs: [ok, bad]) == 0)
            try await app.store.queueJob("test-ok", requestedBy: "t")
            try await app.store.queueJob("test-bad", requestedBy: "t")
            #expect(await JobRunner.tick(app, now: t0.addingTimeInterval(40), jobs: [ok, bad]) == 2)
            #expect(await counter.n == 2)
            // The next slot (ten minutes on) runs again.
            #expect(await JobRunner.tick(app, now: t0.addingTimeInterval(600), jobs: [ok]) == 1)
            let last = try await app.store.lastJobRuns()
            #expect(last["test-bad"]?.status == .failed && last["test-bad"]?.error == "园区甲失败")
            #expect(last["test-ok"]?.summary == "做了" && last["test-ok"]?.owner == app.instanceName)
        }
    }

    @Test("后台任务页：系统管理员看到每个任务的最近运行并可立即运行（记入审计）；业务角色无权进入")
    func jobsPage() async throws {
        try await withGuatu { app in
            _ = try await Fixture.make(app)
            var admin = Browser(app)
            _ = try await admin.login("sysadmin")
            let page = try await admin.get("/admin/jobs")
            #expect(page.status == .ok)
            for job in JobCatalog.all { #expect(page.text.contains(job.chineseName)) }
            let run = try await admin.post("/admin/jobs/reminders/run", [])
            #expect(run.status == .seeOther)
            #expect(try await app.store.jobRuns(job: "reminders").first?.status == .queued)
            #expect(try await admin.post("/admin/jobs/no-such-job/run", []).status == .notFound)
            let audit = try await app.store.auditEntries(zoneId: 1, .init(entityType: "job"))
            #expect(audit.entries.first?.after?.contains("reminders") == true)
            var office = Browser(app)
            _ = try await office.login("office")
            #expect(try await office.get("/admin/jobs").status == .forbidden)
        }
    }

    @Test("在线备份后继续写入，恢复得到备份那一刻的每张表、每一行和佐证文件；原库改名保留")
    func backupAndRestore() async throws {
        let dir = NSTemporaryDirectory() + "guatu-backup-" + UUID().uuidString
        let dbPath = dir + "/data/guatu.sqlite"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func open() async throws -> Application {
            let app = try await Application.make(.testing)
            var config = GuatuConfig.testing(today: testToday, database: .sqliteFile(path: dbPath))
            config.blobDirectory = dir + "/data/blobs"
            do { try await configure(app, config: config) } catch { try? await app.asyncShutdown(); throw error }
            return app
        }
        let app = try await open()
        var snapshot: [String: [String]] = [:]
        let evidence = Data("佐证材料：现场照片".utf8)
        do {
            let f = try await Fixture.make(app)
            let sha = try BlobStore(root: dir + "/data/blobs").put(evidence)
            for t in try await app.store.tableNames() { snapshot[t] = try await app.store.tableDump(t) }
            let m = try await Backup.make(store: app.store, isSQLite: true, blobRoot: dir + "/data/blobs", into: dir + "/backup", lastMigration: "x")
            #expect(m.tables["tasks"] == snapshot["tasks"]?.count && m.blobs == 1)
            // Written after the backup: not in the restored database.
            var d = UnitDraft(); d.name = "备份之后的单位"
            _ = try await app.store.createUnit(d, actor: Actor(userId: 0, username: "t", displayName: "t", zoneId: f.zoneId, unitId: nil, roles: [.office]))
            #expect(try await app.store.tableDump("units") != snapshot["units"])
            // A second backup into the same folder is refused.
            await #expect(throws: Backup.Failure.self) {
                _ = try await Backup.make(store: app.store, isSQLite: true, blobRoot: dir + "/data/blobs", into: dir + "/backup", lastMigration: "x")
            }
            try await app.asyncShutdown()
            try FileManager.default.removeItem(atPath: dir + "/data/blobs")
            _ = try Backup.restore(from: dir + "/backup", dbPath: dbPath, blobRoot: dir + "/data/blobs")
            #expect(BlobStore(root: dir + "/data/blobs").get(sha) == evidence)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        let restored = try await open()
        do {
            let tables = try await restored.store.tableNames()
            #expect(Set(tables) == Set(snapshot.keys))
            for t in tables { #expect(try await restored.store.tableDump(t) == snapshot[t], "table \(t)") }
            let kept = try FileManager.default.contentsOfDirectory(atPath: dir + "/data").filter { $0.hasPrefix("guatu.sqlite-before-restore-") }
            #expect(!kept.isEmpty)
            try await restored.asyncShutdown()
        } catch {
            try? await restored.asyncShutdown()
            throw error
        }
    }

    @Test("请求超过时限（GUATU_REQUEST_TIMEOUT_SECONDS）即答 503，不让客户端一直等")
    func requestDeadline() async throws {
        try await withGuatu(tweak: { $0.requestTimeoutSeconds = 1 }) { app in
            app.get("slow-for-test") { _ async throws -> String in
                try await Task.sleep(nanoseconds: 5_000_000_000)
                return "late"
            }
            let started = Date()
            let res = try await app.sendRequest(.GET, "/slow-for-test")
            #expect(res.status == .serviceUnavailable)
            #expect(res.headers.first(name: .retryAfter) == "5")
            #expect(Date().timeIntervalSince(started) < 4)
            var b = Browser(app)
            #expect(try await b.get("/login").status == .ok)   // an ordinary request is unaffected
        }
    }
}
