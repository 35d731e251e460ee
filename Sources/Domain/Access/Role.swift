import Foundation

/// The roles of DOMAIN.md. A user holds one or more; all are scoped by zone, and the reporter by unit.
public enum Role: String, CaseIterable, Codable, Sendable {
    /// 领导 (书记、主任、分管领导): read everything, write instructions later.
    case leader
    /// 督查室 / 考核办: builds and edits the matrix.
    case office
    /// 责任单位填报员: edits its own unit's tasks only.
    case reporter
    /// 企业: enterprise accounts (later issues).
    case enterprise
    /// 上级观察员 (市、省): read-only.
    case observer
    /// 省级观察员: the province's league of all zones on this database (counts only, no zone's rows).
    case province
    /// 系统管理员: accounts and settings; reads no business data.
    case sysAdmin = "sys_admin"
    /// 安全管理员: assigns roles.
    case secAdmin = "sec_admin"
    /// 审计管理员: reads the audit log.
    case auditAdmin = "audit_admin"

    public var chineseName: String {
        switch self {
        case .leader: return "领导"
        case .office: return "督查室"
        case .reporter: return "责任单位填报员"
        case .enterprise: return "企业"
        case .observer: return "上级观察员"
        case .province: return "省级观察员"
        case .sysAdmin: return "系统管理员"
        case .secAdmin: return "安全管理员"
        case .auditAdmin: return "审计管理员"
        }
    }

    /// Parses a comma-separated list as stored; unknown names are dropped.
    public static func parseList(_ s: String) -> Set<Role> {
        Set(s.split(separator: ",").compactMap { Role(rawValue: $0.trimmingCharacters(in: .whitespaces)) })
    }

    public static func format(_ roles: Set<Role>) -> String {
        roles.map(\.rawValue).sorted().joined(separator: ",")
    }
}
