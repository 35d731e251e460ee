import Foundation

extension AssessmentScheme {
    /// The scheme a new one starts from: the product's own data (tasks, on-time completion, reports, supervision)
    /// plus reviewers' marks, common bonus and deduction entries, the usual vetoes and grades. The office edits it.
    public static let template = AssessmentScheme(
        items: [
            SchemeItem(key: "completion", name: "重点任务完成率", source: .taskCompletion, points: 30, rule: ItemRule(kind: .ratio, target: 100)),
            SchemeItem(key: "on_time", name: "任务按期完成率", source: .taskOnTime, points: 20, rule: ItemRule(kind: .ratio, target: 100)),
            SchemeItem(key: "reporting", name: "交账及时率", source: .reportTimeliness, points: 15, rule: ItemRule(kind: .ratio, target: 100)),
            SchemeItem(key: "supervision", name: "督办扣分", source: .supervision, points: 15, rule: ItemRule(kind: .deductPer, per: 1)),
            SchemeItem(key: "review", name: "领导和服务对象评议", source: .review, points: 20, rule: ItemRule(kind: .ratio, target: 100)),
        ],
        adjustments: [
            Adjustment(key: "first", name: "单项争第一、创国家级品牌", kind: .bonus, cap: 3),
            Adjustment(key: "honour", name: "获上级表彰、经验被上级推广", kind: .bonus, cap: 2),
            Adjustment(key: "criticised", name: "被上级通报批评", kind: .deduction, cap: 5),
        ],
        bonusCap: 5,
        vetoes: [
            Veto(key: "safety", name: "发生重大安全生产责任事故", gradeCap: "较差"),
            Veto(key: "integrity", name: "发生严重违纪违法案件", gradeCap: "较差"),
        ],
        grades: GradeBand.standard)
}
