import Domain
import Foundation
import Persistence
import Vapor
import Views

/// iCalendar subscriptions (RFC 5545): every deadline and milestone of a person or a unit,
/// behind a secret URL that calendar apps poll without signing in.
enum FeedController {
    static func register(_ app: RoutesBuilder) {
        app.on(.POST, SiteURL.feeds.path, .signedIn, use: create)
        app.on(.POST, "/me/feeds/:id/revoke", .signedIn, use: revoke)
        app.on(.GET, "/feeds/:token", .everyone, use: feed)
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let form = try FormFields.require(req)
        guard let kind = CalendarFeed.Kind(rawValue: form.text("kind")) else { throw AppError.badRequest("订阅类型应为个人或本单位", field: "kind") }
        if kind == .unit && actor.unitId == nil { throw AppError(.unprocessableEntity, "no_unit", "您不属于任何单位，不能订阅单位日历", field: "kind") }
        let token = Secrets.random()
        _ = try await req.store.createFeed(kind: kind, unitId: kind == .unit ? actor.unitId : nil, tokenHash: Secrets.hash(token), actor: actor)
        let url = baseURL(req) + SiteURL.feed(token).path
        return try await AdminController.tokensPage(req, actor, newToken: nil, newFeedURL: url)
    }

    @Sendable static func revoke(_ req: Request) async throws -> Response {
        let actor = try req.actor()
        try await req.store.revokeFeed(id: try req.id(), actor: actor)
        return req.redirect(to: SiteURL.tokens.with([("notice", "revoked")]))
    }

    static func baseURL(_ req: Request) -> String {
        let scheme = req.headers.first(name: "X-Forwarded-Proto") ?? (req.application.guatu.secureCookies ? "https" : "http")
        let host = req.headers.first(name: .host) ?? "127.0.0.1:8080"
        return "\(scheme)://\(host)"
    }

    @Sendable static func feed(_ req: Request) async throws -> Response {
        var token = req.parameters.get("token") ?? ""
        if token.hasSuffix(".ics") { token.removeLast(4) }
        guard let feed = try await req.store.feed(tokenHash: Secrets.hash(token)) else {
            throw AppError(.notFound, "not_found", "订阅地址无效或已吊销")
        }
        let owner = try await req.store.user(id: feed.userId, zoneId: feed.zoneId)
        let tasks: [TaskItem]
        let name: String
        switch feed.kind {
        case .person:
            tasks = try await req.store.personFeedTasks(zoneId: feed.zoneId, name: owner.displayName, leaderId: owner.id)
            name = "挂图作战 · \(owner.displayName)"
        case .unit:
            let unitId = feed.unitId ?? -1
            tasks = try await req.store.tasks(zoneId: feed.zoneId, TaskFilter(unitId: unitId))
            name = "挂图作战 · \((try? await req.store.unit(id: unitId, zoneId: feed.zoneId))?.name ?? "单位")"
        }
        let calendar = try await req.application.calendar(zoneId: feed.zoneId)
        let rules = try await req.store.lightRules(zoneId: feed.zoneId).rules
        let base = baseURL(req)
        let events = tasks.filter { $0.status != .done }.map { t in
            let light = Light.of(t, today: req.today, calendar: calendar, rules: rules)
            return ICalendar.Event(uid: "task-\(t.id)-\(t.kind.rawValue)@guatu", day: t.deadline,
                                   summary: (t.kind == .milestone ? "【节点】" : "【截止】") + t.title,
                                   description: "\(light.chineseName)，完成\(t.percentDone)%；计划\(t.plannedStart.iso)至\(t.deadline.iso)",
                                   url: base + SiteURL.task(t.id).path)
        }
        let body = ICalendar(name: name, events: events).render(stamp: Date())
        return Response(status: .ok, headers: ["Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "no-store",
                                               "Content-Disposition": "inline; filename=guatu.ics"], body: .init(string: body))
    }
}
