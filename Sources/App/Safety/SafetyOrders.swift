import Domain
import Persistence
import Vapor

/// Hazards past their rectification deadline become supervision orders (待下发) to the responsible unit — 挂牌督办 for a
/// 重大 hazard, 督办 for a 一般 one still with the unit (`SafetySupervision`); one order per hazard. Run by the office's
/// button and by the background job.
enum SafetyOrders {
    @discardableResult
    static func raise(_ app: Application, zoneId: Int, actor: Actor, issuingUnit: String, today: Day, calendar: WorkCalendar) async throws -> Int {
        let store = app.store
        let policy = try await store.supervisionSettings(zoneId: zoneId).settings.policy
        var n = 0
        for h in try await store.hazardsDueForSupervision(zoneId: zoneId, today: today) {
            guard let unit = h.unitId, let level = SafetySupervision.level(for: h, today: today), let reason = SafetySupervision.reason(for: h, today: today) else { continue }
            _ = try await store.openHazardOrder(hazardId: h.id, receivingUnitId: unit, level: level, reason: reason, issuingUnit: issuingUnit, leaderNames: [],
                                               policy: policy, actor: actor, today: today, calendar: calendar)
            n += 1
        }
        return n
    }

    static func raiseForJob(_ app: Application, zoneId: Int, today: Day) async throws {
        let system = Actor(userId: 0, username: "system", displayName: "系统（隐患逾期自动督办）", zoneId: zoneId, unitId: nil, roles: [.office])
        try await raise(app, zoneId: zoneId, actor: system, issuingUnit: "督查室", today: today, calendar: try await app.calendar(zoneId: zoneId))
    }
}
