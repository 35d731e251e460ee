import Domain
import Persistence
import Vapor
import Views

/// 提醒: everyone's in-app notifications, the delivery log, and the zone's channels (SMTP, robots).
enum RemindersController {
    static func register(_ app: RoutesBuilder) {
        app.on(.GET, SiteURL.notifications.path, .signedIn, use: notifications)
        app.on(.POST, SiteURL.notifications.path, .signedIn, use: markRead)
        app.on(.GET, SiteURL.deliveries.path, .permission(.readDeliveryLog), use: deliveries)
        app.on(.GET, SiteURL.reminderSettings.path, .permission(.editMatrix), use: settingsForm)
        app.on(.POST, SiteURL.reminderSettings.path, .permission(.editMatrix), use: saveSettings)
    }

    @Sendable static func notifications(_ req: Request) async throws -> Response {
        let actor = try req.actor()
        let items = try await req.store.notifications(userId: actor.userId, zoneId: actor.zoneId)
        let unread = items.filter { $0.readAt == nil }.count
        let page = TablePage(title: "通知", intro: "未读\(unread)条。交账、督办反馈到期前一个工作日、当日和逾期时提醒；同一事项同一阶段只提醒一次。",
                             actions: [], headers: ["时间", "通知", "内容", "状态"],
                             rows: items.map { n in
                                 [.text(UI.beijingTime(n.createdAt)), .link(n.title, url: n.link), .text(n.body),
                                  .text(n.readAt == nil ? "未读" : "已读")]
                             })
        var rendered = page
        if unread > 0 { rendered.actions = [] }
        let body = rendered.render(req.pageContext(current: .notifications))
        // "Mark all read" sits under the table as a small form.
        let form = unread == 0 ? "" : "<form method=\"post\" action=\"\(SiteURL.notifications.path)\" class=\"inline\"><input type=\"hidden\" name=\"_csrf\" value=\"\(attr(req.pageContext(current: .notifications).csrfToken))\"><button type=\"submit\">全部标为已读</button></form>"
        return req.html(body.replacingOccurrences(of: "</main>", with: form + "</main>"))
    }

    @Sendable static func markRead(_ req: Request) async throws -> Response {
        let actor = try req.actor()
        try await req.store.markNotificationsRead(userId: actor.userId, zoneId: actor.zoneId)
        return req.redirect(to: SiteURL.notifications.path)
    }

    @Sendable static func deliveries(_ req: Request) async throws -> Response {
        let actor = try req.actor(.readDeliveryLog)
        let rows = try await req.store.deliveries(zoneId: actor.zoneId)
        let channel = ["email": "电子邮件", "wecom": "企业微信机器人", "dingtalk": "钉钉机器人"]
        let status = ["sent": "已发送", "failed": "失败（将重试）", "sending": "发送中"]
        let page = TablePage(title: "提醒发送记录", intro: "每个提醒事项对每个渠道和收件人只发送一次；失败的最多重试\(Store.maxDeliveryAttempts)次。",
                             actions: actor.can(.editMatrix) ? [("提醒渠道设置", SiteURL.reminderSettings.path)] : [],
                             headers: ["时间", "事项", "渠道", "收件人", "状态", "次数", "错误"],
                             rows: rows.map { d in
                                 [.text(UI.beijingTime(d.updatedAt)), .text(d.title), .text(channel[d.channel] ?? d.channel),
                                  .text(d.target), .text(d.status == "failed" && d.attempts >= Store.maxDeliveryAttempts ? "失败（已放弃）" : status[d.status] ?? d.status),
                                  .text(String(d.attempts)), .text(d.error)]
                             })
        return req.html(page.render(req.pageContext(current: .deliveries)))
    }

    static func settingsPage(_ req: Request, _ actor: Actor, errors: FormErrors, conflict: Bool, status: HTTPResponseStatus) async throws -> Response {
        let (s, version) = try await req.store.notifySettings(zoneId: actor.zoneId)
        let names = try await req.names(actor)
        let emails = s.unitEmails.sorted { $0.key < $1.key }.map { "\(names.unit($0.key))：\($0.value.joined(separator: "，"))" }.joined(separator: "\n")
        let page = FormPage(title: "提醒渠道", action: SiteURL.reminderSettings.path, fields: [
            .init("smtpHost", "SMTP服务器（不填则不发邮件）", .text, value: s.smtpHost),
            .init("smtpPort", "SMTP端口", .number, value: String(s.smtpPort)),
            .init("smtpFrom", "发件地址", .text, value: s.smtpFrom),
            .init("smtpUser", "SMTP用户名（密码由环境变量GUATU_SMTP_PASSWORD提供）", .text, value: s.smtpUser),
            .init("unitEmails", "各单位收件地址（每行“单位名：地址，地址”）", .textarea, value: emails),
            .init("wecomURL", "企业微信群机器人Webhook地址", .text, value: s.wecomURL),
            .init("dingtalkURL", "钉钉群机器人Webhook地址", .text, value: s.dingtalkURL),
            .init("dingtalkSecret", "钉钉加签密钥（可不填）", .text, value: s.dingtalkSecret),
        ], errors: errors, version: version, cancel: SiteURL.deliveries.path, conflict: conflict,
           intro: "站内通知总是发送给责任单位的填报员；此处设置的邮件和群机器人为附加渠道。")
        return req.html(page.render(req.pageContext(current: .deliveries)), status: status)
    }

    @Sendable static func settingsForm(_ req: Request) async throws -> Response {
        try await settingsPage(req, try req.actor(.editMatrix), errors: FormErrors(), conflict: false, status: .ok)
    }

    @Sendable static func saveSettings(_ req: Request) async throws -> Response {
        let actor = try req.actor(.editMatrix)
        let form = try FormFields.require(req)
        let units = try await req.store.units(zoneId: actor.zoneId)
        return try await FormFlow.submit(req, render: { e, c, st in try await settingsPage(req, actor, errors: e, conflict: c, status: st) }) {
            var r = FormReader(form)
            var s = NotifySettings()
            s.smtpHost = form.text("smtpHost"); s.smtpFrom = form.text("smtpFrom"); s.smtpUser = form.text("smtpUser")
            s.smtpPort = r.int("smtpPort", label: "SMTP端口") ?? 25
            s.wecomURL = form.text("wecomURL"); s.dingtalkURL = form.text("dingtalkURL"); s.dingtalkSecret = form.text("dingtalkSecret")
            for line in form.text("unitEmails").split(whereSeparator: \.isNewline) {
                let parts = line.replacingOccurrences(of: ":", with: "：").split(separator: "：", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[0].isEmpty else { r.errors["unitEmails"] = "“\(line)”应写成“单位名：地址”"; break }
                guard let unit = units.first(where: { $0.name == parts[0] || $0.shortName == parts[0] }) else {
                    r.errors["unitEmails"] = "没有名为“\(parts[0])”的单位"; break
                }
                s.unitEmails[unit.id] = parts[1].replacingOccurrences(of: "，", with: ",").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            guard r.errors.isEmpty, let version = r.version() else { throw FormInvalid(errors: r.formErrors) }
            try await req.store.setNotifySettings(s, version: version, actor: actor)
            return SiteURL.reminderSettings.with([("notice", "saved")])
        }
    }
}
