import Foundation

/// Who is acting: a signed-in user, scoped by zone and (for reporters) unit.
public struct Actor: Sendable, Equatable {
    public let userId: Int
    public let username: String
    public let displayName: String
    public let zoneId: Int
    public let unitId: Int?
    public let roles: Set<Role>
    /// For an enterprise account: the firm it speaks for (its appeals, its policies).
    public let enterpriseId: Int?
    public init(userId: Int, username: String, displayName: String, zoneId: Int, unitId: Int?, roles: Set<Role>, enterpriseId: Int? = nil) {
        self.userId = userId; self.username = username; self.displayName = displayName
        self.zoneId = zoneId; self.unitId = unitId; self.roles = roles; self.enterpriseId = enterpriseId
    }

    public func has(_ role: Role) -> Bool { roles.contains(role) }
}

/// What an actor may do. Every route asks one of these; the access test checks each route against this table.
public enum Permission: String, CaseIterable, Sendable {
    /// Read plans, work points, tasks, units and the matrix.
    case readMatrix
    /// Create, change and archive plans, work points, tasks, units and positioning targets.
    case editMatrix
    /// Change progress fields of tasks owned by the actor's own unit.
    case reportOwnTasks
    /// Create and change accounts, reset passwords, unlock (系统管理员).
    case manageAccounts
    /// Assign roles (安全管理员).
    case manageRoles
    /// Read the audit log (审计管理员).
    case readAudit
    /// Write 领导批示 on tasks and orders (领导).
    case instruct
    /// Read the reminders' delivery log (督查室, 系统管理员): channels, recipients, status — not the matrix.
    case readDeliveryLog
    /// See enterprise appeals and the policies firms qualify for: officials see the zone's (a reporter its unit's appeals),
    /// an enterprise account only its own firm's.
    case readAppeals
    /// File an appeal: a firm for itself, an official for a firm met on a visit or heard through another channel.
    case fileAppeal
    /// See the background jobs' runs and start one now (系统管理员): operations, no business data.
    case operateJobs
    /// The province's league of every zone on this database (省级观察员): figures per zone, read-only.
    case readProvince

    /// 三员分立: the three admin roles read no business data; each holds only its own duty.
    public func isGranted(to roles: Set<Role>) -> Bool {
        switch self {
        case .readMatrix: return !roles.isDisjoint(with: [.leader, .office, .reporter, .observer])
        case .editMatrix: return roles.contains(.office)
        case .reportOwnTasks: return roles.contains(.reporter) || roles.contains(.office)
        case .manageAccounts: return roles.contains(.sysAdmin)
        case .manageRoles: return roles.contains(.secAdmin)
        case .readAudit: return roles.contains(.auditAdmin)
        case .instruct: return roles.contains(.leader)
        case .readDeliveryLog: return roles.contains(.office) || roles.contains(.sysAdmin)
        case .readAppeals: return !roles.isDisjoint(with: [.leader, .office, .reporter, .observer, .enterprise])
        case .fileAppeal: return !roles.isDisjoint(with: [.office, .reporter, .enterprise])
        case .operateJobs: return roles.contains(.sysAdmin)
        case .readProvince: return roles.contains(.province)
        }
    }
}

public extension Actor {
    func can(_ p: Permission) -> Bool { p.isGranted(to: roles) }

    /// May this actor change `task` with the fields of `draft`?
    /// The office changes anything; a reporter changes only progress fields of its own unit's tasks.
    func mayEdit(_ task: TaskItem, fields: Set<String>) -> Bool {
        if can(.editMatrix) { return true }
        guard has(.reporter), let unitId, task.ownerUnitId == unitId else { return false }
        return fields.isSubset(of: TaskDraft.reporterFields)
    }
}

/// Password rules (等保: length and character classes).
public enum PasswordPolicy {
    public static let minLength = 8
    public static func check(_ password: String) throws {
        guard password.count >= minLength, password.count <= 128 else {
            throw ValidationError(field: "password", "密码长度须为\(minLength)到128位")
        }
        let classes = [
            password.contains(where: \.isLowercase), password.contains(where: \.isUppercase),
            password.contains(where: \.isNumber),
            password.contains(where: { !$0.isLetter && !$0.isNumber }),
        ].filter { $0 }.count
        guard classes >= 3 else {
            throw ValidationError(field: "password", "密码须包含大写字母、小写字母、数字、符号中的至少三类")
        }
    }
    public static let maxFailedLogins = 5
    public static let lockoutSeconds: Double = 15 * 60

    /// Must the owner choose a new password before doing anything else? Yes when an administrator set it
    /// (`changedAt` nil) or it is older than `maxAgeDays` (0: passwords do not age).
    public static func mustChange(changedAt: Date?, now: Date, maxAgeDays: Int) -> Bool {
        guard let changedAt else { return true }
        return maxAgeDays > 0 && now.timeIntervalSince(changedAt) > Double(maxAgeDays) * 86_400
    }
}

/// Username rules.
public enum UsernameRules {
    public static func check(_ username: String) throws {
        let ok = !username.isEmpty && username.count <= 40
            && username.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ".") }
        guard ok else { throw ValidationError(field: "username", "用户名须为1到40位字母、数字、下划线、点或横线") }
    }
}

/// 三员分立: each admin duty stands alone, apart from every business role.
public enum RoleRules {
    public static let adminRoles: Set<Role> = [.sysAdmin, .secAdmin, .auditAdmin]
    public static func check(_ roles: Set<Role>) throws {
        let admin = roles.intersection(adminRoles)
        if admin.count > 1 {
            throw ValidationError(field: "roles", "系统管理员、安全管理员、审计管理员不能由同一人兼任")
        }
        if !admin.isEmpty && roles.count > 1 {
            throw ValidationError(field: "roles", "管理员角色不能兼任业务角色")
        }
    }
}
