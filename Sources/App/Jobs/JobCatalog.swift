import Domain
import Foundation
import Persistence
import Vapor

/// One background job: what it is called, how often it runs inside `serve`, and its work (which answers a summary
/// line, or throws to have the run marked failed and retried).
struct JobDefinition: Sendable {
    let name: String
    let chineseName: String
    let detail: String
    /// Minutes between scheduled runs under this configuration; 0 = only when asked ("立即运行").
    let everyMinutes: @Sendable (GuatuConfig) -> Int
    let run: @Sendable (Application) async throws -> String
}

/// A run in which some zones failed: the others' work stands, the run is marked failed and retried.
struct JobFailure: Error, CustomStringConvertible {
    let description: String
}

/// Every background job `serve` runs (`JobRunner`), once across all instances.
enum JobCatalog {
    static let all: [JobDefinition] = [
        JobDefinition(name: "reminders", chineseName: "到期提醒",
                      detail: "本期交账、督办反馈、资质到期：站内通知、邮件和群机器人（每个事件每个渠道只发一次）",
                      everyMinutes: { $0.remindMinutes },
                      run: { app in
                          var total = RemindersJob.Outcome()
                          let failures = try await eachZone(app) { zone in
                              let o = try await RemindersJob.run(app, zoneId: zone.id, now: Date(), today: app.today)
                              total.reminders += o.reminders; total.notified += o.notified; total.sent += o.sent; total.failed += o.failed
                          }
                          let line = "提醒事项\(total.reminders)项，站内通知\(total.notified)条，发送\(total.sent)条，发送失败\(total.failed)条"
                          if !failures.isEmpty { throw JobFailure(description: line + "；" + failures) }
                          return line
                      }),
        supervision(name: "appeal-supervision", chineseName: "诉求逾期督办", detail: "逾期未答复、未办结的企业诉求，按阶段拟制督办单",
                    raise: AppealOrders.raiseForJob),
        supervision(name: "hazard-supervision", chineseName: "隐患逾期督办", detail: "逾期未整改的安全隐患，拟制督办单或挂牌督办",
                    raise: SafetyOrders.raiseForJob),
        JobDefinition(name: "session-cleanup", chineseName: "清理过期会话",
                      detail: "删除已过期的登录会话和一天前的限流计数",
                      everyMinutes: { _ in 60 },
                      run: { app in
                          let n = try await app.store.deleteExpiredSessions()
                          try await app.store.deleteRateCounters(before: Date().addingTimeInterval(-86_400))
                          return "删除过期会话\(n)个"
                      }),
    ]

    static func named(_ name: String) -> JobDefinition? { all.first { $0.name == name } }

    /// A job that raises proposed orders for whatever is overdue, zone by zone, on the reminders' schedule.
    static func supervision(name: String, chineseName: String, detail: String,
                            raise: @escaping @Sendable (Application, Int, Day) async throws -> Int) -> JobDefinition {
        JobDefinition(name: name, chineseName: chineseName, detail: detail, everyMinutes: { $0.remindMinutes }, run: { app in
            var n = 0
            let failures = try await eachZone(app) { zone in n += try await raise(app, zone.id, app.today) }
            if !failures.isEmpty { throw JobFailure(description: "拟制督办单\(n)份；" + failures) }
            return "拟制督办单\(n)份"
        })
    }

    /// Runs `body` for every zone; a zone that fails is logged and named in the answer, the others go on.
    static func eachZone(_ app: Application, _ body: (Zone) async throws -> Void) async throws -> String {
        var failed: [String] = []
        for zone in try await app.store.zones() {
            do { try await body(zone) } catch {
                app.logger.warning("job failed for zone \(zone.code): \(error)")
                failed.append("\(zone.name)失败：\(error)")
            }
        }
        return failed.joined(separator: "；")
    }
}
