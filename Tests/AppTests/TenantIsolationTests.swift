@testable import App
import Domain
import Foundation
import Persistence
import Testing
import Vapor
import VaporTesting

/// Zone isolation, route by route. The other zone gets one row of every kind a path parameter can name, each
/// carrying a marker ("乙区机密", "QZXSECRET"; the fixture's own other-zone rows say "邻区") that no answer to the
/// first zone may ever contain. Then every registered route with an id in its path is called with the other zone's
/// id, by a user of the first zone who holds the route's permission (the office; the leader, the system or the
/// security administrator where only they may), once with a browser session (CSRF token sent) and once with an API
/// token, with a plausible body for writes. Each must refuse (404 / 403, or 400 / 422 for a write, or a redirect to
/// the sign-in page), never show a marker, and leave the other zone's rows, and both zones' audit logs, as they were.
@Suite("多园区隔离：每条带编号的路由都拒绝另一园区的编号")
struct TenantIsolationTests {
    /// Text that exists only in the other zone's data.
    static let markers = ["乙区机密", "QZXSECRET", "邻区"]
    /// Path parameters that name no row of a zone: a calendar year, a feed's secret token (a capability URL,
    /// readable by whoever holds it, by design), a background job's name (instance-wide, system administrator only).
    static let nonIdParameters: Set<String> = ["year", "token", "name"]
    /// The other zone's firm (a valid 统一社会信用代码 that the first zone does not hold).
    static let otherCode = "91440300708461136T"
    /// The first zone's users tried for each route, in this order: the first who holds the route's permission calls it.
    static let sweepUsers = ["office", "leader", "sysadmin", "secadmin", "auditadmin"]

    /// The other zone's rows, by the collection name that precedes `:id` in a path.
    struct Seeded {
        var unit = 0, plan = 0, workPoint = 0, task = 0, target = 0, report = 0, evidence = 0, order = 0, instruction = 0
        var firm = 0, carrier = 0, step = 0, project = 0, indicator = 0, indicatorValue = 0, indicatorEvidence = 0
        var scheme = 0, mark = 0, appeal = 0, appealFile = 0, hazard = 0, hazardFile = 0, need = 0
        var policy = 0, clause = 0, redemption = 0, reform = 0, override = 0, feed = 0, token = 0, user = 0, office2 = 0
        var meeting = 0, bulletin = 0
        var taskVersion = 1, hazardVersion = 1

        var ids: [String: Int] {
            [
                "tasks": task, "work-points": workPoint, "plans": plan, "units": unit, "targets": target, "positioning-targets": target,
                "reports": report, "evidence": evidence, "orders": order, "instructions": instruction,
                "enterprises": firm, "incubation-steps": step, "projects": project,
                "indicators": indicator, "indicator-values": indicatorValue, "indicator-evidence": indicatorEvidence,
                "schemes": scheme, "marks": mark, "appeals": appeal, "appeal-files": appealFile,
                "hazards": hazard, "hazard-files": hazardFile, "needs": need,
                "policies": policy, "clauses": clause, "redemptions": redemption, "reforms": reform,
                "overrides": override, "feeds": feed, "tokens": token, "users": user,
                "meetings": meeting, "bulletins": bulletin,
            ]
        }
    }

