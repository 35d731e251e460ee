import Foundation
import SQLKit

/// The benchmark's floor: what the database itself allows, one query, rows straight to JSON.
extension Store {
    struct FloorTask: Codable {
        let id: Int; let planId: Int; let workPointId: Int; let title: String; let ownerUnitId: Int
        let plannedStart: String; let deadline: String; let percentDone: Int; let status: String
    }

    public func benchFloorTasks(zoneId: Int, planId: Int?, limit: Int) async throws -> Data {
        var q: SQLQueryString = "SELECT id, plan_id, work_point_id, title, owner_unit_id, planned_start, deadline, percent_done, status FROM tasks WHERE zone_id = \(bind: zoneId) AND archived_at IS NULL"
        if let planId { q += " AND plan_id = \(bind: planId)" }
        let rows = try await sql.raw(q + " ORDER BY plan_id, work_point_id, seq LIMIT \(bind: limit)").rows(FloorTask.self)
        return try JSONEncoder().encode(rows)
    }

    struct FloorPlanCount: Codable { let planId: Int; let status: String; let n: Int; let pct: Double? }

    public func benchFloorOverview(zoneId: Int) async throws -> Data {
        let rows = try await sql.raw("SELECT plan_id, status, COUNT(*) AS n, CAST(AVG(percent_done) AS DOUBLE PRECISION) AS pct FROM tasks WHERE zone_id = \(bind: zoneId) AND archived_at IS NULL GROUP BY plan_id, status").rows(FloorPlanCount.self)
        return try JSONEncoder().encode(rows)
    }
}
