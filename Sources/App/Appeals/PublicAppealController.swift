import Domain
import Foundation
import Persistence
import Vapor
import Views

/// 企业诉求直通车 for firms without an account: the public form (credit code and phone required) and the page where the
/// firm follows its appeal with its 查询码 and phone, and confirms and rates, or sends the answer back. The code and the
/// phone together stand for the firm: neither alone opens anything.
enum PublicAppealController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.publicAppeal.path, .everyone, use: form)
        app.on(.POST, SiteURL.publicAppeal.path, .everyone, upload: EvidenceIntake.maxRequestBody, use: submit)
        app.on(.GET, SiteURL.publicAppealTrack.path, .everyone, use: track)
        app.on(.POST, SiteURL.publicAppealTrack.path, .everyone, use: act)
    }

    /// The zone named by `zone` (its id or code), or the first zone of the installation when none is named.
    static func zoneId(_ req: Request, _ raw: String?) async throws -> Int {
        if let raw, !raw.isEmpty {
            if let id = Int(raw), let z = try await req.store.zone(id: id) { return z.id }
            if let z = try await req.store.zone(code: raw) { return z.id }
            throw AppError(.notFound, "not_found", "没有这个园区：\(raw)")
        }
        guard let first = try await req.store.zones().first else { throw AppError(.notFound, "not_found", "尚未建立园区") }
        return first.id
    }

    @Sendable static func form(_ req: Request) async throws -> Response {
        let z = try await zoneId(req, req.query[String.self, at: "zone"])
        return req.html(AppealFormPage(mode: .publicForm(zoneId: z), values: [:]).render(req.pageContext(current: nil)))
    }

    @Sendable static func submit(_ req: Request) async throws -> Response {
        let form = try FormFields.require(req)
        let z = try await zoneId(req, form.text("zone"))
        func again(_ e: ValidationError) -> Response {
            let page = AppealFormPage(mode: .publicForm(zoneId: z), values: AppealController.values(form), errors: FormErrors([e.field: e.message]))
            return req.html(page.render(req.pageContext(current: nil)), status: .unprocessableEntity)
        }
        do {
            let files = try EvidenceIntake.accept(form.files["evidence"] ?? [], req)
            let d = AppealController.draft(form, channel: .publicForm, fixed: [:])
            let a = try await req.store.fileAppeal(d, enterpriseId: nil, files: files, trackingCode: AppealCodes.new(),
                                                   by: AppealFiler(publicFormIn: z, contact: d.contactName), today: req.today,
                                                   calendar: try await req.application.calendar(zoneId: z))
            let page = AppealTrackPage(code: a.trackingCode, phone: "", created: true)
            return req.html(page.render(req.pageContext(current: nil)), status: .created)
        } catch let StoreError.invalid(e) {
            return again(e)
        } catch let e as AppError where e.field != nil {
            return again(ValidationError(field: e.field!, e.message))
        }
    }

    static func show(_ req: Request, code: String, phone: String, error: String?, status: HTTPResponseStatus) async throws -> Response {
        guard !code.isEmpty || !phone.isEmpty else { return req.html(AppealTrackPage(code: "", phone: "").render(req.pageContext(current: nil))) }
        guard let (a, zoneId) = try await req.store.appeal(trackingCode: code, phone: phone) else {
            return req.html(AppealTrackPage(code: code, phone: phone, message: "查询码或联系电话不对，请核对后再查").render(req.pageContext(current: nil)), status: .notFound)
        }
        var page = try await AppealPages.page(req, a, zoneId: zoneId, parties: [.firm], actionURL: SiteURL.publicAppealTrack.path,
                                              hidden: [("code", code), ("phone", phone)])
        page.error = error
        return req.html(page.render(req.pageContext(current: nil), back: .publicAppealTrack), status: status)
    }

    @Sendable static func track(_ req: Request) async throws -> Response {
        try await show(req, code: req.query[String.self, at: "code"] ?? "", phone: req.query[String.self, at: "phone"] ?? "", error: nil, status: .ok)
    }

    @Sendable static func act(_ req: Request) async throws -> Response {
        let form = try FormFields.require(req)
        let code = form.text("code"), phone = form.text("phone")
        guard let (a, zoneId) = try await req.store.appeal(trackingCode: code, phone: phone) else {
            return req.html(AppealTrackPage(code: code, phone: phone, message: "查询码或联系电话不对，请核对后再查").render(req.pageContext(current: nil)), status: .notFound)
        }
        guard let version = Int(form.text("version")) else { throw AppError.badRequest("缺少版本号", field: "version") }
        guard let action = AppealAction(rawValue: form.text("action")), action.party == .firm else {
            return try await show(req, code: code, phone: phone, error: "企业只能确认评价或要求重新办理", status: .forbidden)
        }
        do {
            _ = try await req.store.actOnAppeal(id: a.id, zoneId: zoneId, version: version, action: action, party: .firm, step: AppealController.step(form),
                                                actor: nil, actorName: "企业（\(a.contactName.isEmpty ? a.firmName : a.contactName)）", today: req.today,
                                                calendar: try await req.application.calendar(zoneId: zoneId))
        } catch let StoreError.invalid(e) {
            return try await show(req, code: code, phone: phone, error: e.message, status: .unprocessableEntity)
        } catch StoreError.conflict {
            return try await show(req, code: code, phone: phone, error: "诉求状态已变化，请看最新进度。", status: .conflict)
        }
        return try await show(req, code: code, phone: phone, error: nil, status: .ok)
    }
}
