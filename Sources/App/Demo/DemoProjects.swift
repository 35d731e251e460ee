import Domain
import Foundation
import Persistence
import Vapor

/// The demo zone's key projects: eight investment projects at every stage, their months planned and done up to last
/// month (some behind), each tied to a matrix task of the key-project plan where one fits, plus the computed indicator.
enum DemoProjects {
    static let items: [(String, String, Double, KeyProject.Stage, String, Double)] = [
        ("12英寸特色工艺晶圆制造项目", "电子信息", 1_200_000, .started, "投资促进局", 0.9), ("创新药产业化基地", "生物医药", 350_000, .completed, "经济发展局", 1.05),
        ("工业机器人整机制造项目", "智能制造", 180_000, .started, "投资促进局", 0.7), ("高性能碳纤维复合材料项目", "新材料", 260_000, .landed, "投资促进局", 0.5),
        ("动力电池正极材料项目", "新能源", 420_000, .producing, "经济发展局", 1.0), ("医疗器械产业园", "生物医药", 90_000, .started, "科技创新局", 0.85),
        ("光伏组件智能工厂", "新能源", 150_000, .signed, "投资促进局", 0.0), ("5G通信模组研发中心", "电子信息", 60_000, .completed, "科技创新局", 1.1),
    ]

    static func load(_ app: Application, zone: Zone, system: Actor, units: [String: Int], today: Day) async throws {
        let store = app.store
        // The tasks of the 重点项目突破计划 carry the projects' reports and orders.
        let plan = try await store.plans(zoneId: zone.id, year: today.year).first { $0.name.contains("重点项目") }
        var tasks: [TaskItem] = []
        if let plan { tasks = try await store.tasks(zoneId: zone.id, TaskFilter(year: today.year, planId: plan.id)) }
        var rng = SeededRandom(seed: 77)
        // The investing firm, from the registry, where one of the project's chain is there.
        let firms = try await store.enterpriseRecords(zoneId: zone.id).map(\.enterprise)
        for (k, item) in items.enumerated() {
            guard let owner = units[item.4] ?? units.values.min() else { continue }
            let signed = Day(year: today.year - 1, month: 3 + k, day: 10)!
            let investor = firms.filter { $0.chain == item.1 }.dropFirst(k).first
            let id = try await store.createProject(name: item.0, enterpriseId: investor?.id, chain: item.1, totalInvestment: item.2, ownerUnitId: owner,
                                                   taskId: tasks.isEmpty ? nil : tasks[k % tasks.count].id, signedOn: signed, actor: system)
            var day = signed
            var version = 1
            for stage in KeyProject.Stage.allCases where stage > .signed && stage <= item.3 {
                day = min(today, day.adding(days: 60 + rng.next(0...90)))
                try await store.advanceProject(id: id, to: stage, on: day, version: version, actor: system)
                version += 1
            }
            guard item.3 >= .landed else { continue }
            let yearPlan = item.2 * 0.25
            for month in 1...12 {
                let planned = (yearPlan / 12 * Double(rng.next(80...120)) / 100).rounded()
                let actual: Double? = month < today.month ? (planned * item.5 * Double(rng.next(85...115)) / 100).rounded() : nil
                try await store.setInvestment(projectId: id, MonthlyInvestment(month: String(format: "%04d-%02d", today.year, month), planned: planned, actual: actual), actor: system)
            }
        }
        if let owner = units["投资促进局"] {
            var d = IndicatorDraft()
            d.code = "XM-01"; d.name = ComputedMeasure.investmentCompletion.chineseName; d.unit = "%"; d.direction = .higher; d.frequency = .monthly
            d.source = .computed; d.formula = .investmentCompletion; d.ownerUnitId = owner
            d.caliber = "重点项目年度计划投资中截至当月的累计完成比例，由系统按项目月度投资计算"
            let i = try await store.createIndicator(d, actor: system)
            try await store.setIndicatorYear(indicatorId: i.id, year: today.year, Trajectory(baseline: 90, target: 100), version: 0, actor: system)
        }
    }
}
