import Foundation

/// The brand level a reform aims at, and the level of a body that adopts or promotes its results, lowest first:
/// 全市争前列 (city), 全省争进位 (province), 全国争品牌 (nation).
public enum BrandLevel: Int, Codable, Sendable, CaseIterable, Comparable {
    case city = 1, province, nation
    /// The positioning target, as the goal system names it.
    public var chineseName: String {
        switch self { case .city: return "全市争前列"; case .province: return "全省争进位"; case .nation: return "全国争品牌" }
    }
    /// The level of a body: 市级, 省级, 国家级.
    public var scopeName: String {
        switch self { case .city: return "市级"; case .province: return "省级"; case .nation: return "国家级" }
    }
    /// A stable name for storage and URLs.
    public var code: String {
        switch self { case .city: return "city"; case .province: return "province"; case .nation: return "nation" }
    }
    public init?(code: String) {
        guard let l = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = l
    }
    public static func < (a: BrandLevel, b: BrandLevel) -> Bool { a.rawValue < b.rawValue }
}

/// What a library entry is.
public enum ReformKind: String, Codable, Sendable, CaseIterable {
    /// 改革事项: a reform to carry out.
    case reform
    /// 课题攻关: a research topic to crack.
    case research
    public var chineseName: String { self == .reform ? "改革事项" : "课题攻关" }
}

/// One milestone of a reform's roadmap: its name, its deadline and, once reached, the day.
public struct ReformStage: Codable, Sendable, Equatable {
    public var name: String
    public var deadline: Day
    public var doneOn: Day?
    public init(name: String, deadline: Day, doneOn: Day? = nil) { self.name = name; self.deadline = deadline; self.doneOn = doneOn }
}

/// How a higher body took up a reform's result.
public enum OutcomeKind: String, Codable, Sendable, CaseIterable {
    /// 被采纳: a body adopted it (a proposal taken into a policy, a report taken up).
    case adopted
    /// 推广: a body promoted it as an example for others (经验做法被复制推广).
    case promoted
    public var chineseName: String { self == .adopted ? "被采纳" : "推广" }
}

/// 改革成果: one taking-up of a reform's result by a body at some level, with the proof.
public struct ReformOutcome: Codable, Sendable, Equatable {
    public var kind: OutcomeKind
    public var level: BrandLevel
    /// The body, e.g. 省发展改革委 or 国务院办公厅.
    public var body: String
    public var day: Day
    /// What proves it: the document, the bulletin issue, the notice number.
    public var evidence: String
    public init(kind: OutcomeKind, level: BrandLevel, body: String, day: Day, evidence: String = "") {
        self.kind = kind; self.level = level; self.body = body; self.day = day; self.evidence = evidence
    }
    /// e.g. "省级推广（省发展改革委，2026-09-15）".
    public var label: String { "\(level.scopeName)\(kind.chineseName)（\(body)，\(day.iso)）" }
}

/// 改革项目库的一项: a reform or a research topic, aimed at a brand level, carried by a lead unit with co-units along a
/// roadmap of dated stages, with the outcomes it earned. Supervised like a task (`taskId`: the matrix task that carries
/// its reports and orders, when linked).
public struct ReformItem: Codable, Sendable, Equatable, Identifiable {
    public var id: Int
    public var title: String
    public var kind: ReformKind
    public var target: BrandLevel
    public var leadUnitId: Int
    public var coUnitIds: [Int]
    /// The years the roadmap runs over; every stage's deadline falls within them.
    public var firstYear: Int
    public var lastYear: Int
    /// In date order of deadlines.
    public var stages: [ReformStage]
    public var outcomes: [ReformOutcome]
    public var taskId: Int?
    public var version: Int
    public init(id: Int, title: String, kind: ReformKind, target: BrandLevel, leadUnitId: Int, coUnitIds: [Int] = [], firstYear: Int, lastYear: Int? = nil,
                stages: [ReformStage], outcomes: [ReformOutcome] = [], taskId: Int? = nil, version: Int = 1) {
        self.id = id; self.title = title; self.kind = kind; self.target = target; self.leadUnitId = leadUnitId; self.coUnitIds = coUnitIds
        self.firstYear = firstYear; self.lastYear = lastYear ?? firstYear; self.stages = stages; self.outcomes = outcomes; self.taskId = taskId
        self.version = version
    }

