import Domain
import Foundation
import Persistence
import Vapor

/// The demo zone's indicators: 13 of the national business-environment evaluation's first-level
/// indicators (`../shared/reference/cn-business-environment-indicators.md`; the measure chosen for each
/// is ours), each with a baseline, a year's target and monthly values up to last month — some on
/// track, some behind — entered by the owner unit and mostly confirmed by the office.
enum DemoIndicators {
    /// code, name, unit, direction, owner, baseline, target, how the year actually went (share of the way covered by year end).
    static let items: [(String, String, String, Indicator.Direction, String, Double, Double, Double)] = [
        ("YS-01", "开办企业：全流程办理时间", "个工作日", .lower, "行政审批服务局", 3, 1, 1.05),
        ("YS-02", "办理建筑许可：审批时间", "个工作日", .lower, "规划建设局", 60, 40, 0.8),
        ("YS-03", "获得电力：低压接电时间", "个工作日", .lower, "企业服务中心", 8, 5, 1.0),
        ("YS-04", "获得用水用气：接入时间", "个工作日", .lower, "企业服务中心", 10, 6, 0.6),
        ("YS-05", "登记财产：不动产登记时间", "个工作日", .lower, "自然资源分局", 5, 2, 1.1),
        ("YS-06", "获得信贷：普惠小微贷款余额增速", "%", .higher, "财政金融局", 18, 25, 0.9),
        ("YS-07", "保护中小投资者：企业满意度", "分", .higher, "企业服务中心", 88, 92, 1.0),
        ("YS-08", "知识产权创造、保护和运用：每万人有效发明专利", "件", .higher, "知识产权运营服务中心", 60, 75, 0.7),
        ("YS-09", "纳税：年纳税时间", "小时", .lower, "高新区税务局", 90, 70, 1.0),
        ("YS-10", "执行合同：商事案件平均审理天数", "天", .lower, "综合行政执法局", 85, 70, 0.5),
        ("YS-11", "市场监管：“双随机、一公开”抽查覆盖率", "%", .higher, "市场监督管理分局", 92, 100, 1.0),
        ("YS-12", "政务服务：“一网通办”网办率", "%", .higher, "行政审批服务局", 85, 95, 0.95),
        ("YS-13", "包容普惠创新：高新技术企业数", "家", .higher, "科技创新局", 320, 400, 0.85),
    ]

    /// The national high-tech zone evaluation's five first-level dimensions (国科发火〔2021〕106号, weights
    /// 20/20/15/15/30: `../shared/reference/cn-hightech-zone-indicators.md` §2.1), as the zone's annual
    /// score on each out of its weight; last year's score is the baseline.
    static let hightech: [(String, String, Double, Double, Double)] = [
        ("GX-1", "创新能力和创业活跃度", 20, 15.2, 16.5),
        ("GX-2", "结构优化和产业价值链", 20, 14.8, 15.5),
        ("GX-3", "绿色发展和宜居包容性", 15, 11.6, 12.0),
        ("GX-4", "开放创新和国际竞争力", 15, 9.4, 10.5),
        ("GX-5", "综合质效和持续创新力", 30, 21.7, 23.0),
    ]

