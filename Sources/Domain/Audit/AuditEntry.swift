import Foundation

/// One line of the append-only audit log: who did what to which row, with the row before and after.
public struct AuditEntry: Codable, Sendable, Equatable, Identifiable {
    public enum Action: String, Codable, Sendable, CaseIterable {
        case create, update, archive, restore, login, loginFailed = "login_failed", logout
        case tokenCreate = "token_create", tokenRevoke = "token_revoke", passwordChange = "password_change"
        /// Whether a line with this action records a change to business data (and so expires the zone's computed views).
        public var changesData: Bool { [.create, .update, .archive, .restore].contains(self) }
        public var chineseName: String {
            switch self {
            case .create: return "新建"
            case .update: return "修改"
            case .archive: return "归档"
            case .restore: return "恢复"
            case .login: return "登录"
            case .loginFailed: return "登录失败"
            case .logout: return "退出"
            case .tokenCreate: return "创建令牌"
            case .tokenRevoke: return "吊销令牌"
            case .passwordChange: return "修改密码"
            }
        }
    }
    public var id: Int
    public var zoneId: Int?
    /// ISO 8601 UTC instant.
    public var at: String
    public var userId: Int?
    public var username: String
    public var action: Action
    public var entityType: String
    public var entityId: Int?
    /// JSON of the row before the change (nil on create).
    public var before: String?
    /// JSON of the row after the change (nil on archive-only events).
    public var after: String?
    public init(id: Int, zoneId: Int?, at: String, userId: Int?, username: String, action: Action,
                entityType: String, entityId: Int?, before: String?, after: String?) {
        self.id = id; self.zoneId = zoneId; self.at = at; self.userId = userId; self.username = username
        self.action = action; self.entityType = entityType; self.entityId = entityId
        self.before = before; self.after = after
    }
}

/// Field-level differences between two JSON objects, for showing history to people.
public enum AuditDiff {
    public struct Change: Equatable, Sendable {
        public let field: String
        public let before: String
        public let after: String
    }
    public static func changes(before: String?, after: String?) -> [Change] {
        func obj(_ s: String?) -> [String: Any] {
            guard let s, let data = s.data(using: .utf8),
                  let o = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
            return o
        }
        let b = obj(before), a = obj(after)
        let keys = Set(b.keys).union(a.keys).filter { $0 != "version" }.sorted()
        return keys.compactMap { k in
            let bv = render(b[k]), av = render(a[k])
            return bv == av ? nil : Change(field: k, before: bv, after: av)
        }
    }
    static func render(_ v: Any?) -> String {
        guard let v, !(v is NSNull) else { return "" }
        if let s = v as? String { return s }
        if let n = v as? NSNumber { return n.stringValue }
        if let data = try? JSONSerialization.data(withJSONObject: v, options: [.sortedKeys]),
           let s = String(data: data, encoding: .utf8) { return s }
        return "\(v)"
    }
}
