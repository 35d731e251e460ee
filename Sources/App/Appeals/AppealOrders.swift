import Domain
import Persistence
import Vapor

/// Overdue appeals become supervision orders (待下发, for the office to issue), addressed to the lead unit — the same
/// 督办单 as a lagging task's, with its clock, its escalation ladder and its assessment deduction. Run by the office's
/// button and by the background job; each late stage (答复, 办结) of an appeal raises one order at most.
enum AppealOrders {
    @discardableResult
    static func raise(_ app: Application, zoneId: Int, actor: Actor, issuingUnit: String, today: Day) async throws -> Int {
        let store = app.store
        let policy = try await store.supervisionSettings(zoneId: zoneId).settings.policy
        var batch: [Store.AutoOrder] = []
        for a in try await store.appealsDueForSupervision(zoneId: zoneId, today: today) {
            guard let unit = a.leadUnitId, let reason = AppealSupervision.reason(for: a, today: today),
                  let stage = AppealClock(appeal: a, today: today).overdueNow else { continue }
            batch.append(.init(appealId: a.id, appealStage: stage, receivingUnitId: unit, level: .supervision, reason: reason,
                               requiredActions: "请说明企业诉求逾期原因，尽快办理并答复企业。"))
        }
        return try await store.openProposedOrders(batch, issuingUnit: issuingUnit, policy: policy, actor: actor)
    }

    /// The background job's pass over one zone, as the system.
    @discardableResult
    static func raiseForJob(_ app: Application, zoneId: Int, today: Day) async throws -> Int {
        let system = Actor(userId: 0, username: "system", displayName: "系统（诉求逾期自动督办）", zoneId: zoneId, unitId: nil, roles: [.office])
        return try await raise(app, zoneId: zoneId, actor: system, issuingUnit: "督查室", today: today)
    }
}
