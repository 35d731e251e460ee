import Domain
import Foundation
import Persistence
import Vapor
import Views

/// 领导驾驶舱 (/cockpit) and 数据大屏 (/wall). A leader sees the plans in charge; the office and observers choose a
/// leader or the whole zone. Figures are worked out once per zone data version and day (the matrix's cache).
enum CockpitController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.cockpit.path, .permission(.readMatrix), use: cockpit)
        app.on(.GET, SiteURL.wall.path, .permission(.readMatrix), use: wall)
    }

    /// Everything both screens show, for one leader (nil: the zone).
    struct Figures: Sendable {
        let cockpit: Cockpit
        let titles: [Int: String]
        let orders: [SupervisionOrder]
        let indicators: [CockpitPage.IndicatorLine]
    }

    static func figures(_ req: Request, _ actor: Actor, year: Int, leaderId: Int?) async throws -> Figures {
        try await req.cached(actor, "cockpit|\(year)|\(leaderId ?? 0)|\(req.today.iso)") {
            // The indicators do not depend on the rest: worked out beside it, on the other core.
            async let offTrackQ = offTrack(req, actor, year: year)
            let ref = try await req.matrixReference(actor, year: year)
            let plans = leaderId.map { id in ref.plans.filter { $0.leaderId == id } } ?? ref.plans
            async let tasksQ = req.progressTasks(actor, year: year)
            async let ordersQ = req.openOrders(actor)
            let (tasks, orders) = try await (tasksQ, ordersQ)
            let cockpit = Cockpit(plans: plans, tasks: tasks, openOrders: orders.map { .init(id: $0.id, taskId: $0.taskId, unitId: $0.receivingUnitId) },
                                  today: req.today, calendar: req.calendar, rules: req.lightRules, lights: ref.lights)
            let mine = orders.filter { cockpit.openOrderIds.contains($0.id) }
            // Titles of the tasks the screens list: the first alarms (not all of a zone's hundreds) and the orders' tasks.
            let listed = cockpit.alarms.prefix(max(CockpitPage.shownAlarms, WallPage.shownAlarms)).map(\.task.id)
            let titles = try await req.store.taskTitles(zoneId: actor.zoneId, ids: listed + mine.compactMap(\.taskId))
            // The indicators of the units that own this cockpit's tasks (all of them for the zone).
            let indicators = try await offTrackQ.filter { leaderId == nil || cockpit.ownerUnitIds.contains($0.ownerUnitId) }.map(\.line)
            return Figures(cockpit: cockpit, titles: titles, orders: mine, indicators: indicators)
        }
    }

    struct OffTrack: Sendable { let ownerUnitId: Int; let line: CockpitPage.IndicatorLine }

    /// Indicators whose newest period with a value is yellow or red against the year's trajectory.
    static func offTrack(_ req: Request, _ actor: Actor, year: Int) async throws -> [OffTrack] {
        try await req.cached(actor, "cockpit-indicators|\(year)|\(req.today.iso)") {
            let indicators = try await req.store.indicators(zoneId: actor.zoneId).filter { !$0.archived }
            return try await IndicatorController.views(req, actor, indicators, year: year).compactMap { v -> OffTrack? in
                guard let p = v.latest, let light = p.light, light == .red || light == .yellow else { return nil }
                func number(_ x: Double?) -> String { x.map(IndicatorYearView.number) ?? "—" }
                return OffTrack(ownerUnitId: v.indicator.ownerUnitId,
                                line: .init(id: v.indicator.id, name: v.indicator.name, owner: v.ownerName, period: IndicatorPeriods.label(p.key),
                                            target: number(p.target.isNaN ? nil : p.target) + v.indicator.unit, actual: number(p.actual) + v.indicator.unit, light: light))
            }
        }
    }

    @Sendable static func cockpit(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let year = try await req.yearInView(actor)
        @Sendable func leaders(_ ref: MatrixReference) -> [UserAccount] { ref.leaders.filter { l in !l.archived && ref.plans.contains { $0.leaderId == l.id } } }
        // Which leaders there are, to check ?leader= (a value just made valid by a write is checked again on current data).
        var choice = leaders(try await req.matrixReference(actor, year: year))
        let leaderId: Int?
        if let raw = req.query[String.self, at: "leader"] {
            if raw.isEmpty { leaderId = nil } else {
                if let id = Int(raw), !choice.contains(where: { $0.id == id }) {
                    choice = leaders(try await req.current { try await req.matrixReference(actor, year: year) })
                }
                guard let id = Int(raw), choice.contains(where: { $0.id == id }) else {
                    throw AppError.badRequest("参数leader须为分管\(year)年度计划的领导编号", field: "leader")
                }
                leaderId = id
            }
        } else {
            leaderId = actor.roles.contains(.leader) && choice.contains(where: { $0.id == actor.userId }) ? actor.userId : nil
        }
        // The page's content is the same for everyone with the same rights until the zone's data changes. Everything it
        // shows is read inside, so a value computed for a version holds that version's data only.
        let canOrder = actor.can(.editMatrix)
        let content = try await req.cached(actor, "cockpitpage|\(year)|\(leaderId ?? 0)|\(req.today.iso)|\(canOrder)") {
            let ref = try await req.matrixReference(actor, year: year)
            let inCharge = leaders(ref)
            let f = try await figures(req, actor, year: year, leaderId: leaderId)
            let orderLines = f.orders.map { o in
                CockpitPage.OrderLine(id: o.id, unit: ref.names.unit(o.receivingUnitId), task: o.taskId.flatMap { f.titles[$0] } ?? "", status: o.status.chineseName,
                                      replyDue: o.replyDue?.iso ?? "—", overdue: o.replyDue.map { $0 < req.today } ?? false)
            }
            var page = CockpitPage(year: year, today: req.today, leaderName: leaderId.map { ref.names.person($0) }, leaderId: leaderId,
                                   leaders: inCharge.map { ($0.id, ref.names.person($0.id)) }, cockpit: f.cockpit, names: ref.names,
                                   orders: orderLines, indicators: f.indicators, canOrder: canOrder)
            page.titles = f.titles
            return PageCache.render(page.body)
        }
        return req.html(PageCache.page(title: "领导驾驶舱", content: content, context: req.pageContext(current: .cockpit)))
    }

    @Sendable static func wall(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let year = try await req.yearInView(actor)
        // Kept per data version like every view (and served a little stale while recomputed); the time it shows is the
        // time it is served, put in last. (Keyed by the minute, every new minute found nothing to serve and waited.)
        let html = try await req.cached(actor, "wall|\(year)|\(req.today.iso)") {
            let ref = try await req.matrixReference(actor, year: year)
            let f = try await figures(req, actor, year: year, leaderId: nil)
            var page = WallPage(zoneName: req.pageContext(current: .cockpit).zoneName, year: year, today: req.today, time: WallPage.timePlaceholder,
                                cockpit: f.cockpit, names: ref.names, offTrackIndicators: f.indicators.count,
                                overdueOrders: f.orders.filter { $0.replyDue.map { $0 < req.today } ?? false }.count)
            page.titles = f.titles
            return page.render()
        }
        return req.html(html.replacingOccurrences(of: WallPage.timePlaceholder, with: clock()))
    }

    /// The time of day in Beijing, "HH:mm".
    static func clock() -> String { String(UI.beijingTime(Store.timestamp()).suffix(5)) }
}
