import Foundation

/// 单位: a department, sub-district office or platform of the zone.
public struct OrgUnit: Codable, Sendable, Equatable, Identifiable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case department, subdistrict, platform
        public var chineseName: String {
            switch self {
            case .department: return "职能部门"
            case .subdistrict: return "街道办事处"
            case .platform: return "平台公司"
            }
        }
    }
    public var id: Int
    public var name: String
    public var shortName: String
    public var kind: Kind
    public var sortOrder: Int
    public var archived: Bool
    public var version: Int
    public init(id: Int, name: String, shortName: String, kind: Kind, sortOrder: Int, archived: Bool = false, version: Int = 1) {
        self.id = id; self.name = name; self.shortName = shortName; self.kind = kind
        self.sortOrder = sortOrder; self.archived = archived; self.version = version
    }
}

/// 目标定位: one of the year's five positioning targets (三争一创 and 争创国家级).
public struct PositioningTarget: Codable, Sendable, Equatable, Identifiable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case cityTop = "city_top", provinceClimb = "province_climb", nationalBrand = "national_brand",
             singleFirst = "single_first", nationalLevel = "national_level"
        public var chineseName: String {
            switch self {
            case .cityTop: return "全市争前列"
            case .provinceClimb: return "全省争进位"
            case .nationalBrand: return "全国争品牌"
            case .singleFirst: return "单项争第一"
            case .nationalLevel: return "争创国家级"
            }
        }
    }
    public var id: Int
    public var year: Int
    public var kind: Kind
    public var statement: String
    /// Set by the indicators capability once the target is measured as a rank.
    public var indicatorId: Int?
    public var version: Int
    public init(id: Int, year: Int, kind: Kind, statement: String, indicatorId: Int? = nil, version: Int = 1) {
        self.id = id; self.year = year; self.kind = kind; self.statement = statement
        self.indicatorId = indicatorId; self.version = version
    }
}

/// 计划: one of the year's ten plans.
public struct Plan: Codable, Sendable, Equatable, Identifiable {
    public var id: Int
    public var year: Int
    public var seq: Int
    public var name: String
    public var goal: String
    /// 分管领导 (a user id).
    public var leaderId: Int?
    /// 牵头单位.
    public var leadUnitId: Int?
    /// 配合单位.
    public var coUnitIds: [Int]
    public var archived: Bool
    public var version: Int
    public init(id: Int, year: Int, seq: Int, name: String, goal: String, leaderId: Int?, leadUnitId: Int?, coUnitIds: [Int], archived: Bool = false, version: Int = 1) {
        self.id = id; self.year = year; self.seq = seq; self.name = name; self.goal = goal
        self.leaderId = leaderId; self.leadUnitId = leadUnitId; self.coUnitIds = coUnitIds
        self.archived = archived; self.version = version
    }
}

/// 工作要点: a work point under a plan, with its goal statement.
public struct WorkPoint: Codable, Sendable, Equatable, Identifiable {
    public var id: Int
    public var planId: Int
    public var seq: Int
    public var title: String
    public var goal: String
    public var leadUnitId: Int?
    public var archived: Bool
    public var version: Int
    public init(id: Int, planId: Int, seq: Int, title: String, goal: String, leadUnitId: Int?, archived: Bool = false, version: Int = 1) {
        self.id = id; self.planId = planId; self.seq = seq; self.title = title; self.goal = goal
        self.leadUnitId = leadUnitId; self.archived = archived; self.version = version
    }
}

/// 任务 or 节点 (milestone). Named `TaskItem` in code because `Task` is Swift's concurrency type.
public struct TaskItem: Codable, Sendable, Equatable, Identifiable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case task, milestone
        public var chineseName: String { self == .task ? "任务" : "节点" }
    }
    public enum Status: String, Codable, Sendable, CaseIterable {
        case notStarted = "not_started", inProgress = "in_progress", done, suspended
        public var chineseName: String {
            switch self {
            case .notStarted: return "未开始"
            case .inProgress: return "推进中"
            case .done: return "已完成"
            case .suspended: return "已暂停"
            }
        }
    }
    public var id: Int
    public var planId: Int
    public var workPointId: Int
    public var seq: Int
    public var kind: Kind
    public var title: String
    /// 责任单位 (the owner).
    public var ownerUnitId: Int
    /// 配合单位.
    public var coUnitIds: [Int]
    /// 责任人.
    public var responsiblePerson: String
    /// 成果形式.
    public var deliverable: String
    /// 验收标准.
    public var acceptanceStandard: String
    public var weight: Double
    public var plannedStart: Day
    public var deadline: Day
    /// Duration in working days of the official calendar (0 for a milestone).
    public var durationDays: Int
    public var predecessorIds: [Int]
    public var percentDone: Int
    public var status: Status
    /// The day it was reported done.
    public var doneOn: Day?
    public var archived: Bool
    public var version: Int

    public init(id: Int, planId: Int, workPointId: Int, seq: Int, kind: Kind, title: String, ownerUnitId: Int,
                coUnitIds: [Int], responsiblePerson: String, deliverable: String, acceptanceStandard: String,
                weight: Double, plannedStart: Day, deadline: Day, durationDays: Int, predecessorIds: [Int],
                percentDone: Int, status: Status, doneOn: Day?, archived: Bool = false, version: Int = 1) {
        self.id = id; self.planId = planId; self.workPointId = workPointId; self.seq = seq; self.kind = kind
        self.title = title; self.ownerUnitId = ownerUnitId; self.coUnitIds = coUnitIds
        self.responsiblePerson = responsiblePerson; self.deliverable = deliverable
        self.acceptanceStandard = acceptanceStandard; self.weight = weight; self.plannedStart = plannedStart
        self.deadline = deadline; self.durationDays = durationDays; self.predecessorIds = predecessorIds
        self.percentDone = percentDone; self.status = status; self.doneOn = doneOn
        self.archived = archived; self.version = version
    }
}
