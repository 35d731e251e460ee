import Domain
import Persistence
import Vapor

/// Hazards past their rectification deadline become supervision orders (待下发) to the responsible unit — 挂牌督办 for a
/// 重大 hazard, 督办 for a 一般 one still with the unit (`SafetySupervision`); one order per hazard. Run by the office's
/// button and by the background job.
enum SafetyOrders {
    @discardableResult
    static func raise(_ app: Application, zoneId: Int, actor: Actor, issuingUnit: String, today: Day) async throws -> Int {
        let store = app.store
        let policy = try await store.supervisionSettings(zoneId: zoneId).settings.policy
        var batch: [Store.AutoOrder] = []
        for h in try await store.hazardsDueForSupervision(zoneId: zoneId, today: today) {
            guard let unit = h.unitId, let level = SafetySupervision.level(for: h, today: today), let reason = SafetySupervision.reason(for: h, today: today) else { continue }
            batch.append(.init(hazardId: h.id, receivingUnitId: unit, level: level, reason: reason, requiredActions: "请说明隐患逾期未整改的原因，落实整改并上传整改佐证。"))
        }
        return try await store.openProposedOrders(batch, issuingUnit: issuingUnit, policy: policy, actor: actor)
    }

    @discardableResult
    static func raiseForJob(_ app: Application, zoneId: Int, today: Day) async throws -> Int {
        let system = Actor(userId: 0, username: "system", displayName: "系统（隐患逾期自动督办）", zoneId: zoneId, unitId: nil, roles: [.office])
        return try await raise(app, zoneId: zoneId, actor: system, issuingUnit: "督查室", today: today)
    }
}
