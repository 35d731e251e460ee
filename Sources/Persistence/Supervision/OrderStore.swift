import Domain
import Foundation
import SQLKit

/// A 督办单 as stored: on one task (addressed to the task's owner unit) or one enterprise appeal (addressed to its
/// lead unit), at one level of the ladder.
public struct SupervisionOrder: Codable, Sendable, Equatable, Identifiable {
    public enum Source: String, Codable, Sendable { case manual, auto }
    public let id: Int
    /// The task supervised, or nil when the order is about an appeal.
    public let taskId: Int?
    public let appealId: Int?
    /// The safety hazard, for an order about a rectification past its deadline.
    public let hazardId: Int?
    public let receivingUnitId: Int
    public let issuingUnit: String
    public let level: EscalationLevel
    public let source: Source
    /// Why it was opened (the proposal's reason, or the office's own words).
    public let reason: String
    public let requiredActions: String
    public let replyWorkdays: Int
    /// Assessment points this order costs the receiving unit (the zone's policy for its level when issued).
    public let deduction: Double
    /// Leaders in charge copied (抄送), by name.
    public let leadersCopied: [String]
    public let status: OrderStatus
    public let issuedOn: Day?
    public let replyDue: Day?
    public let answer: String
    public let createdByName: String
    public let createdAt: String
    public let closedAt: String?
    public let version: Int

    public var isOpen: Bool { !status.isFinal }
}

/// One step of an order's (or an appeal's) lifecycle, as it happened.
public struct OrderEvent: Codable, Sendable, Equatable {
    public let at: String
    public let action: String
    public let actorName: String
    public let fromStatus: String
    public let toStatus: String
    public let text: String
}

/// What the office writes when it opens an order by hand.
public struct OrderDraft: Sendable {
    public var taskId: Int
    public var level: EscalationLevel
    public var reason: String
    public var requiredActions: String
    /// Working days to reply; nil = the policy's number for the level.
    public var replyWorkdays: Int?
    public init(taskId: Int, level: EscalationLevel, reason: String, requiredActions: String, replyWorkdays: Int? = nil) {
        self.taskId = taskId; self.level = level; self.reason = reason; self.requiredActions = requiredActions; self.replyWorkdays = replyWorkdays
    }
}

public struct OrderFilter: Sendable {
    public var open: Bool?
    public var unitId: Int?
    public var taskId: Int?
    public var appealId: Int?
    public var hazardId: Int?
    public var limit: Int
    public init(open: Bool? = nil, unitId: Int? = nil, taskId: Int? = nil, appealId: Int? = nil, hazardId: Int? = nil, limit: Int = 500) {
        self.open = open; self.unitId = unitId; self.taskId = taskId; self.appealId = appealId; self.hazardId = hazardId; self.limit = limit
    }
}

extension Store {
    struct OrderRow: Decodable {
        let id: Int; let taskId: Int?; let appealId: Int?; let hazardId: Int?; let receivingUnitId: Int; let issuingUnit: String; let level: String; let source: String; let reason: String
        let requiredActions: String; let replyWorkdays: Int; let deduction: Double; let leadersCopied: String; let status: String
        let issuedOn: String?; let replyDue: String?; let answer: String; let createdByName: String; let createdAt: String; let closedAt: String?
        let version: Int
        var order: SupervisionOrder {
            SupervisionOrder(id: id, taskId: taskId, appealId: appealId, hazardId: hazardId, receivingUnitId: receivingUnitId, issuingUnit: issuingUnit,
                             level: EscalationLevel(code: level) ?? .supervision, source: .init(rawValue: source) ?? .manual, reason: reason,
                             requiredActions: requiredActions, replyWorkdays: replyWorkdays, deduction: deduction,
                             leadersCopied: leadersCopied.split(separator: "、").map(String.init), status: OrderStatus(rawValue: status) ?? .issued,
                             issuedOn: issuedOn.flatMap(Day.init(iso:)), replyDue: replyDue.flatMap(Day.init(iso:)), answer: answer,
                             createdByName: createdByName, createdAt: createdAt, closedAt: closedAt, version: version)
        }
    }
    static let orderColumns: SQLQueryString = """
        SELECT id, task_id, appeal_id, hazard_id, receiving_unit_id, issuing_unit, level, source, reason, required_actions, reply_workdays, deduction, leaders_copied,
          status, issued_on, reply_due, answer, created_by_name, created_at, closed_at, version FROM supervision_orders
        """
    static let openStatuses = [OrderStatus.proposed, .issued, .signed, .answered].map(\.rawValue)

