import Domain
import Persistence
import Vapor

/// `guatu generate`: a large synthetic zone for benchmarks (see bench/README.md).
struct GenerateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "units") var units: Int?
        @Option(name: "users") var users: Int?
        @Option(name: "work-points") var workPoints: Int?
        @Option(name: "tasks") var tasks: Int?
        @Option(name: "audit") var audit: Int?
        @Option(name: "reports", help: "交账报告条数 (weekly reports, default 200000)") var reports: Int?
        @Option(name: "zone", help: "园区代码 (default: bench)") var zone: String?
        @Option(name: "enterprises", help: "企业数（每家五年数据；default 0）") var enterprises: Int?
        @Option(name: "appeals", help: "企业诉求件数（default 0）") var appeals: Int?
        @Option(name: "clauses", help: "政策条款数（default 0）") var clauses: Int?
    }
    var help: String { "生成压测用的大型园区数据 (generate a large zone for benchmarks; user office-bench, password \(DemoLoader.password))" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        var size = Store.LargeZoneSize()
        if let v = signature.units { size.units = max(1, v) }
        if let v = signature.users { size.users = max(1, v) }
        if let v = signature.workPoints { size.workPoints = max(1, v) }
        if let v = signature.tasks { size.tasks = max(0, v) }
        if let v = signature.audit { size.audit = max(0, v) }
        if let v = signature.reports { size.reports = max(0, v) }
        let code = signature.zone ?? "bench"
        if try await app.store.zone(code: code) != nil { throw CommandFailure("园区 \(code) 已存在") }
        let hash = try await app.password.async.hash(DemoLoader.password)
        let id = try await app.store.generateLargeZone(code: code, size: size, year: app.today.year, today: app.today, officePasswordHash: hash)
        if let n = signature.enterprises, n > 0 {
            try await app.store.generateEnterprises(zoneId: id, count: n, lastYear: app.today.year - 1,
                                                    actor: Actor(userId: 0, username: "guatu generate", displayName: "guatu generate", zoneId: id, unitId: nil, roles: [.office]))
            // The registry's computed indicators, for the benchmark to time.
            let actor = Actor(userId: 0, username: "guatu generate", displayName: "guatu generate", zoneId: id, unitId: nil, roles: [.office])
            let owner = try await app.store.units(zoneId: id).first?.id ?? 0
            for (k, m) in [ComputedMeasure.rdCoverage, .patentCoverage, .hnteCount].enumerated() {
                var d = IndicatorDraft()
                d.code = "QY-0\(k + 1)"; d.name = m.chineseName; d.unit = m.unit; d.direction = .higher; d.frequency = .quarterly; d.source = .computed; d.formula = m; d.ownerUnitId = owner
                _ = try await app.store.createIndicator(d, actor: actor)
            }
            context.console.print("已生成\(n)家企业（各五年数据）")
        }
        let system = Actor(userId: 0, username: "guatu generate", displayName: "guatu generate", zoneId: id, unitId: nil, roles: [.office])
        if let n = signature.appeals, n > 0 {
            try await app.store.generateAppeals(zoneId: id, count: n, today: app.today, calendar: try await app.calendar(zoneId: id), actor: system)
            // The orders a running zone would already have for its overdue appeals (so serve's job starts with nothing to add).
            let orders = try await AppealOrders.raise(app, zoneId: id, actor: system, issuingUnit: "督查室", today: app.today)
            context.console.print("已生成\(n)件企业诉求（逾期的\(orders)件已有督办建议）")
        }
        if let n = signature.clauses, n > 0 {
            try await app.store.generateClauses(zoneId: id, count: n, year: app.today.year, actor: system)
            context.console.print("已生成\(n)个政策条款")
        }
        context.console.print("已生成园区 \(code)（编号\(id)）：\(size.units)个单位、\(size.users)名用户、\(size.workPoints)个工作要点、\(size.tasks)项任务、\(size.reports)份交账报告、\(size.audit)条审计记录")
    }
}
