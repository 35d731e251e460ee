import Domain
import Foundation
import Persistence
import Vapor
import Views

/// The calendar page, the zone's overrides, loading a year's notice, and the calendar API.
enum CalendarController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.calendar.path, .signedIn, use: page)
        app.on(.POST, SiteURL.calendarOverrides.path, .permission(.editMatrix), use: addOverride)
        app.on(.POST, "/calendar/overrides/:id/archive", .permission(.editMatrix), use: archiveOverride)
        app.on(.POST, SiteURL.calendarNotice.path, .permission(.manageAccounts), use: loadNotice)
        app.on(.GET, ApiController.base + "/calendar/:year", .signedIn, use: api)
    }

    static func year(_ req: Request) -> Int {
        if let y = req.query[Int.self, at: "year"], (2000...2100).contains(y) { return y }
        return req.today.year
    }

    static func render(_ req: Request, year: Int, errors: FormErrors = FormErrors(), noticeText: String = "", status: HTTPResponseStatus = .ok) async throws -> Response {
        let actor = try req.actor()
        let cal = req.calendar
        var kinds: [Day: DayKind] = [:]
        var d = Day.firstOfYear(year)
        while d.year == year { kinds[d] = cal.kind(of: d); d = d.adding(days: 1) }
        let overrides = try await req.store.calendarOverrides(zoneId: actor.zoneId).filter { $0.override.day.year == year }
        let notice = cal.notice(year: year)
        let page = CalendarPage(year: year, kinds: kinds, noticeTitle: notice.map { "\($0.title)（\($0.docNo)）" },
                                overrides: overrides.map { .init(id: $0.id, version: $0.version, override: $0.override) },
                                canEditOverrides: actor.can(.editMatrix), canLoadNotice: actor.can(.manageAccounts), errors: errors,
                                noticeText: noticeText, workdayCount: cal.workdays(from: Day.firstOfYear(year), to: Day.lastOfYear(year)))
        return req.html(page.render(req.pageContext(current: .calendar)), status: status)
    }

    @Sendable static func page(_ req: Request) async throws -> Response {
        try await render(req, year: year(req))
    }

    @Sendable static func addOverride(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        var r = FormReader(form)
        let day = r.day("day", label: "日期")
        let kind = r.enumValue("kind", ZoneOverride.Kind.self, label: "类型")
        let year = Int(form.text("year")) ?? req.today.year
        guard r.errors.isEmpty, let day, let kind else {
            var e = r.formErrors
            if day == nil && e["day"] == nil { e.messages["day"] = "请填写日期" }
            if kind == nil && e["kind"] == nil { e.messages["kind"] = "请选择类型" }
            return try await render(req, year: year, errors: e, status: .unprocessableEntity)
        }
        do {
            _ = try await req.store.addCalendarOverride(ZoneOverride(day: day, kind: kind, name: form.text("name")), actor: actor)
        } catch {
            guard let e = AppError.from(error), let field = e.field else { throw error }
            return try await render(req, year: year, errors: FormErrors([field: e.message]), status: e.status)
        }
        return req.redirect(to: SiteURL.calendar.with([("year", String(day.year)), ("notice", "saved")]))
    }

    @Sendable static func archiveOverride(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        var r = FormReader(try FormFields.require(req))
        guard let version = r.version() else { throw AppError.badRequest("缺少版本号", field: "version") }
        try await req.store.archiveCalendarOverride(id: try req.id(), version: version, actor: actor)
        return req.redirect(to: SiteURL.calendar.with([("notice", "archived")]))
    }

    @Sendable static func loadNotice(_ req: Request) async throws -> Response {
        let actor = try req.actor(.manageAccounts)
        let form = try FormFields.require(req)
        let text = form.first("notice") ?? ""
        do {
            let notice = try HolidayNotice.fromJSON(Data(text.utf8))
            try await req.store.saveNotice(notice, loadedBy: actor.username, actor: actor)
            return req.redirect(to: SiteURL.calendar.with([("year", String(notice.year)), ("notice", "saved")]))
        } catch let e as ValidationError {
            return try await render(req, year: year(req), errors: FormErrors(["notice": "\(e.field)：\(e.message)"]), noticeText: text, status: .unprocessableEntity)
        }
    }

    struct DayDTO: Encodable { let date: String; let kind: String; let name: String?; let workday: Bool }
    struct YearDTO: Encodable {
        let year: Int; let hasOfficialData: Bool; let notice: String?; let workdays: Int
        let warnings: [String]; let days: [DayDTO]
    }

    @Sendable static func api(_ req: Request) async throws -> Response {
        _ = try req.actor()
        guard let y = req.parameters.get("year").flatMap(Int.init), (2000...2100).contains(y) else {
            throw AppError.badRequest("年度须为2000到2100之间的整数", field: "year")
        }
        let cal = req.calendar
        var days: [DayDTO] = []
        var d = Day.firstOfYear(y)
        while d.year == y {
            let k = cal.kind(of: d)
            let kind: String
            switch k {
            case .workday: kind = "workday"
            case .weekend: kind = "weekend"
            case .holiday: kind = "holiday"
            case .makeupWorkday: kind = "makeup_workday"
            }
            days.append(DayDTO(date: d.iso, kind: kind, name: k.name, workday: k.isWorkday))
            d = d.adding(days: 1)
        }
        let official = cal.hasOfficialData(year: y)
        let res = try req.json(YearDTO(year: y, hasOfficialData: official, notice: cal.notice(year: y).map(\.title),
                                       workdays: cal.workdays(from: Day.firstOfYear(y), to: Day.lastOfYear(y)),
                                       warnings: CalendarText.missingYears(official ? [] : [y]).map { [$0] } ?? [], days: days))
        if !official { res.headers.replaceOrAdd(name: "Guatu-Calendar-Warning", value: "no official holiday notice for \(y); weekends only") }
        return res
    }
}
