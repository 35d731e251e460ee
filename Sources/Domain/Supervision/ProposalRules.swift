import Foundation

/// When the system proposes a 督办单 by itself (the office still decides: a proposal becomes an order in
/// status `proposed`, to be issued or cancelled).
public struct ProposalRules: Codable, Sendable, Equatable {
    /// Propose for a red (严重滞后) or overdue (已逾期) task.
    public var onRed: Bool
    /// Propose after this many consecutive missed reports; 0 = off.
    public var missingReports: Int
    /// The level proposed orders start at.
    public var level: EscalationLevel

    public init(onRed: Bool = true, missingReports: Int = 2, level: EscalationLevel = .supervision) {
        self.onRed = onRed
        self.missingReports = missingReports
        self.level = level
    }

    public static let standard = ProposalRules()

    public func validate() throws {
        guard (0...12).contains(missingReports) else {
            throw ValidationError(field: "missingReports", "连续未交账期数须在0到12之间（0为不启用）")
        }
    }

    /// One proposal per task that meets a rule, in input order. Never for a task that already has an
    /// open order, nor for a suspended or finished one. A task meeting both rules gets one proposal
    /// with both reasons.
    public static func proposals(tasks: [ProposalInput], rules: ProposalRules) -> [Proposal] {
        tasks.compactMap { t in
            if t.hasOpenOrder { return nil }
            switch t.light {
            case .suspended, .done, .doneLate: return nil
            default: break
            }
            var reasons: [String] = []
            if rules.onRed && (t.light == .red || t.light == .overdue) {
                reasons.append(t.light == .red ? "红灯：\(Light.red.chineseName)" : Light.overdue.chineseName)
            }
            if rules.missingReports > 0 && t.missedPeriods >= rules.missingReports {
                reasons.append("连续\(t.missedPeriods)期未交账")
            }
            if reasons.isEmpty { return nil }
            return Proposal(taskId: t.taskId, unitId: t.unitId, reason: reasons.joined(separator: "；"), level: rules.level)
        }
    }
}

/// What the proposal rules need to know about a task today.
public struct ProposalInput: Codable, Sendable, Equatable {
    public var taskId: Int
    /// The owner unit, who would receive the order.
    public var unitId: Int
    public var light: Light
    /// Consecutive periods up to now without a report.
    public var missedPeriods: Int
    /// An order not yet closed or cancelled exists for the task.
    public var hasOpenOrder: Bool

    public init(taskId: Int, unitId: Int, light: Light, missedPeriods: Int, hasOpenOrder: Bool) {
        self.taskId = taskId
        self.unitId = unitId
        self.light = light
        self.missedPeriods = missedPeriods
        self.hasOpenOrder = hasOpenOrder
    }
}

/// A suggested order: for the office to issue or drop.
public struct Proposal: Codable, Sendable, Equatable {
    public var taskId: Int
    public var unitId: Int
    /// Why, in Chinese, e.g. "红灯：严重滞后" or "连续2期未交账".
    public var reason: String
    public var level: EscalationLevel

    public init(taskId: Int, unitId: Int, reason: String, level: EscalationLevel) {
        self.taskId = taskId
        self.unitId = unitId
        self.reason = reason
        self.level = level
    }
}
