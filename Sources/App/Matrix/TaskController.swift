import Domain
import Persistence
import Vapor
import Views

/// The task page and its forms.
enum TaskController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, "/tasks/:id", .permission(.readMatrix), use: show)
        app.on(.GET, SiteURL.taskNew.path, .permission(.editMatrix), use: newForm)
        app.on(.POST, SiteURL.taskNew.path, .permission(.editMatrix), use: create)
        app.on(.GET, "/tasks/:id/edit", .permission(.reportOwnTasks), use: editForm)
        app.on(.POST, "/tasks/:id/edit", .permission(.reportOwnTasks), use: update)
        app.on(.POST, "/tasks/:id/archive", .permission(.editMatrix), use: archive)
    }

    @Sendable static func show(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let task = try await req.store.task(id: try req.id(), zoneId: actor.zoneId)
        async let planQ = req.store.plan(id: task.planId, zoneId: actor.zoneId)
        async let wpQ = req.store.workPoint(id: task.workPointId, zoneId: actor.zoneId)
        async let historyQ = req.store.auditEntries(zoneId: actor.zoneId, .init(entityType: "task", entityId: task.id, limit: 200))
        async let namesQ = req.names(actor)
        var preds: [TaskItem] = []
        for p in task.predecessorIds { if let t = try? await req.store.task(id: p, zoneId: actor.zoneId) { preds.append(t) } }
        let baseline = try await req.store.baselines(taskIds: [task.id], zoneId: actor.zoneId)[task.id]
        var page = TaskPage(task: task, light: req.light(task), plan: try await planQ, workPoint: try await wpQ, predecessors: preds,
                            history: try await historyQ.entries, names: try await namesQ,
                            canEdit: actor.mayEdit(task, fields: TaskDraft.reporterFields), canArchive: actor.can(.editMatrix),
                            baseline: baseline.map { (start: $0.plannedStart, deadline: $0.deadline, variance: req.calendar.workdayDistance(from: $0.deadline, to: task.deadline)) })
        page.orders = try await SupervisionController.lines(try await req.store.orders(zoneId: actor.zoneId, OrderFilter(taskId: task.id)), req, actor)
        page.instructions = try await SupervisionController.instructionLines(try await req.store.instructions(zoneId: actor.zoneId, taskId: task.id), req, actor)
        page.canInstruct = actor.can(.instruct)
        page.canAnswer = actor.has(.reporter) && actor.unitId == task.ownerUnitId
        page.canSupervise = actor.can(.editMatrix)
        return req.html(page.render(req.pageContext(current: .matrix)))
    }

    static func formPage(_ req: Request, actor: Actor, taskId: Int?, values: TaskFormPage.Values, errors: FormErrors,
                         progressOnly: Bool, conflict: Bool = false, status: HTTPResponseStatus = .ok) async throws -> Response {
        let year = try await req.yearInView(actor)
        async let plansQ = req.store.plans(zoneId: actor.zoneId, year: year)
        async let wpsQ = req.store.workPoints(zoneId: actor.zoneId)
        async let unitsQ = req.store.units(zoneId: actor.zoneId)
        let (plans, wps, units) = try await (plansQ, wpsQ, unitsQ)
        let planNames = Dictionary(uniqueKeysWithValues: plans.map { ($0.id, $0.name) })
        let options = wps.compactMap { w in planNames[w.planId].map { (w, $0) } }
        let page = TaskFormPage(taskId: taskId, values: values, errors: errors, workPoints: options, units: units, progressOnly: progressOnly, conflict: conflict)
        return req.html(page.render(req.pageContext(current: .matrix)), status: status)
    }

    @Sendable static func newForm(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        var v = TaskFormPage.Values()
        v.workPointId = req.query[Int.self, at: "workPoint"].map(String.init) ?? ""
        v.plannedStart = req.today.iso
        return try await formPage(req, actor: actor, taskId: nil, values: v, errors: FormErrors(), progressOnly: false)
    }

    /// Reads the task form. `progressOnly` reads just the fields a reporter may change.
    static func draft(_ form: FormFields, progressOnly: Bool) -> (TaskDraft, FormReader) {
        var r = FormReader(form)
        var d = TaskDraft()
        d.responsiblePerson = form.text("responsiblePerson")
        d.percentDone = r.int("percentDone", label: "完成进度")
        d.status = r.enumValue("status", TaskItem.Status.self, label: "状态")
        d.doneOn = r.day("doneOn", label: "完成日期")
        if !progressOnly {
            d.workPointId = r.int("workPointId", label: "工作要点")
            d.kind = r.enumValue("kind", TaskItem.Kind.self, label: "类型")
            d.title = form.text("title")
            d.ownerUnitId = r.int("ownerUnitId", label: "责任单位")
            d.coUnitIds = r.ints("coUnitIds", label: "配合单位")
            d.deliverable = form.text("deliverable")
            d.acceptanceStandard = form.text("acceptanceStandard")
            d.weight = r.double("weight", label: "权重")
            d.plannedStart = r.day("plannedStart", label: "计划开始日期")
            d.deadline = r.day("deadline", label: "完成时限")
            d.durationDays = r.int("durationDays", label: "工期")
            d.predecessorIds = r.ints("predecessorIds", label: "前置任务")
        }
        return (d, r)
    }

    /// What the user typed, to show the form again as it was sent.
    static func echo(_ form: FormFields) -> TaskFormPage.Values {
        var v = TaskFormPage.Values()
        v.workPointId = form.text("workPointId"); v.kind = form.text("kind"); v.title = form.text("title")
        v.ownerUnitId = form.text("ownerUnitId"); v.coUnitIds = form.all("coUnitIds"); v.responsiblePerson = form.text("responsiblePerson")
        v.deliverable = form.text("deliverable"); v.acceptanceStandard = form.text("acceptanceStandard"); v.weight = form.text("weight")
        v.plannedStart = form.text("plannedStart"); v.deadline = form.text("deadline"); v.durationDays = form.text("durationDays")
        v.predecessorIds = form.text("predecessorIds"); v.percentDone = form.text("percentDone"); v.status = form.text("status")
        v.doneOn = form.text("doneOn"); v.version = form.text("version")
        return v
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        let (d, r) = draft(form, progressOnly: false)
        guard r.errors.isEmpty else {
            return try await formPage(req, actor: actor, taskId: nil, values: echo(form), errors: r.formErrors, progressOnly: false, status: .unprocessableEntity)
        }
        do {
            let t = try await req.store.createTask(d, actor: actor, today: req.today, calendar: req.calendar)
            return req.redirect(to: SiteURL.task(t.id).with([("notice", "created")]))
        } catch {
            guard let e = AppError.from(error), e.status == .unprocessableEntity || e.status == .conflict, let field = e.field else { throw error }
            return try await formPage(req, actor: actor, taskId: nil, values: echo(form), errors: FormErrors([field: e.message]), progressOnly: false, status: e.status)
        }
    }

    @Sendable static func editForm(_ req: Request) async throws -> Response {
        let actor = try req.actor()
        let task = try await req.store.task(id: try req.id(), zoneId: actor.zoneId)
        guard actor.mayEdit(task, fields: TaskDraft.reporterFields), !task.archived else { throw AppError.forbidden }
        return try await formPage(req, actor: actor, taskId: task.id, values: .init(task: task), errors: FormErrors(),
                                  progressOnly: !actor.can(.editMatrix))
    }

    @Sendable static func update(_ req: Request) async throws -> Response {
        let actor = try req.actor()
        let id = try req.id()
        let form = try FormFields.require(req)
        let progressOnly = !actor.can(.editMatrix)
        let (d, reader) = draft(form, progressOnly: progressOnly)
        var r = reader
        let version = r.version()
        guard r.errors.isEmpty, let version else {
            return try await formPage(req, actor: actor, taskId: id, values: echo(form), errors: r.formErrors, progressOnly: progressOnly, status: .unprocessableEntity)
        }
        do {
            _ = try await req.store.updateTask(id: id, version: version, d, actor: actor, today: req.today, calendar: req.calendar) { before in
                guard actor.mayEdit(before, fields: d.setFields), !before.archived else { throw AppError.forbidden }
            }
            return req.redirect(to: SiteURL.task(id).with([("notice", "saved")]))
        } catch let StoreError.conflict(_, _, current) {
            // Show the latest saved values, so the user re-applies the change knowingly.
            let latest = try await req.store.task(id: id, zoneId: actor.zoneId)
            _ = current
            return try await formPage(req, actor: actor, taskId: id, values: .init(task: latest), errors: FormErrors(), progressOnly: progressOnly, conflict: true, status: .conflict)
        } catch {
            guard let e = AppError.from(error), e.status == .unprocessableEntity || e.status == .conflict, let field = e.field else { throw error }
            return try await formPage(req, actor: actor, taskId: id, values: echo(form), errors: FormErrors([field: e.message]), progressOnly: progressOnly, status: e.status)
        }
    }

    @Sendable static func archive(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let id = try req.id()
        var r = FormReader(try FormFields.require(req))
        guard let version = r.version() else { throw AppError.badRequest("缺少版本号", field: "version") }
        try await req.store.archiveTask(id: id, version: version, actor: actor)
        return req.redirect(to: SiteURL.task(id).with([("notice", "archived")]))
    }
}
