import Foundation
import NIOCore
import Persistence
import Vapor

/// Wakes every GUATU_JOB_TICK_SECONDS inside `serve` and runs whatever job is due, through `job_runs`: a scheduled
/// slot is run by the one instance that claims it first, a failed run is retried (at most `Store.jobMaxAttempts`
/// times, a minute apart), and a run whose instance died is taken over when its lease ends.
struct JobRunner: LifecycleHandler {
    static let lease: TimeInterval = 15 * 60
    static let retryAfter: TimeInterval = 60

    func didBoot(_ app: Application) throws {
        guard app.environment.arguments.dropFirst().first == "serve" else { return }
        let loop = app.eventLoopGroup.next()
        let seconds = Int64(app.guatu.jobTickSeconds)
        let task = loop.scheduleRepeatedAsyncTask(initialDelay: .seconds(min(seconds, 30)), delay: .seconds(seconds)) { _ in
            loop.makeFutureWithTask { await JobRunner.tick(app, now: Date()) }
        }
        app.storage[TaskKey.self] = task
    }
    func shutdown(_ app: Application) {
        app.storage[TaskKey.self]?.cancel()
    }
    struct TaskKey: StorageKey { typealias Value = RepeatedTask }

    /// The slot a scheduled run belongs to: the start of the `every`-minute window holding `now` (UTC).
    static func slot(_ now: Date, everyMinutes every: Int) -> String {
        let minute = Int(now.timeIntervalSince1970 / 60)
        return Store.timestamp(Date(timeIntervalSince1970: Double((minute - minute % every) * 60)))
    }

    /// One look at every job; returns how many runs this instance did.
    @discardableResult
    static func tick(_ app: Application, now: Date, jobs: [JobDefinition] = JobCatalog.all) async -> Int {
        var ran = 0
        let owner = app.instanceName
        for job in jobs {
            let every = job.everyMinutes(app.guatu)
            let slot = every > 0 ? slot(now, everyMinutes: every) : nil
            do {
                while let id = try await app.store.claimJob(job.name, slot: slot, owner: owner, now: now, lease: lease, retryAfter: retryAfter) {
                    let started = Date()
                    var summary = "", failure: String?
                    do { summary = try await job.run(app) } catch { failure = String(describing: error) }
                    try await app.store.finishJob(id: id, owner: owner, now: Date(), summary: summary, error: failure)
                    app.metrics.jobFinished(job.name, ok: failure == nil, seconds: Date().timeIntervalSince(started))
                    if let failure { app.logger.warning("job \(job.name) run \(id) failed: \(failure)") }
                    ran += 1
                }
            } catch {
                app.logger.warning("job \(job.name): \(error)")
            }
        }
        return ran
    }
}

extension Application {
    private struct InstanceNameKey: StorageKey { typealias Value = String }
    /// This process among the instances (a run's owner): host, process id and a random tag, set once in `configure`.
    var instanceName: String {
        get { storage[InstanceNameKey.self] ?? "unknown" }
        set { storage[InstanceNameKey.self] = newValue }
    }
}
