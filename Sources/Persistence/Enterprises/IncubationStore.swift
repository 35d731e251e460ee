import Domain
import Foundation
import SQLKit

/// A stay as stored, with its row id and version (closing it is checked against the version).
public struct StoredStep: Sendable, Equatable, Identifiable {
    public let id: Int
    public let version: Int
    public let step: IncubationStep
}

extension Store {
    struct CarrierRow: Decodable {
        let id: Int; let name: String; let stage: String; let level: String; let capacity: Int
        var carrier: Carrier { Carrier(id: id, name: name, stage: .init(rawValue: stage) ?? .incubator, level: .init(rawValue: level) ?? .none, capacity: capacity) }
    }
    struct StepRow: Decodable {
        let id: Int; let version: Int; let enterpriseId: Int; let carrierId: Int; let enteredOn: String; let leftOn: String?; let outcome: String?
        var stored: StoredStep? {
            guard let e = Day(iso: enteredOn) else { return nil }
            return StoredStep(id: id, version: version, step: IncubationStep(enterpriseId: enterpriseId, carrierId: carrierId, enteredOn: e,
                                                                            leftOn: leftOn.flatMap(Day.init(iso:)), outcome: outcome.flatMap(IncubationStep.Outcome.init(rawValue:))))
        }
    }
    static let stepColumns: SQLQueryString = "SELECT id, version, enterprise_id, carrier_id, entered_on, left_on, outcome FROM incubation_steps"

    public func carriers(zoneId: Int) async throws -> [Carrier] {
        try await sql.raw("SELECT id, name, stage, level, capacity FROM carriers WHERE zone_id = \(bind: zoneId) AND archived_at IS NULL ORDER BY name").rows(CarrierRow.self).map(\.carrier)
    }

    public func createCarrier(_ c: Carrier, actor: Actor) async throws -> Int {
        try validated { try c.validate() }
        let name = c.name.trimmingCharacters(in: .whitespaces)
        return try await write { tx in
            struct E: Decodable { let id: Int }
            if try await tx.raw("SELECT id FROM carriers WHERE zone_id = \(bind: actor.zoneId) AND name = \(bind: name)").row(E.self) != nil {
                throw StoreError.duplicate(field: "name", message: "载体“\(name)”已登记")
            }
            let now = Store.timestamp()
            let id = try await tx.raw("""
                INSERT INTO carriers (zone_id, name, stage, level, capacity, version, created_at, updated_at)
                VALUES (\(bind: actor.zoneId), \(bind: name), \(bind: c.stage.rawValue), \(bind: c.level.rawValue), \(bind: c.capacity), 1, \(bind: now), \(bind: now)) RETURNING id
                """).row(IDRow.self)!.id
            try await Store.audit(tx, actor: actor, action: .create, entity: "carrier", id: id, before: Optional<Carrier>.none, after: c)
            return id
        }
    }

    public func incubationSteps(zoneId: Int) async throws -> [StoredStep] {
        try await sql.raw(Store.stepColumns + " WHERE zone_id = \(bind: zoneId) ORDER BY entered_on").rows(StepRow.self).compactMap(\.stored)
    }

    public func incubationSteps(enterpriseId: Int, zoneId: Int) async throws -> [StoredStep] {
        try await sql.raw(Store.stepColumns + " WHERE enterprise_id = \(bind: enterpriseId) AND zone_id = \(bind: zoneId) ORDER BY entered_on").rows(StepRow.self).compactMap(\.stored)
    }

    /// A firm enters a carrier; refused while it is still in another one (close that stay first) or before its last stay ended.
    public func enterCarrier(enterpriseId: Int, carrierId: Int, on day: Day, actor: Actor) async throws {
        _ = try await enterprise(id: enterpriseId, zoneId: actor.zoneId)
        guard let carrier = try await carriers(zoneId: actor.zoneId).first(where: { $0.id == carrierId }) else {
            throw StoreError.invalid(ValidationError(field: "carrierId", "请选择载体"))
        }
        try await write { tx in
            let steps = try await tx.raw(Store.stepColumns + " WHERE enterprise_id = \(bind: enterpriseId)").rows(StepRow.self).compactMap(\.stored)
            if let open = steps.first(where: { $0.step.leftOn == nil }) {
                throw StoreError.invalid(ValidationError(field: "carrierId", "该企业仍在载体中（自\(open.step.enteredOn)起），请先登记迁出或毕业"))
            }
            if let last = steps.compactMap(\.step.leftOn).max(), day < last {
                throw StoreError.invalid(ValidationError(field: "enteredOn", "入驻日期不能早于上一次迁出日期\(last)"))
            }
            let id = try await tx.raw("""
                INSERT INTO incubation_steps (zone_id, enterprise_id, carrier_id, entered_on, version) VALUES (\(bind: actor.zoneId), \(bind: enterpriseId), \(bind: carrierId), \(bind: day.iso), 1) RETURNING id
                """).row(IDRow.self)!.id
            try await Store.audit(tx, actor: actor, action: .create, entity: "incubation_step", id: id, before: Optional<IncubationStep>.none,
                                  after: ["enterprise": String(enterpriseId), "carrier": carrier.name, "enteredOn": day.iso])
        }
    }

    /// Closes a stay (毕业 or 迁出) if nobody changed it since `version`.
    public func leaveCarrier(stepId: Int, on day: Day, outcome: IncubationStep.Outcome, version: Int, actor: Actor) async throws {
        try await write { tx in
            guard let s = try await tx.raw(Store.stepColumns + " WHERE id = \(bind: stepId) AND zone_id = \(bind: actor.zoneId)").row(StepRow.self)?.stored else {
                throw StoreError.notFound(entity: "incubation_step", id: stepId)
            }
            guard s.version == version, s.step.leftOn == nil else { throw StoreError.conflict(entity: "incubation_step", id: stepId, current: s.version) }
            guard day >= s.step.enteredOn else { throw StoreError.invalid(ValidationError(field: "leftOn", "迁出日期不能早于入驻日期\(s.step.enteredOn)")) }
            try await tx.raw("UPDATE incubation_steps SET left_on = \(bind: day.iso), outcome = \(bind: outcome.rawValue), version = version + 1 WHERE id = \(bind: stepId)").run()
            var after = s.step; after.leftOn = day; after.outcome = outcome
            try await Store.audit(tx, actor: actor, action: .update, entity: "incubation_step", id: stepId, before: s.step, after: after)
        }
    }
}