    public func order(id: Int, zoneId: Int) async throws -> SupervisionOrder {
        guard let r = try await sql.raw(Store.orderColumns + " WHERE id = \(bind: id) AND zone_id = \(bind: zoneId)").row(OrderRow.self) else {
            throw StoreError.notFound(entity: "order", id: id)
        }
        return r.order
    }

    /// Orders, newest first.
    public func orders(zoneId: Int, _ f: OrderFilter = OrderFilter()) async throws -> [SupervisionOrder] {
        var q = Store.orderColumns + " WHERE zone_id = \(bind: zoneId)"
        if let open = f.open { q += open ? " AND status IN (\(binds: Store.openStatuses))" : " AND status NOT IN (\(binds: Store.openStatuses))" }
        if let u = f.unitId { q += " AND receiving_unit_id = \(bind: u)" }
        if let t = f.taskId { q += " AND task_id = \(bind: t)" }
        if let a = f.appealId { q += " AND appeal_id = \(bind: a)" }
        if let h = f.hazardId { q += " AND hazard_id = \(bind: h)" }
        return try await sql.raw(q + " ORDER BY id DESC LIMIT \(bind: f.limit)").rows(OrderRow.self).map(\.order)
    }

    /// Task ids with an order still open (no second proposal for them).
    public func tasksWithOpenOrders(zoneId: Int) async throws -> Set<Int> {
        struct R: Decodable { let taskId: Int }
        return Set(try await sql.raw("SELECT DISTINCT task_id FROM supervision_orders WHERE zone_id = \(bind: zoneId) AND task_id IS NOT NULL AND status IN (\(binds: Store.openStatuses))")
            .rows(R.self).map(\.taskId))
    }

    public func orderEvents(orderId: Int, zoneId: Int) async throws -> [OrderEvent] {
        try await sql.raw("SELECT at, action, actor_name, from_status, to_status, text FROM order_events WHERE order_id = \(bind: orderId) AND zone_id = \(bind: zoneId) ORDER BY id")
            .rows(OrderEvent.self)
    }

    /// Opens an order on a task: issued at once (by hand) or proposed (by the rules), at the policy's
    /// deduction and reply days for its level; leaders in charge are copied from the policy's level up.
    public func openOrder(_ d: OrderDraft, source: SupervisionOrder.Source, issuingUnit: String, leaderNames: [String], policy: EscalationPolicy,
                          actor: Actor, today: Day, calendar: WorkCalendar) async throws -> SupervisionOrder {
        let task = try await self.task(id: d.taskId, zoneId: actor.zoneId)
        guard !task.archived else { throw StoreError.invalid(ValidationError(field: "taskId", "任务已归档，不能督办")) }
        let reason = d.reason.trimmingCharacters(in: .whitespacesAndNewlines), actions = d.requiredActions.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !actions.isEmpty else { throw StoreError.invalid(ValidationError(field: "requiredActions", "请写明督办要求")) }
        guard actions.count <= TextLimits.longText, reason.count <= TextLimits.longText else {
            throw StoreError.invalid(ValidationError(field: "requiredActions", "督办要求和事由均不能超过\(TextLimits.longText)个字"))
        }
        let days = d.replyWorkdays ?? policy.replyWorkdays(for: d.level)
        guard (1...60).contains(days) else { throw StoreError.invalid(ValidationError(field: "replyWorkdays", "反馈时限须为1到60个工作日")) }
        return try await insertOrder(taskId: task.id, receivingUnitId: task.ownerUnitId, level: d.level, reason: reason, actions: actions,
                                     days: days, source: source, issuingUnit: issuingUnit, leaderNames: leaderNames, policy: policy, actor: actor, today: today,
                                     calendar: calendar)
    }

    /// A proposal the background rules make about something other than a task (an overdue appeal stage or hazard).
    public struct AutoOrder: Sendable {
        public var appealId: Int?
        public var appealStage: AppealStage?
        public var hazardId: Int?
        public var receivingUnitId: Int
        public var level: EscalationLevel
        public var reason: String
        public var requiredActions: String
        public init(appealId: Int? = nil, appealStage: AppealStage? = nil, hazardId: Int? = nil, receivingUnitId: Int, level: EscalationLevel, reason: String,
                    requiredActions: String) {
            self.appealId = appealId; self.appealStage = appealStage; self.hazardId = hazardId; self.receivingUnitId = receivingUnitId; self.level = level
            self.reason = reason; self.requiredActions = requiredActions
        }
    }

