import Foundation
import Testing
@testable import Domain

private func actor(_ roles: Set<Role>, unit: Int? = nil) -> Actor {
    Actor(userId: 9, username: "u", displayName: "用户", zoneId: 1, unitId: unit, roles: roles)
}

private func task(owner: Int) -> TaskItem {
    TaskItem(id: 1, planId: 1, workPointId: 1, seq: 1, kind: .task, title: "任务", ownerUnitId: owner,
             coUnitIds: [], responsiblePerson: "", deliverable: "", acceptanceStandard: "", weight: 1,
             plannedStart: Day(iso: "2026-09-01")!, deadline: Day(iso: "2026-12-31")!, durationDays: 80,
             predecessorIds: [], percentDone: 0, status: .notStarted, doneOn: nil)
}

private func fieldOf(_ body: () throws -> Void) -> String? {
    do { try body(); return nil }
    catch let e as ValidationError { return e.field }
    catch { return "unexpected \(error)" }
}

@Suite("Permission 权限表（三员分立）")
struct PermissionTests {
    /// The table, written from DOMAIN.md: leaders, the office, reporters and observers read the matrix;
    /// only the office edits it; reporters (and the office) report; leaders instruct; each admin holds only its own duty.
    static let table: [Role: Set<Permission>] = [
        .leader: [.readMatrix, .instruct, .readAppeals],   // 领导批示
        .office: [.readMatrix, .editMatrix, .reportOwnTasks, .readDeliveryLog, .readAppeals, .fileAppeal],
        .reporter: [.readMatrix, .reportOwnTasks, .readAppeals, .fileAppeal],
        .observer: [.readMatrix, .readAppeals],
        .enterprise: [.readAppeals, .fileAppeal],   // its own firm's appeals and policies only
        .sysAdmin: [.manageAccounts, .readDeliveryLog, .operateJobs],   // the delivery log and the background jobs: operations, no matrix
        .province: [.readProvince],   // the league of zones: counts only, no zone's rows
        .secAdmin: [.manageRoles],
        .auditAdmin: [.readAudit],
    ]

    @Test("每个角色单独持有时的权限", arguments: Role.allCases)
    func singleRole(_ role: Role) throws {
        let expected = try #require(Self.table[role])
        for p in Permission.allCases {
            #expect(p.isGranted(to: [role]) == expected.contains(p), "\(role) \(p)")
        }
    }

    @Test("三员均不能读取业务数据")
    func adminsReadNoBusinessData() {
        for r in [Role.sysAdmin, .secAdmin, .auditAdmin] {
            #expect(!actor([r]).can(.readMatrix))
            #expect(!actor([r]).can(.editMatrix))
        }
    }

    @Test("没有角色什么都不能做")
    func noRoles() {
        for p in Permission.allCases { #expect(!p.isGranted(to: [])) }
    }

    @Test("多个角色时权限取并集")
    func union() {
        let a = actor([.leader, .reporter], unit: 3)
        #expect(a.can(.readMatrix) && a.can(.reportOwnTasks))
        #expect(!a.can(.editMatrix))
    }
}

@Suite("Actor.mayEdit 任务修改权")
struct MayEditTests {
    @Test("填报员只能改本单位任务的进度字段")
    func reporter() {
        let r = actor([.reporter], unit: 3)
        #expect(r.mayEdit(task(owner: 3), fields: ["percentDone"]))
        #expect(r.mayEdit(task(owner: 3), fields: ["percentDone", "status", "doneOn", "responsiblePerson"]))
        #expect(r.mayEdit(task(owner: 3), fields: []))
        #expect(!r.mayEdit(task(owner: 3), fields: ["percentDone", "title"]))
        #expect(!r.mayEdit(task(owner: 3), fields: ["deadline"]))
        #expect(!r.mayEdit(task(owner: 4), fields: ["percentDone"]))
    }

    @Test("没有所属单位的填报员不能改任何任务")
    func reporterWithoutUnit() {
        #expect(!actor([.reporter]).mayEdit(task(owner: 3), fields: ["percentDone"]))
    }

