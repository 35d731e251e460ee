import Domain
import Foundation
import Persistence
import Vapor
import Views

/// 后台任务 (系统管理员): each background job's last run across all instances, the latest runs, and "立即运行".
enum JobsController {
    static let access = RouteAccess.permission(.operateJobs)

    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.jobs.path, access, use: page)
        app.on(.POST, "/admin/jobs/:name/run", access, use: runNow)
    }

    @Sendable static func page(_ req: Request) async throws -> Response {
        _ = try req.actor(.operateJobs)
        async let lastQ = req.store.lastJobRuns()
        async let recentQ = req.store.jobRuns(limit: 50)
        let (last, recent) = try await (lastQ, recentQ)
        let config = req.application.guatu
        let names = Dictionary(uniqueKeysWithValues: JobCatalog.all.map { ($0.name, $0.chineseName) })
        func time(_ s: String?) -> String { s.map(UI.beijingTime) ?? "—" }
        let jobs = TablePage(
            title: "后台任务",
            intro: "各实例每\(config.jobTickSeconds)秒查看一次到期的任务；每个周期只由一个实例运行（数据库中的运行记录保证），失败的运行一分钟后由任一实例重试，最多\(Store.jobMaxAttempts)次；实例中途退出的运行在租约（\(Int(JobRunner.lease / 60))分钟）到期后由其他实例接手。本实例：\(req.application.instanceName)。",
            headers: ["任务", "说明", "周期", "最近一次", "状态", "运行实例", "结果", "操作"],
            rows: JobCatalog.all.map { job in
                let r = last[job.name]
                let every = job.everyMinutes(config)
                return [.text(job.chineseName), .text(job.detail), .text(every > 0 ? "每\(every)分钟" : "仅手动"),
                        .text(time(r?.startedAt ?? r?.createdAt)), .text(r.map { $0.status.chineseName + ($0.attempts > 1 ? "（第\($0.attempts)次）" : "") } ?? "尚未运行"),
                        .text(r?.owner.isEmpty == false ? r!.owner : "—"), .text(r.map { $0.error.isEmpty ? $0.summary : $0.error } ?? ""),
                        .post("立即运行", url: SiteURL.jobRun(job.name).path, version: nil, confirm: "立即运行“\(job.chineseName)”？")]
            },
            notice: req.query[String.self, at: "queued"].flatMap { names[$0] }.map { "已排队：\($0)，下一次查看时由某个实例运行。" })
        let runs = TablePage(
            title: "最近的运行",
            headers: ["编号", "任务", "周期/来源", "状态", "次数", "实例", "开始", "结束", "结果"],
            rows: recent.map { r in
                [.text(String(r.id)), .text(names[r.job] ?? r.job), .text(r.slot.hasPrefix("manual:") ? "手动（\(r.requestedBy)）" : time(r.slot)),
                 .text(r.status.chineseName), .text(String(r.attempts)), .text(r.owner.isEmpty ? "—" : r.owner),
                 .text(time(r.startedAt)), .text(time(r.finishedAt)), .text(r.error.isEmpty ? r.summary : r.error)]
            })
        return req.html(CombinedPage([.table(jobs), .table(runs)]).render(req.pageContext(current: .jobs)))
    }

    @Sendable static func runNow(_ req: Request) async throws -> Response {
        let actor = try req.actor(.operateJobs)
        let name = req.parameters.get("name") ?? ""
        guard JobCatalog.named(name) != nil else { throw AppError(.notFound, "not_found", "没有名为“\(name)”的后台任务") }
        try await req.store.queueJob(name, requestedBy: actor.username)
        try await req.store.audit(actor: actor, action: .update, entity: "job", id: nil, zoneId: actor.zoneId, detail: "立即运行 \(name)")
        return req.redirect(to: SiteURL.jobs.with([("queued", name)]))
    }
}