    /// Many proposed orders in one transaction (one audit flush, one bump of the zone's data version), as the
    /// background job raises them: a backlog of overdue appeals must not become thousands of separate writes.
    public func openProposedOrders(_ items: [AutoOrder], issuingUnit: String, policy: EscalationPolicy, actor: Actor) async throws -> Int {
        guard !items.isEmpty else { return 0 }
        return try await write { tx in
            let now = Store.timestamp()
            let audit = AuditBuffer()
            for o in items {
                let days = policy.replyWorkdays(for: o.level)
                let id = try await tx.raw("""
                    INSERT INTO supervision_orders (zone_id, task_id, appeal_id, appeal_stage, hazard_id, receiving_unit_id, issuing_unit, level, source, reason,
                      required_actions, reply_workdays, deduction, leaders_copied, status, answer, created_by_name, created_at, version, updated_at)
                    VALUES (\(bind: actor.zoneId), NULL, \(bind: o.appealId), \(bind: o.appealStage?.rawValue), \(bind: o.hazardId), \(bind: o.receivingUnitId),
                      \(bind: issuingUnit), \(bind: o.level.code), 'auto', \(bind: o.reason), \(bind: o.requiredActions), \(bind: days), \(bind: policy.deduction(o.level)),
                      '', 'proposed', '', \(bind: actor.displayName), \(bind: now), 1, \(bind: now)) RETURNING id
                    """).row(IDRow.self)!.id
                try await tx.raw("""
                    INSERT INTO order_events (zone_id, order_id, at, action, actor_name, from_status, to_status, text)
                    VALUES (\(bind: actor.zoneId), \(bind: id), \(bind: now), 'propose', \(bind: actor.displayName), '', 'proposed', \(bind: o.reason))
                    """).run()
                audit.add(actor: actor, action: .create, entity: "order", id: id, before: Optional<String>.none,
                          after: ["appealId": o.appealId.map(String.init), "hazardId": o.hazardId.map(String.init), "unit": String(o.receivingUnitId), "reason": o.reason])
            }
            try await audit.flush(tx)
            return items.count
        }
    }

    private func insertOrder(taskId: Int, receivingUnitId: Int, level: EscalationLevel, reason: String, actions: String, days: Int,
                             source: SupervisionOrder.Source, issuingUnit: String, leaderNames: [String], policy: EscalationPolicy, actor: Actor, today: Day,
                             calendar: WorkCalendar) async throws -> SupervisionOrder {
        let proposed = source == .auto
        let issuedOn: Day? = proposed ? nil : today
        let due = issuedOn.map { OrderClock.replyDue(issuedOn: $0, workdays: days, calendar: calendar) }
        let copied = policy.copiesLeaders(level) ? leaderNames : []
        let status: OrderStatus = proposed ? .proposed : .issued
        return try await write { tx in
            let now = Store.timestamp()
            let id = try await tx.raw("""
                INSERT INTO supervision_orders (zone_id, task_id, receiving_unit_id, issuing_unit, level, source, reason, required_actions, reply_workdays,
                  deduction, leaders_copied, status, issued_on, reply_due, answer, created_by_name, created_at, version, updated_at)
                VALUES (\(bind: actor.zoneId), \(bind: taskId), \(bind: receivingUnitId), \(bind: issuingUnit), \(bind: level.code), \(bind: source.rawValue),
                  \(bind: reason), \(bind: actions), \(bind: days), \(bind: policy.deduction(level)), \(bind: copied.joined(separator: "、")),
                  \(bind: status.rawValue), \(bind: issuedOn?.iso), \(bind: due?.iso), '', \(bind: actor.displayName), \(bind: now), 1, \(bind: now)) RETURNING id
                """).row(IDRow.self)!.id
            try await tx.raw("""
                INSERT INTO order_events (zone_id, order_id, at, action, actor_name, from_status, to_status, text)
                VALUES (\(bind: actor.zoneId), \(bind: id), \(bind: now), \(bind: proposed ? "propose" : OrderAction.issue.rawValue), \(bind: actor.displayName),
                  '', \(bind: status.rawValue), \(bind: proposed ? reason : actions))
                """).run()
            let order = try await tx.raw(Store.orderColumns + " WHERE id = \(bind: id)").row(OrderRow.self)!.order
            try await Store.audit(tx, actor: actor, action: .create, entity: "order", id: id, before: Optional<SupervisionOrder>.none, after: order)
            return order
        }
    }

