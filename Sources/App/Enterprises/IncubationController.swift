import Domain
import Persistence
import Vapor
import Views

/// 孵化链条: the chain picture and the carriers; a firm entering a carrier and leaving it (毕业 or 迁出).
enum IncubationController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.incubation.path, .permission(.readMatrix), use: show)
        app.on(.POST, SiteURL.incubationCarriers.path, .permission(.editMatrix), use: addCarrier)
        app.on(.POST, "/enterprises/:id/incubation", .permission(.editMatrix), use: enter)
        app.on(.POST, "/incubation-steps/:id/leave", .permission(.editMatrix), use: leave)
    }

    static func page(_ req: Request, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let today = req.today
        async let carriersQ = req.store.carriers(zoneId: actor.zoneId)
        async let stepsQ = req.store.incubationSteps(zoneId: actor.zoneId)
        async let recordsQ = req.store.enterpriseRecords(zoneId: actor.zoneId)
        let (carriers, steps, records) = try await (carriersQ, stepsQ, recordsQ)
        let listed = records.filter { r in r.tiers.contains { $0.tier.kind == .listed && $0.tier.isValid(on: today) } }
        let listedThisYear = records.filter { r in r.tiers.contains { $0.tier.kind == .listed && $0.tier.grantedOn.year == today.year } }
        let figures = IncubationChain.figures(carriers: carriers, steps: steps.map(\.step), listedIds: Set(listed.map(\.enterprise.id)), year: today.year, on: today)
        let firms = Dictionary(grouping: steps.filter { $0.step.isIn(on: today) }, by: \.step.carrierId).mapValues(\.count)
        var p = IncubationPage(year: today.year, figures: figures, listed: listed.count, listedThisYear: listedThisYear.count,
                               carriers: carriers.map { ($0, firms[$0.id] ?? 0) }, canEdit: actor.can(.editMatrix))
        p.error = error
        return req.html(p.render(req.pageContext(current: .enterprises)), status: status)
    }

    @Sendable static func show(_ req: Request) async throws -> Response { try await page(req, error: nil, status: .ok) }

    @Sendable static func addCarrier(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        guard let stage = Carrier.Stage(rawValue: form.text("stage")), let level = Carrier.Level(rawValue: form.text("level")) else {
            return try await page(req, error: "请选择阶段和级别", status: .unprocessableEntity)
        }
        guard let capacity = Int(form.text("capacity")) else { return try await page(req, error: "容量须为整数", status: .unprocessableEntity) }
        do {
            _ = try await req.store.createCarrier(Carrier(id: 0, name: form.text("name"), stage: stage, level: level, capacity: capacity), actor: actor)
        } catch let StoreError.invalid(e) {
            return try await page(req, error: e.message, status: .unprocessableEntity)
        } catch let StoreError.duplicate(_, message) {
            return try await page(req, error: message, status: .conflict)
        }
        return req.redirect(to: SiteURL.incubation.path)
    }

    @Sendable static func enter(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let id = try req.id()
        let form = try FormFields.require(req)
        guard let carrier = Int(form.text("carrierId")), let day = Day(iso: form.text("enteredOn")) else {
            return try await EnterpriseController.page(req, id: id, error: "请选择载体并填写入驻日期", status: .unprocessableEntity)
        }
        do {
            try await req.store.enterCarrier(enterpriseId: id, carrierId: carrier, on: day, actor: actor)
        } catch let StoreError.invalid(e) {
            return try await EnterpriseController.page(req, id: id, error: e.message, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.enterprise(id).with([("notice", "saved")]))
    }

    @Sendable static func leave(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let stepId = try req.id()
        let form = try FormFields.require(req)
        guard let version = Int(form.text("version")) else { throw AppError.badRequest("缺少版本号", field: "version") }
        guard let outcome = IncubationStep.Outcome(rawValue: form.text("outcome")), let day = Day(iso: form.text("leftOn")) else {
            throw AppError(.unprocessableEntity, "validation_failed", "请选择结果并填写离开日期", field: "leftOn")
        }
        let step = try await req.store.incubationSteps(zoneId: actor.zoneId).first { $0.id == stepId }
        guard let step else { throw AppError(.notFound, "not_found", "孵化记录（编号\(stepId)）不存在") }
        do {
            try await req.store.leaveCarrier(stepId: stepId, on: day, outcome: outcome, version: version, actor: actor)
        } catch let StoreError.invalid(e) {
            return try await EnterpriseController.page(req, id: step.step.enterpriseId, error: e.message, status: .unprocessableEntity)
        } catch StoreError.conflict {
            return try await EnterpriseController.page(req, id: step.step.enterpriseId, error: "这条孵化记录已被他人修改，未做改动", status: .conflict)
        }
        return req.redirect(to: SiteURL.enterprise(step.step.enterpriseId).with([("notice", "saved")]))
    }
}
