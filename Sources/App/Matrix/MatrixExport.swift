import Domain
import Foundation
import Persistence
import Spreadsheet
import Vapor
import Views

/// The matrix as rows (one per task), in the task sheet's columns (`TaskSheetColumn`, then progress, status and
/// light), for the command line (JSON, CSV) and for Excel. The .xlsx and the CSV import back unchanged.
enum MatrixExport {
    struct Row: Encodable {
        let plan: String; let workPoint: String; let taskId: Int; let kind: String; let title: String
        let ownerUnit: String; let coUnits: String; let leader: String; let responsiblePerson: String
        let plannedStart: String; let deadline: String; let durationDays: Int; let percentDone: Int
        let status: String; let light: String; let deliverable: String; let acceptanceStandard: String; let weight: Double
        let predecessors: String
    }
    static var headers: [String] { TaskSheetColumn.allCases.map(\.header) + TaskSheetColumn.exportOnlyHeaders }

    struct Rows {
        let year: Int
        let rows: [Row]
        let lists: TaskSheetWorkbook.Lists
    }

    static func rows(_ app: Application, zoneId: Int, year: Int?, planId: Int? = nil, unitId: Int? = nil) async throws -> Rows {
        let store = app.store
        let y: Int
        if let year { y = year } else { y = try await store.years(zoneId: zoneId).first ?? app.today.year }
        let plans = try await store.plans(zoneId: zoneId, year: y)
        let wps = Dictionary(uniqueKeysWithValues: try await store.workPoints(zoneId: zoneId).map { ($0.id, $0) })
        let units = try await store.units(zoneId: zoneId, includeArchived: true)
        let people = try await store.users(zoneId: zoneId, includeArchived: true)
        let unitName = Dictionary(units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let personName = Dictionary(people.map { ($0.id, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        let planById = Dictionary(uniqueKeysWithValues: plans.map { ($0.id, $0) })
        let tasks = try await store.tasks(zoneId: zoneId, TaskFilter(year: y, planId: planId, unitId: unitId))
        let calendar = try await app.calendar(zoneId: zoneId)
        let rules = try await store.lightRules(zoneId: zoneId).rules
        let rows = tasks.map { t in
            Row(plan: planById[t.planId]?.name ?? "", workPoint: wps[t.workPointId]?.title ?? "", taskId: t.id, kind: t.kind.chineseName, title: t.title,
                ownerUnit: unitName[t.ownerUnitId] ?? "", coUnits: t.coUnitIds.map { unitName[$0] ?? "" }.joined(separator: "、"),
                leader: planById[t.planId]?.leaderId.flatMap { personName[$0] } ?? "", responsiblePerson: t.responsiblePerson,
                plannedStart: t.plannedStart.iso, deadline: t.deadline.iso, durationDays: t.durationDays, percentDone: t.percentDone,
                status: t.status.chineseName, light: Light.of(t, today: app.today, calendar: calendar, rules: rules).chineseName,
                deliverable: t.deliverable, acceptanceStandard: t.acceptanceStandard, weight: t.weight,
                predecessors: t.predecessorIds.map(String.init).joined(separator: "、"))
        }
        return Rows(year: y, rows: rows, lists: lists(units: units, plans: plans, people: people))
    }

    /// The drop-down lists of a year's sheet: live units, the year's plans, the leaders.
    static func lists(_ app: Application, zoneId: Int, year: Int) async throws -> TaskSheetWorkbook.Lists {
        lists(units: try await app.store.units(zoneId: zoneId), plans: try await app.store.plans(zoneId: zoneId, year: year),
              people: try await app.store.users(zoneId: zoneId))
    }

    static func lists(units: [OrgUnit], plans: [Plan], people: [UserAccount]) -> TaskSheetWorkbook.Lists {
        TaskSheetWorkbook.Lists(units: units.filter { !$0.archived }.map(\.name), plans: plans.map(\.name),
                                leaders: people.filter { !$0.archived && $0.roles.contains(.leader) }.map(\.displayName))
    }

    static func export(_ app: Application, zoneId: Int, year: Int?, format: String) async throws -> Data {
        let r = try await rows(app, zoneId: zoneId, year: year)
        switch format {
        case "json":
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return try e.encode(r.rows) + Data("\n".utf8)
        case "xlsx":
            return try XLSXWriter.data(TaskSheetWorkbook.make(title: "\(r.year)年度任务分解表（\(app.today.iso)导出）", year: r.year,
                                                              rows: r.rows.map(cells), lists: r.lists, exported: true))
        default:
            var out = "\u{FEFF}" + headers.map(csv).joined(separator: ",") + "\r\n"
            for row in r.rows {
                out += cells(row).map { c -> String in
                    switch c {
                    case .text(let s), .date(let s): return csv(s)
                    case .integer(let n): return String(n)
                    case .number(let n): return String(format: "%g", n)
                    case .percent(let p): return String(Int((p * 100).rounded()))
                    case .empty: return ""
                    }
                }.joined(separator: ",") + "\r\n"
            }
            return Data(out.utf8)
        }
    }

    /// One task as the sheet's cells, in `headers` order.
    static func cells(_ r: Row) -> [Cell] {
        [.integer(r.taskId), .text(r.plan), .text(r.workPoint), .text(r.title), .text(r.kind), .text(r.ownerUnit), .text(r.coUnits),
         .text(r.leader), .text(r.responsiblePerson), .date(r.plannedStart), .date(r.deadline), .integer(r.durationDays), .text(r.predecessors),
         .text(r.deliverable), .text(r.acceptanceStandard), .number(r.weight), .percent(Double(r.percentDone) / 100), .text(r.status), .text(r.light)]
    }

    /// RFC 4180 quoting; a leading = + - @ is neutralised so a cell never runs as a formula in Excel (the importer
    /// takes the quote off again).
    static func csv(_ s: String) -> String {
        var v = s
        if let f = v.first, "=+-@".contains(f) { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }
}