    /// At most five years from first to last.
    public static let maxYears = 5

    /// Trimmed and checked, the first broken rule thrown: a title (2–200 characters), a lead unit (dropped from the
    /// co-units, which are deduplicated and sorted), years in order spanning at most `maxYears`, at least one stage,
    /// each named and due within the years, deadlines in date order (equal days allowed), no stage done after `today`,
    /// and outcomes each with a body and a day not after `today`.
    public func validated(today: Day) throws -> ReformItem {
        func t(_ s: String) -> String { s.trimmingCharacters(in: .whitespacesAndNewlines) }
        var r = self
        r.title = t(title)
        guard r.title.count >= 2, r.title.count <= TextLimits.title else { throw ValidationError(field: "title", "请填写项目名称（2到\(TextLimits.title)字）") }
        guard leadUnitId > 0 else { throw ValidationError(field: "leadUnitId", "请选择牵头单位") }
        r.coUnitIds = Array(Set(coUnitIds).subtracting([leadUnitId])).sorted()
        guard (2000...2100).contains(firstYear) else { throw ValidationError(field: "firstYear", "开始年度须在2000到2100年之间") }
        guard firstYear <= lastYear else { throw ValidationError(field: "lastYear", "结束年度不能早于开始年度") }
        guard lastYear - firstYear < Self.maxYears else { throw ValidationError(field: "lastYear", "实施周期不能超过\(Self.maxYears)年") }
        guard !stages.isEmpty else { throw ValidationError(field: "stages", "请至少设置一个阶段节点") }
        let years = firstYear == lastYear ? "\(firstYear)年" : "\(firstYear)—\(lastYear)年"
        for i in stages.indices {
            let n = i + 1
            r.stages[i].name = t(stages[i].name)
            guard !r.stages[i].name.isEmpty, r.stages[i].name.count <= TextLimits.name else {
                throw ValidationError(field: "stages[\(i)].name", "请填写第\(n)个阶段的名称（不超过\(TextLimits.name)字）")
            }
            let d = stages[i].deadline
            guard (firstYear...lastYear).contains(d.year) else {
                throw ValidationError(field: "stages[\(i)].deadline", "第\(n)个阶段“\(r.stages[i].name)”的截止日期\(d.iso)不在实施年度（\(years)）内")
            }
            if i > 0, d < stages[i - 1].deadline {
                throw ValidationError(field: "stages[\(i)].deadline", "阶段须按时间先后排列：第\(n)个阶段“\(r.stages[i].name)”的截止日期\(d.iso)早于上一阶段的\(stages[i - 1].deadline.iso)")
            }
            if let done = stages[i].doneOn, done > today {
                throw ValidationError(field: "stages[\(i)].doneOn", "第\(n)个阶段的完成日期不能晚于今天")
            }
        }
        for i in outcomes.indices {
            r.outcomes[i].body = t(outcomes[i].body)
            r.outcomes[i].evidence = t(outcomes[i].evidence)
            guard !r.outcomes[i].body.isEmpty, r.outcomes[i].body.count <= TextLimits.name else {
                throw ValidationError(field: "outcomes[\(i)].body", "请填写采纳或推广成果的单位（不超过\(TextLimits.name)字）")
            }
            guard outcomes[i].day <= today else { throw ValidationError(field: "outcomes[\(i)].day", "成果日期不能晚于今天") }
            guard r.outcomes[i].evidence.count <= TextLimits.longText else {
                throw ValidationError(field: "outcomes[\(i)].evidence", "佐证说明不能超过\(TextLimits.longText)字")
            }
        }
        return r
    }

