import Foundation

/// 月通报: the month's bulletin as issued. Everything in it is computed once, when it is issued, and
/// kept as it is (frozen), so a later change to tasks or reports does not rewrite what was published.
public struct Bulletin: Codable, Sendable, Equatable {
    /// "2026-11".
    public var month: String
    /// 第N期 within the year.
    public var number: Int
    public var title: String
    /// 发文机关, e.g. "示范高新区管委会督查室".
    public var issuingBody: String
    public var issuedOn: Day
    /// The day the figures were taken (the month's last day, or the issue day if earlier).
    public var asOf: Day
    public var overall: Overall
    public var plans: [PlanLine]
    public var units: [UnitLine]
    public var redList: [RedLine]
    public var orders: OrderFigures

    public struct Overall: Codable, Sendable, Equatable {
        public var tasks: Int
        public var done: Int
        public var doneLate: Int
        public var red: Int
        public var overdue: Int
        public var yellow: Int
        /// Weighted percent done, 0…100.
        public var percentDone: Double
        public var reportsExpected: Int
        public var reportsOnTime: Int
        public var reportsLate: Int
        public var reportsMissing: Int
    }

    public struct PlanLine: Codable, Sendable, Equatable {
        public var seq: Int
        public var name: String
        public var leader: String
        public var leadUnit: String
        public var tasks: Int
        public var done: Int
        public var red: Int
        public var percentDone: Double
    }

    /// A unit's month: its tasks, its reports, its rank. Rates are nil when there is nothing to rate.
    public struct UnitLine: Codable, Sendable, Equatable {
        public var unitId: Int
        public var name: String
        public var tasks: Int
        /// Tasks due by the as-of day, and those of them done by their deadline.
        public var due: Int
        public var doneOnTime: Int
        public var red: Int
        public var reportsExpected: Int
        public var reportsOnTime: Int
        public var reportsLate: Int
        public var reportsMissing: Int
        public var onTimeReportRate: Double?
        public var completionRate: Double?
        /// 1 = best; units with equal rates share a rank.
        public var rank: Int
    }

    public struct RedLine: Codable, Sendable, Equatable {
        public var taskId: Int
        public var title: String
        public var unit: String
        public var deadline: Day
        public var percentDone: Int
        public var light: Light
    }

    public struct OrderFigures: Codable, Sendable, Equatable {
        /// Issued in the month.
        public var opened: Int
        /// Closed (办结) in the month.
        public var closed: Int
        /// Still open at the as-of day, and of them past their reply deadline.
        public var openAtEnd: Int
        public var overdue: Int
    }
}
