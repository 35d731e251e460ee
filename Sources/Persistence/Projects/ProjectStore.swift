import Domain
import Foundation
import SQLKit

extension Store {
    struct ProjectRow: Decodable {
        let id: Int; let name: String; let enterpriseId: Int?; let chain: String; let totalInvestment: Double; let ownerUnitId: Int; let taskId: Int?
        let stage: String; let stageDates: String; let version: Int
        var project: KeyProject {
            let raw = (try? JSONDecoder().decode([String: String].self, from: Data(stageDates.utf8))) ?? [:]
            var dates: [KeyProject.Stage: Day] = [:]
            for (k, v) in raw { if let s = KeyProject.Stage(rawValue: k), let d = Day(iso: v) { dates[s] = d } }
            return KeyProject(id: id, name: name, enterpriseId: enterpriseId, chain: chain, totalInvestment: totalInvestment, ownerUnitId: ownerUnitId,
                              taskId: taskId, stage: .init(rawValue: stage) ?? .signed, stageDates: dates, version: version)
        }
    }
    static let projectColumns: SQLQueryString = "SELECT id, name, enterprise_id, chain, total_investment, owner_unit_id, task_id, stage, stage_dates, version FROM key_projects"
    static func datesJSON(_ d: [KeyProject.Stage: Day]) -> String { Store.json(Dictionary(uniqueKeysWithValues: d.map { ($0.key.rawValue, $0.value.iso) })) }

    public func projects(zoneId: Int) async throws -> [KeyProject] {
        try await sql.raw(Store.projectColumns + " WHERE zone_id = \(bind: zoneId) AND archived_at IS NULL ORDER BY id").rows(ProjectRow.self).map(\.project)
    }

    public func project(id: Int, zoneId: Int) async throws -> KeyProject {
        guard let p = try await sql.raw(Store.projectColumns + " WHERE id = \(bind: id) AND zone_id = \(bind: zoneId)").row(ProjectRow.self)?.project else {
            throw StoreError.notFound(entity: "key_project", id: id)
        }
        return p
    }

    /// Each project's months, oldest first.
    public func projectInvestments(zoneId: Int) async throws -> [Int: [MonthlyInvestment]] {
        struct R: Decodable { let projectId: Int; let month: String; let planned: Double; let actual: Double? }
        let rows = try await sql.raw("SELECT project_id, month, planned, actual FROM project_investments WHERE zone_id = \(bind: zoneId) ORDER BY month").rows(R.self)
        return Dictionary(grouping: rows, by: \.projectId).mapValues { $0.map { MonthlyInvestment(month: $0.month, planned: $0.planned, actual: $0.actual) } }
    }

    /// A new project at its signing; the owner unit and the linked task must be the zone's.
    public func createProject(name: String, enterpriseId: Int?, chain: String, totalInvestment: Double, ownerUnitId: Int, taskId: Int?, signedOn: Day, actor: Actor) async throws -> Int {
        try validated { try KeyProject.validate(name: name, totalInvestment: totalInvestment) }
        _ = try await unit(id: ownerUnitId, zoneId: actor.zoneId)
        if let taskId { _ = try await task(id: taskId, zoneId: actor.zoneId) }
        if let enterpriseId { _ = try await enterprise(id: enterpriseId, zoneId: actor.zoneId) }
        let p = KeyProject(id: 0, name: name.trimmingCharacters(in: .whitespaces), enterpriseId: enterpriseId, chain: String(chain.prefix(40)), totalInvestment: totalInvestment,
                           ownerUnitId: ownerUnitId, taskId: taskId, stage: .signed, stageDates: [.signed: signedOn])
        return try await write { tx in
            let now = Store.timestamp()
            let id = try await tx.raw("""
                INSERT INTO key_projects (zone_id, name, enterprise_id, chain, total_investment, owner_unit_id, task_id, stage, stage_dates, version, created_at, updated_at)
                VALUES (\(bind: actor.zoneId), \(bind: p.name), \(bind: enterpriseId), \(bind: p.chain), \(bind: totalInvestment), \(bind: ownerUnitId), \(bind: taskId),
                  'signed', \(bind: Store.datesJSON(p.stageDates)), 1, \(bind: now), \(bind: now)) RETURNING id
                """).row(IDRow.self)!.id
            try await Store.audit(tx, actor: actor, action: .create, entity: "key_project", id: id, before: Optional<KeyProject>.none, after: p)
            return id
        }
    }

    /// Moves the project to a later stage (refused backwards, before the previous stage's day, or if changed since `version`).
    public func advanceProject(id: Int, to stage: KeyProject.Stage, on day: Day, version: Int, actor: Actor) async throws {
        let before = try await project(id: id, zoneId: actor.zoneId)
        guard before.version == version else { throw StoreError.conflict(entity: "key_project", id: id, current: before.version) }
        let after = try validated { try before.advanced(to: stage, on: day) }
        try await write { tx in
            guard try await tx.raw("""
                UPDATE key_projects SET stage = \(bind: stage.rawValue), stage_dates = \(bind: Store.datesJSON(after.stageDates)), version = version + 1, updated_at = \(bind: Store.timestamp())
                WHERE id = \(bind: id) AND version = \(bind: version) RETURNING id
                """).row(IDRow.self) != nil else { throw StoreError.conflict(entity: "key_project", id: id, current: version + 1) }
            try await Store.audit(tx, actor: actor, action: .update, entity: "key_project", id: id, before: before, after: after)
        }
    }

    /// Records a month's planned and actual investment (actual nil: not reported yet).
    public func setInvestment(projectId: Int, _ m: MonthlyInvestment, actor: Actor) async throws {
        _ = try await project(id: projectId, zoneId: actor.zoneId)
        guard AssessmentPeriod(key: m.month)?.month != nil else { throw StoreError.invalid(ValidationError(field: "month", "月份格式应为YYYY-MM")) }
        guard m.planned.isFinite, m.planned >= 0, m.actual.map({ $0.isFinite && $0 >= 0 }) ?? true else {
            throw StoreError.invalid(ValidationError(field: "planned", "计划和完成投资须为不小于0的数（万元）"))
        }
        try await write { tx in
            try await tx.raw("""
                INSERT INTO project_investments (zone_id, project_id, month, planned, actual, updated_at)
                VALUES (\(bind: actor.zoneId), \(bind: projectId), \(bind: m.month), \(bind: m.planned), \(bind: m.actual), \(bind: Store.timestamp()))
                ON CONFLICT (project_id, month) DO UPDATE SET planned = excluded.planned, actual = excluded.actual, updated_at = excluded.updated_at
                """).run()
            try await Store.audit(tx, actor: actor, action: .update, entity: "project_investment", id: projectId, before: Optional<MonthlyInvestment>.none, after: m)
        }
    }
}
