import Domain
import Persistence
import Vapor

/// /api/v1 reads for 安全生产, the reform library and finance relief: the hazards with where each stands, the year's
/// safety figures, the reform items with their progress, and the finance figures by month.
enum EnterpriseServicesAPI {
    static func register(_ app: RoutesBuilder) {
        let base = ApiController.base
        app.on(.GET, base + "/hazards", .permission(.readMatrix), use: hazards)
        app.on(.GET, base + "/safety/statistics", .permission(.readMatrix), use: safety)
        app.on(.GET, base + "/reforms", .permission(.readMatrix), use: reforms)
        app.on(.GET, base + "/finance/statistics", .permission(.readMatrix), use: finance)
    }

    struct HazardItem: Encodable {
        let id: Int; let enterpriseId: Int; let unitId: Int?; let description: String; let level: String; let foundOn: Day; let deadline: Day
        let responsiblePerson: String; let status: String; let verifiedOn: Day?; let overdueWorkdays: Int?
    }

    @Sendable static func hazards(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let year = try req.queryInt("year", in: 2000...2100)
        let status = try req.query[String.self, at: "status"].map { s -> HazardStatus in
            guard let v = HazardStatus(rawValue: s) else {
                throw AppError(.badRequest, "bad_request", "status 取值应为 \(HazardStatus.allCases.map(\.rawValue).joined(separator: "、"))", field: "status")
            }
            return v
        }
        let found = year.map { Day(year: $0, month: 1, day: 1)!...Day.lastOfYear($0) }
        let list = try await req.store.hazards(zoneId: actor.zoneId, found: found).filter { status == nil || $0.status == status }
        return try req.json(list.map { h in
            let clock = HazardClock(hazard: h, today: req.today, calendar: req.calendar)
            return HazardItem(id: h.id, enterpriseId: h.enterpriseId, unitId: h.unitId, description: h.description, level: h.level.rawValue, foundOn: h.foundOn,
                              deadline: h.deadline, responsiblePerson: h.responsiblePerson, status: h.status.rawValue, verifiedOn: h.verifiedOn,
                              overdueWorkdays: clock.isOverdue ? clock.overdueWorkdays : nil)
        })
    }

    struct SafetyFiguresDTO: Encodable {
        let unitId: Int?; let found: Int; let foundMajor: Int; let verified: Int; let verifiedOnTime: Int; let overdue: Int; let openMajor: Int
        let rectificationRate: Double?; let onTimeRate: Double?
        init(_ unitId: Int?, _ f: SafetyFigures) {
            self.unitId = unitId; found = f.found; foundMajor = f.foundMajor; verified = f.verified; verifiedOnTime = f.verifiedOnTime; overdue = f.overdue
            openMajor = f.openMajor; rectificationRate = f.rectificationRate; onTimeRate = f.onTimeRate
        }
    }
    struct SafetyDTO: Encodable { let year: Int; let zone: SafetyFiguresDTO; let byUnit: [SafetyFiguresDTO]; let accidents: Int; let vetoAccidents: Int }

    @Sendable static func safety(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let year = try req.queryInt("year", in: 2000...2100) ?? req.today.year
        let start = Day(year: year, month: 1, day: 1)!, end = max(start, min(Day.lastOfYear(year), req.today))
        let s = SafetyStatistics(hazards: try await req.store.hazards(zoneId: actor.zoneId), from: start, to: end)
        let accidents = try await req.store.accidents(zoneId: actor.zoneId).filter { $0.day.year == year }
        return try req.json(SafetyDTO(year: year, zone: SafetyFiguresDTO(nil, s.zone),
                                      byUnit: s.byUnit.sorted { ($0.key ?? 0) < ($1.key ?? 0) }.map { SafetyFiguresDTO($0.key, $0.value) },
                                      accidents: accidents.count, vetoAccidents: accidents.filter { $0.isLiability && $0.severity >= .major }.count))
    }

    struct ReformDTO: Encodable {
        let id: Int; let title: String; let kind: String; let target: String; let leadUnitId: Int; let taskId: Int?; let stagesDone: Int; let stages: Int
        let nextStage: String?; let nextDeadline: Day?; let lateStages: [String]; let outcomes: [String]
    }

    @Sendable static func reforms(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        return try req.json(try await req.store.reformItems(zoneId: actor.zoneId).map { r in
            let p = r.progress(today: req.today, calendar: req.calendar)
            return ReformDTO(id: r.id, title: r.title, kind: r.kind.rawValue, target: r.target.code, leadUnitId: r.leadUnitId, taskId: r.taskId,
                             stagesDone: p.done, stages: p.total, nextStage: p.nextName, nextDeadline: p.nextDeadline,
                             lateStages: p.late.map { "\($0.name)（截止\($0.deadline.iso)，逾期\($0.workdaysLate)个工作日）" },
                             outcomes: r.outcomes.map { "\($0.level.chineseName)\($0.kind.chineseName)（\($0.body)，\($0.day.iso)）" })
        })
    }

    struct FinanceMonth: Encodable {
        let month: Int?; let filed: Int; let askedWan: Double; let matched: Int; let granted: Int; let grantedWan: Double; let declined: Int
        let satisfactionRate: Double?; let measures: Int; let measureWan: Double
        init(_ f: FinanceFigures) {
            month = f.month; filed = f.filed; askedWan = f.askedWan; matched = f.matched; granted = f.granted; grantedWan = f.grantedWan; declined = f.declined
            satisfactionRate = f.satisfactionRate; measures = f.measures; measureWan = f.measureWan
        }
    }
    struct FinanceDTO: Encodable { let year: Int; let months: [FinanceMonth]; let total: FinanceMonth }

    @Sendable static func finance(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let year = try req.queryInt("year", in: 2000...2100) ?? req.today.year
        let needs = try await req.store.financingNeeds(zoneId: actor.zoneId)
        let measures = try await req.store.reliefMeasures(zoneId: actor.zoneId)
        return try req.json(FinanceDTO(year: year, months: FinanceStatistics.monthly(needs: needs, measures: measures, year: year).map(FinanceMonth.init),
                                       total: FinanceMonth(FinanceStatistics.year(needs: needs, measures: measures, year: year))))
    }
}
