import Foundation

/// The columns of the task sheet (任务分解表): the template's headers in order, and the other names offices give
/// the same column in their own sheets. Columns may come in any order; a sheet without a column leaves that field
/// of existing tasks as it is.
public enum TaskSheetColumn: String, CaseIterable, Sendable {
    case id, plan, workPoint, title, kind, owner, coUnits, leader, person, start, deadline, duration, predecessors, deliverable, acceptance, weight

    /// The template's header.
    public var header: String {
        switch self {
        case .id: return "任务编号"
        case .plan: return "计划"
        case .workPoint: return "工作要点"
        case .title: return "任务名称"
        case .kind: return "类型"
        case .owner: return "责任单位"
        case .coUnits: return "配合单位"
        case .leader: return "分管领导"
        case .person: return "责任人"
        case .start: return "计划开始"
        case .deadline: return "完成时限"
        case .duration: return "工期（工作日）"
        case .predecessors: return "前置任务"
        case .deliverable: return "成果形式"
        case .acceptance: return "验收标准"
        case .weight: return "权重"
        }
    }

    /// Every header that means this column (compared after `SheetText.header`).
    public var names: [String] {
        switch self {
        case .id: return ["任务编号", "任务ID", "编号", "ID", "id"]
        case .plan: return ["计划", "所属计划", "计划名称", "专项计划"]
        case .workPoint: return ["工作要点", "要点", "工作要点名称", "重点工作"]
        case .title: return ["任务名称", "任务", "工作任务", "具体任务", "任务内容", "任务事项"]
        case .kind: return ["类型", "任务类型"]
        case .owner: return ["责任单位", "牵头单位", "主办单位", "牵头部门", "责任部门"]
        case .coUnits: return ["配合单位", "协办单位", "配合部门", "协同单位"]
        case .leader: return ["分管领导", "责任领导", "牵头领导", "分管区领导"]
        case .person: return ["责任人", "具体责任人", "经办人"]
        case .start: return ["计划开始", "开始时间", "开始日期", "计划开始时间", "计划开始日期"]
        case .deadline: return ["完成时限", "完成时间", "截止时间", "时限", "完成期限", "时间节点"]
        case .duration: return ["工期（工作日）", "工期(工作日)", "工期", "工作日"]
        case .predecessors: return ["前置任务", "紧前任务", "前置"]
        case .deliverable: return ["成果形式", "成果", "预期成果", "工作成果"]
        case .acceptance: return ["验收标准", "验收"]
        case .weight: return ["权重", "分值权重"]
        }
    }

    /// The columns a sheet must have.
    public var isRequired: Bool { [.plan, .workPoint, .title, .owner, .deadline].contains(self) }

    /// The columns the export adds after the template's, read-only: an import ignores them.
    public static let exportOnlyHeaders = ["完成进度", "状态", "红黄绿灯"]

    /// A column's letters as Excel shows them: 0 → "A", 25 → "Z", 26 → "AA".
    public static func letters(_ index: Int) -> String {
        var n = index + 1, out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }
}
