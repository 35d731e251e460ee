import Vapor
import Views

/// Every route of the application, by capability. Each controller registers its own routes
/// with the access rule they need (see RouteAccess).
func routes(_ app: Application) throws {
    // Outside the sign-in middleware: Prometheus sends its own bearer token, not an API token.
    MetricsController.register(app)
    let r = app.grouped(AuthenticationMiddleware(), RateLimitMiddleware(), FreshViewsMiddleware(seconds: app.guatu.staleViewSeconds))
    r.on(.GET, SiteURL.stylesheet.path, .everyone) { _ in
        Response(status: .ok, headers: ["Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=3600"], body: .init(string: Stylesheet.css))
    }
    r.on(.GET, SiteURL.script.path, .everyone) { _ in
        Response(status: .ok, headers: ["Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=3600"], body: .init(string: SiteScript.js))
    }
    // For the load balancer: 200 when this instance can reach its database, 503 when it cannot.
    r.on(.GET, "/healthz", .everyone) { req in
        do { try await req.store.ping() } catch {
            return Response(status: .serviceUnavailable, body: .init(string: "database unavailable"))
        }
        return Response(status: .ok, body: .init(string: "ok"))
    }
    LoginController.register(r)
    OverviewController.register(r)
    BattleMapController.register(r)
    RoadmapController.register(r)
    LightsController.register(r)
    FeedController.register(r)
    ReportingController.register(r)
    SupervisionController.register(r)
    BulletinController.register(r)
    MeetingController.register(r)
    IndicatorImportController.register(r)
    IndicatorController.register(r)
    AssessmentController.register(r)
    EnterpriseImportController.register(r)
    TaskSheetController.register(r)
    CockpitController.register(r)
    ReportExport.register(r)
    CoverageController.register(r)
    IncubationController.register(r)
    ProjectController.register(r)
    FiscalController.register(r)
    AppealController.register(r)
    PublicAppealController.register(r)
    PolicyController.register(r)
    SafetyController.register(r)
    ReformController.register(r)
    FinanceController.register(r)
    EnterpriseController.register(r)
    RemindersController.register(r)
    TaskController.register(r)
    PlanController.register(r)
    UnitController.register(r)
    AdminController.register(r)
    AuditController.register(r)
    JobsController.register(r)
    ProvinceController.register(r)
    CalendarController.register(r)
    ApiController.register(r)
    AccountabilityAPI.register(r)
    AssessmentAPI.register(r)
    EnterpriseAPI.register(r)
    TaskSheetAPI.register(r)
    AppealAPI.register(r)
    EnterpriseServicesAPI.register(r)
    if app.guatu.benchRoutes { BenchFloorController.register(r) }
}