    /// Builds the other zone's rows through the store, as actors of that zone (the monthly bulletin and the dispatch
    /// meeting through the pages, as its office user, since their content is computed there).
    static func seed(_ app: Application, _ f: Fixture) async throws -> Seeded {
        let store = app.store, z = f.otherZoneId
        var o = Seeded()
        let boot = Actor(userId: 0, username: "fixture2", displayName: "乙区机密督查室", zoneId: z, unitId: nil, roles: [.office])
        func pdf(_ what: String) throws -> EvidenceUpload {
            let bytes = Array("%PDF-1.7\n% QZXSECRET 乙区机密\(what)\n%%EOF\n".utf8)
            return EvidenceUpload(sha256: try app.blobs.put(Data(bytes)), filename: "乙区机密\(what).pdf", kind: .pdf, size: bytes.count)
        }

        // The matrix: a unit, a plan, a work point, a task past its deadline (red, so it is on the meeting's agenda), a target.
        var ud = UnitDraft(); ud.name = "乙区机密单位QZXSECRET"
        o.unit = try await store.createUnit(ud, actor: boot).id
        var pd = PlanDraft(); pd.year = 2026; pd.name = "乙区机密计划QZXSECRET"; pd.goal = "乙区机密目标"; pd.leadUnitId = o.unit
        o.plan = try await store.createPlan(pd, actor: boot).id
        var wd = WorkPointDraft(); wd.planId = o.plan; wd.title = "乙区机密要点QZXSECRET"; wd.goal = "乙区机密目标"; wd.leadUnitId = o.unit
        o.workPoint = try await store.createWorkPoint(wd, actor: boot).id
        var td = TaskDraft()
        td.workPointId = o.workPoint; td.title = "乙区机密任务QZXSECRET"; td.ownerUnitId = o.unit; td.deliverable = "乙区机密成果"
        td.plannedStart = Day(iso: "2026-03-02"); td.deadline = Day(iso: "2026-06-01"); td.percentDone = 10
        o.task = try await store.createTask(td, actor: boot, today: testToday, calendar: .official).id
        var tg = TargetDraft(); tg.year = 2026; tg.kind = .cityTop; tg.statement = "乙区机密定位QZXSECRET"
        o.target = try await store.createTarget(tg, actor: boot).id

        // Accounts: the fixture's office2, a reporter of the unit, a calendar feed and a second API token of office2.
        let office2 = try #require(try await store.users(zoneId: z).first(where: { $0.username == "office2" }))
        o.office2 = office2.id
        let office2Actor = Actor(userId: office2.id, username: "office2", displayName: office2.displayName, zoneId: z, unitId: nil, roles: [.office])
        let hash = try await app.password.async.hash(Fixture.password)
        o.user = try await store.createUser(zoneId: z, UserDraft(unitId: o.unit, username: "qzxsecret", displayName: "乙区机密用户", title: "乙区机密科员"),
                                            roles: [.reporter], passwordHash: hash, actor: nil).id
        o.feed = try await store.createFeed(kind: .person, unitId: nil, tokenHash: Secrets.hash(Secrets.random()), actor: office2Actor)
        o.token = try await store.createApiToken(userId: office2.id, zoneId: z, name: "乙区机密令牌", tokenHash: Secrets.hash(Secrets.random()), actor: office2Actor)
        o.override = try await store.addCalendarOverride(ZoneOverride(day: Day(iso: "2026-07-01")!, kind: .rest, name: "乙区机密区庆QZXSECRET"), actor: boot).id

        // Accountability: a report with evidence, an order, a leader's instruction.
        let reporter = Actor(userId: 0, username: "reporter2", displayName: "乙区机密填报员", zoneId: z, unitId: o.unit, roles: [.reporter])
        let period = ReportingCycle.weekly.period(containing: Day(iso: "2026-06-10")!, calendar: .official)
        let reportFile = try pdf("交账佐证")
        let report = try await store.submitReport(taskId: o.task, period: period, late: false,
                                                  ReportDraft(percentDone: 20, progress: "乙区机密进展QZXSECRET", coordination: "乙区机密协调事项"),
                                                  evidence: [reportFile], actor: reporter, today: testToday, calendar: .official) { _ in }
        o.report = report.id
        o.evidence = try #require(report.evidence.first?.id)
        o.order = try await store.openOrder(OrderDraft(taskId: o.task, level: .supervision, reason: "乙区机密督办事由QZXSECRET", requiredActions: "乙区机密整改要求"),
                                            source: .manual, issuingUnit: "乙区机密督查室", leaderNames: [], policy: .standard, actor: boot,
                                            today: testToday, calendar: .official).id
        let leader = Actor(userId: 0, username: "leader2", displayName: "乙区机密领导", zoneId: z, unitId: nil, roles: [.leader])
        o.instruction = try await store.addInstruction(taskId: o.task, orderId: o.order, text: "乙区机密批示QZXSECRET", actor: leader).id

        // A firm with a year, a tier, an R&D centre, a stay in an incubator, and a key project.
        var ed = EnterpriseDraft(); ed.creditCode = otherCode; ed.name = "乙区机密科技有限公司QZXSECRET"; ed.servingUnitId = o.unit; ed.visitingOfficial = "乙区机密干部"
        o.firm = try await store.createEnterprise(ed, today: testToday, actor: boot)
        try await store.setEnterpriseYear(enterpriseId: o.firm, EnterpriseYear(year: 2025, revenue: 5_000, aboveScale: true, inventionPatents: 2), actor: boot)
        try await store.addTier(enterpriseId: o.firm, EnterpriseTier(kind: .hnte, certificate: "QZXSECRET-GR", grantedOn: Day(iso: "2025-06-01")!), actor: boot)
        try await store.addRDCenter(enterpriseId: o.firm, RDCenter(name: "乙区机密研发中心QZXSECRET", level: .city, recognizedOn: Day(iso: "2025-03-01")!), actor: boot)
        o.carrier = try await store.createCarrier(Carrier(id: 0, name: "乙区机密孵化器QZXSECRET", stage: .incubator, level: .city, capacity: 20), actor: boot)
        try await store.enterCarrier(enterpriseId: o.firm, carrierId: o.carrier, on: Day(iso: "2026-03-02")!, actor: boot)
        o.step = try #require(try await store.incubationSteps(zoneId: z).first?.id)
        o.project = try await store.createProject(name: "乙区机密项目QZXSECRET", enterpriseId: o.firm, chain: "", totalInvestment: 1_000, ownerUnitId: o.unit,
                                                  taskId: o.task, signedOn: Day(iso: "2026-01-10")!, actor: boot)
        try await store.setInvestment(projectId: o.project, MonthlyInvestment(month: "2026-05", planned: 100, actual: 50), actor: boot)

        // An indicator with its year, a submitted value and its evidence.
        var indicator = IndicatorDraft()
        indicator.code = "QZXSECRET1"; indicator.name = "乙区机密指标QZXSECRET"; indicator.unit = "%"; indicator.direction = .higher
        indicator.frequency = .monthly; indicator.source = .unit; indicator.ownerUnitId = o.unit
        o.indicator = try await store.createIndicator(indicator, actor: boot).id
        try await store.setIndicatorYear(indicatorId: o.indicator, year: 2026, Trajectory(baseline: 1, target: 10), version: 0, actor: boot)
        let valueFile = try pdf("指标佐证")
        o.indicatorValue = try await store.submitIndicatorValue(indicatorId: o.indicator, periodKey: "2026-05", value: 3, note: "乙区机密说明QZXSECRET",
                                                                files: [valueFile], actor: boot) { _ in }.id
        o.indicatorEvidence = try #require(try await store.indicatorEvidence(valueIds: [o.indicatorValue], zoneId: z)[o.indicatorValue]?.first?.id)

        // An assessment scheme with a mark.
        o.scheme = try await store.createScheme(period: AssessmentPeriod(year: 2026, quarter: 2), category: .department, name: "乙区机密考核方案QZXSECRET",
                                                definition: .template, actor: boot).id
        o.mark = try await store.addMark(schemeId: o.scheme, MarkDraft(unitId: o.unit, kind: .review, key: "review", points: 90, reason: "乙区机密评议QZXSECRET"),
                                         actor: boot).id

        // Enterprise services: an appeal with a file, a hazard submitted with evidence (awaiting the office), a financing need,
        // a policy with a clause and a claim, a reform item.
        let appealFile = try pdf("诉求附件")
        o.appeal = try await store.fileAppeal(AppealDraft(firmName: "乙区机密科技有限公司QZXSECRET", creditCode: otherCode, contactName: "乙区机密联系人",
                                                          contactPhone: "13900139000", category: .utilities, channel: .visit,
                                                          title: "乙区机密诉求QZXSECRET", description: "乙区机密诉求内容"),
                                              enterpriseId: o.firm, files: [appealFile], trackingCode: "QZXTRACK99", by: AppealFiler(actor: boot),
                                              today: testToday, calendar: .official).id
        o.appealFile = try #require(try await store.appealFiles(appealId: o.appeal, zoneId: z).first?.id)
        let found = Day(iso: "2026-06-10")!
        let inspection = SafetyInspection(id: 0, enterpriseId: o.firm, unitId: o.unit, day: found, inspectors: ["乙区机密检查员"], kind: .routine)
        let hazard = HazardDraft(enterpriseId: o.firm, unitId: o.unit, description: "乙区机密隐患QZXSECRET", level: .general, foundOn: found,
                                 deadline: Day(iso: "2026-07-10")!, responsiblePerson: "乙区机密责任人")
        o.hazard = try #require(try await store.recordInspection(inspection, hazards: [hazard], today: testToday, calendar: .official, actor: boot).hazardIds.first)
        let safetyOfficer = Actor(userId: 0, username: "unit2", displayName: "乙区机密安全员", zoneId: z, unitId: o.unit, roles: [.reporter])
        _ = try await store.actOnHazard(id: o.hazard, version: 1, action: .startRectifying, party: .unit, text: "", files: [], today: testToday, actor: safetyOfficer)
        let hazardPhoto = try pdf("整改佐证")
        o.hazardVersion = try await store.actOnHazard(id: o.hazard, version: 2, action: .submit, party: .unit, text: "乙区机密整改说明", files: [hazardPhoto],
                                                      today: testToday, actor: safetyOfficer).version
        o.hazardFile = try #require(try await store.hazardFiles(hazardId: o.hazard, zoneId: z).first?.id)
        o.need = try await store.fileFinancingNeed(FinancingNeed(id: 0, enterpriseId: o.firm, amountWan: 200, purpose: "乙区机密融资用途QZXSECRET", urgency: .normal,
                                                                 filedOn: Day(iso: "2026-06-01")!), actor: boot, today: testToday).id
        o.policy = try await store.createPolicy(Policy(id: 0, title: "乙区机密政策QZXSECRET", issuer: "乙区机密管委会", documentNumber: "",
                                                       issuedOn: Day(iso: "2026-01-05")!, effectiveFrom: Day(iso: "2026-01-05")!, text: "乙区机密正文"), actor: boot)
        o.clause = try await store.createClause(PolicyClause(id: 0, policyId: o.policy, number: "第一条", title: "乙区机密条款QZXSECRET", kind: .award,
                                                             condition: "发明专利 >= 1", amountRule: .fixed(amount: 10), year: 2025), actor: boot)
        o.redemption = try await store.applyRedemption(clauseId: o.clause, enterpriseId: o.firm, requestedAmount: 10, appliedOn: testToday, actor: boot)
        o.reform = try await store.createReformItem(ReformItem(id: 0, title: "乙区机密改革QZXSECRET", kind: .reform, target: .province, leadUnitId: o.unit,
                                                               firstYear: 2026, stages: [ReformStage(name: "乙区机密阶段", deadline: Day(iso: "2026-09-30")!)],
                                                               taskId: o.task), actor: boot, today: testToday)

        // The meeting (its agenda holds the red task) and the month's bulletin, through the pages as office2.
        var office2Browser = Browser(app, bearer: f.tokens["office2"])
        let meeting = try await office2Browser.post("/meetings", [("title", "乙区机密调度会QZXSECRET")], csrf: false)
        #expect(meeting.status == .seeOther, "the other zone opens a meeting: \(meeting.status) \(meeting.text.prefix(300))")
        o.meeting = try #require(try await store.meetings(zoneId: z).first?.id)
        let bulletin = try await office2Browser.post("/bulletins", [("month", "2026-06")], csrf: false)
        #expect(bulletin.status == .seeOther, "the other zone issues a bulletin: \(bulletin.status) \(bulletin.text.prefix(300))")
        o.bulletin = try #require(try await store.bulletins(zoneId: z).first?.id)

        o.taskVersion = try await store.task(id: o.task, zoneId: z).version
        return o
    }

