import Foundation
import Persistence
import Vapor

/// `guatu jobs list` (each job's latest runs across all instances) and `guatu jobs run NAME` (queue a run for
/// whichever running instance looks next).
struct JobsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "list | run")
        var action: String
        @Option(name: "name", help: "run: 任务名，如 reminders")
        var name: String?
    }
    var help: String { "后台任务：list 列出最近的运行，run --name NAME 排队立即运行 (background jobs)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let store = context.application.store
        switch signature.action {
        case "list":
            for j in JobCatalog.all { context.console.print("\(j.name)\t\(j.chineseName)\t\(j.detail)") }
            for r in try await store.jobRuns(limit: 30) {
                context.console.print("#\(r.id)\t\(r.job)\t\(r.slot)\t\(r.status.rawValue)\t第\(r.attempts)次\t\(r.owner)\t\(r.error.isEmpty ? r.summary : r.error)")
            }
        case "run":
            let names = JobCatalog.all.map(\.name).joined(separator: "、")
            guard let name = signature.name, JobCatalog.named(name) != nil else { throw CommandFailure("请用 --name 指定任务：\(names)") }
            let queued = try await store.queueJob(name, requestedBy: "command-line")
            context.console.print(queued ? "已排队：\(name)（由运行中的实例在下一次查看时运行）" : "\(name) 已在排队，未重复排队")
        default:
            throw CommandFailure("未知操作 \(signature.action)：应为 list 或 run")
        }
    }
}
