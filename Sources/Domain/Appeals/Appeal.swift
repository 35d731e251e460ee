import Foundation

/// 企业诉求: a firm's problem brought to the zone, handled in a closed loop (`AppealLifecycle`) against working-day
/// deadlines set per category (`AppealDeadlines`).
public struct Appeal: Codable, Sendable, Equatable, Identifiable {
    public var id: Int
    /// The firm in the registry, when known (always for an enterprise account or a public form with a registered credit code).
    public var enterpriseId: Int?
    /// The firm's name and credit code as given (a public-form firm may not be in the registry yet).
    public var firmName: String
    public var creditCode: String
    public var contactName: String
    public var contactPhone: String
    public var category: AppealCategory
    public var channel: AppealChannel
    public var title: String
    public var description: String
    public var status: AppealStatus
    /// 主办单位 and 协办单位.
    public var leadUnitId: Int?
    public var coUnitIds: [Int]
    public var receivedOn: Day
    /// The stages' due days, fixed at receipt (`AppealDue`).
    public var due: AppealDue
    public var assignedOn: Day?
    /// The first answer (答复) and the close (办结) days: the on-time rules read these.
    public var answeredOn: Day?
    public var closedOn: Day?
    public var answer: String
    public var satisfaction: Satisfaction?
    /// Times the firm sent the answer back (重新办理).
    public var reopenCount: Int
    /// 查询码: lets a firm that used the public form follow and rate its appeal, with its phone number.
    public var trackingCode: String
    public var version: Int
    /// The signed-in user who filed or logged it (nil for the public form).
    public var submittedBy: Int? = nil
    public init(id: Int, enterpriseId: Int?, firmName: String, creditCode: String, contactName: String, contactPhone: String, category: AppealCategory,
                channel: AppealChannel, title: String, description: String, status: AppealStatus = .received, leadUnitId: Int? = nil, coUnitIds: [Int] = [],
                receivedOn: Day, due: AppealDue, assignedOn: Day? = nil, answeredOn: Day? = nil, closedOn: Day? = nil, answer: String = "", satisfaction: Satisfaction? = nil,
                reopenCount: Int = 0, trackingCode: String = "", version: Int = 1) {
        self.id = id; self.enterpriseId = enterpriseId; self.firmName = firmName; self.creditCode = creditCode; self.contactName = contactName
        self.contactPhone = contactPhone; self.category = category; self.channel = channel; self.title = title; self.description = description
        self.status = status; self.leadUnitId = leadUnitId; self.coUnitIds = coUnitIds; self.receivedOn = receivedOn; self.due = due; self.assignedOn = assignedOn
        self.answeredOn = answeredOn; self.closedOn = closedOn; self.answer = answer; self.satisfaction = satisfaction; self.reopenCount = reopenCount
        self.trackingCode = trackingCode; self.version = version
    }
}

/// What an appeal is about; the zone sets deadlines per category.
public enum AppealCategory: String, Codable, Sendable, CaseIterable {
    case land, finance, talent, approval, utilities, policy, market, other
    public var chineseName: String {
        switch self {
        case .land: return "用地规划"
        case .finance: return "融资金融"
        case .talent: return "人才用工"
        case .approval: return "审批服务"
        case .utilities: return "水电气网"
        case .policy: return "政策兑现"
        case .market: return "市场开拓"
        case .other: return "其他"
        }
    }
}

/// How the appeal reached the zone.
public enum AppealChannel: String, Codable, Sendable, CaseIterable {
    /// The firm itself: its enterprise account, or the public form (credit code + phone).
    case account, publicForm
    /// Logged by an official: a visit (走访), the 12345 hotline, the mailbox (信箱), a forum (座谈会).
    case visit, hotline, mailbox, forum, other
    public var chineseName: String {
        switch self {
        case .account: return "企业账号"
        case .publicForm: return "公开表单"
        case .visit: return "走访收集"
        case .hotline: return "12345热线"
        case .mailbox: return "书记/主任信箱"
        case .forum: return "政企座谈会"
        case .other: return "其他渠道"
        }
    }
    /// Channels an official logs by hand.
    public static let loggedByOfficials: [AppealChannel] = [.visit, .hotline, .mailbox, .forum, .other]
}