    /// Everything the store says about the other zone's rows, as text, to compare before and after the sweep.
    static func otherZoneRows(_ app: Application, _ f: Fixture, _ o: Seeded) async throws -> [String] {
        let s = app.store, z = f.otherZoneId
        var rows: [String] = []
        func add<T>(_ name: String, _ value: T) { rows.append("\(name) = \(String(describing: value))") }
        try await add("task", s.task(id: o.task, zoneId: z))
        try await add("fixture task", s.task(id: f.otherZoneTask, zoneId: z))
        try await add("plan", s.plan(id: o.plan, zoneId: z))
        try await add("work point", s.workPoint(id: o.workPoint, zoneId: z))
        try await add("unit", s.unit(id: o.unit, zoneId: z))
        try await add("fixture unit", s.unit(id: f.otherZoneUnit, zoneId: z))
        try await add("target", s.target(id: o.target, zoneId: z))
        try await add("reports", s.reports(taskId: o.task, zoneId: z))
        try await add("order", s.order(id: o.order, zoneId: z))
        try await add("order steps", s.orderEvents(orderId: o.order, zoneId: z))
        try await add("instructions", s.instructions(zoneId: z))
        try await add("enterprise", s.enterprise(id: o.firm, zoneId: z))
        try await add("R&D centres", s.rdCenters(enterpriseId: o.firm, zoneId: z))
        try await add("carriers", s.carriers(zoneId: z))
        try await add("incubation", s.incubationSteps(zoneId: z))
        try await add("project", s.project(id: o.project, zoneId: z))
        try await add("investments", s.projectInvestments(zoneId: z))
        try await add("indicator", s.indicator(id: o.indicator, zoneId: z))
        try await add("indicator year", s.indicatorYear(indicatorId: o.indicator, year: 2026, zoneId: z))
        try await add("indicator values", s.indicatorValues(zoneId: z, indicatorIds: [o.indicator]))
        try await add("scheme", s.scheme(id: o.scheme, zoneId: z))
        try await add("marks", s.marks(schemeId: o.scheme, zoneId: z))
        try await add("appeal", s.appeal(id: o.appeal, zoneId: z))
        try await add("appeal steps", s.appealEvents(appealId: o.appeal, zoneId: z))
        try await add("appeal files", s.appealFiles(appealId: o.appeal, zoneId: z))
        try await add("hazard", s.hazard(id: o.hazard, zoneId: z))
        try await add("hazard steps", s.hazardEvents(hazardId: o.hazard, zoneId: z))
        try await add("hazard files", s.hazardFiles(hazardId: o.hazard, zoneId: z))
        try await add("financing need", s.financingNeed(id: o.need, zoneId: z))
        try await add("policy", s.policy(id: o.policy, zoneId: z))
        try await add("clause", s.clause(id: o.clause, zoneId: z))
        try await add("claims", s.redemptions(zoneId: z))
        try await add("reform", s.reformItem(id: o.reform, zoneId: z))
        // The meeting's title only: its frozen agenda holds dictionaries, whose printed order may differ between two reads.
        try await add("meeting", s.meeting(id: o.meeting, zoneId: z).title)
        try await add("decisions", s.decisions(meetingId: o.meeting, zoneId: z))
        try await add("bulletin", s.bulletin(id: o.bulletin, zoneId: z))
        try await add("calendar overrides", s.calendarOverrides(zoneId: z))
        try await add("feeds", s.feeds(userId: o.office2))
        try await add("API tokens", s.apiTokens(userId: o.office2))
        try await add("users", s.users(zoneId: z, includeArchived: true))
        try await add("audit lines", s.auditEntries(zoneId: z, .init()).total)
        try await add("data version", s.dataVersion(zoneId: z))
        return rows
    }

