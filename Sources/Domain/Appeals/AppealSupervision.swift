import Foundation

/// When an appeal becomes a matter for supervision (督办): it has a lead unit, it is still open, and its answer or its
/// resolution is past due. An appeal waiting to be assigned is the receiving office's own lateness, shown on the list
/// but not sent to a unit as an order.
public enum AppealSupervision {
    /// The order's reason, or nil when the appeal needs none today.
    public static func reason(for a: Appeal, today: Day) -> String? {
        guard a.leadUnitId != nil, [.assigned, .handling, .answered].contains(a.status) else { return nil }
        let clock = AppealClock(appeal: a, today: today)
        guard let stage = clock.overdueNow, stage != .assign else { return nil }
        return "企业诉求“\(a.firmName)：\(a.title)”\(stage.chineseName)逾期（时限\(a.due[stage].iso)，\(a.category.chineseName)类）"
    }
}
