import Foundation
import SQLKit

/// The benchmark's floor: what the database itself allows, one query, rows straight to JSON.
extension Store {
    struct FloorTask: Codable {
        let id: Int; let planId: Int; let workPointId: Int; let title: String; let ownerUnitId: Int
        let plannedStart: String; let deadline: String; let percentDone: Int; let status: String
    }

    /// The API list's rows: live tasks of the zone in id order.
    public func benchFloorTasks(zoneId: Int, limit: Int) async throws -> Data {
        let rows = try await sql.raw("SELECT id, plan_id, work_point_id, title, owner_unit_id, planned_start, deadline, percent_done, status FROM tasks WHERE zone_id = \(bind: zoneId) AND archived_at IS NULL ORDER BY id LIMIT \(bind: limit)").rows(FloorTask.self)
        return try JSONEncoder().encode(rows)
    }

    /// The matrix page's rows: one plan's first page, in work point and task order.
    public func benchFloorMatrix(zoneId: Int, planId: Int, limit: Int) async throws -> Data {
        let rows = try await sql.raw("""
            SELECT t.id, t.plan_id, t.work_point_id, t.title, t.owner_unit_id, t.planned_start, t.deadline, t.percent_done, t.status
            FROM tasks t JOIN work_points w ON w.id = t.work_point_id
            WHERE t.zone_id = \(bind: zoneId) AND t.plan_id = \(bind: planId) AND t.archived_at IS NULL
            ORDER BY w.seq, w.id, t.seq, t.id LIMIT \(bind: limit)
            """).rows(FloorTask.self)
        return try JSONEncoder().encode(rows)
    }

    struct FloorPlanCount: Codable { let planId: Int; let status: String; let n: Int; let pct: Double? }

    public func benchFloorOverview(zoneId: Int) async throws -> Data {
        let rows = try await sql.raw("SELECT plan_id, status, COUNT(*) AS n, CAST(AVG(percent_done) AS DOUBLE PRECISION) AS pct FROM tasks WHERE zone_id = \(bind: zoneId) AND archived_at IS NULL GROUP BY plan_id, status").rows(FloorPlanCount.self)
        return try JSONEncoder().encode(rows)
    }
}