    /// The path of `route` with every parameter replaced by the id `ids` holds for the collection named just before it
    /// ("tasks/:id/report" → the task's id); nil when a collection is unknown (a new route the sweep must learn).
    static func fill(_ route: Route, _ ids: [String: Int]) -> String? {
        var parts: [String] = [], previous = ""
        for c in route.path {
            if case .parameter = c {
                guard let id = ids[previous] else { return nil }
                parts.append(String(id))
            } else {
                parts.append(c.description)
            }
            previous = c.description
        }
        return "/" + parts.joined(separator: "/")
    }

    static func parameters(_ route: Route) -> [String] {
        route.path.compactMap { c -> String? in
            if case .parameter(let name) = c { return name }
            return nil
        }
    }

    /// The collections the route's parameters name ("tasks" for "tasks/:id/report").
    static func collections(_ route: Route) -> [String] {
        var out: [String] = [], previous = ""
        for c in route.path {
            if case .parameter = c { out.append(previous) }
            previous = c.description
        }
        return out
    }

    /// A refusal: not found, forbidden, or (for a write) a body refused before anything was found; or sent to sign in.
    static func refused(_ res: TestingHTTPResponse, write: Bool) -> Bool {
        let location = res.headers.first(name: .location) ?? ""
        if (res.status == .seeOther || res.status == .found) && location.hasPrefix("/login") { return true }
        if res.status == .notFound || res.status == .forbidden { return true }
        return write && (res.status == .badRequest || res.status == .unprocessableEntity)
    }

    static func role(_ username: String) -> Role { Fixture.roleUsers.first(where: { $0.0 == username })!.1 }

    /// The first sweep user who holds the route's permission; nil if none does.
    static func user(for route: Route) -> String? {
        guard let access = route.userInfo[RouteAccess.userInfoKey] as? RouteAccess else { return nil }
        return sweepUsers.first { name in
            let roles: Set<Role> = [role(name)]
            return access.allows(roles)
        }
    }