    /// One step of the lifecycle, if the order is still at `version` and the step is legal for `party`.
    /// Issuing a proposed order starts its clock today; an answer is kept on the order; 退回 reopens feedback.
    public func act(orderId: Int, version: Int, action: OrderAction, party: OrderParty, text: String, actor: Actor, today: Day,
                    calendar: WorkCalendar) async throws -> SupervisionOrder {
        let before = try await order(id: orderId, zoneId: actor.zoneId)
        // Only the receiving unit signs and answers; the office does not answer for it. Field "unit" marks a refusal by who.
        if party == .receivingUnit, actor.unitId != before.receivingUnitId {
            throw StoreError.invalid(ValidationError(field: "unit", actor.unitId == nil ? "只有承办单位可以签收、反馈" : "这份督办单不是发给本单位的，不能签收或反馈"))
        }
        guard before.version == version else { throw StoreError.conflict(entity: "order", id: orderId, current: before.version) }
        let to: OrderStatus
        do { to = try OrderLifecycle.next(from: before.status, action: action, by: party, text: text) } catch let e as ValidationError { throw StoreError.invalid(e) }
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return try await write { tx in
            let now = Store.timestamp()
            var set: SQLQueryString = "status = \(bind: to.rawValue)"
            if action == .issue {
                set += ", issued_on = \(bind: today.iso), reply_due = \(bind: OrderClock.replyDue(issuedOn: today, workdays: before.replyWorkdays, calendar: calendar).iso)"
            }
            if action == .answer { set += ", answer = \(bind: text)" }
            // closed_on: the working calendar's day (the zone's today), which bulletins count by.
            if to.isFinal { set += ", closed_at = \(bind: now), closed_on = \(bind: today.iso)" }
            try await Store.versionedUpdate(tx, table: "supervision_orders", entity: "order", id: orderId, zoneId: actor.zoneId, version: version, set: set)
            try await tx.raw("""
                INSERT INTO order_events (zone_id, order_id, at, action, actor_name, from_status, to_status, text)
                VALUES (\(bind: actor.zoneId), \(bind: orderId), \(bind: now), \(bind: action.rawValue), \(bind: actor.displayName),
                  \(bind: before.status.rawValue), \(bind: to.rawValue), \(bind: text))
                """).run()
            let after = try await tx.raw(Store.orderColumns + " WHERE id = \(bind: orderId)").row(OrderRow.self)!.order
            try await Store.audit(tx, actor: actor, action: .update, entity: "order", id: orderId, before: before, after: after)
            return after
        }
    }

    /// 升级: raises an open order one step up the ladder; the new level's deduction and reply days apply
    /// and the clock restarts today (a proposed order stays proposed).
    public func escalate(orderId: Int, version: Int, reason: String, leaderNames: [String], policy: EscalationPolicy, actor: Actor, today: Day,
                         calendar: WorkCalendar) async throws -> SupervisionOrder {
        let before = try await order(id: orderId, zoneId: actor.zoneId)
        guard before.version == version else { throw StoreError.conflict(entity: "order", id: orderId, current: before.version) }
        guard before.isOpen else { throw StoreError.invalid(ValidationError(field: "action", "督办单已\(before.status.chineseName)，不能升级")) }
        guard let level = EscalationLevel.next(after: before.level) else {
            throw StoreError.invalid(ValidationError(field: "action", "已是最高一级（\(before.level.chineseName)），不能再升级"))
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw StoreError.invalid(ValidationError(field: "text", "升级时请写明理由")) }
        let days = policy.replyWorkdays(for: level)
        let copied = policy.copiesLeaders(level) ? leaderNames : []
        return try await write { tx in
            let now = Store.timestamp()
            var set: SQLQueryString = "level = \(bind: level.code), deduction = \(bind: policy.deduction(level)), reply_workdays = \(bind: days), leaders_copied = \(bind: copied.joined(separator: "、"))"
            if before.status != .proposed {
                set += ", issued_on = \(bind: today.iso), reply_due = \(bind: OrderClock.replyDue(issuedOn: today, workdays: days, calendar: calendar).iso)"
            }
            try await Store.versionedUpdate(tx, table: "supervision_orders", entity: "order", id: orderId, zoneId: actor.zoneId, version: version, set: set)
            try await tx.raw("""
                INSERT INTO order_events (zone_id, order_id, at, action, actor_name, from_status, to_status, text)
                VALUES (\(bind: actor.zoneId), \(bind: orderId), \(bind: now), 'escalate', \(bind: actor.displayName), \(bind: before.status.rawValue),
                  \(bind: before.status.rawValue), \(bind: "升级为\(level.chineseName)：" + reason))
                """).run()
            let after = try await tx.raw(Store.orderColumns + " WHERE id = \(bind: orderId)").row(OrderRow.self)!.order
            try await Store.audit(tx, actor: actor, action: .update, entity: "order", id: orderId, before: before, after: after)
            return after
        }
    }
}
