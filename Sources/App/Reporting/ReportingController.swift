import Domain
import Foundation
import Persistence
import Vapor
import Views

/// 交账: the unit's inbox, a task's report form, the office's review, and the zone's cycle.
enum ReportingController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.inbox.path, .permission(.reportOwnTasks), use: inbox)
        app.on(.POST, SiteURL.inbox.path, .permission(.reportOwnTasks), use: submitMany)
        app.on(.GET, "/tasks/:id/report", .permission(.readMatrix), use: reportForm)
        app.on(.POST, "/tasks/:id/report", .permission(.reportOwnTasks), upload: EvidenceIntake.maxRequestBody, use: submit)
        EvidenceIntake.register(app)
        app.on(.GET, SiteURL.reviews.path, .permission(.editMatrix), use: reviews)
        app.on(.POST, "/reports/:id/review", .permission(.editMatrix), use: review)
        app.on(.GET, SiteURL.reportingCycle.path, .permission(.editMatrix), use: cycleForm)
        app.on(.POST, SiteURL.reportingCycle.path, .permission(.editMatrix), use: saveCycle)
    }

    /// The period today falls in, under the zone's cycle.
    static func currentPeriod(_ req: Request, zoneId: Int) async throws -> (ReportingCycle, ReportingPeriod) {
        let cycle = try await req.store.reportingCycle(zoneId: zoneId).cycle
        return (cycle, cycle.period(containing: req.today, calendar: req.calendar))
    }

    /// "Now" as the lateness check sees it: the real instant, or the end of a fixed test/demo day's working hours.
    static func now(_ req: Request) -> Date {
        guard let fixed = req.application.guatu.fixedToday else { return Date() }
        // 12:00 China time on the fixed day.
        return Date(timeIntervalSince1970: Double(fixed.ordinal) * 86400 + 4 * 3600)
    }

    @Sendable static func inbox(_ req: Request) async throws -> Response {
        try await inboxPage(req, unit: req.query[Int.self, at: "unit"], typed: [:], error: nil, status: .ok)
    }

    static func inboxPage(_ req: Request, unit requested: Int?, typed: [String: String], error: String?, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.actor(.reportOwnTasks)
        let units = try await req.store.units(zoneId: actor.zoneId)
        // The office may look at any unit's inbox; a reporter sees its own.
        let unitId = actor.can(.editMatrix) ? (requested ?? actor.unitId ?? units.first?.id) : actor.unitId
        guard let unitId, let unit = units.first(where: { $0.id == unitId }) else {
            throw AppError(.unprocessableEntity, "no_unit", "您的账号没有所属单位，无法交账。请联系系统管理员。")
        }
        let (cycle, period) = try await currentPeriod(req, zoneId: actor.zoneId)
        let pastDue = period.isLate(at: now(req))
        let make: @Sendable (String) async throws -> InboxPage = { _ in
            try await inboxModel(req, actor, unit: unit, units: units, cycle: cycle, period: period, pastDue: pastDue)
        }
        // A plain view is the same for everyone with the same rights until the zone's data changes: keep it rendered.
        let offset = max(0, req.query[Int.self, at: "offset"] ?? 0)
        if typed.isEmpty && error == nil {
            let key = "inbox|\(unitId)|\(req.today.iso)|\(pastDue)|\(actor.can(.editMatrix))|\(actor.unitId == unitId)|\(offset)"
            let content = try await req.cached(actor, key) {
                var page = try await make("")
                page.offset = offset
                return PageCache.render(page.body(csrf: PageCache.csrfPlaceholder))
            }
            return req.html(PageCache.page(title: "交账", content: content, context: req.pageContext(current: .inbox)), status: status)
        }
        var page = try await make("")
        page.typed = typed
        page.error = error
        page.offset = offset
        return req.html(page.render(req.pageContext(current: .inbox)), status: status)
    }

    static func inboxModel(_ req: Request, _ actor: Actor, unit: OrgUnit, units: [OrgUnit], cycle: ReportingCycle, period: ReportingPeriod,
                           pastDue: Bool) async throws -> InboxPage {
        let unitId = unit.id
        var owned = TaskFilter(); owned.ownerUnitId = unitId
        let tasks = try await req.store.tasks(zoneId: actor.zoneId, owned).filter {
            $0.ownerUnitId == unitId && $0.status != .done && $0.plannedStart <= period.end
        }
        let reports = try await req.store.latestReports(zoneId: actor.zoneId, periodKey: period.key, taskIds: tasks.map(\.id))
        let lines = tasks.map { t in
            InboxPage.Line(task: t, light: req.light(t), report: reports[t.id].map {
                .init(status: $0.status.rawValue, statusName: $0.status.chineseName, late: $0.late, reason: $0.reviewReason)
            })
        }
        var page = InboxPage(unitName: unit.name, units: actor.can(.editMatrix) ? units : [], selectedUnit: unitId, cycleName: cycle.chineseName,
                             period: period, pastDue: pastDue, lines: lines, canReview: actor.can(.editMatrix))
        page.orders = try await SupervisionController.lines(try await req.store.orders(zoneId: actor.zoneId, OrderFilter(open: true, unitId: unitId))
            .filter { $0.status != .proposed }, req, actor)
        page.instructions = try await SupervisionController.instructionLines(
            try await req.store.instructions(zoneId: actor.zoneId, unitId: unitId, unansweredOnly: true), req, actor)
        page.canAnswer = actor.unitId == unitId
        return page
    }

    /// The inbox's one-screen form: every row with 本期进展 filled in becomes a report; all or none.
    @Sendable static func submitMany(_ req: Request) async throws -> Response {
        let actor = try req.actor(.reportOwnTasks)
        let form = try FormFields.require(req)
        let unit = Int(form.text("unit"))
        var typed: [String: String] = [:]
        var items: [(taskId: Int, draft: ReportDraft)] = []
        for name in form.names where name.hasPrefix("g_") {
            guard let id = Int(name.dropFirst(2)) else { continue }
            let progress = form.text(name), percent = form.text("p_\(id)")
            typed[name] = progress; typed["p_\(id)"] = percent
            if progress.isEmpty { continue }
            guard let p = Int(percent) else {
                return try await inboxPage(req, unit: unit, typed: typed, error: "进度须为0到100之间的整数（任务#\(id)）", status: .unprocessableEntity)
            }
            items.append((id, ReportDraft(percentDone: p, progress: progress)))
        }
        guard !items.isEmpty else {
            return try await inboxPage(req, unit: unit, typed: typed, error: "请至少填写一项任务的本期进展", status: .unprocessableEntity)
        }
        let (_, period) = try await currentPeriod(req, zoneId: actor.zoneId)
        do {
            _ = try await req.store.submitReports(items, period: period, late: period.isLate(at: now(req)), actor: actor, today: req.today, calendar: req.calendar) { t in
                guard actor.mayEdit(t, fields: ["percentDone"]) else { throw AppError(.forbidden, "forbidden", "只能为本单位负责的任务交账：\(t.title)") }
            }
        } catch {
            guard let e = AppError.from(error), [.unprocessableEntity, .conflict, .forbidden, .notFound].contains(e.status) else { throw error }
            return try await inboxPage(req, unit: unit, typed: typed, error: e.message + "。未提交任何一项，请修改后重新提交。", status: e.status)
        }
        return req.redirect(to: SiteURL.inbox.with([("unit", unit.map(String.init)), ("notice", "saved")]))
    }

    static func formPage(_ req: Request, _ actor: Actor, task: TaskItem, values: [String: String]?, errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let (_, period) = try await currentPeriod(req, zoneId: actor.zoneId)
        let history = try await req.store.reports(taskId: task.id, zoneId: actor.zoneId)
        let files = try await req.store.evidence(reportIds: history.map(\.id), zoneId: actor.zoneId)
        let last = history.first
        let saved = try await req.store.reportDraft(taskId: task.id, periodKey: period.key, zoneId: actor.zoneId)
        let defaults: [String: String] = saved.map {
            ["percentDone": $0.percentDone.map(String.init) ?? "", "progress": $0.progress, "problems": $0.problems, "nextSteps": $0.nextSteps, "coordination": $0.coordination]
        } ?? ["percentDone": String(task.percentDone), "nextSteps": last?.nextSteps ?? "", "problems": last?.problems ?? ""]
        var page = ReportFormPage(task: task, period: period, values: values ?? defaults, errors: errors,
                                  history: history.map { .init(periodKey: $0.periodKey, submittedAt: $0.submittedAt, by: $0.submittedByName, percent: $0.percentDone,
                                                               progress: $0.progress, status: $0.status.chineseName, late: $0.late, reason: $0.reviewReason,
                                                               files: (files[$0.id] ?? []).map { .init(id: $0.id, name: $0.filename, size: EvidenceRules.megabytes($0.size)) }) },
                                  canSubmit: actor.mayEdit(task, fields: ["percentDone"]) && !task.archived)
        page.draftNote = saved.map { "已载入本期草稿（\($0.savedByName)保存于\(UI.beijingTime($0.savedAt))），提交后草稿即成为正式报告。" }
        return req.html(page.render(req.pageContext(current: .inbox)), status: status)
    }

    @Sendable static func reportForm(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let task = try await req.store.task(id: try req.id(), zoneId: actor.zoneId)
        return try await formPage(req, actor, task: task, values: nil, errors: FormErrors(), status: .ok)
    }

    @Sendable static func submit(_ req: Request) async throws -> Response {
        let actor = try req.actor(.reportOwnTasks)
        let id = try req.id()
        let form = try FormFields.require(req)
        let values = ["percentDone", "progress", "problems", "nextSteps", "coordination"].reduce(into: [String: String]()) { $0[$1] = form.first($1) ?? "" }
        var r = FormReader(form)
        let draft = ReportDraft(percentDone: r.int("percentDone", label: "完成进度"), progress: form.first("progress"), problems: form.first("problems"),
                                nextSteps: form.first("nextSteps"), coordination: form.first("coordination"))
        let task = try await req.store.task(id: id, zoneId: actor.zoneId)
        guard r.errors.isEmpty else { return try await formPage(req, actor, task: task, values: values, errors: r.formErrors, status: .unprocessableEntity) }
        let (_, period) = try await currentPeriod(req, zoneId: actor.zoneId)
        if form.text("save") == "draft" {
            do {
                try await req.store.saveReportDraft(taskId: id, periodKey: period.key, draft, actor: actor) { t in
                    guard actor.mayEdit(t, fields: ["percentDone"]) else { throw AppError(.forbidden, "forbidden", "只能为本单位负责的任务交账") }
                }
            } catch let StoreError.invalid(e) {
                return try await formPage(req, actor, task: task, values: values, errors: FormErrors([values.keys.contains(e.field) ? e.field : "_form": e.message]),
                                          status: .unprocessableEntity)
            }
            return req.redirect(to: SiteURL.taskReport(id).with([("notice", "saved")]))
        }
        do {
            // Files are checked before anything is written; a refused file leaves no report.
            let evidence = try EvidenceIntake.accept(form.files["evidence"] ?? [], req)
            _ = try await req.store.submitReport(taskId: id, period: period, late: period.isLate(at: now(req)), draft, evidence: evidence, actor: actor,
                                                 today: req.today, calendar: req.calendar) { t in
                guard actor.mayEdit(t, fields: ["percentDone"]) else { throw AppError(.forbidden, "forbidden", "只能为本单位负责的任务交账") }
            }
        } catch {
            guard let e = AppError.from(error), [.unprocessableEntity, .conflict].contains(e.status) else { throw error }
            // Messages about a form field go beside it; the others (a period already accepted, an archived task) above the form.
            let field = e.field.flatMap { values.keys.contains($0) || $0 == "evidence" ? $0 : nil } ?? "_form"
            return try await formPage(req, actor, task: task, values: values, errors: FormErrors([field: e.message]), status: e.status)
        }
        return req.redirect(to: SiteURL.inbox.with([("notice", "saved")]))
    }

    @Sendable static func reviews(_ req: Request) async throws -> Response {
        try await reviewPage(req, error: nil, status: .ok)
    }

    static func reviewPage(_ req: Request, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        // Oldest first, a page at a time: a reviewer takes them in order, and a page of 200 cards cost 25 ms to render.
        let offset = max(0, req.query[Int.self, at: "offset"] ?? 0)
        async let totalQ = req.store.countPendingReports(zoneId: actor.zoneId)
        let pending = try await req.store.pendingReports(zoneId: actor.zoneId, limit: ReviewPage.pageSize, offset: offset)
        let names = try await req.names(actor)
        // One query for every title (one read per task made it the slowest page under load).
        let titles = try await req.store.taskTitles(zoneId: actor.zoneId, ids: Array(Set(pending.map(\.taskId))))
        let files = try await req.store.evidence(reportIds: pending.map(\.id), zoneId: actor.zoneId)
        let items = pending.map { p in
            var item = ReviewPage.Item(id: p.id, version: p.version, taskId: p.taskId, taskTitle: titles[p.taskId] ?? "#\(p.taskId)", unitName: names.unit(p.unitId),
                            periodKey: p.periodKey, submittedAt: p.submittedAt, by: p.submittedByName, late: p.late, percent: p.percentDone,
                            progress: p.progress, problems: p.problems, coordination: p.coordination)
            item.files = (files[p.id] ?? []).map { .init(id: $0.id, name: $0.filename, size: EvidenceRules.megabytes($0.size)) }
            return item
        }
        var page = ReviewPage(items: items, error: error)
        page.total = try await totalQ
        page.offset = offset
        return req.html(page.render(req.pageContext(current: .inbox)), status: status)
    }

    @Sendable static func review(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        var r = FormReader(form)
        guard let version = r.version() else { throw AppError.badRequest("缺少版本号", field: "version") }
        let decision = form.text("decision")
        guard decision == "accept" || decision == "return" else { throw AppError.badRequest("审核结论应为通过或退回", field: "decision") }
        do {
            _ = try await req.store.reviewReport(id: try req.id(), version: version, accept: decision == "accept", reason: form.text("reason"), actor: actor)
        } catch StoreError.conflict {
            return try await reviewPage(req, error: "这份报告已被他人审核，未做改动。", status: .conflict)
        } catch let StoreError.invalid(e) {
            return try await reviewPage(req, error: e.message, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.reviews.with([("notice", "saved")]))
    }

    static func cyclePage(_ req: Request, _ actor: Actor, errors: FormErrors, conflict: Bool, status: HTTPResponseStatus) async throws -> Response {
        let (cycle, version) = try await req.store.reportingCycle(zoneId: actor.zoneId)
        let page = FormPage(title: "交账周期", action: SiteURL.reportingCycle.path, fields: [
            .init("kind", "周期", .select(options: [.init("weekly", "每周"), .init("monthly", "每月")], blank: nil), value: cycle.kind.rawValue),
            .init("dueWeekday", "每周截止（1=周一 … 7=周日）", .number, value: String(cycle.dueWeekday)),
            .init("dueDay", "每月截止日（1–31，小月取月末）", .number, value: String(cycle.dueDay)),
            .init("dueHour", "截止时刻（0–23时）", .number, value: String(cycle.dueHour)),
        ], errors: errors, version: version, cancel: SiteURL.inbox.path, conflict: conflict,
           intro: "现行：\(cycle.chineseName)。截止日不是工作日时提前到之前最近的工作日。")
        return req.html(page.render(req.pageContext(current: .inbox)), status: status)
    }

    @Sendable static func cycleForm(_ req: Request) async throws -> Response {
        try await cyclePage(req, try req.actor(.editMatrix), errors: FormErrors(), conflict: false, status: .ok)
    }

    @Sendable static func saveCycle(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        return try await FormFlow.submit(req, render: { e, c, s in try await cyclePage(req, actor, errors: e, conflict: c, status: s) }) {
            var r = FormReader(form)
            let kind = r.enumValue("kind", ReportingCycle.Kind.self, label: "周期")
            let wd = r.int("dueWeekday", label: "每周截止"), day = r.int("dueDay", label: "每月截止日"), hour = r.int("dueHour", label: "截止时刻")
            guard let version = r.version(), let kind, let wd, let day, let hour else {
                throw FormInvalid(errors: r.errors.isEmpty ? FormErrors(["_form": "请填写全部项目"]) : r.formErrors)
            }
            try await req.store.setReportingCycle(ReportingCycle(kind: kind, dueWeekday: wd, dueDay: day, dueHour: hour), version: version, actor: actor)
            return SiteURL.reportingCycle.with([("notice", "saved")])
        }
    }
}
