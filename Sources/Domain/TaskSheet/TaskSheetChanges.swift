import Foundation

/// What importing a task sheet would do, worked out before anything is written: the plans and work points it adds,
/// the tasks it creates and changes (each change field by field), the rows that change nothing. The preview shows
/// it; the store applies it in one transaction; `fingerprint` ties the two together, so a sheet applied after
/// someone else changed the same tasks is refused instead of overwriting them.
public struct TaskSheetChanges: Sendable, Equatable {
    public enum PlanRef: Sendable, Equatable, Hashable { case existing(Int), new(Int) }
    public enum WorkPointRef: Sendable, Equatable, Hashable { case existing(Int), new(Int) }
    /// A predecessor: a task already in the database, or the n-th task this import creates.
    public enum TaskRef: Sendable, Equatable, Hashable { case existing(Int), created(Int) }

    public struct NewPlan: Sendable, Equatable {
        public let line: Int
        public let name: String
        public let leaderId: Int?
    }
    public struct NewWorkPoint: Sendable, Equatable {
        public let line: Int
        public let plan: PlanRef
        public let title: String
    }
    /// An existing plan whose leader in charge the sheet names differently.
    public struct LeaderChange: Sendable, Equatable {
        public let line: Int
        public let plan: Plan
        public let leaderId: Int?
    }
    public struct Create: Sendable, Equatable {
        public let line: Int
        /// The task to insert; its `workPointId` is meaningful only for `.existing` work points, its id is 0.
        public let task: TaskItem
        public let workPoint: WorkPointRef
        public let predecessors: [TaskRef]
    }
    /// One changed field as the preview shows it.
    public struct FieldChange: Sendable, Equatable {
        public let field: String
        public let before: String
        public let after: String
    }
    public struct Update: Sendable, Equatable {
        public let line: Int
        public let before: TaskItem
        /// The task after the change, with `version` still the one read (the store's check).
        public let after: TaskItem
        public let workPoint: WorkPointRef
        public let predecessors: [TaskRef]
        public let fields: [FieldChange]
    }

    public var year: Int
    public var newPlans: [NewPlan] = []
    public var newWorkPoints: [NewWorkPoint] = []
    public var leaderChanges: [LeaderChange] = []
    public var creates: [Create] = []
    public var updates: [Update] = []
    /// Sheet lines whose task is already exactly as the row says.
    public var unchanged: [Int] = []
    /// What the reader did that the user should know (a second unit in 责任单位 read as a co-unit, …).
    public var notes: [String] = []

    public var changesNothing: Bool { newPlans.isEmpty && newWorkPoints.isEmpty && leaderChanges.isEmpty && creates.isEmpty && updates.isEmpty }

    /// A short hash of everything the import would write and of the versions it read: equal for the preview and the
    /// apply exactly when nothing changed in between.
    public var fingerprint: String {
        var text = "\(year)\n"
        for p in newPlans { text += "P\(p.name)|\(p.leaderId ?? 0)\n" }
        for w in newWorkPoints { text += "W\(w.plan)|\(w.title)\n" }
        for l in leaderChanges { text += "L\(l.plan.id)|\(l.plan.version)|\(l.leaderId ?? 0)\n" }
        for c in creates { text += "C\(c.line)|\(c.workPoint)|\(Self.describe(c.task))|\(c.predecessors)\n" }
        for u in updates { text += "U\(u.line)|\(u.before.id)|\(u.before.version)|\(u.workPoint)|\(Self.describe(u.after))|\(u.predecessors)\n" }
        text += "N\(unchanged)"
        var hash: UInt64 = 0xcbf29ce484222325
        for b in text.utf8 { hash = (hash ^ UInt64(b)) &* 0x100000001b3 }
        return String(hash, radix: 16)
    }

    static func describe(_ t: TaskItem) -> String {
        [t.kind.rawValue, t.title, "\(t.ownerUnitId)", "\(t.coUnitIds)", t.responsiblePerson, t.deliverable, t.acceptanceStandard,
         "\(t.weight)", t.plannedStart.iso, t.deadline.iso, "\(t.durationDays)", "\(t.predecessorIds)"].joined(separator: "|")
    }
}
