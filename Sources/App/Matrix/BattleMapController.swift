import Domain
import Persistence
import Vapor
import Views

/// 挂图作战: the battle map page.
enum BattleMapController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.battleMap.path, .permission(.readMatrix), use: show)
    }

    /// Above this many tasks in view, tasks fold into their work points' summary bars.
    static let expandLimit = 800

    @Sendable static func show(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readMatrix)
        let year = try await req.yearInView(actor)
        let filters = req.matrixFilters(year: year)
        let zoom = req.query[String.self, at: "zoom"].flatMap(BattleMapPage.Zoom.init(raw:)) ?? .year
        let printSize = req.query[String.self, at: "print"].flatMap { ["a3", "a0"].contains($0) ? $0 : nil }
        // The page's content depends on the zone's data, the filters and today only: kept per data version.
        let key = "battlemap|\(year)|\(req.today.iso)|\(filters.queryItems.map { "\($0.0)=\($0.1 ?? "")" }.joined(separator: "&"))|\(zoom.raw)|\(printSize ?? "")"
        let content = try await req.cached(actor, key) {
            PageCache.render(try await page(req, actor, year: year, filters: filters, zoom: zoom, printSize: printSize).body)
        }
        return req.html(PageCache.page(title: BattleMapPage.title, content: content,
                                       context: req.pageContext(current: .battleMap, warnings: req.calendarWarnings(year: year))))
    }

    static func page(_ req: Request, _ actor: Actor, year: Int, filters: MatrixPage.Filters, zoom: BattleMapPage.Zoom, printSize: String?) async throws -> BattleMapPage {
        let ref = try await req.matrixReference(actor, year: year)

        let plans = ref.plans.filter { p in
            (filters.planId == nil || p.id == filters.planId) && (filters.leaderId == nil || p.leaderId == filters.leaderId)
        }
        let inScope = plans.reduce(0) { $0 + (ref.progressByPlan[$1.id]?.total ?? 0) }
        let byUnitOrLight = filters.unitId != nil || filters.light != nil
        var tasksByWP: [Int: [(TaskItem, Light)]]?
        var note: String?
        if inScope <= expandLimit || byUnitOrLight || filters.planId != nil {
            let f = TaskFilter(year: year, planId: filters.planId, unitId: filters.unitId, leaderId: filters.leaderId, limit: expandLimit * 4)
            var lines = try await req.store.tasks(zoneId: actor.zoneId, f).map { ($0, req.light($0)) }
            if let l = filters.light { lines = lines.filter { $0.1 == l } }
            if lines.count <= expandLimit * 4 - 1 {
                tasksByWP = Dictionary(grouping: lines, by: { $0.0.workPointId })
            } else {
                note = "所选范围内任务过多，任务已收拢到工作要点。请按计划或单位筛选查看每项任务。"
            }
        } else {
            note = "共\(inScope)项任务：已收拢为计划和工作要点的汇总条（灰色为时间跨度，彩色为完成进度）。选择一个计划查看其中每项任务。"
        }

        // Critical paths of the work points that have a deadline, and approved baselines, for the tasks shown.
        var critical = Set<Int>()
        var baselines: [Int: BaselineDates] = [:]
        if let tasksByWP {
            let deadlines = try await req.store.workPointDeadlines(zoneId: actor.zoneId)
            for (wp, lines) in tasksByWP {
                guard let deadline = deadlines[wp] else { continue }
                let input = ScheduleInput.forTasks(lines.map(\.0), deadline: deadline, today: req.today)
                if let result = try? Scheduler.schedule(input, today: req.today, calendar: req.calendar) {
                    for id in result.criticalPath { if let n = Int(id.dropFirst()) { critical.insert(n) } }
                }
            }
            baselines = try await req.store.baselines(taskIds: tasksByWP.values.flatMap { $0.map(\.0.id) }, zoneId: actor.zoneId)
        }
        let wpsByPlan = Dictionary(grouping: ref.workPoints, by: \.planId)
        var rows: [BattleMapPage.Row] = []
        for p in plans {
            var planRows: [BattleMapPage.Row] = []
            for w in wpsByPlan[p.id] ?? [] {
                let tasks = tasksByWP?[w.id] ?? []
                if byUnitOrLight && tasks.isEmpty { continue }
                if let span = ref.workPointSpans[w.id] {
                    planRows.append(.init(kind: .workPoint, label: "\(w.seq). \(w.title)", start: span.start, end: span.end,
                                          percent: span.progress.percentDone, light: span.progress.worst,
                                          link: SiteURL.matrix.with([("year", String(year)), ("plan", String(p.id))]),
                                          note: "\(span.progress.total)项，完成\(Int(span.progress.percentDone.rounded()))%"))
                }
                for (t, light) in tasks {
                    planRows.append(.init(kind: t.kind == .milestone ? .milestone : .task, label: t.title, start: t.plannedStart, end: t.deadline,
                                          percent: Double(t.percentDone), light: light, link: SiteURL.task(t.id).path,
                                          note: "\(ref.names.unit(t.ownerUnitId))，\(light.chineseName)，完成\(t.percentDone)%" + (critical.contains(t.id) ? "，关键路径" : ""),
                                          critical: critical.contains(t.id),
                                          baseline: baselines[t.id].map { (start: $0.plannedStart, end: $0.deadline) }))
                }
            }
            if byUnitOrLight && planRows.isEmpty { continue }
            if let span = ref.planSpans[p.id] {
                rows.append(.init(kind: .plan, label: "\(p.seq). \(p.name)", start: span.start, end: span.end, percent: span.progress.percentDone,
                                  light: span.progress.worst, link: SiteURL.battleMap.with([("year", String(year)), ("plan", String(p.id))]),
                                  note: "分管领导\(ref.names.person(p.leaderId))，\(span.progress.total)项，完成\(Int(span.progress.percentDone.rounded()))%"))
            }
            rows += planRows
        }
        return BattleMapPage(filters: filters, zoom: zoom, today: req.today, rows: rows, plans: ref.plans, units: ref.units,
                             leaders: ref.leaders, foldedNote: note, printSize: printSize)
    }
}
