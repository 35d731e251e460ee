import Foundation

/// 政策新闻发布会: a press conference that announced one or more policies.
public struct PressRelease: Codable, Sendable, Equatable, Identifiable {
    public var id: Int
    public var title: String
    public var heldOn: Day
    public var place: String
    /// The policies announced; at least one.
    public var policyIds: [Int]
    public var summary: String

    public init(id: Int, title: String, heldOn: Day, place: String, policyIds: [Int], summary: String = "") {
        self.id = id; self.title = title; self.heldOn = heldOn; self.place = place; self.policyIds = policyIds; self.summary = summary
    }

    public func validate() throws {
        let t = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { throw ValidationError(field: "title", "请填写发布会名称") }
        if t.count > 200 { throw ValidationError(field: "title", "发布会名称不能超过200个字符") }
        let p = place.trimmingCharacters(in: .whitespacesAndNewlines)
        if p.isEmpty { throw ValidationError(field: "place", "请填写发布会地点") }
        if p.count > 100 { throw ValidationError(field: "place", "地点不能超过100个字符") }
        if policyIds.isEmpty { throw ValidationError(field: "policyIds", "请至少选择一项发布的政策") }
        if Set(policyIds).count != policyIds.count { throw ValidationError(field: "policyIds", "同一政策选择了多次") }
        if summary.count > 2000 { throw ValidationError(field: "summary", "内容摘要不能超过2000个字符") }
    }
}
