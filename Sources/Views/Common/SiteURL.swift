import Foundation

/// Every page's address, in one place: the app registers routes from these paths and views build
/// links with them, so a renamed page cannot leave a dead link behind.
public enum SiteURL: Sendable, Equatable {
    case home
    case login
    case logout
    case matrix
    case unitMatrix
    case plans
    case plan(Int)
    case planNew
    case planEdit(Int)
    case planArchive(Int)
    case workPointNew
    case workPointEdit(Int)
    case workPointArchive(Int)
    case task(Int)
    case taskNew
    case taskEdit(Int)
    case taskArchive(Int)
    case units
    case unitNew
    case unitEdit(Int)
    case unitArchive(Int)
    case targets
    case targetNew
    case targetEdit(Int)
    case users
    case userNew
    case userEdit(Int)
    case userRoles(Int)
    case userPassword(Int)
    case userArchive(Int)
    case audit
    case jobs
    case province
    case jobRun(String)
    case tokens
    case tokenRevoke(Int)
    case password
    case stylesheet
    case script
    case apiDocs
    case calendar
    case battleMap
    case lights
    case inbox
    case taskReport(Int)
    case reviews
    case reportReview(Int)
    case reportingCycle
    case feeds
    case feedRevoke(Int)
    case feed(String)
    case workPointSchedule(Int)
    case workPointDeadline(Int)
    case workPointScheduleApply(Int)
    case workPointBaseline(Int)
    case calendarOverrides
    case calendarOverrideArchive(Int)
    case calendarNotice
    case supervision
    case supervisionPropose
    case supervisionSettings
    case orderNew
    case order(Int)
    case orderAct(Int)
    case orderEscalate(Int)
    case taskInstructions(Int)
    case instructionAnswer(Int)
    case bulletins
    case bulletinPreview
    case bulletin(Int)
    case bulletinXLSX(Int)
    case notifications
    case deliveries
    case reminderSettings
    case meetings
    case meeting(Int)
    case meetingDecisions(Int)
    case indicators
    case indicatorNew
    case indicator(Int)
    case indicatorValues(Int)
    case indicatorYear(Int)
    case indicatorValueReview(Int)
    case indicatorRanks(Int)
    case indicatorImport
    case indicatorRevise(Int)
    case indicatorImportTemplate
    case enterprises
    case enterprisesXLSX
    case enterpriseNew
    case enterpriseImport
    case enterpriseImportTemplate
    case taskSheetImport
    case taskSheetTemplate
    case matrixExcel
    case cockpit
    case reportsExcel
    case wall
    case enterprisePipeline
    case enterpriseCoverage
    case enterpriseBackbone
    case fiscal
    case fiscalTargets
    case fiscalImport
    case incubation
    case projects
    case project(Int)
    case projectStage(Int)
    case projectInvestments(Int)
    case incubationCarriers
    case enterpriseIncubation(Int)
    case incubationLeave(Int)
    case enterpriseRDCenters(Int)
    case enterprise(Int)
    case enterpriseEdit(Int)
    case enterpriseYears(Int)
    case enterpriseTiers(Int)
    case assessment
    case assessmentScheme(Int)
    case assessmentPreview(Int)
    case assessmentPublish(Int)
    case assessmentMarks(Int)
    case assessmentMarkWithdraw(Int, Int)
    case assessmentLeague(Int)
    case assessmentLeagueXLSX(Int)
    case assessmentScorecard(Int, Int)
    case assessmentScorecardXLSX(Int, Int)
    case appeals
    case appealNew
    case appeal(Int)
    case appealAct(Int)
    case appealSettings
    case appealsSupervise
    case publicAppeal
    case publicAppealTrack
    case appealFile(Int)
    case policies
    case policyNew
    case policy(Int)
    case policyClauseNew(Int)
    case clause(Int)
    case clauseRedemptions(Int)
    case redemptionAct(Int)
    case pressReleases
    case policyConditionHelp
    case enterprisePolicies(Int)
    case safety
    case safetyInspectionNew
    case hazard(Int)
    case hazardAct(Int)
    case hazardFile(Int)
    case accidents
    case safetySettings
    case safetySupervise
    case reforms
    case reformNew
    case reform(Int)
    case reformStage(Int)
    case reformOutcome(Int)
    case reformBonusRules
    case finance
    case financeNeedNew
    case financeNeed(Int)
    case financeNeedAct(Int)
    case financeProducts
    case financeRelief

