import Foundation

/// 同类排名: the zone's rank among its peers on an indicator, per period and scope, so the positioning
/// targets (全市争前列、全省争进位、全国争品牌) are followed as ranks over time.
public enum PeerScope: String, Codable, Sendable, CaseIterable {
    case city, province, nation
    public var chineseName: String {
        switch self { case .city: return "全市"; case .province: return "全省"; case .nation: return "全国" }
    }
}

public struct PeerRank: Codable, Sendable, Equatable {
    public var periodKey: String
    public var scope: PeerScope
    /// 1 = first.
    public var rank: Int
    /// How many peers were ranked (optional).
    public var outOf: Int?
    public init(periodKey: String, scope: PeerScope, rank: Int, outOf: Int?) {
        self.periodKey = periodKey; self.scope = scope; self.rank = rank; self.outOf = outOf
    }

    public func validate() throws {
        guard rank >= 1, rank <= 10_000 else { throw ValidationError(field: "rank", "名次须为1到10000之间的整数") }
        if let outOf { guard outOf >= rank, outOf <= 10_000 else { throw ValidationError(field: "outOf", "参评总数须不小于名次") } }
    }

    /// 进位 (climbed, positive) or 退位 (fell, negative) from the previous ranked period of the same scope.
    public static func moves(_ ranks: [PeerRank]) -> [(rank: PeerRank, move: Int?)] {
        var last: [PeerScope: Int] = [:]
        return ranks.sorted { ($0.scope.rawValue, $0.periodKey) < ($1.scope.rawValue, $1.periodKey) }.map { r in
            defer { last[r.scope] = r.rank }
            return (r, last[r.scope].map { $0 - r.rank })
        }
    }

    public static func moveText(_ m: Int?) -> String {
        guard let m else { return "—" }
        return m > 0 ? "进位\(m)" : (m < 0 ? "退位\(-m)" : "持平")
    }
}
