import Domain

/// What every page needs besides its own model: who is signed in, the CSRF token for forms,
/// which menu entries to show, and a one-line notice.
public struct PageContext: Sendable {
    public struct NavItem: Sendable, Equatable {
        public let title: String
        public let url: SiteURL
        public init(title: String, url: SiteURL) { self.title = title; self.url = url }
    }
    public var userName: String?
    public var roleNames: String
    public var csrfToken: String
    public var nav: [NavItem]
    public var current: SiteURL?
    public var notice: String?
    public var zoneName: String
    /// Warnings shown above the page (e.g. a year with no official calendar data).
    public var warnings: [String]

    public init(userName: String?, roleNames: String = "", csrfToken: String, nav: [NavItem] = [], current: SiteURL? = nil,
                notice: String? = nil, zoneName: String = "", warnings: [String] = []) {
        self.userName = userName; self.roleNames = roleNames; self.csrfToken = csrfToken; self.nav = nav
        self.current = current; self.notice = notice; self.zoneName = zoneName; self.warnings = warnings
    }

    /// The menu a user with these permissions sees.
    public static func navigation(for actor: Actor) -> [NavItem] {
        var items: [NavItem] = []
        if actor.can(.readMatrix) {
            items += [NavItem(title: "总览", url: .home), NavItem(title: "驾驶舱", url: .cockpit), NavItem(title: "挂图作战", url: .battleMap), NavItem(title: "工作矩阵", url: .matrix),
                      NavItem(title: "单位视图", url: .unitMatrix), NavItem(title: "目标定位", url: .targets)]
        }
        if actor.can(.reportOwnTasks) { items.append(NavItem(title: "交账", url: .inbox)) }
        if actor.can(.readMatrix) { items += [NavItem(title: "督办", url: .supervision), NavItem(title: "调度会", url: .meetings), NavItem(title: "月通报", url: .bulletins),
                      NavItem(title: "指标", url: .indicators), NavItem(title: "考核", url: .assessment), NavItem(title: "企业", url: .enterprises), NavItem(title: "企业诉求", url: .appeals), NavItem(title: "政策", url: .policies), NavItem(title: "安全生产", url: .safety), NavItem(title: "改革项目库", url: .reforms), NavItem(title: "金融纾困", url: .finance),
                      NavItem(title: "重点项目", url: .projects)] }
        if actor.can(.readAppeals) && !actor.can(.readMatrix) {
            items += [NavItem(title: "我的诉求", url: .appeals)] + (actor.enterpriseId.map { [NavItem(title: "可享政策", url: .enterprisePolicies($0))] } ?? [])
        }
        items.append(NavItem(title: "工作日历", url: .calendar))
        if actor.can(.editMatrix) { items.append(NavItem(title: "单位管理", url: .units)) }
        if actor.can(.manageAccounts) || actor.can(.manageRoles) { items.append(NavItem(title: "用户管理", url: .users)) }
        if actor.can(.readAudit) { items.append(NavItem(title: "审计日志", url: .audit)) }
        if actor.can(.operateJobs) { items.append(NavItem(title: "后台任务", url: .jobs)) }
        if actor.can(.readProvince) { items.append(NavItem(title: "全省园区", url: .province)) }
        if actor.can(.readDeliveryLog) { items.append(NavItem(title: "提醒记录", url: .deliveries)) }
        items.append(NavItem(title: "通知", url: .notifications))
        items.append(NavItem(title: "API令牌", url: .tokens))
        return items
    }
}
