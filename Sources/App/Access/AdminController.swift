import Domain
import Persistence
import Vapor
import Views

/// 三员分立 in practice: the system administrator keeps accounts, the security administrator
/// assigns roles, everyone keeps their own password and API tokens.
enum AdminController {
    static let manageUsers = RouteAccess.permission(.manageAccounts)

    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.users.path, .signedIn, use: list)
        app.on(.GET, SiteURL.userNew.path, manageUsers, use: newForm)
        app.on(.POST, SiteURL.userNew.path, manageUsers, use: create)
        app.on(.GET, "/admin/users/:id/edit", manageUsers, use: editForm)
        app.on(.POST, "/admin/users/:id/edit", manageUsers, use: update)
        app.on(.POST, "/admin/users/:id/password", manageUsers, use: resetPassword)
        app.on(.POST, "/admin/users/:id/archive", manageUsers, use: archive)
        app.on(.GET, "/admin/users/:id/roles", .permission(.manageRoles), use: rolesForm)
        app.on(.POST, "/admin/users/:id/roles", .permission(.manageRoles), use: saveRoles)
        app.on(.GET, SiteURL.password.path, .signedIn, use: passwordForm)
        app.on(.POST, SiteURL.password.path, .signedIn, use: changePassword)
        app.on(.GET, SiteURL.tokens.path, .signedIn, use: tokens)
        app.on(.POST, SiteURL.tokens.path, .signedIn, use: createToken)
        app.on(.POST, "/me/tokens/:id/revoke", .signedIn, use: revokeToken)
    }

    /// Visible to the account and role administrators only (checked here: either duty suffices).
    @Sendable static func list(_ req: Request) async throws -> Response {
        let actor = try req.actor()
        let canAccounts = actor.can(.manageAccounts), canRoles = actor.can(.manageRoles)
        guard canAccounts || canRoles else { throw AppError.forbidden }
        async let usersQ = req.store.users(zoneId: actor.zoneId)
        async let unitsQ = req.store.units(zoneId: actor.zoneId, includeArchived: true)
        let (users, units) = try await (usersQ, unitsQ)
        let unitNames = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.name) })
        let page = TablePage(title: "用户管理", intro: "系统管理员管理账号，安全管理员分配角色（三员分立）。没有密码的人员仅作为分管领导或责任人登记，不能登录。",
            actions: canAccounts ? [("新建用户", SiteURL.userNew.path)] : [],
            headers: ["用户名", "姓名", "职务", "单位", "角色", "可登录", "操作"],
            rows: users.map { u in
                var ops: [(String, String)] = []
                if canAccounts { ops.append(("编辑", SiteURL.userEdit(u.id).path)) }
                if canRoles { ops.append(("分配角色", SiteURL.userRoles(u.id).path)) }
                return [.text(u.username), .text(u.displayName), .text(u.title), .text(u.unitId.flatMap { unitNames[$0] } ?? "—"),
                        .text(u.roles.map(\.chineseName).sorted().joined(separator: "、")),
                        .text(u.canSignIn ? (u.lockedUntil != nil ? "已锁定" : "是") : "否"), .links(ops)]
            })
        return req.html(page.render(req.pageContext(current: .users)))
    }

    static func userPage(_ req: Request, _ actor: Actor, user: UserAccount?, form: FormFields?, errors: FormErrors, conflict: Bool, status: HTTPResponseStatus) async throws -> Response {
        let units = try await req.store.units(zoneId: actor.zoneId)
        func v(_ name: String, _ fallback: String) -> String { form?.first(name) ?? fallback }
        var fields: [FormPage.Field] = []
        if user == nil { fields.append(.init("username", "用户名（登录名）", value: v("username", ""), required: true)) }
        fields += [
            .init("displayName", "姓名", value: v("displayName", user?.displayName ?? ""), required: true),
            .init("title", "职务", value: v("title", user?.title ?? "")),
            .init("unitId", "所在单位", .select(options: units.options, blank: "无（区领导）"), value: v("unitId", user?.unitId.map(String.init) ?? "")),
        ]
        if let user, user.roles.contains(.enterprise) {
            var code = ""
            if let e = user.enterpriseId { code = (try? await req.store.enterprise(id: e, zoneId: actor.zoneId).enterprise.creditCode) ?? "" }
            fields.append(.init("firmCode", "关联企业（统一社会信用代码）", value: v("firmCode", code)))
        }
        if user == nil { fields.append(.init("password", "初始密码（留空则不能登录）", .password)) }
        var page = FormPage(title: user == nil ? "新建用户" : "编辑用户：\(user!.username)", action: user.map { SiteURL.userEdit($0.id).path } ?? SiteURL.userNew.path,
                            fields: fields, errors: errors, version: user?.version, cancel: SiteURL.users.path, conflict: conflict,
                            intro: user == nil ? "角色由安全管理员分配。密码至少\(PasswordPolicy.minLength)位，含大写字母、小写字母、数字、符号中的至少三类。" : nil)
        if let user { page.archive = (SiteURL.userArchive(user.id).path, "停用此账号") }
        var parts: [CombinedPage.Part] = [.form(page)]
        if let user {
            // A second small form on the same page: reset the password.
            parts.append(.form(FormPage(title: "重置密码", action: SiteURL.userPassword(user.id).path, fields: [.init("password", "新密码", .password, required: true)],
                                        cancel: SiteURL.users.path, submitTitle: "重置密码")))
        }
        return req.html(CombinedPage(parts).render(req.pageContext(current: .users)), status: status)
    }

    static func userDraft(_ form: FormFields) throws -> UserDraft {
        var r = FormReader(form)
        let d = UserDraft(unitId: r.int("unitId", label: "单位"), username: form.text("username"), displayName: form.text("displayName"), title: form.text("title"))
        try r.check()
        return d
    }

    @Sendable static func newForm(_ req: Request) async throws -> Response {
        try await userPage(req, try req.actor(.manageAccounts), user: nil, form: nil, errors: FormErrors(), conflict: false, status: .ok)
    }

    @Sendable static func create(_ req: Request) async throws -> Response {
        let actor = try req.actor(.manageAccounts)
        let form = try FormFields.require(req)
        return try await FormFlow.submit(req, render: { e, c, s in try await userPage(req, actor, user: nil, form: form, errors: e, conflict: c, status: s) }) {
            let password = form.first("password") ?? ""
            var hash = ""
            if !password.isEmpty {
                try PasswordPolicy.check(password)
                hash = try await req.password.async.hash(password)
            }
            _ = try await req.store.createUser(zoneId: actor.zoneId, try userDraft(form), roles: [], passwordHash: hash, actor: actor, mustChange: true)
            return SiteURL.users.with([("notice", "created")])
        }
    }

    @Sendable static func editForm(_ req: Request) async throws -> Response {
        let actor = try req.actor(.manageAccounts)
        let user = try await req.store.user(id: try req.id(), zoneId: actor.zoneId)
        return try await userPage(req, actor, user: user, form: nil, errors: FormErrors(), conflict: false, status: .ok)
    }

    @Sendable static func update(_ req: Request) async throws -> Response {
        let actor = try req.actor(.manageAccounts)
        let id = try req.id()
        let form = try FormFields.require(req)
        return try await FormFlow.submit(req, render: { e, c, s in
            let latest = try await req.store.user(id: id, zoneId: actor.zoneId)
            return try await userPage(req, actor, user: latest, form: c ? nil : form, errors: e, conflict: c, status: s)
        }) {
            var r = FormReader(form)
            guard let version = r.version() else { throw FormInvalid(errors: r.formErrors) }
            let code = form.text("firmCode").uppercased()
            var firm: Int?
            if !code.isEmpty {
                guard let f = try await req.store.enterpriseId(creditCode: code, zoneId: actor.zoneId) else {
                    throw FormInvalid(errors: FormErrors(["firmCode": "企业库中没有统一社会信用代码为“\(code)”的企业"]))
                }
                firm = f
            }
            _ = try await req.store.updateUser(id: id, version: version, try userDraft(form), actor: actor)
            if let firm, try await req.store.user(id: id, zoneId: actor.zoneId).enterpriseId != firm {
                try await req.store.linkEnterpriseAccount(userId: id, enterpriseId: firm, actor: actor)
            }
            return SiteURL.users.with([("notice", "saved")])
        }
    }

    @Sendable static func resetPassword(_ req: Request) async throws -> Response {
        let actor = try req.actor(.manageAccounts)
        let id = try req.id()
        let form = try FormFields.require(req)
        let user = try await req.store.user(id: id, zoneId: actor.zoneId)
        return try await FormFlow.submit(req, render: { e, c, s in try await userPage(req, actor, user: user, form: nil, errors: e, conflict: c, status: s) }) {
            let password = form.first("password") ?? ""
            try PasswordPolicy.check(password)
            try await req.store.setPasswordHash(userId: id, zoneId: actor.zoneId, hash: try await req.password.async.hash(password), actor: actor, mustChange: true)
            return SiteURL.users.with([("notice", "password")])
        }
    }

    @Sendable static func archive(_ req: Request) async throws -> Response {
        let actor = try req.actor(.manageAccounts)
        let id = try req.id()
        guard id != actor.userId else { throw AppError(.unprocessableEntity, "self_archive", "不能停用自己的账号") }
        var r = FormReader(try FormFields.require(req))
        guard let version = r.version() else { throw AppError.badRequest("缺少版本号", field: "version") }
        try await req.store.archiveUser(id: id, version: version, actor: actor)
        return req.redirect(to: SiteURL.users.with([("notice", "archived")]))
    }

    // MARK: Roles (安全管理员)

    static func rolesPage(_ req: Request, user: UserAccount, errors: FormErrors, conflict: Bool, status: HTTPResponseStatus) -> Response {
        let page = FormPage(title: "分配角色：\(user.displayName)（\(user.username)）", action: SiteURL.userRoles(user.id).path, fields: [
            .init("roles", "角色", .checkboxes(options: Role.allCases.map { .init($0.rawValue, $0.chineseName) }), values: user.roles.map(\.rawValue)),
        ], errors: errors, version: user.version, cancel: SiteURL.users.path, conflict: conflict,
           intro: "三员分立：系统管理员、安全管理员、审计管理员不能兼任，也不能兼任业务角色。")
        return req.html(page.render(req.pageContext(current: .users)), status: status)
    }

    @Sendable static func rolesForm(_ req: Request) async throws -> Response {
        let actor = try req.actor(.manageRoles)
        return rolesPage(req, user: try await req.store.user(id: try req.id(), zoneId: actor.zoneId), errors: FormErrors(), conflict: false, status: .ok)
    }

    @Sendable static func saveRoles(_ req: Request) async throws -> Response {
        let actor = try req.actor(.manageRoles)
        let id = try req.id()
        let form = try FormFields.require(req)
        return try await FormFlow.submit(req, render: { e, c, s in
            rolesPage(req, user: try await req.store.user(id: id, zoneId: actor.zoneId), errors: e, conflict: c, status: s)
        }) {
            var r = FormReader(form)
            guard let version = r.version() else { throw FormInvalid(errors: r.formErrors) }
            var roles = Set<Role>()
            for raw in form.all("roles") {
                guard let role = Role(rawValue: raw) else { throw FormInvalid(errors: FormErrors(["roles": "未知角色：\(raw)"])) }
                roles.insert(role)
            }
            try RoleRules.check(roles)
            if id == actor.userId && !roles.contains(.secAdmin) {
                throw FormInvalid(errors: FormErrors(["roles": "不能撤销自己的安全管理员角色"]))
            }
            _ = try await req.store.setRoles(id: id, version: version, roles: roles, actor: actor)
            return SiteURL.users.with([("notice", "roles")])
        }
    }

    // MARK: Own password and tokens

    @Sendable static func passwordForm(_ req: Request) async throws -> Response {
        _ = try req.actor()
        return passwordPage(req, errors: FormErrors(), status: .ok)
    }

    static func passwordPage(_ req: Request, errors: FormErrors, status: HTTPResponseStatus) -> Response {
        let page = FormPage(title: "修改密码", action: SiteURL.password.path, fields: [
            .init("current", "当前密码", .password, required: true), .init("password", "新密码", .password, required: true),
        ], errors: errors, cancel: SiteURL.home.path)
        // Sent here because the password must be changed: say so even without the redirect's notice code.
        let notice = req.signedIn?.mustChangePassword == true ? Notices.text("password_expired") : nil
        return req.html(page.render(req.pageContext(current: nil, notice: notice)), status: status)
    }

    @Sendable static func changePassword(_ req: Request) async throws -> Response {
        let actor = try req.actor()
        let form = try FormFields.require(req)
        return try await FormFlow.submit(req, render: { e, _, s in passwordPage(req, errors: e, status: s) }) {
            guard let record = try await req.store.loginRecord(username: actor.username),
                  (try? await req.password.async.verify(form.first("current") ?? "", created: record.passwordHash)) == true else {
                throw FormInvalid(errors: FormErrors(["current": "当前密码不正确"]))
            }
            let password = form.first("password") ?? ""
            try PasswordPolicy.check(password)
            let history = req.application.guatu.passwordHistory
            for old in try await req.store.recentPasswordHashes(userId: actor.userId, count: history) {
                if (try? await req.password.async.verify(password, created: old)) == true {
                    throw FormInvalid(errors: FormErrors(["password": "新密码不能与最近\(history)次使用过的密码相同"]))
                }
            }
            try await req.store.setPasswordHash(userId: actor.userId, zoneId: actor.zoneId, hash: try await req.password.async.hash(password), actor: actor)
            return SiteURL.home.with([("notice", "password")])
        }
    }

    @Sendable static func tokens(_ req: Request) async throws -> Response {
        let actor = try req.actor()
        return try await tokensPage(req, actor, newToken: nil)
    }

    static func tokensPage(_ req: Request, _ actor: Actor, newToken: String?, newFeedURL: String? = nil, errors: FormErrors = FormErrors(), status: HTTPResponseStatus = .ok) async throws -> Response {
        let tokens = try await req.store.apiTokens(userId: actor.userId)
        let list = TablePage(title: "我的API令牌", intro: "调用 /api/v1 接口时在请求头中携带 Authorization: Bearer 令牌。令牌只在创建时显示一次。",
            headers: ["名称", "创建时间", "最近使用", "状态", "操作"],
            rows: tokens.map { t in [.text(t.name), .text(String(t.createdAt.prefix(19))), .text(t.lastUsedAt.map { String($0.prefix(19)) } ?? "—"),
                                     .text(t.revokedAt == nil ? "有效" : "已吊销"),
                                     t.revokedAt == nil ? .post("吊销", url: SiteURL.tokenRevoke(t.id).path, version: nil, confirm: "确定吊销此令牌？") : .text("")] },
            notice: newToken.map { "新令牌（请立即复制保存，不会再次显示）：\($0)" })
        let form = FormPage(title: "创建令牌", action: SiteURL.tokens.path, fields: [.init("name", "令牌名称（用途）", required: true)], errors: errors,
                            cancel: SiteURL.home.path, submitTitle: "创建")
        var parts: [CombinedPage.Part] = [.table(list), .form(form)]
        if actor.can(.readMatrix) {
            let feeds = try await req.store.feeds(userId: actor.userId)
            let feedList = TablePage(title: "日历订阅（iCalendar）",
                intro: "把您的截止日期和节点订阅到Outlook或手机日历。订阅地址相当于密码，只在创建时显示一次；不再需要时请吊销。",
                headers: ["类型", "创建时间", "状态", "操作"],
                rows: feeds.map { f in [.text(f.kind == .person ? "个人（我负责的任务、我分管计划的节点）" : "本单位（负责和配合的任务）"),
                                        .text(String(f.createdAt.prefix(19))), .text(f.revoked ? "已吊销" : "有效"),
                                        f.revoked ? .text("") : .post("吊销", url: SiteURL.feedRevoke(f.id).path, version: nil, confirm: "确定吊销此订阅？")] },
                notice: newFeedURL.map { "新的订阅地址（请立即复制到日历应用中“从URL订阅”）：\($0)" })
            var kinds: [FormPage.SelectOption] = [.init("person", "个人")]
            if actor.unitId != nil { kinds.append(.init("unit", "本单位")) }
            let feedForm = FormPage(title: "新建日历订阅", action: SiteURL.feeds.path, fields: [.init("kind", "订阅内容", .select(options: kinds, blank: nil), value: "person")],
                                    cancel: SiteURL.home.path, submitTitle: "生成订阅地址")
            parts += [.table(feedList), .form(feedForm)]
        }
        return req.html(CombinedPage(parts).render(req.pageContext(current: .tokens)), status: status)
    }

    @Sendable static func createToken(_ req: Request) async throws -> Response {
        let actor = try req.actor()
        let form = try FormFields.require(req)
        let token = Secrets.random()
        do {
            _ = try await req.store.createApiToken(userId: actor.userId, zoneId: actor.zoneId, name: form.text("name"), tokenHash: Secrets.hash(token), actor: actor)
        } catch let StoreError.invalid(e) {
            return try await tokensPage(req, actor, newToken: nil, errors: FormErrors([e.field: e.message]), status: .unprocessableEntity)
        }
        return try await tokensPage(req, actor, newToken: token)
    }

    @Sendable static func revokeToken(_ req: Request) async throws -> Response {
        let actor = try req.actor()
        try await req.store.revokeApiToken(id: try req.id(), userId: actor.userId, actor: actor)
        return req.redirect(to: SiteURL.tokens.with([("notice", "revoked")]))
    }
}
