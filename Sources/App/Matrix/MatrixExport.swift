import Domain
import Foundation
import Persistence
import Vapor
import Views

/// The matrix as rows (one per task), for the command line and later for Excel.
enum MatrixExport {
    struct Row: Encodable {
        let plan: String; let workPoint: String; let taskId: Int; let kind: String; let title: String
        let ownerUnit: String; let coUnits: String; let leader: String; let responsiblePerson: String
        let plannedStart: String; let deadline: String; let durationDays: Int; let percentDone: Int
        let status: String; let light: String; let deliverable: String; let acceptanceStandard: String; let weight: Double
        let predecessors: String
    }
    static let headers = ["计划", "工作要点", "任务编号", "类型", "任务名称", "责任单位", "配合单位", "分管领导", "责任人",
                          "计划开始", "完成时限", "工期（工作日）", "完成进度", "状态", "红黄绿灯", "成果形式", "验收标准", "权重", "前置任务"]

    static func export(_ app: Application, zoneId: Int, year: Int?, format: String) async throws -> Data {
        let store = app.store
        let y: Int
        if let year { y = year } else { y = try await store.years(zoneId: zoneId).first ?? app.today.year }
        let plans = try await store.plans(zoneId: zoneId, year: y)
        let wps = Dictionary(uniqueKeysWithValues: try await store.workPoints(zoneId: zoneId).map { ($0.id, $0) })
        let names = Names(units: try await store.units(zoneId: zoneId, includeArchived: true), people: try await store.users(zoneId: zoneId, includeArchived: true))
        let planById = Dictionary(uniqueKeysWithValues: plans.map { ($0.id, $0) })
        let tasks = try await store.tasks(zoneId: zoneId, TaskFilter(year: y))
        let calendar = try await app.calendar(zoneId: zoneId)
        let rules = try await store.lightRules(zoneId: zoneId).rules
        let rows = tasks.map { t in
            Row(plan: planById[t.planId]?.name ?? "", workPoint: wps[t.workPointId]?.title ?? "", taskId: t.id, kind: t.kind.chineseName, title: t.title,
                ownerUnit: names.unit(t.ownerUnitId), coUnits: t.coUnitIds.map { names.unit($0) }.joined(separator: "、"),
                leader: names.person(planById[t.planId]?.leaderId), responsiblePerson: t.responsiblePerson,
                plannedStart: t.plannedStart.iso, deadline: t.deadline.iso, durationDays: t.durationDays, percentDone: t.percentDone,
                status: t.status.chineseName, light: Light.of(t, today: app.today, calendar: calendar, rules: rules).chineseName,
                deliverable: t.deliverable, acceptanceStandard: t.acceptanceStandard, weight: t.weight,
                predecessors: t.predecessorIds.map(String.init).joined(separator: ","))
        }
        if format == "json" {
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return try e.encode(rows) + Data("\n".utf8)
        }
        var out = "\u{FEFF}" + headers.map(csv).joined(separator: ",") + "\r\n"
        for r in rows {
            let fields: [String] = [r.plan, r.workPoint, String(r.taskId), r.kind, r.title, r.ownerUnit, r.coUnits, r.leader, r.responsiblePerson,
                                    r.plannedStart, r.deadline, String(r.durationDays), String(r.percentDone), r.status, r.light,
                                    r.deliverable, r.acceptanceStandard, String(format: "%g", r.weight), r.predecessors]
            out += fields.map(csv).joined(separator: ",") + "\r\n"
        }
        return Data(out.utf8)
    }

    /// RFC 4180 quoting; a leading = + - @ is neutralised so a cell never runs as a formula in Excel.
    static func csv(_ s: String) -> String {
        var v = s
        if let f = v.first, "=+-@".contains(f) { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }
}
