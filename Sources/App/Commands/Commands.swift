import NIOCore
import Domain
import Foundation
import Persistence
import Vapor

func registerCommands(_ app: Application) {
    app.asyncCommands.use(MigrateCommand(), as: "migrate")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(RemindCommand(), as: "remind")
    app.lifecycle.use(JobRunner())
    app.asyncCommands.use(UserCommand(), as: "user")
    app.asyncCommands.use(ExportCommand(), as: "export")
    app.asyncCommands.use(GenerateCommand(), as: "generate")
    app.asyncCommands.use(ZoneCommand(), as: "zone")
    app.asyncCommands.use(AuditCommand(), as: "audit")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(JobsCommand(), as: "jobs")
}

/// `guatu zone add --code CODE --name 名称` and `guatu zone list`: the tenants of this instance.
struct ZoneCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "add | list")
        var action: String
        @Option(name: "code", help: "add: 园区代码 (letters, digits, - and _)")
        var code: String?
        @Option(name: "name", help: "add: 园区名称, e.g. 示范高新区")
        var name: String?
    }
    var help: String { "管理园区（租户）：add 新建、list 列出 (manage zones, the tenants of this instance)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let store = context.application.store
        switch signature.action {
        case "list":
            for z in try await store.zones() { context.console.print("\(z.id)\t\(z.code)\t\(z.name)") }
        case "add":
            guard let code = signature.code, !code.isEmpty, code.count <= 40,
                  code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                throw CommandFailure("园区代码须为1到40位字母、数字、- 或 _")
            }
            guard let name = signature.name?.trimmingCharacters(in: .whitespaces), !name.isEmpty, name.count <= TextLimits.name else {
                throw CommandFailure("请用 --name 给出园区名称（不超过\(TextLimits.name)个字）")
            }
            if try await store.zone(code: code) != nil { throw CommandFailure("园区代码 \(code) 已存在") }
            let z = try await store.createZone(code: code, name: name)
            context.console.print("已创建园区 \(z.name)（代码 \(z.code)，编号\(z.id)）。下一步：guatu user add NAME --zone \(z.code) --role office")
        default:
            throw CommandFailure("未知操作 \(signature.action)：应为 add 或 list")
        }
    }
}

/// `guatu migrate`: runs pending migrations (serve also does, unless GUATU_AUTO_MIGRATE=false).
struct MigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "运行数据库迁移 (run pending database migrations; no prompt)" }
    func run(using context: CommandContext, signature: Signature) async throws {
        try await context.application.migrateOnce()
        context.console.print("数据库迁移已完成 (migrations are up to date).")
    }
}

/// `guatu demo`: loads the demo zone if it is not there yet.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "载入演示数据：示范高新区 (load the demo zone with its accounts)" }
    func run(using context: CommandContext, signature: Signature) async throws {
        if try await DemoLoader.load(context.application, log: { context.console.print($0) }) {
            DemoLoader.printAccounts(context.console)
        } else {
            context.console.print("演示数据已存在，未做改动 (the demo zone already exists).")
        }
    }
}

extension DemoLoader {
    static func printAccounts(_ console: any Console) {
        console.print("演示账号（密码均为 \(password)）:")
        for a in accounts { console.print("  \(a.username.padding(toLength: 11, withPad: " ", startingAt: 0)) \(a.role.chineseName)") }
    }
}

