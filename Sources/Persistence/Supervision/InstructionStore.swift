import Domain
import Foundation
import SQLKit

/// 领导批示: a leader's instruction on a task (or on one of its orders), shown to the task's owner unit
/// and tracked until the unit answers it.
public struct Instruction: Codable, Sendable, Equatable, Identifiable {
    public let id: Int
    public let taskId: Int
    public let orderId: Int?
    public let unitId: Int
    public let leaderName: String
    public let text: String
    public let createdAt: String
    public let answer: String?
    public let answeredByName: String?
    public let answeredAt: String?
    public let version: Int
    public var isAnswered: Bool { answeredAt != nil }
}

extension Store {
    static let instructionColumns: SQLQueryString =
        "SELECT id, task_id, order_id, unit_id, leader_name, text, created_at, answer, answered_by_name, answered_at, version FROM instructions"

    public func addInstruction(taskId: Int, orderId: Int?, text: String, actor: Actor) async throws -> Instruction {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw StoreError.invalid(ValidationError(field: "text", "请填写批示内容")) }
        guard text.count <= TextLimits.longText else { throw StoreError.invalid(ValidationError(field: "text", "批示不能超过\(TextLimits.longText)个字")) }
        let task = try await self.task(id: taskId, zoneId: actor.zoneId)
        if let orderId, try await order(id: orderId, zoneId: actor.zoneId).taskId != taskId { throw StoreError.notFound(entity: "order", id: orderId) }
        return try await write { tx in
            let id = try await tx.raw("""
                INSERT INTO instructions (zone_id, task_id, order_id, unit_id, leader_name, text, created_at, version)
                VALUES (\(bind: actor.zoneId), \(bind: taskId), \(bind: orderId), \(bind: task.ownerUnitId), \(bind: actor.displayName), \(bind: text),
                  \(bind: Store.timestamp()), 1) RETURNING id
                """).row(IDRow.self)!.id
            let after = try await tx.raw(Store.instructionColumns + " WHERE id = \(bind: id)").row(Instruction.self)!
            try await Store.audit(tx, actor: actor, action: .create, entity: "instruction", id: id, before: Optional<Instruction>.none, after: after)
            return after
        }
    }

    /// The owner unit's answer (落实情况); refused from another unit, or if someone answered since `version`.
    public func answerInstruction(id: Int, version: Int, text: String, actor: Actor) async throws -> Instruction {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw StoreError.invalid(ValidationError(field: "answer", "请填写落实情况")) }
        guard text.count <= TextLimits.longText else { throw StoreError.invalid(ValidationError(field: "answer", "落实情况不能超过\(TextLimits.longText)个字")) }
        guard let before = try await sql.raw(Store.instructionColumns + " WHERE id = \(bind: id) AND zone_id = \(bind: actor.zoneId)").row(Instruction.self) else {
            throw StoreError.notFound(entity: "instruction", id: id)
        }
        if actor.unitId != before.unitId {
            throw StoreError.invalid(ValidationError(field: "unit", "这条批示不是给本单位的，只有责任单位可以答复"))
        }
        return try await write { tx in
            guard try await tx.raw("""
                UPDATE instructions SET answer = \(bind: text), answered_by_name = \(bind: actor.displayName), answered_at = \(bind: Store.timestamp()),
                  version = version + 1 WHERE id = \(bind: id) AND zone_id = \(bind: actor.zoneId) AND version = \(bind: version) RETURNING id
                """).row(IDRow.self) != nil else { throw StoreError.conflict(entity: "instruction", id: id, current: before.version + 1) }
            let after = try await tx.raw(Store.instructionColumns + " WHERE id = \(bind: id)").row(Instruction.self)!
            try await Store.audit(tx, actor: actor, action: .update, entity: "instruction", id: id, before: before, after: after)
            return after
        }
    }

    /// Instructions on a task, or all of a unit's still unanswered, newest first.
    public func instructions(zoneId: Int, taskId: Int? = nil, unitId: Int? = nil, unansweredOnly: Bool = false) async throws -> [Instruction] {
        var q = Store.instructionColumns + " WHERE zone_id = \(bind: zoneId)"
        if let taskId { q += " AND task_id = \(bind: taskId)" }
        if let unitId { q += " AND unit_id = \(bind: unitId)" }
        if unansweredOnly { q += " AND answered_at IS NULL" }
        return try await sql.raw(q + " ORDER BY id DESC LIMIT 500").rows(Instruction.self)
    }
}
