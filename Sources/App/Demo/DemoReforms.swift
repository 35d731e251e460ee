import Domain
import Foundation
import Persistence
import Vapor

/// The demo zone's reform library (深化改革品牌计划): six reforms and research topics from the plan's work points, each tied
/// to the plan's matrix task that carries it, with four stages over the year — most reached on time, some late, some
/// still open past their deadline — and three outcomes: a city body adopting one proposal, a province promoting one
/// reform (the same item's city adoption then set aside, 就高不重复), and a city bureau adopting a research result.
enum DemoReforms {
    struct Seed {
        let title: String, kind: ReformKind, target: BrandLevel, lead: String, coUnits: [String]
        /// A word of the plan task's title that carries this item.
        let task: String
        /// Days from each stage's deadline to the day it was done (negative: early); nil: not done.
        let done: [Int?]
    }

    static let seeds: [Seed] = [
        Seed(title: "工业项目“承诺制+标准地”审批改革", kind: .reform, target: .nation, lead: "行政审批服务局", coUnits: ["自然资源分局"],
             task: "承诺制", done: [-6, -3, -10, nil]),
        Seed(title: "“亩产效益”评价和产业用地弹性出让课题", kind: .research, target: .city, lead: "自然资源分局", coUnits: ["经济发展局"],
             task: "亩产效益", done: [-2, 12, nil, nil]),
        Seed(title: "产业链“链长制”运行机制课题", kind: .research, target: .province, lead: "经济发展局", coUnits: [],
             task: "链长制", done: [-8, -1, -4, nil]),
        Seed(title: "区域评估成果共享应用改革", kind: .reform, target: .city, lead: "规划建设局", coUnits: ["生态环境分局"],
             task: "区域评估", done: [5, nil, nil, nil]),
        Seed(title: "人才分类评价和“以赛引才”机制课题", kind: .research, target: .city, lead: "人力资源和社会保障局", coUnits: ["科技创新局"],
             task: "以赛引才", done: [-3, -5, 7, nil]),
        Seed(title: "改革项目月报和动态调整闭环管理机制", kind: .reform, target: .province, lead: "深化改革办公室", coUnits: ["督查考核办公室"],
             task: "月报", done: [-10, -7, -2, nil]),
    ]

    static let reformStages = ["制定改革实施方案", "开展改革试点", "评估试点成效", "形成制度成果并复制推广"]
    static let researchStages = ["确定课题和研究方案", "完成调研和中期成果", "形成研究报告和政策建议", "结题验收和成果转化"]

    /// (item index, kind, level, body, month, day, evidence)
    static let outcomes: [(Int, OutcomeKind, BrandLevel, String, Int, Int, String)] = [
        (0, .adopted, .city, "市人民政府办公室", 6, 20, "市政府办公室《关于推行工业项目“承诺制+标准地”改革的实施意见》采纳本区改革方案"),
        (0, .promoted, .province, "省发展改革委", 9, 15, "省发展改革委《关于复制推广全省营商环境创新经验做法的通知》（第二批）列入本区做法"),
        (2, .adopted, .city, "市工业和信息化局", 8, 10, "市工信局采纳课题建议，纳入《全市重点产业链链长制工作规则》"),
    ]

    static func load(_ app: Application, zone: Zone, system: Actor, units: [String: Int], today: Day, calendar: WorkCalendar) async throws {
        let store = app.store
        let year = today.year
        // The tasks of the 深化改革品牌计划 carry the items' reports, orders and place on the battle map.
        let plan = try await store.plans(zoneId: zone.id, year: year).first { $0.name.contains("深化改革") }
        var tasks: [TaskItem] = []
        if let plan { tasks = try await store.tasks(zoneId: zone.id, TaskFilter(year: year, planId: plan.id)) }
        let deadlines = [(3, 31), (6, 30), (9, 30), (12, 15)].map { calendar.workday(onOrBefore: Day(year: year, month: $0.0, day: $0.1)!) }
        var ids: [Int: (id: Int, version: Int)] = [:]
        for (k, s) in seeds.enumerated() {
            guard let lead = units[s.lead] else { continue }
            let names = s.kind == .reform ? reformStages : researchStages
            let stages = zip(names, deadlines).map { ReformStage(name: $0.0, deadline: $0.1) }
            let item = ReformItem(id: 0, title: s.title, kind: s.kind, target: s.target, leadUnitId: lead, coUnitIds: s.coUnits.compactMap { units[$0] },
                                  firstYear: year, stages: stages, taskId: tasks.first { $0.title.contains(s.task) }?.id)
            let id = try await store.createReformItem(item, actor: system, today: today)
            var version = 1
            for (i, stage) in stages.enumerated() {
                guard let offset = s.done[i] else { break }
                let day = stage.deadline.adding(days: offset)
                guard day <= today else { break }
                version = try await store.markReformStage(id: id, stage: i, on: day, version: version, actor: system, today: today).version
            }
            ids[k] = (id, version)
        }
        for o in outcomes {
            guard let item = ids[o.0] else { continue }
            let day = min(today, Day(year: year, month: o.4, day: o.5)!)
            let saved = try await store.addReformOutcome(reformId: item.id, ReformOutcome(kind: o.1, level: o.2, body: o.3, day: day, evidence: o.6),
                                                         version: item.version, actor: system, today: today)
            ids[o.0] = (item.id, saved.version)
        }
    }
}
