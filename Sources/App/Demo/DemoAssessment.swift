import Domain
import Foundation
import Persistence
import Vapor

/// The demo zone's assessment: a scheme for the functional departments each quarter so far (the product's own
/// data, indicators, reviewers' marks, bonus and deduction entries), the finished quarters published — the last
/// one published twice, after a correction, so the differences show — a sub-district scheme weighted by AHP
/// with a veto, and the annual scheme built from the quarters.
enum DemoAssessment {
    static func departmentScheme() -> AssessmentScheme {
        var d = AssessmentScheme.template
        d.items = [
            SchemeItem(key: "completion", name: "重点任务完成率", source: .taskCompletion, points: 25, rule: ItemRule(kind: .ratio, target: 100)),
            SchemeItem(key: "on_time", name: "任务按期完成率", source: .taskOnTime, points: 20, rule: ItemRule(kind: .ratio, target: 100)),
            SchemeItem(key: "reporting", name: "交账及时率", source: .reportTimeliness, points: 15, rule: ItemRule(kind: .ratio, target: 100)),
            SchemeItem(key: "supervision", name: "督办扣分", source: .supervision, points: 10, rule: ItemRule(kind: .deductPer, per: 1)),
            SchemeItem(key: "indicators", name: "负责指标完成度", source: .indicator, points: 10, rule: ItemRule(kind: .ratio, target: 100)),
            SchemeItem(key: "review", name: "领导和服务对象评议", source: .review, points: 20, rule: ItemRule(kind: .ratio, target: 100)),
        ]
        return d
    }

    static func subdistrictScheme() -> AssessmentScheme {
        var d = AssessmentScheme.template
        d.items = [
            SchemeItem(key: "completion", name: "重点任务完成率", source: .taskCompletion, points: 40, rule: ItemRule(kind: .ratio, target: 100)),
            SchemeItem(key: "on_time", name: "任务按期完成率", source: .taskOnTime, points: 25, rule: ItemRule(kind: .efficacy)),
            SchemeItem(key: "review", name: "群众和企业评议", source: .review, points: 35, rule: ItemRule(kind: .ratio, target: 100)),
        ]
        // 完成率 ≻ 按期 (2), 完成率 ≻ 评议 (1/2 → 评议 slightly more), as a consistent 3 × 3 judgement matrix.
        d.weighting = .ahp
        d.pairwise = [[1, 2, 0.5], [0.5, 1, 1.0 / 3], [2, 3, 1]]
        d.grades = [GradeBand(name: "优秀", min: 90, quota: 1.0 / 3), GradeBand(name: "良好", min: 80), GradeBand(name: "一般", min: 60), GradeBand(name: "较差", min: 0)]
        return d
    }

    static func publish(_ app: Application, _ s: StoredScheme, zoneId: Int, asOf: Day, calendar: WorkCalendar, after: Int, note: String, actor: Actor) async throws {
        let fresh = try await app.store.scheme(id: s.id, zoneId: zoneId)
        let (data, result) = try await AssessmentReads.compute(store: app.store, calendar: calendar, today: asOf, zoneId: zoneId, scheme: fresh, definition: fresh.definition)
        _ = try await app.store.publishResult(schemeId: s.id, schemeVersion: fresh.version, after: after,
                                              snapshot: ResultSnapshot(scheme: fresh.definition, data: data, result: result, asOf: asOf), note: note, actor: actor)
    }

    static func load(_ app: Application, zone: Zone, system: Actor, units: [String: Int], today: Day, calendar: WorkCalendar) async throws {
        let store = app.store
        let all = try await store.units(zoneId: zone.id)
        let departments = all.filter { $0.kind == .department }
        var rng = SeededRandom(seed: 4242)
        let year = today.year
        let current = (today.month - 1) / 3 + 1
        let reviewers = ["分管领导评议", "服务对象（企业）评议", "督查室平时考核"]
        for q in 1...current {
            let period = AssessmentPeriod(year: year, quarter: q)
            let s = try await store.createScheme(period: period, category: .department, name: "\(period.label)职能部门绩效考核", definition: departmentScheme(), actor: system)
            for u in departments {
                for r in reviewers {
                    _ = try await store.addMark(schemeId: s.id, MarkDraft(unitId: u.id, kind: .review, key: "review", points: Double(rng.next(78...98)),
                                                                      reason: "\(r)：\(["工作主动、成效明显", "推进有力，个别事项滞后", "配合较好", "服务企业及时"][rng.next(0...3)])"), actor: system)
                }
            }
            if let u = units["科技创新局"] {
                _ = try await store.addMark(schemeId: s.id, MarkDraft(unitId: u, kind: .bonus, key: "first", points: 2, reason: "国家高新区评价“创新能力和创业活跃度”单项进入全省第一"), actor: system)
            }
            if q >= 2, let u = units["规划建设局"] {
                _ = try await store.addMark(schemeId: s.id, MarkDraft(unitId: u, kind: .deduction, key: "criticised", points: 1, reason: "重点项目审批超时，被市政府督查室通报（市督通〔\(year)〕\(10 + q)号）"), actor: system)
            }
            guard q < current else { continue }
            let asOf = min(today, period.end.adding(days: 10))
            try await publish(app, s, zoneId: zone.id, asOf: asOf, calendar: calendar, after: 0, note: "", actor: system)
            if q == current - 1, let u = units["投资促进局"] {
                // A correction after publishing: the office records an honour it had missed and publishes version 2.
                _ = try await store.addMark(schemeId: s.id, MarkDraft(unitId: u, kind: .bonus, key: "honour", points: 2, reason: "招商引资经验被省商务厅简报推广（补录）"), actor: system)
                try await publish(app, s, zoneId: zone.id, asOf: asOf, calendar: calendar, after: 1, note: "补录投资促进局经验被省级推广加分，重新发布", actor: system)
            }
        }
        // Sub-districts: the last finished quarter, AHP weights, one veto.
        if current > 1 {
            let period = AssessmentPeriod(year: year, quarter: current - 1)
            let s = try await store.createScheme(period: period, category: .subdistrict, name: "\(period.label)街道办事处综合考核", definition: subdistrictScheme(), actor: system)
            for u in all where u.kind == .subdistrict {
                for r in ["辖区企业评议", "群众满意度测评"] {
                    _ = try await store.addMark(schemeId: s.id, MarkDraft(unitId: u.id, kind: .review, key: "review", points: Double(rng.next(82...97)), reason: r), actor: system)
                }
            }
            if let u = units["临湾街道办事处"] {
                _ = try await store.addMark(schemeId: s.id, MarkDraft(unitId: u, kind: .veto, key: "safety", points: nil, reason: "辖区企业发生较大生产安全事故（1人死亡），负有属地监管责任"), actor: system)
            }
            try await publish(app, s, zoneId: zone.id, asOf: min(today, period.end.adding(days: 10)), calendar: calendar, after: 0, note: "", actor: system)
        }
        // The year: from the quarters, weighted 20/25/25/30; quarters not yet published count 0 until they are.
        var annual = AssessmentScheme.template
        annual.items = [(1, 20.0), (2, 25.0), (3, 25.0), (4, 30.0)].map {
            SchemeItem(key: "q\($0.0)", name: "第\($0.0)季度考核", source: .quarter, ref: $0.0, points: $0.1, rule: ItemRule(kind: .ratio, target: 100))
        }
        _ = try await store.createScheme(period: AssessmentPeriod(year: year), category: .department, name: "\(year)年度职能部门绩效考核（按季度加权）",
                                         definition: annual, actor: system)
    }
}