    static func load(_ app: Application, zone: Zone, system: Actor, units: [String: Int], today: Day) async throws {
        for (code, name, full, baseline, target) in hightech {
            guard let owner = units["科技创新局"] else { break }
            var d = IndicatorDraft()
            d.code = code; d.name = "国家高新区评价：\(name)"; d.unit = "分（满分\(Int(full))）"; d.direction = .higher; d.frequency = .annual
            d.source = .torch; d.ownerUnitId = owner; d.caliber = "科技部火炬中心国家高新区综合评价（2021版指标体系），按年度评价结果"
            let indicator = try await app.store.createIndicator(d, actor: system)
            try await app.store.setIndicatorYear(indicatorId: indicator.id, year: today.year, Trajectory(baseline: baseline, target: target), version: 0, actor: system)
        }
        let store = app.store
        let year = today.year
        var rng = SeededRandom(seed: 13)
        for (code, name, unit, direction, owner, baseline, target, pace) in items {
            guard let ownerId = units[owner] else { continue }
            var d = IndicatorDraft()
            d.code = code; d.name = name; d.unit = unit; d.direction = direction; d.frequency = .monthly; d.source = .unit; d.ownerUnitId = ownerId
            d.caliber = "按当月办结（发生）事项统计，口径见评价手册"
            let indicator = try await store.createIndicator(d, actor: system)
            try await store.setIndicatorYear(indicatorId: indicator.id, year: year, Trajectory(baseline: baseline, target: target), version: 0, actor: system)
            let reporter = Actor(userId: 0, username: "demo-loader", displayName: "演示填报", zoneId: zone.id, unitId: ownerId, roles: [.reporter])
            for month in 1..<today.month {
                // Progress along the year at this indicator's pace, with a little noise.
                let share = pace * Double(month) / 12 + Double(rng.next(-3...3)) / 100
                let raw = baseline + (target - baseline) * share
                // Counts of firms are whole numbers; the rest to one decimal.
                let value = unit == "家" ? raw.rounded() : (raw * 10).rounded() / 10
                let v = try await store.submitIndicatorValue(indicatorId: indicator.id, periodKey: String(format: "%04d-%02d", year, month), value: value,
                                                             note: "", actor: reporter) { _ in }
                if month < today.month - 1 {
                    _ = try await store.reviewIndicatorValue(id: v.id, version: v.version, accept: true, reason: "", actor: system)
                }
            }
        }
        // 全省争进位: the zone's rank among the province's high-tech zones on two indicators, month by month.
        let all = try await store.indicators(zoneId: zone.id)
        for (code, province, city) in [("YS-13", [9, 9, 8, 8, 7, 7, 6, 5, 5, 4, 4], [3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1]),
                                       ("YS-01", [5, 5, 6, 6, 4, 4, 3, 3, 3, 2, 2], [2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1])] {
            guard let indicator = all.first(where: { $0.code == code }) else { continue }
            for month in 1..<min(today.month, 12) {
                let key = String(format: "%04d-%02d", year, month)
                try await store.setPeerRank(indicatorId: indicator.id, PeerRank(periodKey: key, scope: .province, rank: province[month - 1], outOf: 18), actor: system)
                try await store.setPeerRank(indicatorId: indicator.id, PeerRank(periodKey: key, scope: .city, rank: city[month - 1], outOf: 4), actor: system)
            }
        }
        // The standard system at work: 一网通办 is counted on a wider caliber from July.
        if let ys12 = try await store.indicators(zoneId: zone.id).first(where: { $0.code == "YS-12" }), today.month > 7 {
            var d = IndicatorDraft()
            d.name = ys12.name; d.unit = ys12.unit; d.direction = ys12.direction; d.source = ys12.source; d.ownerUnitId = ys12.ownerUnitId
            d.caliber = "自7月起按省政务服务网全口径统计（含“跨省通办”事项），口径见省营商环境评价手册（2026年修订）"
            _ = try await store.reviseIndicator(id: ys12.id, d, effectiveFrom: Day(year: year, month: 7, day: 1)!, version: ys12.version, actor: system)
        }
        // Indicators the product computes from its own records: they need no one to enter them.
        let office = units["督查考核办公室"] ?? units.values.min() ?? 0
        for (code, measure, frequency, baseline, target) in [("DK-01", ComputedMeasure.tasksOnTime, Indicator.Frequency.monthly, 80.0, 95.0),
                                                             ("DK-02", .reportsOnTime, .monthly, 85.0, 98.0), ("DK-03", .ordersClosed, .quarterly, 70.0, 95.0)] {
            var d = IndicatorDraft()
            d.code = code; d.name = measure.chineseName; d.unit = measure.unit; d.direction = .higher; d.frequency = frequency
            d.source = .computed; d.formula = measure; d.ownerUnitId = office
            d.caliber = "由系统根据任务、交账和督办记录自动计算，口径同考核（见考核得分明细）"
            let indicator = try await store.createIndicator(d, actor: system)
            try await store.setIndicatorYear(indicatorId: indicator.id, year: year, Trajectory(baseline: baseline, target: target), version: 0, actor: system)
        }
    }
}
