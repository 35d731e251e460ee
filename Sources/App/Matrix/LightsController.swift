import Domain
import Persistence
import Vapor
import Views

/// The lights page: the rules explained, the zone's thresholds, and the office's form to set them.
enum LightsController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.lights.path, .permission(.readMatrix), use: show)
        app.on(.POST, SiteURL.lights.path, .permission(.editMatrix), use: save)
    }

    static func render(_ req: Request, errors: FormErrors = FormErrors(), conflict: Bool = false, status: HTTPResponseStatus = .ok) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let (rules, version) = try await req.store.lightRules(zoneId: actor.zoneId)
        let page = LightsPage(rules: rules, version: version, canEdit: actor.can(.editMatrix), errors: errors, conflict: conflict)
        return req.html(page.render(req.pageContext(current: nil)), status: status)
    }

    @Sendable static func show(_ req: Request) async throws -> Response { try await render(req) }

    @Sendable static func save(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        return try await FormFlow.submit(req, render: { e, c, s in try await render(req, errors: e, conflict: c, status: s) }) {
            var r = FormReader(form)
            let y = r.int("yellowGap", label: "黄灯阈值"), red = r.int("redGap", label: "红灯阈值"), m = r.int("milestoneWarningDays", label: "节点预警天数")
            guard let version = r.version(), let y, let red, let m else {
                if r.errors.isEmpty { throw FormInvalid(errors: FormErrors(["_form": "请填写全部三项阈值"])) }
                throw FormInvalid(errors: r.formErrors)
            }
            try await req.store.setLightRules(LightRules(yellowGap: y, redGap: red, milestoneWarningDays: m), version: version, actor: actor)
            return SiteURL.lights.with([("notice", "saved")])
        }
    }
}
