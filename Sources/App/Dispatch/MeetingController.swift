import Domain
import Persistence
import Vapor
import Views

/// 调度会: open a meeting with an agenda generated from the data, record its decisions, each of
/// which becomes a new task (in the same work point) or a supervision order on the item's task.
enum MeetingController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.meetings.path, .permission(.readMatrix), use: list)
        app.on(.POST, SiteURL.meetings.path, .permission(.editMatrix), use: open)
        app.on(.GET, "/meetings/:id", .permission(.readMatrix), use: show)
        app.on(.POST, "/meetings/:id/decisions", .permission(.editMatrix), use: decide)
    }

    static func agenda(_ req: Request, _ actor: Actor, since: Day?) async throws -> DispatchAgenda {
        let store = req.store
        let (cycle, period) = try await ReportingController.currentPeriod(req, zoneId: actor.zoneId)
        let previous = cycle.period(containing: period.start.adding(days: -1), calendar: req.calendar)
        async let tasksQ = store.tasks(zoneId: actor.zoneId, TaskFilter(year: req.today.year))
        async let plansQ = store.plans(zoneId: actor.zoneId, year: req.today.year)
        async let asksQ = store.coordinationAsks(zoneId: actor.zoneId, periodKeys: [previous.key, period.key])
        let (tasks, plans, asks) = try await (tasksQ, plansQ, asksQ)
        let names = try await req.names(actor)
        return DispatchAgenda.build(.init(tasks: tasks, plans: plans, unitNames: names.units, personNames: names.people, asks: asks, since: since),
                                    today: req.today, calendar: req.calendar, rules: req.lightRules)
    }

    @Sendable static func list(_ req: Request) async throws -> Response {
        try await listPage(req, error: nil, status: .ok)
    }

    static func listPage(_ req: Request, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let meetings = try await req.store.meetings(zoneId: actor.zoneId)
        let (_, period) = try await ReportingController.currentPeriod(req, zoneId: actor.zoneId)
        var page = MeetingListPage(meetings: meetings.map { .init(id: $0.id, title: $0.title, heldOn: $0.heldOn, items: $0.agenda.itemCount, by: $0.createdByName) },
                                   canOpen: actor.can(.editMatrix), defaultTitle: "\(period.key.replacingOccurrences(of: "-W", with: "年第"))周调度会")
        page.error = error
        return req.html(page.render(req.pageContext(current: .meetings)), status: status)
    }

    @Sendable static func open(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        let since = try await req.store.meetings(zoneId: actor.zoneId).first?.heldOn
        let agenda = try await agenda(req, actor, since: since)
        do {
            let id = try await req.store.createMeeting(title: form.text("title"), heldOn: req.today, agenda: agenda, actor: actor)
            return req.redirect(to: SiteURL.meeting(id).path)
        } catch let StoreError.invalid(e) {
            return try await listPage(req, error: e.message, status: .unprocessableEntity)
        }
    }

    static func meetingPage(_ req: Request, id: Int, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let m = try await req.store.meeting(id: id, zoneId: actor.zoneId)
        let names = try await req.names(actor)
        let decisions = try await req.store.decisions(meetingId: id, zoneId: actor.zoneId).map { d in
            MeetingPage.Decision(aboutTaskId: d.aboutTaskId, text: d.text, kind: d.kind.chineseName, unit: names.unit(d.ownerUnitId), deadline: d.deadline,
                                 link: d.taskId.map { SiteURL.task($0).path } ?? d.orderId.map { SiteURL.order($0).path },
                                 linkText: d.taskId.map { "任务#\($0)" } ?? d.orderId.map { "督字第\($0)号" } ?? "")
        }
        var page = MeetingPage(id: m.id, title: m.title, heldOn: m.heldOn, agenda: m.agenda, decisions: decisions,
                               units: try await req.store.units(zoneId: actor.zoneId), canDecide: actor.can(.editMatrix))
        page.error = error
        return req.html(page.render(req.pageContext(current: .meetings)), status: status)
    }

    @Sendable static func show(_ req: Request) async throws -> Response {
        try await meetingPage(req, id: try req.id(), error: nil, status: .ok)
    }

    @Sendable static func decide(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let id = try req.id()
        let meeting = try await req.store.meeting(id: id, zoneId: actor.zoneId)
        let form = try FormFields.require(req)
        func refuse(_ message: String) async throws -> Response { try await meetingPage(req, id: id, error: message, status: .unprocessableEntity) }
        let text = form.text("text")
        guard let about = Int(form.text("about")), meeting.agenda.groups.contains(where: { $0.items.contains { $0.taskId == about } }) else {
            return try await refuse("议定事项须针对本次议程中的一项")
        }
        guard !text.isEmpty, text.count <= 200 else { return try await refuse("请填写议定事项（不超过200字）") }
        guard let kind = MeetingDecision.Kind(rawValue: form.text("kind")) else { return try await refuse("请选择转为任务还是督办单") }
        guard let unit = Int(form.text("unit")), try await req.store.units(zoneId: actor.zoneId).contains(where: { $0.id == unit }) else {
            return try await refuse("请选择责任单位")
        }
        guard let deadline = Day(iso: form.text("deadline")) else { return try await refuse("请填写完成时限（年-月-日）") }
        guard deadline >= req.today else { return try await refuse("完成时限不能早于今天") }
        let task = try await req.store.task(id: about, zoneId: actor.zoneId)
        var taskId: Int?, orderId: Int?
        do {
            switch kind {
            case .task:
                var d = TaskDraft()
                d.workPointId = task.workPointId; d.title = text; d.ownerUnitId = unit; d.plannedStart = min(req.today, deadline); d.deadline = deadline
                d.deliverable = "调度会议定：\(meeting.title)"
                taskId = try await req.store.createTask(d, actor: actor, today: req.today, calendar: req.calendar).id
            case .order:
                guard unit == task.ownerUnitId else { return try await refuse("督办单发给任务的责任单位（\(try await req.names(actor).unit(task.ownerUnitId))）；要交给其他单位，请转为新任务") }
                let settings = try await req.store.supervisionSettings(zoneId: actor.zoneId).settings
                let days = min(60, max(1, req.calendar.workdays(from: req.today.adding(days: 1), to: deadline)))
                orderId = try await req.store.openOrder(OrderDraft(taskId: about, level: .supervision, reason: "\(meeting.title)议定", requiredActions: text, replyWorkdays: days),
                                                        source: .manual, issuingUnit: try await SupervisionController.issuingUnit(req, actor),
                                                        leaderNames: try await SupervisionController.leaderNames(req, actor, taskId: about), policy: settings.policy,
                                                        actor: actor, today: req.today, calendar: req.calendar).id
            }
        } catch let StoreError.invalid(e) {
            return try await refuse(e.message)
        }
        _ = try await req.store.recordDecision(meetingId: id, aboutTaskId: about, text: text, kind: kind, ownerUnitId: unit, deadline: deadline,
                                               taskId: taskId, orderId: orderId, actor: actor)
        return req.redirect(to: SiteURL.meeting(id).path)
    }
}