    @Test("督查室可以改任何任务的任何字段")
    func office() {
        let o = actor([.office])
        #expect(o.mayEdit(task(owner: 3), fields: ["title", "deadline", "ownerUnitId", "percentDone"]))
        #expect(o.mayEdit(task(owner: 99), fields: ["weight"]))
    }

    @Test("领导、观察员和管理员不能改任务")
    func others() {
        for r in [Role.leader, .observer, .enterprise, .sysAdmin, .secAdmin, .auditAdmin] {
            #expect(!actor([r], unit: 3).mayEdit(task(owner: 3), fields: ["percentDone"]), "\(r)")
        }
    }
}

@Suite("RoleRules 角色组合")
struct RoleRulesTests {
    @Test("业务角色可以兼任，单个管理员角色可以")
    func allowed() throws {
        try RoleRules.check([.leader, .office])
        try RoleRules.check([.reporter])
        try RoleRules.check([.sysAdmin])
        try RoleRules.check([.secAdmin])
        try RoleRules.check([.auditAdmin])
    }

    @Test("两个管理员角色不能由同一人兼任")
    func twoAdmins() {
        #expect(fieldOf { try RoleRules.check([.sysAdmin, .secAdmin]) } == "roles")
        #expect(fieldOf { try RoleRules.check([.secAdmin, .auditAdmin]) } == "roles")
        #expect(fieldOf { try RoleRules.check([.sysAdmin, .auditAdmin]) } == "roles")
    }

    @Test("管理员不能兼任业务角色")
    func adminPlusBusiness() {
        #expect(fieldOf { try RoleRules.check([.sysAdmin, .leader]) } == "roles")
        #expect(fieldOf { try RoleRules.check([.auditAdmin, .office]) } == "roles")
        #expect(fieldOf { try RoleRules.check([.secAdmin, .reporter]) } == "roles")
    }

    @Test("角色列表的解析与格式化")
    func parseAndFormat() {
        #expect(Role.parseList("office, reporter,unknown,,sys_admin") == [.office, .reporter, .sysAdmin])
        #expect(Role.format([.reporter, .auditAdmin, .office]) == "audit_admin,office,reporter")
        #expect(Role.parseList("") == [])
    }
}

@Suite("PasswordPolicy 与 UsernameRules")
struct CredentialRulesTests {
    @Test("密码：8到128位，至少三类字符", arguments: [
        "Abcdefg1",       // upper, lower, digit
        "abcdef1!",       // lower, digit, symbol
        "ABCDEF1!",       // upper, digit, symbol
        "Abcdefg!",       // upper, lower, symbol
        "Zone#2026secure",
    ])
    func goodPasswords(_ p: String) throws {
        try PasswordPolicy.check(p)
    }

    @Test("密码：不足三类字符拒绝", arguments: [
        "abcdefgh", "abcdefg1", "ABCDEFG1", "12345678", "abcdefg!", "1234567!", "ABCDEFGH",
    ])
    func tooFewClasses(_ p: String) {
        #expect(fieldOf { try PasswordPolicy.check(p) } == "password")
    }

    @Test("密码：7位拒绝，8位接受，128位接受，129位拒绝")
    func length() throws {
        #expect(fieldOf { try PasswordPolicy.check("Abcde1!") } == "password")
        try PasswordPolicy.check("Abcdef1!")
        let base = "Aa1!"
        try PasswordPolicy.check(String(repeating: base, count: 32))             // 128
        #expect(fieldOf { try PasswordPolicy.check(String(repeating: base, count: 32) + "x") } == "password")
        #expect(fieldOf { try PasswordPolicy.check("") } == "password")
    }

    @Test("用户名：1到40位ASCII字母、数字、下划线、点、横线", arguments: [
        "zhangsan", "zhang.san-01_a", "a", String(repeating: "x", count: 40), "Office_2026",
    ])
    func goodUsernames(_ u: String) throws {
        try UsernameRules.check(u)
    }

    @Test("用户名：空、超长、中文、空格和其他符号拒绝", arguments: [
        "", String(repeating: "x", count: 41), "张三", "zhang san", "a@b", "name!", "ｚｈａｎｇ",
    ])
    func badUsernames(_ u: String) {
        #expect(fieldOf { try UsernameRules.check(u) } == "username")
    }
}