    @Test("另一园区的编号出现在任何路由里：会话和API令牌两种方式、读和写，都只得到404/403（写入可为400/422），不显示对方数据，对方数据与双方审计日志不变",
          arguments: TestDB.all)
    func everyRouteRefusesAnotherZonesIds(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let o = try await Self.seed(app, f)
            let boot = Actor(userId: 0, username: "fixture", displayName: "督查室", zoneId: f.zoneId, unitId: nil, roles: [.office])
            // The first zone's own scheme, for the routes with two ids (its own scheme, the other zone's mark or unit).
            let ownScheme = try await app.store.createScheme(period: AssessmentPeriod(year: 2026, quarter: 2), category: .department, name: "二季度部门考核方案",
                                                             definition: .template, actor: boot).id
            let template = try String(decoding: JSONEncoder().encode(AssessmentScheme.template), as: UTF8.self)
            let routes = app.routes.all.filter { $0.userInfo[RouteAccess.userInfoKey] != nil }

            func showsNoMarker(_ res: TestingHTTPResponse, _ what: String) {
                let text = res.text
                for m in Self.markers {
                    #expect(!text.contains(m), "\(what) shows the other zone's “\(m)”: \(res.status.code) \(text.prefix(300))")
                }
                #expect(res.status != .internalServerError, "\(what): 500 \(text.prefix(300))")
            }

            // MARK: Positive controls: the other zone's own office sees its rows under these very ids (so the ids are
            // right and the markers do show when they may), and its views are cached before the first zone looks.
            var owner = Browser(app, bearer: f.tokens["office2"])
            let ownPages: [(String, Bool)] = [
                ("/tasks/\(o.task)", true), ("/api/v1/tasks/\(o.task)", true), ("/orders/\(o.order)", true), ("/appeals/\(o.appeal)", true),
                ("/hazards/\(o.hazard)", true), ("/enterprises/\(o.firm)", true), ("/indicators/\(o.indicator)", true), ("/reforms/\(o.reform)", true),
                ("/finance/needs/\(o.need)", true), ("/policies/\(o.policy)", true), ("/clauses/\(o.clause)", true), ("/projects/\(o.project)", true),
                ("/meetings/\(o.meeting)", true), ("/assessment/schemes/\(o.scheme)", true), ("/bulletins/\(o.bulletin)", false),
                ("/evidence/\(o.evidence)", true), ("/appeal-files/\(o.appealFile)", true), ("/hazard-files/\(o.hazardFile)", true),
                ("/indicator-evidence/\(o.indicatorEvidence)", true), ("/api/v1/calendar/2026", true),
            ]
            for (path, marked) in ownPages {
                let res = try await owner.get(path)
                #expect(res.status == .ok, "office2 reads its own \(path): \(res.status.code) \(res.text.prefix(300))")
                if marked { #expect(res.text.contains("QZXSECRET"), "office2's own \(path) shows its marker") }
            }
            var ownListsWithMarker = 0
            for route in routes where route.method == .GET && Self.parameters(route).isEmpty {
                let path = "/" + route.path.map(\.description).joined(separator: "/")
                let res = try await owner.get(path)
                #expect(res.status != .internalServerError, "office2 GET \(path): 500 \(res.text.prefix(300))")
                if res.text.contains("QZXSECRET") { ownListsWithMarker += 1 }
            }
            #expect(ownListsWithMarker >= 10, "the other zone's own lists show its rows (\(ownListsWithMarker) pages)")

            // MARK: The first zone's users: a browser session each (with its CSRF token) and an API token each.
            var sessions: [String: Browser] = [:], bearers: [String: Browser] = [:]
            for name in Self.sweepUsers {
                var b = Browser(app)
                let login = try await b.login(name)
                #expect(login.status == .seeOther, "\(name) signs in: \(login.status.code)")
                let page = try await b.get("/me/password")
                #expect(page.status == .ok && !b.csrf.isEmpty, "\(name)'s session has a CSRF token")
                sessions[name] = b
                bearers[name] = Browser(app, bearer: f.tokens[name])
            }

            let before = try await Self.otherZoneRows(app, f, o)
            let ownAuditBefore = try await app.store.auditEntries(zoneId: f.zoneId, .init()).total
            let ownVersionBefore = try await app.store.dataVersion(zoneId: f.zoneId)

            // MARK: Plausible bodies: each names what its handler reads, so a write gets past its checks of the form to the row.
            let clauseFields: [(String, String)] = [("number", "第九条"), ("title", "越权条款"), ("kind", "award"), ("condition", "发明专利 >= 1"),
                                                    ("amountKind", "fixed"), ("amount", "10"), ("year", "2025")]
            func form(_ pattern: String) -> [(String, String)] {
                switch pattern {
                case "tasks/:id/edit":
                    return [("version", String(o.taskVersion)), ("workPointId", String(f.workPointId)), ("kind", "task"), ("title", "越权任务"),
                            ("ownerUnitId", String(f.unitA)), ("plannedStart", "2026-06-01"), ("deadline", "2026-12-31"), ("percentDone", "99"),
                            ("status", "in_progress"), ("weight", "1")]
                case "tasks/:id/archive": return [("version", String(o.taskVersion))]
                case "tasks/:id/instructions": return [("text", "越权批示")]
                case "tasks/:id/report": return [("percentDone", "50"), ("progress", "越权进展")]
                case "reports/:id/review", "indicator-values/:id/review": return [("version", "1"), ("decision", "accept"), ("reason", "")]
                case "plans/:id/edit": return [("version", "1"), ("name", "越权计划"), ("year", "2026")]
                case "work-points/:id/edit": return [("version", "1"), ("planId", String(f.planId)), ("title", "越权要点")]
                case "work-points/:id/deadline": return [("deadline", "2026-12-31")]
                case "work-points/:id/baseline": return [("note", "越权基线")]
                case "units/:id/edit": return [("version", "1"), ("name", "越权单位"), ("kind", "department")]
                case "targets/:id/edit": return [("version", "1"), ("kind", "city_top"), ("year", "2026"), ("statement", "越权定位")]
                case "orders/:id/act": return [("version", "1"), ("action", "cancel"), ("text", "越权撤销")]
                case "orders/:id/escalate": return [("version", "1"), ("text", "越权升级")]
                case "instructions/:id/answer": return [("version", "1"), ("answer", "越权答复")]
                case "appeals/:id/act": return [("version", "1"), ("action", "assign"), ("leadUnitId", String(f.unitA)), ("text", "")]
                case "hazards/:id/act": return [("version", String(o.hazardVersion)), ("action", "verify"), ("party", "office"), ("text", "越权销号")]
                case "finance/needs/:id/act": return [("version", "1"), ("action", "decline"), ("text", "越权")]
                case "projects/:id/stage": return [("version", "1"), ("stage", "started"), ("day", "2026-04-01")]
                case "projects/:id/investments": return [("month", "2026-06"), ("planned", "100"), ("actual", "50")]
                case "enterprises/:id/edit": return [("version", "1"), ("creditCode", Self.otherCode), ("name", "越权改名有限公司")]
                case "enterprises/:id/years": return [("year", "2025"), ("revenue", "1")]
                case "enterprises/:id/tiers": return [("kind", "hnte"), ("certificate", "GR0"), ("grantedOn", "2026-01-01")]
                case "enterprises/:id/rd-centers": return [("name", "越权研发中心"), ("level", "city"), ("recognizedOn", "2025-01-01")]
                case "enterprises/:id/incubation": return [("carrierId", String(o.carrier)), ("enteredOn", "2026-01-05")]
                case "incubation-steps/:id/leave": return [("version", "1"), ("outcome", "graduated"), ("leftOn", "2026-06-01")]
                case "reforms/:id/stages": return [("version", "1"), ("stage", "0"), ("day", "2026-06-01")]
                case "reforms/:id/outcomes": return [("version", "1"), ("kind", "adopted"), ("level", "city"), ("day", "2026-06-01"), ("body", "越权成果")]
                case "meetings/:id/decisions":
                    return [("about", String(o.task)), ("text", "越权议定"), ("kind", "task"), ("unit", String(f.unitA)), ("deadline", "2026-06-30")]
                case "indicators/:id/values": return [("period", "2026-05"), ("value", "99"), ("note", "越权")]
                case "indicators/:id/year": return [("year", "2026"), ("version", "1"), ("baseline", "1"), ("target", "2")]
                case "indicators/:id/ranks": return [("scope", "city"), ("rank", "1"), ("outOf", "10"), ("period", "2026-05")]
                case "indicators/:id/revise":
                    return [("version", "1"), ("effectiveFrom", "2026-07-01"), ("name", "越权指标"), ("unit", "%"), ("direction", "higher"),
                            ("source", "unit"), ("ownerUnitId", String(f.unitA))]
                case "policies/:id/clauses/new": return clauseFields
                case "clauses/:id": return [("version", "1")] + clauseFields
                case "clauses/:id/redemptions": return [("enterpriseId", String(o.firm)), ("amount", "5")]
                case "redemptions/:id/act": return [("version", "1"), ("action", "reject"), ("reason", "越权驳回")]
                case "assessment/schemes/:id/publish": return [("version", "1"), ("after", "0"), ("note", "越权发布")]
                case "assessment/schemes/:id/marks": return [("unitId", String(f.unitA)), ("target", "review:review"), ("points", "90"), ("reason", "越权评议")]
                case "admin/users/:id/edit": return [("version", "1"), ("displayName", "越权改名"), ("title", "")]
                case "admin/users/:id/password": return [("password", "Yq@2026reset!")]
                case "admin/users/:id/roles": return [("version", "1"), ("roles", "office")]
                default: return [("version", "1"), ("text", "越权操作")]
                }
            }
            func json(_ pattern: String) -> String {
                switch pattern {
                case "api/v1/assessment/schemes/:id": return #"{"version": 1, "definition": "# + template + "}"
                case "api/v1/assessment/schemes/:id/preview": return "{}"
                case "api/v1/assessment/schemes/:id/publish": return #"{"version": 1, "after": 0, "note": "越权发布"}"#
                case "api/v1/assessment/schemes/:id/marks":
                    return #"{"unitId": \#(f.unitA), "kind": "review", "key": "review", "points": 90, "reason": "越权评议"}"#
                case "api/v1/tasks/:id/reports": return #"{"percentDone": 50, "progress": "越权进展"}"#
                case "api/v1/reports/:id/review": return #"{"version": 1, "decision": "accept"}"#
                case "api/v1/orders/:id/act": return #"{"version": 1, "action": "cancel", "text": "越权撤销"}"#
                case "api/v1/appeals/:id/act": return #"{"version": 1, "action": "assign", "leadUnitId": \#(f.unitA), "text": ""}"#
                case "api/v1/units/:id": return #"{"version": 1, "name": "越权单位"}"#
                case "api/v1/positioning-targets/:id": return #"{"version": 1, "statement": "越权定位"}"#
                case "api/v1/plans/:id": return #"{"version": 1, "name": "越权计划"}"#
                case "api/v1/work-points/:id": return #"{"version": 1, "title": "越权要点"}"#
                case "api/v1/tasks/:id": return #"{"version": \#(o.taskVersion), "title": "越权任务", "percentDone": 99}"#
                case "api/v1/tasks/:id/archive": return #"{"version": \#(o.taskVersion)}"#
                default: return #"{"version": 1}"#
                }
            }
            /// Sends a request as the pages or an API client would: forms with the session's CSRF token, JSON with its header.
            func call(_ b: inout Browser, session: Bool, _ method: HTTPMethod, _ path: String, pattern: String) async throws -> TestingHTTPResponse {
                if method == .GET { return try await b.get(path) }
                let token = b.csrf
                if pattern.hasPrefix("api/") {
                    return try await b.send(method, path, body: json(pattern), contentType: "application/json", headers: session ? [("X-CSRF-Token", token)] : [])
                }
                var fields = form(pattern)
                if session { fields.append(("_csrf", token)) }
                let body = fields.map { "\(Browser.encode($0.0))=\(Browser.encode($0.1))" }.joined(separator: "&")
                return try await b.send(method, path, body: body, contentType: "application/x-www-form-urlencoded")
            }

            // MARK: The sweep: every route with an id in its path, with the other zone's id.
            var covered = 0, requests = 0, sessionRequests = 0, bearerRequests = 0
            var statuses: [UInt: Int] = [:]
            var unmapped: [String] = [], unreachable: [String] = [], skipped: [String] = []
            for route in routes {
                let names = Self.parameters(route)
                guard !names.isEmpty else { continue }
                let pattern = route.path.map(\.description).joined(separator: "/")
                let what = "\(route.method) /\(pattern)"
                guard let name = Self.user(for: route) else { unreachable.append(what); continue }
                if names.contains(where: { Self.nonIdParameters.contains($0) }) {
                    // A calendar year names no row, but the answer must still hold none of the other zone's days.
                    if names == ["year"], route.method == .GET {
                        let path = "/" + route.path.map { c -> String in
                            if case .parameter = c { return "2026" }
                            return c.description
                        }.joined(separator: "/")
                        var s = sessions[name]!, t = bearers[name]!
                        let viaSession = try await s.get(path), viaToken = try await t.get(path)
                        sessions[name] = s; bearers[name] = t
                        for res in [viaSession, viaToken] {
                            #expect(res.status == .ok, "\(what) as \(name): \(res.status.code)")
                            showsNoMarker(res, "GET \(path) as \(name)")
                        }
                    } else {
                        skipped.append(what)
                    }
                    continue
                }
                guard let main = Self.fill(route, o.ids) else { unmapped.append(what); continue }
                var paths = [main]
                let kinds = Self.collections(route)
                // The fixture's own other-zone task and unit as well.
                if kinds.contains("tasks") { var ids = o.ids; ids["tasks"] = f.otherZoneTask; paths.append(Self.fill(route, ids)!) }
                if kinds.contains("units") { var ids = o.ids; ids["units"] = f.otherZoneUnit; paths.append(Self.fill(route, ids)!) }
                // Two ids: the first zone's own scheme with the other zone's mark or unit.
                if kinds.count > 1, kinds.first == "schemes" { var ids = o.ids; ids["schemes"] = ownScheme; paths.append(Self.fill(route, ids)!) }
                // The Excel variants of a bulletin and of a scorecard, and a scorecard's preview.
                if pattern == "bulletins/:id" { paths.append(main + ".xlsx") }
                if names.last == "unit" {
                    let variants = paths.flatMap { [$0 + ".xlsx", $0 + "?preview=1"] }
                    paths += variants
                }

                let write = route.method != .GET
                for path in paths {
                    var s = sessions[name]!
                    let viaSession = try await call(&s, session: true, route.method, path, pattern: pattern)
                    sessions[name] = s
                    var t = bearers[name]!
                    let viaToken = try await call(&t, session: false, route.method, path, pattern: pattern)
                    bearers[name] = t
                    for (res, how) in [(viaSession, "session"), (viaToken, "API token")] {
                        let label = "\(route.method) \(path) as \(name) (\(how))"
                        #expect(Self.refused(res, write: write),
                                "\(label) was not refused: \(res.status.code) \(res.headers.first(name: .location) ?? "") \(res.text.prefix(300))")
                        showsNoMarker(res, label)
                        statuses[res.status.code, default: 0] += 1
                    }
                    #expect(!viaSession.text.contains("页面已过期或来源不明"), "\(route.method) \(path): the session's CSRF token was refused, so the handler was never reached")
                    requests += 2; sessionRequests += 1; bearerRequests += 1
                }
                covered += 1
            }
            // 119 routes carried an id when this test was written; a floor well under that still catches an empty sweep.
            #expect(covered > 110, "only \(covered) routes with ids were swept")
            #expect(sessionRequests == bearerRequests && sessionRequests >= covered)
            #expect(unmapped.isEmpty, "routes whose ids the sweep cannot fill yet (add their collection to Seeded.ids): \(unmapped)")
            #expect(unreachable.isEmpty, "routes none of the first zone's users may call: \(unreachable)")
            #expect(skipped.count <= 3, "routes skipped for a parameter that names no row: \(skipped)")

            // MARK: Ids of the other zone in bodies and queries rather than in paths.
            var office = bearers["office"]!
            let ownTaskVersion = try await app.store.task(id: f.taskA, zoneId: f.zoneId).version
            let forms: [(String, [(String, String)])] = [
                ("/orders/new", [("task", String(o.task)), ("level", "supervision"), ("reason", "越权督办"), ("requiredActions", "越权要求")]),
                ("/tasks/new", [("workPointId", String(o.workPoint)), ("kind", "task"), ("title", "越权任务"), ("ownerUnitId", String(f.unitA)),
                                ("plannedStart", "2026-07-01"), ("deadline", "2026-08-31"), ("percentDone", "0"), ("status", "not_started"), ("weight", "1")]),
                ("/tasks/new", [("workPointId", String(f.workPointId)), ("kind", "task"), ("title", "越权任务"), ("ownerUnitId", String(o.unit)),
                                ("plannedStart", "2026-07-01"), ("deadline", "2026-08-31"), ("percentDone", "0"), ("status", "not_started"), ("weight", "1")]),
                ("/projects", [("name", "越权项目"), ("totalInvestment", "100"), ("ownerUnitId", String(f.unitA)), ("taskId", String(o.task)), ("signedOn", "2026-01-10")]),
                ("/projects", [("name", "越权项目"), ("totalInvestment", "100"), ("ownerUnitId", String(o.unit)), ("signedOn", "2026-01-10")]),
                ("/indicators/new", [("code", "YQ-X1"), ("name", "越权指标"), ("unit", "%"), ("direction", "higher"), ("frequency", "monthly"),
                                     ("source", "unit"), ("ownerUnitId", String(o.unit))]),
                ("/enterprises/new", [("creditCode", "91110000600037341L"), ("name", "越权企业有限公司"), ("servingUnitId", String(o.unit))]),
                ("/finance/needs/new", [("creditCode", Self.otherCode), ("amountWan", "300"), ("purpose", "越权融资"), ("urgency", "urgent"),
                                        ("termMonths", "24"), ("filedOn", "2026-05-20")]),
                ("/safety/inspections/new", [("creditCode", Self.otherCode), ("day", "2026-06-12"), ("kind", "routine"), ("inspectors", "越权检查员"),
                                             ("unitId", String(f.unitA)), ("findings", "越权检查"), ("h0.description", "越权隐患"), ("h0.level", "general"),
                                             ("h0.responsible", "越权责任人"), ("h0.deadline", "")]),
                ("/reforms/new", [("title", "越权改革事项"), ("kind", "reform"), ("target", "province"), ("leadUnitId", String(f.unitA)), ("taskId", String(o.task)),
                                  ("firstYear", "2026"), ("lastYear", ""), ("stages", "制定实施方案|2026-09-30")]),
                ("/assessment/schemes/\(ownScheme)/marks", [("unitId", String(o.unit)), ("target", "review:review"), ("points", "90"), ("reason", "越权评议")]),
            ]
            for (path, fields) in forms {
                let body = fields.map { "\(Browser.encode($0.0))=\(Browser.encode($0.1))" }.joined(separator: "&")
                let res = try await office.send(.POST, path, body: body, contentType: "application/x-www-form-urlencoded")
                #expect(Self.refused(res, write: true), "POST \(path) with the other zone's id was not refused: \(res.status.code) \(res.text.prefix(300))")
                showsNoMarker(res, "POST \(path)")
            }
            let bodies: [(HTTPMethod, String, String)] = [
                (.POST, "/api/v1/tasks", #"{"workPointId": \#(o.workPoint), "title": "越权任务", "ownerUnitId": \#(f.unitA), "deadline": "2026-07-31"}"#),
                (.POST, "/api/v1/work-points", #"{"planId": \#(o.plan), "title": "越权要点"}"#),
                (.POST, "/api/v1/plans", #"{"year": 2026, "name": "越权计划", "leadUnitId": \#(o.unit)}"#),
                (.PATCH, "/api/v1/tasks/\(f.taskA)", #"{"version": \#(ownTaskVersion), "predecessorIds": [\#(o.task)]}"#),
                (.POST, "/api/v1/assessment/schemes/\(ownScheme)/marks", #"{"unitId": \#(o.unit), "kind": "review", "key": "review", "points": 90, "reason": "越权评议"}"#),
            ]
            for (method, path, body) in bodies {
                let res = try await office.send(method, path, body: body, contentType: "application/json")
                #expect(Self.refused(res, write: true), "\(method) \(path) with the other zone's id was not refused: \(res.status.code) \(res.text.prefix(300))")
                showsNoMarker(res, "\(method) \(path)")
            }
            // Every page and list of the first zone, with the other zone's ids in every query parameter that takes one.
            let query = "task=\(o.task)&workPoint=\(o.workPoint)&plan=\(o.plan)&unit=\(o.unit)&unitId=\(o.unit)&taskId=\(o.task)&workPointId=\(o.workPoint)"
                + "&leader=\(o.user)&creditCode=\(Self.otherCode)"
            var lists = 0
            for route in routes where route.method == .GET && Self.parameters(route).isEmpty {
                guard let name = Self.user(for: route) else { continue }
                let path = "/" + route.path.map(\.description).joined(separator: "/") + "?" + query
                var b = bearers[name]!
                let res = try await b.get(path)
                bearers[name] = b
                showsNoMarker(res, "GET \(path) as \(name)")
                lists += 1
            }
            #expect(lists > 50, "only \(lists) pages and lists were read")

            // MARK: Nothing changed: the other zone's rows, and neither zone's audit log (every business write is audited).
            let after = try await Self.otherZoneRows(app, f, o)
            #expect(after.count == before.count)
            for (b, a) in zip(before, after) { #expect(a == b, "the other zone's data changed:\nbefore: \(b)\nafter:  \(a)") }
            #expect(try await app.store.auditEntries(zoneId: f.zoneId, .init()).total == ownAuditBefore, "a refused request wrote to the first zone's audit log")
            #expect(try await app.store.dataVersion(zoneId: f.zoneId) == ownVersionBefore, "a refused request changed the first zone's data")
            // The sessions are still signed in, so no "sent to sign in" above stood in for a refusal.
            for name in Self.sweepUsers {
                var b = sessions[name]!
                #expect(try await b.get("/me/password").status == .ok, "\(name)'s session survived the sweep")
            }
            print("TenantIsolationTests[\(db.rawValue)]: \(covered) id routes, \(requests) requests, statuses \(statuses.sorted { $0.key < $1.key }), "
                  + "\(lists) pages with foreign query ids, skipped \(skipped)")
        }
    }
}
