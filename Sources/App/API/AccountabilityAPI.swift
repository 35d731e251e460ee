import Domain
import Persistence
import Vapor

/// /api/v1 for rendering account and supervision: a task's reports (read, submit, review), orders
/// (list, read, lifecycle steps) and one's notifications. Same rules and messages as the pages.
enum AccountabilityAPI {
    static func register(_ app: RoutesBuilder) {
        let base = ApiController.base
        app.on(.GET, base + "/tasks/:id/reports", .permission(.readMatrix), use: taskReports)
        app.on(.POST, base + "/tasks/:id/reports", .permission(.reportOwnTasks), use: submitReport)
        app.on(.POST, base + "/reports/:id/review", .permission(.editMatrix), use: review)
        app.on(.GET, base + "/orders", .permission(.readMatrix), use: orders)
        app.on(.GET, base + "/orders/:id", .permission(.readMatrix), use: order)
        app.on(.POST, base + "/orders/:id/act", .permission(.reportOwnTasks), use: act)
        app.on(.GET, base + "/notifications", .signedIn, use: notifications)
    }

    /// An order as the API shows it: the level by its code, the clock in working days.
    struct OrderDTO: Encodable {
        let id: Int, taskId: Int?, appealId: Int?, hazardId: Int?, receivingUnitId: Int, issuingUnit: String, level: String, levelName: String, source: String, reason: String
        let requiredActions: String, replyWorkdays: Int, deduction: Double, leadersCopied: [String], status: String, statusName: String
        let issuedOn: Day?, replyDue: Day?, answer: String, version: Int, events: [OrderEvent]?
        init(_ o: SupervisionOrder, events: [OrderEvent]? = nil) {
            id = o.id; taskId = o.taskId; appealId = o.appealId; hazardId = o.hazardId; receivingUnitId = o.receivingUnitId; issuingUnit = o.issuingUnit; level = o.level.code
            levelName = o.level.chineseName; source = o.source.rawValue; reason = o.reason; requiredActions = o.requiredActions
            replyWorkdays = o.replyWorkdays; deduction = o.deduction; leadersCopied = o.leadersCopied; status = o.status.rawValue
            statusName = o.status.chineseName; issuedOn = o.issuedOn; replyDue = o.replyDue; answer = o.answer; version = o.version; self.events = events
        }
    }

    @Sendable static func taskReports(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let task = try await req.store.task(id: try req.id(), zoneId: actor.zoneId)
        var reports = try await req.store.reports(taskId: task.id, zoneId: actor.zoneId)
        let files = try await req.store.evidence(reportIds: reports.map(\.id), zoneId: actor.zoneId)
        for i in reports.indices { reports[i].evidence = files[reports[i].id] ?? [] }
        return try req.json(reports)
    }

    @Sendable static func submitReport(_ req: Request) async throws -> Response {
        let actor = try req.actor(.reportOwnTasks)
        let id = try req.id()
        let draft = try req.body(ReportDraft.self)
        let (_, period) = try await ReportingController.currentPeriod(req, zoneId: actor.zoneId)
        let report = try await req.store.submitReport(taskId: id, period: period, late: period.isLate(at: ReportingController.now(req)), draft, actor: actor,
                                                      today: req.today, calendar: req.calendar) { t in
            guard actor.mayEdit(t, fields: ["percentDone"]) else { throw AppError(.forbidden, "forbidden", "只能为本单位负责的任务交账") }
        }
        return try req.json(report, status: .created)
    }

    struct ReviewBody: Decodable { let version: Int; let decision: String; let reason: String? }

    @Sendable static func review(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let b = try req.body(ReviewBody.self)
        guard b.decision == "accept" || b.decision == "return" else { throw AppError(.unprocessableEntity, "invalid", "decision须为accept或return", field: "decision") }
        return try req.json(try await req.store.reviewReport(id: try req.id(), version: b.version, accept: b.decision == "accept", reason: b.reason ?? "", actor: actor))
    }

    @Sendable static func orders(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let open: Bool?
        switch req.query[String.self, at: "open"] {
        case nil, "": open = nil
        case "true"?: open = true
        case "false"?: open = false
        case let other?: throw AppError.badRequest("参数open须为true或false：\(other)", field: "open")
        }
        let limit = try req.queryInt("limit", in: 1...500) ?? 50, offset = try req.queryInt("offset") ?? 0
        let all = try await req.store.orders(zoneId: actor.zoneId, OrderFilter(open: open, unitId: try req.queryInt("unitId"), taskId: try req.queryInt("taskId"), limit: 100_000))
        return try req.json(ListPage(items: all.dropFirst(offset).prefix(limit).map { OrderDTO($0) }, total: all.count, limit: limit, offset: offset))
    }

    @Sendable static func order(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let o = try await req.store.order(id: try req.id(), zoneId: actor.zoneId)
        return try req.json(OrderDTO(o, events: try await req.store.orderEvents(orderId: o.id, zoneId: actor.zoneId)))
    }

    struct ActBody: Decodable { let version: Int; let action: String; let text: String? }

    @Sendable static func act(_ req: Request) async throws -> Response {
        let actor = try req.actor(.reportOwnTasks)
        let b = try req.body(ActBody.self)
        guard let action = OrderAction(rawValue: b.action) else {
            throw AppError(.unprocessableEntity, "invalid", "action须为" + OrderAction.allCases.map(\.rawValue).joined(separator: "、") + "之一", field: "action")
        }
        if action.party == .office && !actor.can(.editMatrix) { throw AppError(.forbidden, "forbidden", "只有督查室可以\(action.chineseName)") }
        do {
            let o = try await req.store.act(orderId: try req.id(), version: b.version, action: action, party: action.party, text: b.text ?? "", actor: actor,
                                            today: req.today, calendar: req.calendar)
            await EventNotices.orderChanged(req, o, step: action.rawValue)
            return try req.json(OrderDTO(o))
        } catch let StoreError.invalid(e) where e.field == "unit" {
            throw AppError(.forbidden, "forbidden", e.message, field: "unit")
        }
    }

    @Sendable static func notifications(_ req: Request) async throws -> Response {
        let actor = try req.actor()
        return try req.json(try await req.store.notifications(userId: actor.userId, zoneId: actor.zoneId))
    }
}