/// The firm's rating of how its appeal was handled. Only the firm gives it.
public enum Satisfaction: String, Codable, Sendable, CaseIterable {
    case satisfied, fairlySatisfied, dissatisfied
    public var chineseName: String {
        switch self {
        case .satisfied: return "满意"
        case .fairlySatisfied: return "基本满意"
        case .dissatisfied: return "不满意"
        }
    }
    /// 满意率 counts 满意 and 基本满意.
    public var countsAsSatisfied: Bool { self != .dissatisfied }
}

/// What a new appeal must hold, whoever files it.
public struct AppealDraft: Sendable, Equatable {
    public var firmName: String
    public var creditCode: String
    public var contactName: String
    public var contactPhone: String
    public var category: AppealCategory?
    public var channel: AppealChannel
    public var title: String
    public var description: String
    public init(firmName: String, creditCode: String, contactName: String, contactPhone: String, category: AppealCategory?, channel: AppealChannel,
                title: String, description: String) {
        self.firmName = firmName; self.creditCode = creditCode; self.contactName = contactName; self.contactPhone = contactPhone
        self.category = category; self.channel = channel; self.title = title; self.description = description
    }

    /// Trimmed and checked: a firm, a way to reach it (a mainland phone number), a category, a title and a description.
    /// The credit code, when given, must be valid (`CreditCode`); the public form requires it.
    public func validated() throws -> AppealDraft {
        func t(_ s: String) -> String { s.trimmingCharacters(in: .whitespacesAndNewlines) }
        var d = self
        d.firmName = t(firmName); d.creditCode = t(creditCode).uppercased(); d.contactName = t(contactName)
        d.contactPhone = t(contactPhone).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: " ", with: "")
        d.title = t(title); d.description = t(description)
        guard !d.firmName.isEmpty, d.firmName.count <= 100 else { throw ValidationError(field: "firmName", "请填写企业名称（不超过100字）") }
        if d.channel == .publicForm && d.creditCode.isEmpty { throw ValidationError(field: "creditCode", "请填写统一社会信用代码") }
        if !d.creditCode.isEmpty { d.creditCode = try CreditCode.validated(d.creditCode) }
        guard !d.contactPhone.isEmpty else { throw ValidationError(field: "contactPhone", "请留下联系电话，以便答复") }
        guard AppealDraft.isPhone(d.contactPhone) else {
            throw ValidationError(field: "contactPhone", "联系电话格式不对：手机号11位（1开头），固定电话如0571-88888888")
        }
        guard d.contactName.count <= 40 else { throw ValidationError(field: "contactName", "联系人不超过40字") }
        guard d.category != nil else { throw ValidationError(field: "category", "请选择诉求类别") }
        guard !d.title.isEmpty, d.title.count <= 100 else { throw ValidationError(field: "title", "请填写诉求标题（不超过100字）") }
        guard !d.description.isEmpty else { throw ValidationError(field: "description", "请描述诉求内容") }
        guard d.description.count <= TextLimits.longText else { throw ValidationError(field: "description", "诉求内容不超过\(TextLimits.longText)字") }
        return d
    }

    /// A mainland mobile (11 digits from 1) or a landline (area code 0xx(x) + 7–8 digits, hyphen removed).
    static func isPhone(_ s: String) -> Bool {
        guard s.allSatisfy(\.isASCII), s.allSatisfy(\.isNumber) else { return false }
        if s.first == "1" { return s.count == 11 }
        if s.first == "0" { return (10...12).contains(s.count) }
        return false
    }
}