    /// The stage at `index` marked done on `day`: stages are reached in order (every earlier one done, on or before
    /// `day`), never twice, and not after `today`.
    public func markingDone(stage index: Int, on day: Day, today: Day) throws -> ReformItem {
        guard stages.indices.contains(index) else { throw ValidationError(field: "stage", "没有这个阶段") }
        let name = stages[index].name
        guard stages[index].doneOn == nil else { throw ValidationError(field: "stage", "阶段“\(name)”已经完成") }
        guard day <= today else { throw ValidationError(field: "doneOn", "完成日期不能晚于今天") }
        if index > 0 {
            guard let before = stages[index - 1].doneOn else {
                throw ValidationError(field: "stage", "请先完成上一阶段“\(stages[index - 1].name)”")
            }
            guard before <= day else { throw ValidationError(field: "doneOn", "完成日期不能早于上一阶段的完成日期\(before.iso)") }
        }
        var r = self
        r.stages[index].doneOn = day
        return r
    }

    /// Whether an outcome at or above the target level has been earned.
    public var targetReached: Bool { outcomes.contains { $0.level >= target } }

    /// Where the roadmap stands on `today` (see `ReformProgress`).
    public func progress(today: Day, calendar: WorkCalendar) -> ReformProgress {
        ReformProgress(item: self, today: today, calendar: calendar)
    }
}

/// A reform's roadmap on a day. A deadline that falls on a rest day moves to the next working day (a term ending on a
/// holiday ends on the day after it, 民法典第二百零三条); lateness is counted in working days after that day, up to the
/// day the stage was done or, still open, up to today.
public struct ReformProgress: Sendable, Equatable {
    public struct Late: Sendable, Equatable {
        /// The stage's position in the roadmap, from 0.
        public var index: Int
        public var name: String
        public var deadline: Day
        /// Nil: still not done.
        public var doneOn: Day?
        /// Working days after the (working-day) deadline up to the day done or today; 0 when only rest days have passed.
        public var workdaysLate: Int
        public init(index: Int, name: String, deadline: Day, doneOn: Day?, workdaysLate: Int) {
            self.index = index; self.name = name; self.deadline = deadline; self.doneOn = doneOn; self.workdaysLate = workdaysLate
        }
    }
    public let done: Int
    public let total: Int
    /// The first stage not done (in roadmap order), with its deadline; nil when all are done.
    public let nextIndex: Int?
    public let nextName: String?
    public let nextDeadline: Day?
    /// Working days from tomorrow up to and including the next deadline (0 when it is today or past).
    public let workdaysToNext: Int?
    /// Every stage done after its deadline or still open after it, in roadmap order.
    public let late: [Late]

    public init(item: ReformItem, today: Day, calendar: WorkCalendar) {
        var late: [Late] = []
        var next: Int?
        for (i, s) in item.stages.enumerated() {
            let due = calendar.workday(onOrAfter: s.deadline)
            if s.doneOn == nil && next == nil { next = i }
            let end = s.doneOn ?? today
            if end > due {
                late.append(Late(index: i, name: s.name, deadline: s.deadline, doneOn: s.doneOn,
                                 workdaysLate: calendar.workdays(from: due.adding(days: 1), to: end)))
            }
        }
        done = item.stages.filter { $0.doneOn != nil }.count
        total = item.stages.count
        nextIndex = next
        nextName = next.map { item.stages[$0].name }
        nextDeadline = next.map { item.stages[$0].deadline }
        workdaysToNext = next.map { calendar.workdays(from: today.adding(days: 1), to: calendar.workday(onOrAfter: item.stages[$0].deadline)) }
        self.late = late
    }

    /// Stages still open past their deadline.
    public var overdueOpen: [Late] { late.filter { $0.doneOn == nil } }
    public var isComplete: Bool { done == total }
}