    public var path: String {
        switch self {
        case .home: return "/"
        case .login: return "/login"
        case .logout: return "/logout"
        case .matrix: return "/matrix"
        case .unitMatrix: return "/unit-matrix"
        case .plans: return "/plans"
        case .plan(let id): return "/plans/\(id)"
        case .planNew: return "/plans/new"
        case .planEdit(let id): return "/plans/\(id)/edit"
        case .planArchive(let id): return "/plans/\(id)/archive"
        case .workPointNew: return "/work-points/new"
        case .workPointEdit(let id): return "/work-points/\(id)/edit"
        case .workPointArchive(let id): return "/work-points/\(id)/archive"
        case .task(let id): return "/tasks/\(id)"
        case .taskNew: return "/tasks/new"
        case .taskEdit(let id): return "/tasks/\(id)/edit"
        case .taskArchive(let id): return "/tasks/\(id)/archive"
        case .units: return "/units"
        case .unitNew: return "/units/new"
        case .unitEdit(let id): return "/units/\(id)/edit"
        case .unitArchive(let id): return "/units/\(id)/archive"
        case .targets: return "/targets"
        case .targetNew: return "/targets/new"
        case .targetEdit(let id): return "/targets/\(id)/edit"
        case .users: return "/admin/users"
        case .userNew: return "/admin/users/new"
        case .userEdit(let id): return "/admin/users/\(id)/edit"
        case .userRoles(let id): return "/admin/users/\(id)/roles"
        case .userPassword(let id): return "/admin/users/\(id)/password"
        case .userArchive(let id): return "/admin/users/\(id)/archive"
        case .audit: return "/audit"
        case .jobs: return "/admin/jobs"
        case .province: return "/province"
        case .jobRun(let name): return "/admin/jobs/\(name)/run"
        case .tokens: return "/me/tokens"
        case .tokenRevoke(let id): return "/me/tokens/\(id)/revoke"
        case .password: return "/me/password"
        case .stylesheet: return "/assets/app.css"
        case .script: return "/assets/app.js"
        case .apiDocs: return "/api/v1/openapi.json"
        case .calendar: return "/calendar"
        case .battleMap: return "/battle-map"
        case .lights: return "/lights"
        case .inbox: return "/inbox"
        case .taskReport(let id): return "/tasks/\(id)/report"
        case .reviews: return "/reports/review"
        case .reportReview(let id): return "/reports/\(id)/review"
        case .reportingCycle: return "/reporting/cycle"
        case .feeds: return "/me/feeds"
        case .feedRevoke(let id): return "/me/feeds/\(id)/revoke"
        case .feed(let token): return "/feeds/\(token).ics"
        case .workPointSchedule(let id): return "/work-points/\(id)/schedule"
        case .workPointDeadline(let id): return "/work-points/\(id)/deadline"
        case .workPointScheduleApply(let id): return "/work-points/\(id)/schedule/apply"
        case .workPointBaseline(let id): return "/work-points/\(id)/baseline"
        case .calendarOverrides: return "/calendar/overrides"
        case .calendarOverrideArchive(let id): return "/calendar/overrides/\(id)/archive"
        case .calendarNotice: return "/calendar/notices"
        case .supervision: return "/supervision"
        case .supervisionPropose: return "/supervision/propose"
        case .supervisionSettings: return "/supervision/settings"
        case .orderNew: return "/orders/new"
        case .order(let id): return "/orders/\(id)"
        case .orderAct(let id): return "/orders/\(id)/act"
        case .orderEscalate(let id): return "/orders/\(id)/escalate"
        case .taskInstructions(let id): return "/tasks/\(id)/instructions"
        case .instructionAnswer(let id): return "/instructions/\(id)/answer"
        case .bulletins: return "/bulletins"
        case .bulletinPreview: return "/bulletins/preview"
        case .bulletin(let id): return "/bulletins/\(id)"
        case .bulletinXLSX(let id): return "/bulletins/\(id).xlsx"
        case .notifications: return "/me/notifications"
        case .deliveries: return "/admin/deliveries"
        case .reminderSettings: return "/reminders/settings"
        case .meetings: return "/meetings"
        case .meeting(let id): return "/meetings/\(id)"
        case .meetingDecisions(let id): return "/meetings/\(id)/decisions"
        case .indicators: return "/indicators"
        case .indicatorNew: return "/indicators/new"
        case .indicator(let id): return "/indicators/\(id)"
        case .indicatorValues(let id): return "/indicators/\(id)/values"
        case .indicatorYear(let id): return "/indicators/\(id)/year"
        case .indicatorValueReview(let id): return "/indicator-values/\(id)/review"
        case .indicatorRanks(let id): return "/indicators/\(id)/ranks"
        case .indicatorImport: return "/indicators/import"
        case .indicatorRevise(let id): return "/indicators/\(id)/revise"
        case .indicatorImportTemplate: return "/indicators/import-template.xlsx"
        case .enterprises: return "/enterprises"
        case .enterprisesXLSX: return "/enterprises.xlsx"
        case .enterpriseNew: return "/enterprises/new"
        case .enterpriseImport: return "/enterprises/import"
        case .enterpriseImportTemplate: return "/enterprises/import-template.xlsx"
        case .taskSheetImport: return "/tasks/import"
        case .taskSheetTemplate: return "/tasks/import-template.xlsx"
        case .matrixExcel: return "/matrix.xlsx"
        case .cockpit: return "/cockpit"
        case .reportsExcel: return "/reports.xlsx"
        case .wall: return "/wall"
        case .enterprisePipeline: return "/enterprises/pipeline"
        case .enterpriseCoverage: return "/enterprises/coverage"
        case .enterpriseBackbone: return "/enterprises/backbone"
        case .fiscal: return "/fiscal"
        case .fiscalTargets: return "/fiscal/targets"
        case .fiscalImport: return "/fiscal/import"
        case .incubation: return "/incubation"
        case .projects: return "/projects"
        case .project(let id): return "/projects/\(id)"
        case .projectStage(let id): return "/projects/\(id)/stage"
        case .projectInvestments(let id): return "/projects/\(id)/investments"
        case .incubationCarriers: return "/incubation/carriers"
        case .enterpriseIncubation(let id): return "/enterprises/\(id)/incubation"
        case .incubationLeave(let id): return "/incubation-steps/\(id)/leave"
        case .enterpriseRDCenters(let id): return "/enterprises/\(id)/rd-centers"
        case .enterprise(let id): return "/enterprises/\(id)"
        case .enterpriseEdit(let id): return "/enterprises/\(id)/edit"
        case .enterpriseYears(let id): return "/enterprises/\(id)/years"
        case .enterpriseTiers(let id): return "/enterprises/\(id)/tiers"
        case .assessment: return "/assessment"
        case .assessmentScheme(let id): return "/assessment/schemes/\(id)"
        case .assessmentPreview(let id): return "/assessment/schemes/\(id)/preview"
        case .assessmentPublish(let id): return "/assessment/schemes/\(id)/publish"
        case .assessmentMarks(let id): return "/assessment/schemes/\(id)/marks"
        case .assessmentMarkWithdraw(let id, let mark): return "/assessment/schemes/\(id)/marks/\(mark)/withdraw"
        case .assessmentLeague(let id): return "/assessment/schemes/\(id)/league"
        case .assessmentLeagueXLSX(let id): return "/assessment/schemes/\(id)/league.xlsx"
        case .assessmentScorecard(let id, let unit): return "/assessment/schemes/\(id)/units/\(unit)"
        case .assessmentScorecardXLSX(let id, let unit): return "/assessment/schemes/\(id)/units/\(unit).xlsx"
        case .appeals: return "/appeals"
        case .appealNew: return "/appeals/new"
        case .appeal(let id): return "/appeals/\(id)"
        case .appealAct(let id): return "/appeals/\(id)/act"
        case .appealSettings: return "/appeals/settings"
        case .appealsSupervise: return "/appeals/supervise"
        case .publicAppeal: return "/public/appeal"
        case .publicAppealTrack: return "/public/appeal/track"
        case .appealFile(let id): return "/appeal-files/\(id)"
        case .policies: return "/policies"
        case .policyNew: return "/policies/new"
        case .policy(let id): return "/policies/\(id)"
        case .policyClauseNew(let id): return "/policies/\(id)/clauses/new"
        case .clause(let id): return "/clauses/\(id)"
        case .clauseRedemptions(let id): return "/clauses/\(id)/redemptions"
        case .redemptionAct(let id): return "/redemptions/\(id)/act"
        case .pressReleases: return "/policies/press-releases"
        case .policyConditionHelp: return "/policies/conditions-help"
        case .enterprisePolicies(let id): return "/enterprises/\(id)/policies"
        case .safety: return "/safety"
        case .safetyInspectionNew: return "/safety/inspections/new"
        case .hazard(let id): return "/hazards/\(id)"
        case .hazardAct(let id): return "/hazards/\(id)/act"
        case .hazardFile(let id): return "/hazard-files/\(id)"
        case .accidents: return "/safety/accidents"
        case .safetySettings: return "/safety/settings"
        case .safetySupervise: return "/safety/supervise"
        case .reforms: return "/reforms"
        case .reformNew: return "/reforms/new"
        case .reform(let id): return "/reforms/\(id)"
        case .reformStage(let id): return "/reforms/\(id)/stages"
        case .reformOutcome(let id): return "/reforms/\(id)/outcomes"
        case .reformBonusRules: return "/reforms/bonus-rules"
        case .finance: return "/finance"
        case .financeNeedNew: return "/finance/needs/new"
        case .financeNeed(let id): return "/finance/needs/\(id)"
        case .financeNeedAct(let id): return "/finance/needs/\(id)/act"
        case .financeProducts: return "/finance/products"
        case .financeRelief: return "/finance/relief"
        }
    }

    /// The path with a query string; nil values are left out.
    public func with(_ query: [(String, String?)]) -> String {
        let items = query.compactMap { k, v in v.map { "\(k)=\($0.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? $0)" } }
        return items.isEmpty ? path : path + "?" + items.joined(separator: "&")
    }
}

extension CharacterSet {
    static let urlQueryValueAllowed: CharacterSet = {
        var s = CharacterSet.urlQueryAllowed
        s.remove(charactersIn: "&=+?#")
        return s
    }()
}