/// `guatu user add|passwd|token USERNAME`.
struct UserCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "add | passwd | token")
        var action: String
        @Argument(name: "username", help: "用户名 (login name)")
        var username: String
        @Option(name: "name", help: "add: 姓名 (display name); token: 令牌名称")
        var name: String?
        @Option(name: "role", help: "add: 角色 (\(Role.allCases.map(\.rawValue).joined(separator: ", ")))")
        var role: String?
        @Option(name: "unit", help: "add: 所在单位名称")
        var unit: String?
        @Option(name: "zone", help: "add: 园区代码 (zone code; default: the only or first zone)")
        var zone: String?
        @Option(name: "password", help: "add/passwd: 密码 (or set GUATU_PASSWORD, or type it when asked)")
        var password: String?
        @Option(name: "firm", help: "add: 企业账号关联的企业（统一社会信用代码；须 --role enterprise）")
        var firm: String?
    }
    var help: String { "管理用户：add 新建、passwd 改密码、token 生成API令牌 (manage users)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let store = app.store
        switch signature.action {
        case "add":
            guard let zone = try await zone(store, code: signature.zone) else { throw CommandFailure("找不到园区 (no such zone)；请先运行 guatu demo 或指定 --zone") }
            var roles = Set<Role>()
            if let r = signature.role {
                for part in r.split(separator: ",") {
                    guard let role = Role(rawValue: String(part)) else { throw CommandFailure("未知角色：\(part)") }
                    roles.insert(role)
                }
            }
            try RoleRules.check(roles)
            var unitId: Int?
            if let unitName = signature.unit {
                guard let u = try await store.units(zoneId: zone.id).first(where: { $0.name == unitName }) else { throw CommandFailure("找不到单位：\(unitName)") }
                unitId = u.id
            }
            let password = try readPassword(context, signature.password)
            try PasswordPolicy.check(password)
            let hash = try await app.password.async.hash(password)
            var firmId: Int?
            if let code = signature.firm {
                guard roles.contains(.enterprise) else { throw CommandFailure("--firm 只用于企业账号（--role enterprise）") }
                guard let id = try await store.enterpriseId(creditCode: code.uppercased(), zoneId: zone.id) else { throw CommandFailure("企业库中没有统一社会信用代码为 \(code) 的企业") }
                firmId = id
            }
            let u = try await store.createUser(zoneId: zone.id, UserDraft(unitId: unitId, username: signature.username, displayName: signature.name ?? signature.username, title: ""),
                                               roles: roles, passwordHash: hash, actor: nil)
            if let firmId {
                try await store.linkEnterpriseAccount(userId: u.id, enterpriseId: firmId,
                                                      actor: Actor(userId: 0, username: "guatu user", displayName: "guatu user", zoneId: zone.id, unitId: nil, roles: [.sysAdmin]))
            }
            context.console.print("已创建用户 \(u.username)（编号\(u.id)）" + (firmId == nil ? "" : "，已关联企业"))
        case "passwd":
            guard let record = try await store.loginRecord(username: signature.username) else { throw CommandFailure("找不到用户：\(signature.username)") }
            let password = try readPassword(context, signature.password)
            try PasswordPolicy.check(password)
            try await store.setPasswordHash(userId: record.account.id, zoneId: record.account.zoneId, hash: try await app.password.async.hash(password), actor: nil)
            context.console.print("已修改 \(signature.username) 的密码，并解除锁定")
        case "token":
            guard let record = try await store.loginRecord(username: signature.username), !record.account.archived else { throw CommandFailure("找不到用户：\(signature.username)") }
            let token = Secrets.random()
            let actor = Actor(userId: record.account.id, username: record.account.username, displayName: record.account.displayName,
                              zoneId: record.account.zoneId, unitId: record.account.unitId, roles: record.account.roles)
            _ = try await store.createApiToken(userId: record.account.id, zoneId: record.account.zoneId, name: signature.name ?? "命令行生成", tokenHash: Secrets.hash(token), actor: actor)
            // Only the token on stdout, so scripts can capture it.
            print(token)
        default:
            throw CommandFailure("未知操作 \(signature.action)：应为 add、passwd 或 token")
        }
    }

    func readPassword(_ context: CommandContext, _ given: String?) throws -> String {
        if let given { return given }
        if let env = ProcessInfo.processInfo.environment["GUATU_PASSWORD"], !env.isEmpty { return env }
        context.console.output("密码: ", newLine: false)
        guard let line = readLine(strippingNewline: true), !line.isEmpty else { throw CommandFailure("未输入密码") }
        return line
    }
}

func zone(_ store: Store, code: String?) async throws -> Zone? {
    if let code { return try await store.zone(code: code) }
    return try await store.zones().first
}

struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// `guatu export matrix --format json|csv`.
struct ExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what", help: "matrix")
        var what: String
        @Option(name: "format", help: "json | csv (csv is UTF-8 with BOM, so Excel opens it in Chinese)")
        var format: String?
        @Option(name: "zone", help: "园区代码 (zone code; default: the first zone)")
        var zone: String?
        @Option(name: "year", help: "年度 (default: the newest year with plans)")
        var year: Int?
    }
    var help: String { "导出工作矩阵到标准输出 (export the matrix to stdout as JSON or CSV)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.what == "matrix" else { throw CommandFailure("只能导出 matrix") }
        let format = signature.format ?? "json"
        guard format == "json" || format == "csv" else { throw CommandFailure("--format 应为 json 或 csv") }
        let app = context.application
        guard let z = try await zone(app.store, code: signature.zone) else { throw CommandFailure("找不到园区") }
        let data = try await MatrixExport.export(app, zoneId: z.id, year: signature.year, format: format)
        FileHandle.standardOutput.write(data)
    }
}

/// `guatu remind`: sends what is due now (the same job `serve` runs every few minutes), then prints a summary.
struct RemindCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "发送到期提醒 (send due reminders now: in-app, e-mail, group robots)" }
    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        for zone in try await app.store.zones() {
            let o = try await RemindersJob.run(app, zoneId: zone.id, now: Date(), today: app.today)
            context.console.print("\(zone.name)：提醒事项\(o.reminders)项，站内通知\(o.notified)条，发送\(o.sent)条，失败\(o.failed)条")
        }
    }
}
