import Domain
import Persistence
import Vapor
import Views

/// 督办: the desk (lag list, proposals, open orders), an order's page and lifecycle, escalation,
/// leaders' instructions, and the zone's supervision rules.
enum SupervisionController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.supervision.path, .permission(.readMatrix), use: desk)
        app.on(.POST, SiteURL.supervisionPropose.path, .permission(.editMatrix), use: propose)
        app.on(.GET, SiteURL.orderNew.path, .permission(.editMatrix), use: newOrder)
        app.on(.POST, SiteURL.orderNew.path, .permission(.editMatrix), use: createOrder)
        app.on(.GET, "/orders/:id", .permission(.readMatrix), use: show)
        app.on(.POST, "/orders/:id/act", .permission(.reportOwnTasks), use: act)
        app.on(.POST, "/orders/:id/escalate", .permission(.editMatrix), use: escalate)
        app.on(.POST, "/tasks/:id/instructions", .permission(.instruct), use: instruct)
        app.on(.POST, "/instructions/:id/answer", .permission(.reportOwnTasks), use: answerInstruction)
        app.on(.GET, SiteURL.supervisionSettings.path, .permission(.editMatrix), use: settingsForm)
        app.on(.POST, SiteURL.supervisionSettings.path, .permission(.editMatrix), use: saveSettings)
    }

    // MARK: Shared reads

    static func line(_ o: SupervisionOrder, title: String, unit: String, _ req: Request) -> OrderLine {
        let clock: ClockState = o.replyDue.map { OrderClock.state(due: $0, today: req.today, finished: !o.isOpen || o.status == .answered, calendar: req.calendar) } ?? .stopped
        let path = o.taskId.map { SiteURL.task($0).path } ?? o.appealId.map { SiteURL.appeal($0).path } ?? o.hazardId.map { SiteURL.hazard($0).path }
            ?? SiteURL.supervision.path
        return OrderLine(id: o.id, taskId: o.taskId, taskTitle: title, subjectPath: path, unitName: unit, level: o.level, status: o.status, auto: o.source == .auto,
                         reason: o.reason, replyDue: o.replyDue, clock: clock, deduction: o.deduction)
    }

    static func lines(_ orders: [SupervisionOrder], _ req: Request, _ actor: Actor) async throws -> [OrderLine] {
        let names = try await req.names(actor)
        let titles = try await req.store.taskTitles(zoneId: actor.zoneId, ids: Array(Set(orders.compactMap(\.taskId))))
        let appealTitles = try await req.store.appealTitles(zoneId: actor.zoneId, ids: Array(Set(orders.compactMap(\.appealId))))
        let hazardTitles = try await req.store.hazardTitles(zoneId: actor.zoneId, ids: Array(Set(orders.compactMap(\.hazardId))))
        return orders.map { o in
            let title = o.taskId.map { titles[$0] ?? "#\($0)" } ?? o.appealId.map { "企业诉求：" + (appealTitles[$0] ?? "#\($0)") }
                ?? o.hazardId.map { "安全隐患：" + (hazardTitles[$0] ?? "#\($0)") } ?? ""
            return line(o, title: title, unit: names.unit(o.receivingUnitId), req)
        }
    }

    static func instructionLines(_ items: [Instruction], _ req: Request, _ actor: Actor) async throws -> [InstructionLine] {
        let titles = try await req.store.taskTitles(zoneId: actor.zoneId, ids: Array(Set(items.map(\.taskId))))
        return items.map {
            InstructionLine(id: $0.id, version: $0.version, taskId: $0.taskId, taskTitle: titles[$0.taskId] ?? "#\($0.taskId)", orderId: $0.orderId,
                            leaderName: $0.leaderName, text: $0.text, createdAt: $0.createdAt, answer: $0.answer, answeredBy: $0.answeredByName)
        }
    }

    /// The leaders in charge of the task's plan, by name (copied on orders from the policy's level up).
    static func leaderNames(_ req: Request, _ actor: Actor, taskId: Int) async throws -> [String] {
        let task = try await req.store.task(id: taskId, zoneId: actor.zoneId)
        guard let leaderId = try await req.store.plan(id: task.planId, zoneId: actor.zoneId).leaderId else { return [] }
        return [try await req.names(actor).person(leaderId)]
    }

    static func issuingUnit(_ req: Request, _ actor: Actor) async throws -> String {
        guard let u = actor.unitId else { return "督查室" }
        return try await req.names(actor).unit(u)
    }

    // MARK: Desk

    @Sendable static func desk(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let (_, period) = try await ReportingController.currentPeriod(req, zoneId: actor.zoneId)
        // The same for everyone with the same rights until the zone's data changes (or the day, or the due moment passes).
        let key = "desk|\(req.today.iso)|\(period.isLate(at: ReportingController.now(req)))|\(actor.can(.editMatrix))"
        let content = try await req.cached(actor, key) { PageCache.render(try await deskModel(req, actor).body(csrf: PageCache.csrfPlaceholder)) }
        let notice: String? = switch req.query[String.self, at: "notice"] {
        case "proposed": "已生成待下发督办单，请逐份核对后下发。"
        case "none-due": "没有需要督办的逾期企业诉求。"
        default: nil
        }
        return req.html(PageCache.page(title: "督办", content: content, context: req.pageContext(current: .supervision, notice: notice)))
    }

    static func deskModel(_ req: Request, _ actor: Actor) async throws -> SupervisionDeskPage {
        let settings = try await req.store.supervisionSettings(zoneId: actor.zoneId).settings
        async let lagQ = LagList.compute(req, actor, rules: settings.rules)
        async let openQ = req.store.orders(zoneId: actor.zoneId, OrderFilter(open: true))
        async let closedQ = req.store.orders(zoneId: actor.zoneId, OrderFilter(open: false, limit: 30))
        async let instrQ = req.store.instructions(zoneId: actor.zoneId, unansweredOnly: true)
        let (lag, open, closed, instr) = try await (lagQ, openQ, closedQ, instrQ)
        let names = try await req.names(actor)
        let listed = try await lag.titled(req, actor, first: SupervisionDeskPage.lagRows)
        let r = settings.rules
        return SupervisionDeskPage(
            lags: listed.map { .init(task: $0.task, unitName: names.unit($0.task.ownerUnitId), light: $0.light, missedPeriods: $0.missedPeriods, openOrderId: $0.openOrderId) },
            lagCount: lag.entries.count,
            proposals: lag.proposals.map { ($0.taskId, $0.reason) },
            open: try await lines(open, req, actor), closed: try await lines(closed, req, actor),
            instructionsOpen: try await instructionLines(instr, req, actor), canAct: actor.can(.editMatrix),
            rulesText: "规则：" + [r.onRed ? "红灯或逾期" : nil, r.missingReports > 0 ? "连续\(r.missingReports)期未交账" : nil].compactMap { $0 }.joined(separator: "，或")
                + "的任务，建议以“\(r.level.chineseName)”督办；已有在办督办单的不重复建议。")
    }

    /// Turns every current proposal into an order in status 待下发; the office then issues or cancels each.
    @Sendable static func propose(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let settings = try await req.store.supervisionSettings(zoneId: actor.zoneId).settings
        let lag = try await LagList.compute(req, actor, rules: settings.rules)
        let issuing = try await issuingUnit(req, actor)
        for p in lag.proposals {
            _ = try await req.store.openOrder(OrderDraft(taskId: p.taskId, level: p.level, reason: p.reason, requiredActions: "请说明滞后原因，提出整改措施和完成时间。"),
                                              source: .auto, issuingUnit: issuing, leaderNames: try await leaderNames(req, actor, taskId: p.taskId),
                                              policy: settings.policy, actor: actor, today: req.today, calendar: req.calendar)
        }
        return req.redirect(to: SiteURL.supervision.with([("notice", "proposed")]))
    }

    // MARK: New order

    static func newOrderPage(_ req: Request, _ actor: Actor, values: [String: String], errors: FormErrors, status: HTTPResponseStatus) async throws -> Response {
        let tasks = try await req.store.tasks(zoneId: actor.zoneId, TaskFilter(year: req.today.year)).filter { $0.status != .done }
        let page = FormPage(title: "下发督办单", action: SiteURL.orderNew.path, fields: [
            .init("task", "督办事项（任务）", .select(options: tasks.map { .init(String($0.id), "#\($0.id) \($0.title)") }, blank: "请选择"), value: values["task"] ?? ""),
            .init("level", "督办级别", .select(options: EscalationLevel.allCases.map { .init($0.code, $0.chineseName) }, blank: nil), value: values["level"] ?? EscalationLevel.supervision.code),
            .init("reason", "督办事由", .textarea, value: values["reason"] ?? ""),
            .init("requiredActions", "督办要求", .textarea, value: values["requiredActions"] ?? ""),
            .init("replyWorkdays", "反馈时限（工作日，不填按级别默认）", .number, value: values["replyWorkdays"] ?? ""),
        ], errors: errors, version: nil, cancel: SiteURL.supervision.path, conflict: false,
           intro: "承办单位为任务的责任单位。反馈时限自下发次日起按法定工作日计算，节假日顺延、调休上班日计入。")
        return req.html(page.render(req.pageContext(current: .supervision)), status: status)
    }

    @Sendable static func newOrder(_ req: Request) async throws -> Response {
        try await newOrderPage(req, try req.actor(.editMatrix), values: ["task": req.query[String.self, at: "task"] ?? ""], errors: FormErrors(), status: .ok)
    }

    @Sendable static func createOrder(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        let values = ["task", "level", "reason", "requiredActions", "replyWorkdays"].reduce(into: [String: String]()) { $0[$1] = form.first($1) ?? "" }
        var r = FormReader(form)
        let taskId = r.int("task", label: "督办事项"), days = r.int("replyWorkdays", label: "反馈时限")
        guard let level = EscalationLevel(code: form.text("level")) else {
            return try await newOrderPage(req, actor, values: values, errors: FormErrors(["level": "请选择督办级别"]), status: .unprocessableEntity)
        }
        guard r.errors.isEmpty, let taskId else {
            return try await newOrderPage(req, actor, values: values, errors: r.errors.isEmpty ? FormErrors(["task": "请选择督办事项"]) : r.formErrors, status: .unprocessableEntity)
        }
        let settings = try await req.store.supervisionSettings(zoneId: actor.zoneId).settings
        do {
            let order = try await req.store.openOrder(OrderDraft(taskId: taskId, level: level, reason: form.text("reason"), requiredActions: form.text("requiredActions"),
                                                                 replyWorkdays: days),
                                                      source: .manual, issuingUnit: try await issuingUnit(req, actor),
                                                      leaderNames: try await leaderNames(req, actor, taskId: taskId), policy: settings.policy,
                                                      actor: actor, today: req.today, calendar: req.calendar)
            await EventNotices.orderChanged(req, order, step: "issue")
            return req.redirect(to: SiteURL.order(order.id).path)
        } catch let StoreError.invalid(e) {
            let field = values.keys.contains(e.field) ? e.field : (e.field == "taskId" ? "task" : "_form")
            return try await newOrderPage(req, actor, values: values, errors: FormErrors([field: e.message]), status: .unprocessableEntity)
        } catch StoreError.notFound {
            return try await newOrderPage(req, actor, values: values, errors: FormErrors(["task": "没有这项任务"]), status: .unprocessableEntity)
        }
    }

    // MARK: One order

    static func orderPage(_ req: Request, id: Int, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let o = try await req.store.order(id: id, zoneId: actor.zoneId)
        let steps = try await req.store.orderEvents(orderId: id, zoneId: actor.zoneId)
        var instr: [Instruction] = []
        if let taskId = o.taskId { instr = try await req.store.instructions(zoneId: actor.zoneId, taskId: taskId).filter { $0.orderId == nil || $0.orderId == id } }
        let isReceiver = actor.has(.reporter) && actor.unitId == o.receivingUnitId
        var actions: [OrderAction] = []
        if actor.can(.editMatrix) { actions += OrderLifecycle.allowedActions(for: o.status, party: .office) }
        if isReceiver { actions += OrderLifecycle.allowedActions(for: o.status, party: .receivingUnit) }
        var page = OrderPage(line: try await lines([o], req, actor)[0], version: o.version, issuingUnit: o.issuingUnit, requiredActions: o.requiredActions,
                             replyWorkdays: o.replyWorkdays, issuedOn: o.issuedOn, answer: o.answer, leadersCopied: o.leadersCopied,
                             steps: steps.map { .init(at: $0.at, action: $0.action, actor: $0.actorName, to: $0.toStatus, text: $0.text) },
                             actions: actions, canEscalate: actor.can(.editMatrix) && o.isOpen && EscalationLevel.next(after: o.level) != nil,
                             instructions: try await instructionLines(instr, req, actor), canInstruct: actor.can(.instruct),
                             canAnswerInstructions: isReceiver)
        page.error = error
        return req.html(page.render(req.pageContext(current: .supervision)), status: status)
    }

    @Sendable static func show(_ req: Request) async throws -> Response {
        try await orderPage(req, id: try req.id(), error: nil, status: .ok)
    }

    /// A lifecycle step. The office's steps need the office role; 签收 and 反馈 belong to the receiving unit.
    @Sendable static func act(_ req: Request) async throws -> Response {
        let actor = try req.actor(.reportOwnTasks)
        let id = try req.id()
        let form = try FormFields.require(req)
        var r = FormReader(form)
        guard let version = r.version() else { throw AppError.badRequest("缺少版本号", field: "version") }
        guard let action = OrderAction(rawValue: form.text("action")) else { throw AppError.badRequest("未知的办理环节", field: "action") }
        let party: OrderParty = action.party
        if party == .office && !actor.can(.editMatrix) {
            return try await orderPage(req, id: id, error: "只有督查室可以\(action.chineseName)", status: .forbidden)
        }
        do {
            let o = try await req.store.act(orderId: id, version: version, action: action, party: party, text: form.text("text"), actor: actor,
                                            today: req.today, calendar: req.calendar)
            await EventNotices.orderChanged(req, o, step: action.rawValue)
        } catch StoreError.conflict {
            return try await orderPage(req, id: id, error: "这份督办单已被他人办理，未做改动。请查看最新状态。", status: .conflict)
        } catch let StoreError.invalid(e) {
            return try await orderPage(req, id: id, error: e.message, status: e.field == "unit" ? .forbidden : .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.order(id).path)
    }

    @Sendable static func escalate(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let id = try req.id()
        let form = try FormFields.require(req)
        var r = FormReader(form)
        guard let version = r.version() else { throw AppError.badRequest("缺少版本号", field: "version") }
        let o = try await req.store.order(id: id, zoneId: actor.zoneId)
        let settings = try await req.store.supervisionSettings(zoneId: actor.zoneId).settings
        var leaders: [String] = []
        if let taskId = o.taskId { leaders = try await leaderNames(req, actor, taskId: taskId) }
        do {
            let up = try await req.store.escalate(orderId: id, version: version, reason: form.text("text"), leaderNames: leaders,
                                                  policy: settings.policy, actor: actor, today: req.today, calendar: req.calendar)
            await EventNotices.orderChanged(req, up, step: "escalate")
        } catch StoreError.conflict {
            return try await orderPage(req, id: id, error: "这份督办单已被他人办理，未做改动。", status: .conflict)
        } catch let StoreError.invalid(e) {
            return try await orderPage(req, id: id, error: e.message, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.order(id).path)
    }

    // MARK: Instructions

    @Sendable static func instruct(_ req: Request) async throws -> Response {
        let actor = try req.actor(.instruct)
        let taskId = try req.id()
        let form = try FormFields.require(req)
        let orderId = Int(form.text("order"))
        do {
            _ = try await req.store.addInstruction(taskId: taskId, orderId: orderId, text: form.text("text"), actor: actor)
        } catch let StoreError.invalid(e) {
            if let orderId { return try await orderPage(req, id: orderId, error: e.message, status: .unprocessableEntity) }
            throw AppError(.unprocessableEntity, "invalid", e.message, field: e.field)
        }
        return req.redirect(to: orderId.map { SiteURL.order($0).path } ?? SiteURL.task(taskId).path)
    }

    @Sendable static func answerInstruction(_ req: Request) async throws -> Response {
        let actor = try req.actor(.reportOwnTasks)
        let form = try FormFields.require(req)
        var r = FormReader(form)
        guard let version = r.version() else { throw AppError.badRequest("缺少版本号", field: "version") }
        do {
            let answered = try await req.store.answerInstruction(id: try req.id(), version: version, text: form.text("answer"), actor: actor)
            await EventNotices.instructionAnswered(req, answered)
        } catch StoreError.conflict {
            throw AppError(.conflict, "conflict", "这条批示已有人答复，未做改动")
        } catch let StoreError.invalid(e) {
            throw AppError(e.field == "unit" ? .forbidden : .unprocessableEntity, "invalid", e.message, field: e.field)
        }
        return req.redirect(to: req.headers.first(name: .referer).flatMap { URL(string: $0)?.path }.flatMap { $0.hasPrefix("/") ? $0 : nil } ?? SiteURL.inbox.path)
    }

    // MARK: Settings

    static func settingsPage(_ req: Request, _ actor: Actor, errors: FormErrors, conflict: Bool, status: HTTPResponseStatus) async throws -> Response {
        let (s, version) = try await req.store.supervisionSettings(zoneId: actor.zoneId)
        func list<T: CustomStringConvertible>(_ a: [T]) -> String { a.map(\.description).joined(separator: ",") }
        let page = FormPage(title: "督办规则与升级梯度", action: SiteURL.supervisionSettings.path, fields: [
            .init("onRed", "红灯或逾期时建议督办", .select(options: [.init("1", "是"), .init("0", "否")], blank: nil), value: s.rules.onRed ? "1" : "0"),
            .init("missingReports", "连续几期未交账时建议督办（0为不启用）", .number, value: String(s.rules.missingReports)),
            .init("level", "建议督办的级别", .select(options: EscalationLevel.allCases.map { .init($0.code, $0.chineseName) }, blank: nil), value: s.rules.level.code),
            .init("deductions", "各级考核扣分（提醒,督办,挂牌督办,约谈,通报批评）", .text, value: list(s.policy.deductions)),
            .init("replyWorkdays", "各级反馈时限（工作日，同上顺序）", .text, value: list(s.policy.replyWorkdays)),
            .init("copyLeadersFrom", "自哪一级起抄送分管领导", .select(options: EscalationLevel.allCases.map { .init($0.code, $0.chineseName) }, blank: nil), value: s.policy.copyLeadersFrom.code),
        ], errors: errors, version: version, cancel: SiteURL.supervision.path, conflict: conflict,
           intro: "升级梯度：提醒 → 督办 → 挂牌督办 → 约谈 → 通报批评。扣分供考核使用，自低到高不得递减。")
        return req.html(page.render(req.pageContext(current: .supervision)), status: status)
    }

    @Sendable static func settingsForm(_ req: Request) async throws -> Response {
        try await settingsPage(req, try req.actor(.editMatrix), errors: FormErrors(), conflict: false, status: .ok)
    }

    @Sendable static func saveSettings(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        return try await FormFlow.submit(req, render: { e, c, s in try await settingsPage(req, actor, errors: e, conflict: c, status: s) }) {
            var r = FormReader(form)
            let missing = r.int("missingReports", label: "连续未交账期数")
            func numbers<T: LosslessStringConvertible>(_ field: String, _ label: String) -> [T]? {
                let parts = form.text(field).replacingOccurrences(of: "，", with: ",").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                let values = parts.compactMap { T($0) }
                guard values.count == parts.count, values.count == EscalationLevel.allCases.count else { r.errors[field] = "\(label)须为5个以逗号分隔的数字"; return nil }
                return values
            }
            let deductions: [Double]? = numbers("deductions", "各级扣分"), days: [Int]? = numbers("replyWorkdays", "各级反馈时限")
            guard let version = r.version(), let missing, let deductions, let days,
                  let level = EscalationLevel(code: form.text("level")), let copy = EscalationLevel(code: form.text("copyLeadersFrom")) else {
                throw FormInvalid(errors: r.errors.isEmpty ? FormErrors(["_form": "请填写全部项目"]) : r.formErrors)
            }
            try await req.store.setSupervisionSettings(SupervisionSettings(policy: EscalationPolicy(deductions: deductions, replyWorkdays: days, copyLeadersFrom: copy),
                                                                           rules: ProposalRules(onRed: form.text("onRed") == "1", missingReports: missing, level: level)),
                                                       version: version, actor: actor)
            return SiteURL.supervisionSettings.with([("notice", "saved")])
        }
    }
}
