@testable import App
import Domain
import Persistence
import Testing
import Vapor

@Suite("存储层：版本、归档、事务、审计")
struct PersistenceTests {
    @Test("失败的写入整体回滚：既没有任务也没有审计行", arguments: TestDB.all)
    func rollback(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let actor = Actor(userId: 0, username: "t", displayName: "t", zoneId: f.zoneId, unitId: nil, roles: [.office])
            let before = try await app.store.countTasks(zoneId: f.zoneId, TaskFilter(includeArchived: true))
            let auditBefore = try await app.store.auditEntries(zoneId: f.zoneId, .init()).total
            var d = TaskDraft(); d.workPointId = f.workPointId; d.title = "x"; d.ownerUnitId = f.unitA; d.deadline = Day(iso: "2026-07-01")
            d.predecessorIds = [f.otherZoneTask]
            await #expect(throws: StoreError.self) { try await app.store.createTask(d, actor: actor, today: testToday, calendar: .official) }
            #expect(try await app.store.countTasks(zoneId: f.zoneId, TaskFilter(includeArchived: true)) == before)
            #expect(try await app.store.auditEntries(zoneId: f.zoneId, .init()).total == auditBefore)
        }
    }

    @Test("版本号不符的修改被拒绝，归档保留数据", arguments: TestDB.all)
    func versionsAndArchive(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let actor = Actor(userId: 0, username: "t", displayName: "t", zoneId: f.zoneId, unitId: nil, roles: [.office])
            var d = UnitDraft(); d.name = "科技创新局（更名）"
            _ = try await app.store.updateUnit(id: f.unitA, version: 1, d, actor: actor)
            await #expect(throws: StoreError.conflict(entity: "unit", id: f.unitA, current: 2)) {
                try await app.store.updateUnit(id: f.unitA, version: 1, d, actor: actor)
            }
            d.name = "经济发展局"
            await #expect(throws: StoreError.duplicate(field: "name", message: "单位名称“经济发展局”已存在")) {
                try await app.store.updateUnit(id: f.unitA, version: 2, d, actor: actor)
            }
            try await app.store.archivePlan(id: f.planId, version: 1, actor: actor)
            #expect(try await app.store.plans(zoneId: f.zoneId).isEmpty)
            #expect(try await app.store.plan(id: f.planId, zoneId: f.zoneId).archived)
            #expect(try await app.store.tasks(zoneId: f.zoneId, TaskFilter()).isEmpty)
            #expect(try await app.store.tasks(zoneId: f.zoneId, TaskFilter(includeArchived: true)).count == 3)
        }
    }

    @Test("并发写入SQLite不报SQLITE_BUSY，全部落库")
    func concurrentWrites() async throws {
        try await withGuatu { app in
            let f = try await Fixture.make(app)
            let actor = Actor(userId: 0, username: "t", displayName: "t", zoneId: f.zoneId, unitId: nil, roles: [.office])
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<40 {
                    group.addTask {
                        var d = TaskDraft(); d.workPointId = f.workPointId; d.title = "并发任务\(i)"; d.ownerUnitId = f.unitA; d.deadline = Day(iso: "2026-07-01")
                        _ = try await app.store.createTask(d, actor: actor, today: testToday, calendar: .official)
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await app.store.countTasks(zoneId: f.zoneId, TaskFilter()) == 43)
            let seqs = try await app.store.tasks(zoneId: f.zoneId, TaskFilter(workPointId: f.workPointId)).map(\.seq)
            #expect(Set(seqs).count == seqs.count)
        }
    }
}
