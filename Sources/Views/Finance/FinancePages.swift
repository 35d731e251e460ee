import Domain
import Foundation
import Plot

/// Small pieces the finance pages share: amounts, rates, status and urgency labels, the section links, the month chart.
enum FinanceUI {
    /// 万元 as shown: at most two decimals, no trailing zeros ("1200", "12.5").
    static func wan(_ x: Double) -> String { formatNumber((x * 100).rounded() / 100) }
    /// 满足率 as a percentage with one decimal, "—" when there is nothing to rate.
    static func rate(_ r: Double?) -> String { UI.percent(r) }

    static func statusLabel(_ s: FinancingStatus) -> Node<HTML.BodyContext> {
        let cls: String
        switch s {
        case .open: cls = "light not_started"
        case .matched: cls = "light yellow"
        case .granted: cls = "light green"
        case .declined: cls = "light red"
        }
        return .span(.class(cls), .text(s.chineseName))
    }

    static func urgencyLabel(_ u: FinancingUrgency) -> Node<HTML.BodyContext> {
        switch u {
        case .critical: return .span(.class("light red"), .text(u.chineseName))
        case .urgent: return .span(.class("light yellow"), .text(u.chineseName))
        case .normal: return .text(u.chineseName)
        }
    }

    /// The links between the finance pages.
    static func sections(canEdit: Bool) -> Node<HTML.BodyContext> {
        .p(.class("actions"),
           canEdit ? .a(.class("button primary"), .href(SiteURL.financeNeedNew.path), .text("登记融资需求")) : .empty,
           .text("　"), .a(.href(SiteURL.finance.path), .text("月度统计与待办需求")),
           .text("　"), .a(.href(SiteURL.financeProducts.path), .text("银行产品库")),
           .text("　"), .a(.href(SiteURL.financeRelief.path), .text("纾困措施")))
    }

    /// Messages whose field has no place on the form, for the box above it.
    static func unplaced(_ errors: FormErrors, placed: Set<String>) -> [String] {
        errors.messages.filter { !placed.contains($0.key) }.sorted { $0.key < $1.key }.map { $0.value }
    }

    /// Two bars a month: 万元 asked by the needs filed (blue) and 万元 granted by the loans made (green).
    static func monthChart(_ months: [FinanceFigures], year: Int) -> String {
        let top = max(1, months.map { max($0.askedWan, $0.grantedWan) }.max() ?? 1)
        let w = 640.0, h = 220.0, l = 56.0, r = 10.0, t = 22.0, b = 24.0
        let slot = (w - l - r) / 12, bar = slot * 0.34
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        func y(_ v: Double) -> Double { t + (h - t - b) * (1 - v / top) }
        var label = ""
        HTMLWriter.escape("\(year)年各月融资需求金额与放款金额", into: &label)
        var s = "<svg class=\"chart\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" width=\"100%\" role=\"img\" aria-label=\"\(label)\">"
        s += "<text x=\"\(f(l))\" y=\"12\" font-size=\"11\" fill=\"#5f6368\">万元　蓝：当月新增需求金额　绿：当月放款金额</text>"
        s += "<line x1=\"\(f(l))\" y1=\"\(f(h - b))\" x2=\"\(f(w - r))\" y2=\"\(f(h - b))\" stroke=\"#dadce0\"/>"
        s += "<text x=\"\(f(l - 4))\" y=\"\(f(t + 4))\" font-size=\"10\" text-anchor=\"end\" fill=\"#5f6368\">\(wan(top))</text>"
        s += "<text x=\"\(f(l - 4))\" y=\"\(f(h - b))\" font-size=\"10\" text-anchor=\"end\" fill=\"#5f6368\">0</text>"
        for (i, m) in months.enumerated() {
            let x0 = l + slot * Double(i) + slot * 0.14
            for (j, v) in [(m.askedWan, "#1a5fb4"), (m.grantedWan, "#2e7d32")].enumerated() where v.0 > 0 {
                let x = x0 + Double(j) * (bar + 2)
                var title = ""
                HTMLWriter.escape("\(m.month ?? i + 1)月\(j == 0 ? "需求" : "放款")\(wan(v.0))万元", into: &title)
                s += "<rect x=\"\(f(x))\" y=\"\(f(y(v.0)))\" width=\"\(f(bar))\" height=\"\(f(h - b - y(v.0)))\" fill=\"\(v.1)\"><title>\(title)</title></rect>"
            }
            s += "<text x=\"\(f(l + slot * (Double(i) + 0.5)))\" y=\"\(f(h - 8))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5f6368\">\(i + 1)月</text>"
        }
        return s + "</svg>"
    }
}

// MARK: - Overview

/// 金融助企纾困: the year's figures month by month (table and chart), the needs still waiting with their urgency and age,
/// and the needs decided lately.
public struct FinanceOverviewPage: Sendable {
    public struct Row: Sendable {
        public let need: FinancingNeed
        public let firm: String
        public init(need: FinancingNeed, firm: String) { self.need = need; self.firm = firm }
    }
    public var year: Int
    public var months: [FinanceFigures]
    public var total: FinanceFigures
    public var open: [Row]
    public var decided: [Row]
    public var today: Day
    public var canEdit: Bool
    public init(year: Int, months: [FinanceFigures], total: FinanceFigures, open: [Row], decided: [Row], today: Day, canEdit: Bool) {
        self.year = year; self.months = months; self.total = total; self.open = open; self.decided = decided; self.today = today; self.canEdit = canEdit
    }

    func cards() -> Node<HTML.BodyContext> {
        let t = total
        return .div(.class("cards"),
            .div(.class("card"), .h3("新增融资需求"), .p(.class("big"), .text("\(t.filed)笔")), .p(.class("meta"), .text("\(FinanceUI.wan(t.askedWan))万元"))),
            .div(.class("card"), .h3("银企对接"), .p(.class("big"), .text("\(t.matched)笔"))),
            .div(.class("card"), .h3("获得贷款"), .p(.class("big"), .text("\(t.granted)笔")), .p(.class("meta"), .text("\(FinanceUI.wan(t.grantedWan))万元"))),
            .div(.class("card"), .h3("满足率"), .p(.class("big"), .text(FinanceUI.rate(t.satisfactionRate))),
                 .p(.class("meta"), .text("已办结\(t.granted + t.declined)笔，其中未获贷\(t.declined)笔"))),
            .div(.class("card"), .h3("纾困措施"), .p(.class("big"), .text("\(t.measures)项")), .p(.class("meta"), .text("\(FinanceUI.wan(t.measureWan))万元"))))
    }

    func figureRow(_ label: String, _ m: FinanceFigures) -> Node<HTML.TableContext> {
        .tr(.td(.text(label)), .td(.text(String(m.filed))), .td(.text(FinanceUI.wan(m.askedWan))), .td(.text(String(m.matched))),
            .td(.text(String(m.granted))), .td(.text(FinanceUI.wan(m.grantedWan))), .td(.text(String(m.declined))),
            .td(.text(FinanceUI.rate(m.satisfactionRate))), .td(.text(String(m.measures))), .td(.text(FinanceUI.wan(m.measureWan))))
    }

    func monthTable() -> Node<HTML.BodyContext> {
        .div(.class("scroll"), .table(.class("finance-months"),
            .thead(.tr(.th("月份"), .th("新增需求（笔）"), .th("需求金额（万元）"), .th("新对接（笔）"), .th("放款（笔）"), .th("放款金额（万元）"),
                       .th("未获贷（笔）"), .th("满足率"), .th("纾困措施（项）"), .th("纾困金额（万元）"))),
            .tbody(.forEach(months) { m in figureRow("\(m.month ?? 0)月", m) }, figureRow("全年", total))))
    }

    func openTable() -> Node<HTML.BodyContext> {
        open.isEmpty ? .p(.class("meta"), .text("没有待对接或已对接未办结的融资需求。")) : .div(.class("scroll"), .table(.class("responsive"),
            .thead(.tr(.th("提出日期"), .th("企业"), .th("金额（万元）"), .th("用途"), .th("紧急程度"), .th("已等待"), .th("状态"), .th("已对接银行"))),
            .tbody(.forEach(open) { r in
                let n = r.need
                return .tr(.td(.data(named: "label", value: "提出日期"), .text(n.filedOn.iso)),
                           .td(.data(named: "label", value: "企业"), .a(.href(SiteURL.financeNeed(n.id).path), .text(r.firm))),
                           .td(.data(named: "label", value: "金额"), .text(FinanceUI.wan(n.amountWan))),
                           .td(.data(named: "label", value: "用途"), .text(n.purpose)),
                           .td(.data(named: "label", value: "紧急程度"), FinanceUI.urgencyLabel(n.urgency)),
                           .td(.data(named: "label", value: "已等待"), .text("\(max(0, n.filedOn.days(to: today)))天")),
                           .td(.data(named: "label", value: "状态"), FinanceUI.statusLabel(n.status)),
                           .td(.data(named: "label", value: "已对接银行"), .text(n.matches.isEmpty ? "—" : n.matches.map(\.label).joined(separator: "、"))))
            })))
    }

    func decidedTable() -> Node<HTML.BodyContext> {
        decided.isEmpty ? .p(.class("meta"), .text("本年尚无办结的融资需求。")) : .div(.class("scroll"), .table(.class("responsive"),
            .thead(.tr(.th("办结日期"), .th("企业"), .th("需求（万元）"), .th("结果"), .th("放款（万元）"), .th("放款银行 / 原因"))),
            .tbody(.forEach(decided) { r in
                let n = r.need
                return .tr(.td(.data(named: "label", value: "办结日期"), .text(n.decidedOn?.iso ?? "—")),
                           .td(.data(named: "label", value: "企业"), .a(.href(SiteURL.financeNeed(n.id).path), .text(r.firm))),
                           .td(.data(named: "label", value: "需求"), .text(FinanceUI.wan(n.amountWan))),
                           .td(.data(named: "label", value: "结果"), FinanceUI.statusLabel(n.status)),
                           .td(.data(named: "label", value: "放款"), .text(n.grantedWan.map(FinanceUI.wan) ?? "—")),
                           .td(.data(named: "label", value: "放款银行 / 原因"), .text(n.status == .granted ? n.grantedBank : n.declineReason)))
            })))
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "金融助企纾困", context: ctx, body: .group(
            .h1(.text("金融助企纾困（\(year)年）")),
            FinanceUI.sections(canEdit: canEdit),
            .p(.class("meta"), .a(.href(SiteURL.finance.with([("year", String(year - 1))])), .text("‹ \(year - 1)年")), .text("　"),
               .a(.href(SiteURL.finance.with([("year", String(year + 1))])), .text("\(year + 1)年 ›"))),
            cards(),
            .h2("月度统计"),
            .raw(FinanceUI.monthChart(months, year: year)),
            monthTable(),
            .p(.class("meta"), .text("口径：需求、对接、放款、未获贷和纾困措施各按其发生日期计入当月；满足率=当月放款金额（每笔以不超过需求金额计）÷当月办结（放款或未获贷）需求的需求金额。")),
            .h2(.text("待办融资需求（\(open.count)笔）")),
            openTable(),
            .h2("近期办结"),
            decidedTable()
        ))
    }
}

// MARK: - Recording a need

/// The form that records a firm's financing need; the firm is named by its 统一社会信用代码 and must be in the registry.
public struct FinancingNeedFormPage: Sendable {
    public var values: [String: String]
    public var errors: FormErrors
    /// (credit code, name) of the zone's firms, offered as suggestions.
    public var firms: [(String, String)]
    public init(values: [String: String], errors: FormErrors = FormErrors(), firms: [(String, String)]) {
        self.values = values; self.errors = errors; self.firms = firms
    }

    static let fields: Set<String> = ["creditCode", "amountWan", "purpose", "urgency", "termMonths", "filedOn"]

    func v(_ k: String) -> String { values[k] ?? "" }

    /// The credit-code input with the registry as a suggestion list (written by hand: Plot has no datalist).
    func creditCodeInput() -> Node<HTML.BodyContext> {
        var s = "<input type=\"text\" id=\"creditCode\" name=\"creditCode\" required=\"required\" list=\"finance-firms\" autocomplete=\"off\" value=\""
        HTMLWriter.escape(v("creditCode"), into: &s)
        s += "\"><datalist id=\"finance-firms\">"
        for (code, name) in firms.prefix(5000) {
            s += "<option value=\""
            HTMLWriter.escape(code, into: &s)
            s += "\">"
            HTMLWriter.escape(name, into: &s)
            s += "</option>"
        }
        return .raw(s + "</datalist>")
    }

    func form(_ csrf: String) -> Node<HTML.BodyContext> {
        .form(.method(.post), .action(SiteURL.financeNeedNew.path), .class("edit"), UI.csrf(csrf),
            UI.field("企业统一社会信用代码（须已在企业库登记，可输入企业名称查找）", name: "creditCode", error: errors, creditCodeInput()),
            UI.field("融资金额（万元）", name: "amountWan", error: errors, UI.textInput("amountWan", v("amountWan"), required: true)),
            UI.field("资金用途", name: "purpose", error: errors, UI.textArea("purpose", v("purpose"))),
            UI.field("紧急程度", name: "urgency", error: errors,
                     UI.select("urgency", options: FinancingUrgency.allCases.map { ($0.code, "\($0.chineseName)（\($0.expectedWorkdays)个工作日内到位）") },
                               selected: [v("urgency").isEmpty ? FinancingUrgency.normal.code : v("urgency")])),
            UI.field("期望期限（月，可不填）", name: "termMonths", error: errors, UI.textInput("termMonths", v("termMonths"), type: "number")),
            UI.field("提出日期", name: "filedOn", error: errors, UI.textInput("filedOn", v("filedOn"), type: "date")),
            UI.submit("登记"))
    }

    public func render(_ ctx: PageContext) -> String {
        let loose = FinanceUI.unplaced(errors, placed: Self.fields)
        return Layout.render(title: "登记融资需求", context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.finance.path), .text("‹ 金融助企纾困"))),
            .h1("登记融资需求"),
            errors.isEmpty ? .empty : .p(.class("errorbox"), .text(loose.isEmpty ? "请按提示修改后再提交。" : loose.joined(separator: "；"))),
            form(ctx.csrfToken)
        ))
    }
}

// MARK: - One need

/// One financing need: its facts, the listed products that fit it (best first, with the reasons) and those that do not,
/// and the steps that can be taken now (对接、放款、未获贷).
public struct FinancingNeedPage: Sendable {
    public var need: FinancingNeed
    public var firmName: String
    public var creditCode: String
    public var firmTiers: [EnterpriseTier.Kind]
    public var candidates: [ProductCandidate]
    public var excluded: [ProductCandidate]
    public var actions: [FinancingAction]
    public var today: Day
    public var linkRegistry: Bool
    public var error: String?
    public init(need: FinancingNeed, firmName: String, creditCode: String, firmTiers: [EnterpriseTier.Kind], candidates: [ProductCandidate],
                excluded: [ProductCandidate], actions: [FinancingAction], today: Day, linkRegistry: Bool = true) {
        self.need = need; self.firmName = firmName; self.creditCode = creditCode; self.firmTiers = firmTiers; self.candidates = candidates
        self.excluded = excluded; self.actions = actions; self.today = today; self.linkRegistry = linkRegistry
    }

    func facts() -> Node<HTML.BodyContext> {
        let n = need
        return .table(.class("facts"),
            .tr(.th("企业"), .td(.text("\(firmName)（\(creditCode)）"),
                                 linkRegistry ? .group(.text(" "), .a(.href(SiteURL.enterprise(n.enterpriseId).path), .text("一企一档"))) : .empty)),
            .tr(.th("培育梯度"), .td(.text(firmTiers.isEmpty ? "—" : firmTiers.map(\.chineseName).joined(separator: "、")))),
            .tr(.th("融资金额"), .td(.text("\(FinanceUI.wan(n.amountWan))万元"))),
            .tr(.th("资金用途"), .td(.class("prewrap"), .text(n.purpose))),
            .tr(.th("紧急程度"), .td(FinanceUI.urgencyLabel(n.urgency))),
            .tr(.th("期望期限"), .td(.text(n.termMonths.map { "\($0)个月" } ?? "未说明"))),
            .tr(.th("提出日期"), .td(.text(n.filedOn.iso + (n.status.isFinal ? "" : "（已等待\(max(0, n.filedOn.days(to: today)))天）")))),
            .tr(.th("状态"), .td(FinanceUI.statusLabel(n.status))),
            .tr(.th("已对接"), .td(.text(n.matches.isEmpty ? "—" : n.matches.map(\.label).joined(separator: "、") + (n.matchedOn.map { "（首次对接\($0.iso)）" } ?? "")))),
            n.status == .granted ? .tr(.th("放款"), .td(.text("\(n.grantedBank) \(n.grantedWan.map(FinanceUI.wan) ?? "—")万元，\(n.grantedOn?.iso ?? "—")"))) : .empty,
            n.status == .declined ? .tr(.th("未获贷"), .td(.text("\(n.declinedOn?.iso ?? "—")：\(n.declineReason)"))) : .empty)
    }

    func candidateTable() -> Node<HTML.BodyContext> {
        candidates.isEmpty ? .p(.class("meta"), .text("产品库中没有符合这笔需求的产品。")) : .div(.class("scroll"), .table(.class("responsive"),
            .thead(.tr(.th("产品"), .th("匹配度"), .th("理由"))),
            .tbody(.forEach(candidates) { c in
                .tr(.td(.data(named: "label", value: "产品"), .text(c.product.label)),
                    .td(.data(named: "label", value: "匹配度"), .text("\(c.score)分")),
                    .td(.data(named: "label", value: "理由"), .text(c.reasons.joined(separator: "；"))))
            })))
    }

    func excludedList() -> Node<HTML.BodyContext> {
        excluded.isEmpty ? .empty : .element(named: "details", nodes: [
            .element(named: "summary", nodes: [.text("不符合条件的产品（\(excluded.count)个）")]),
            .ul(.forEach(excluded) { c in .li(.text("\(c.product.label)：\(c.reasons.first ?? "")")) })])
    }

    /// Two rows of bank and product typed in, for a bank whose product is not in the library.
    func freeMatchRows() -> Node<HTML.BodyContext> {
        func input(_ name: String, _ placeholder: String) -> Node<HTML.BodyContext> {
            .element(named: "input", nodes: [.attribute(named: "type", value: "text"), .attribute(named: "name", value: name),
                                             .attribute(named: "placeholder", value: placeholder)])
        }
        return .div(.div(input("matchBank", "银行（如工商银行高新支行）"), .text(" "), input("matchProduct", "产品名称")),
                    .div(input("matchBank", "银行"), .text(" "), input("matchProduct", "产品名称")))
    }

    func fields(for action: FinancingAction) -> Node<HTML.FormContext> {
        switch action {
        case .match:
            return .group(
                candidates.isEmpty ? .empty : .div(.class("field"), .element(named: "label", nodes: [.text("从匹配产品中选择")]),
                    .div(.forEach(candidates) { c in
                        .element(named: "label", nodes: [.class("inline"), .input(.type(.checkbox), .name("productId"), .value(String(c.product.id))),
                                                         .text(c.product.label + "　")])
                    })),
                .div(.class("field"), .element(named: "label", nodes: [.text("或填写其他银行及产品")]),
                     .element(named: "div", nodes: [freeMatchRows()])))
        case .grant:
            let banks = Array(Set(need.matches.map(\.bank))).sorted()
            return .group(
                UI.field("放款金额（万元）", name: "amountWan", error: FormErrors(), UI.textInput("amountWan", "")),
                UI.field("放款日期", name: "day", error: FormErrors(), UI.textInput("day", today.iso, type: "date")),
                UI.field("放款银行", name: "bank", error: FormErrors(),
                         UI.select("bank", options: banks.map { ($0, $0) }, selected: banks.count == 1 ? [banks[0]] : [], blank: banks.count == 1 ? nil : "请选择")))
        case .decline:
            return UI.field("未获贷原因（如企业撤回、银行审批未通过）", name: "text", error: FormErrors(), UI.textArea("text", ""))
        }
    }

    func actionForms(_ csrf: String) -> Node<HTML.BodyContext> {
        .forEach(actions) { action in
            .form(.method(.post), .action(SiteURL.financeNeedAct(need.id).path), .class("edit"), UI.csrf(csrf),
                .input(.type(.hidden), .name("version"), .value(String(need.version))),
                .input(.type(.hidden), .name("action"), .value(action.rawValue)),
                .h3(.text(action.chineseName)),
                fields(for: action),
                UI.submit(action.chineseName))
        }
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "融资需求：\(firmName)", context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.finance.path), .text("‹ 金融助企纾困"))),
            .h1(.text("融资需求：\(firmName)")),
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            facts(),
            need.status.isFinal ? .empty : .group(.h2("匹配产品"), candidateTable(), excludedList()),
            actionForms(ctx.csrfToken)
        ))
    }
}

// MARK: - Bank products

/// 银企对接产品库: the banks' products the office matches needs with, and the form that lists another.
public struct BankProductsPage: Sendable {
    public var products: [BankProduct]
    public var values: [String: String]
    public var errors: FormErrors
    public var canEdit: Bool
    public init(products: [BankProduct], values: [String: String] = [:], errors: FormErrors = FormErrors(), canEdit: Bool) {
        self.products = products; self.values = values; self.errors = errors; self.canEdit = canEdit
    }

    static let fields: Set<String> = ["bank", "name", "minAmountWan", "maxAmountWan", "maxTermMonths", "urgencies", "tiers", "approvalWorkdays", "annualRatePercent"]

    func v(_ k: String) -> String { values[k] ?? "" }

    func table() -> Node<HTML.BodyContext> {
        products.isEmpty ? .p(.class("meta"), .text("产品库中还没有产品。")) : .div(.class("scroll"), .table(.class("responsive"),
            .thead(.tr(.th("银行"), .th("产品"), .th("额度（万元）"), .th("最长期限"), .th("受理需求"), .th("面向企业"), .th("审批时间"), .th("年利率"))),
            .tbody(.forEach(products) { p in
                .tr(.td(.data(named: "label", value: "银行"), .text(p.bank)),
                    .td(.data(named: "label", value: "产品"), .text(p.name)),
                    .td(.data(named: "label", value: "额度"), .text("\(FinanceUI.wan(p.minAmountWan))—\(FinanceUI.wan(p.maxAmountWan))")),
                    .td(.data(named: "label", value: "最长期限"), .text("\(p.maxTermMonths)个月")),
                    .td(.data(named: "label", value: "受理需求"), .text(p.urgencies.isEmpty ? "不限" : p.urgencies.map(\.chineseName).joined(separator: "、"))),
                    .td(.data(named: "label", value: "面向企业"), .text(p.tiers.isEmpty ? "不限" : p.tiers.map(\.chineseName).joined(separator: "、"))),
                    .td(.data(named: "label", value: "审批时间"), .text(p.approvalWorkdays.map { "约\($0)个工作日" } ?? "—")),
                    .td(.data(named: "label", value: "年利率"), .text(p.annualRatePercent.map { "\(formatNumber($0))%" } ?? "—")))
            })))
    }

    func checks(_ name: String, _ options: [(String, String)]) -> Node<HTML.BodyContext> {
        let chosen = Set(v(name).split(separator: ",").map(String.init))
        return .div(.forEach(options) { o in
            .element(named: "label", nodes: [.class("inline"), .input(.type(.checkbox), .name(name), .value(o.0), chosen.contains(o.0) ? .checked(true) : .empty),
                                             .text(o.1 + "　")])
        })
    }

    func form(_ csrf: String) -> Node<HTML.BodyContext> {
        .form(.method(.post), .action(SiteURL.financeProducts.path), .class("edit"), UI.csrf(csrf),
            UI.field("银行（含分支机构）", name: "bank", error: errors, UI.textInput("bank", v("bank"), required: true)),
            UI.field("产品名称", name: "name", error: errors, UI.textInput("name", v("name"), required: true)),
            UI.field("最低额度（万元，可不填）", name: "minAmountWan", error: errors, UI.textInput("minAmountWan", v("minAmountWan"))),
            UI.field("最高额度（万元）", name: "maxAmountWan", error: errors, UI.textInput("maxAmountWan", v("maxAmountWan"), required: true)),
            UI.field("最长期限（月）", name: "maxTermMonths", error: errors, UI.textInput("maxTermMonths", v("maxTermMonths"), type: "number", required: true)),
            UI.field("受理的紧急程度（不选为不限）", name: "urgencies", error: errors, checks("urgencies", FinancingUrgency.allCases.map { ($0.code, $0.chineseName) })),
            UI.field("面向的企业梯度（不选为不限）", name: "tiers", error: errors, checks("tiers", EnterpriseTier.Kind.allCases.map { ($0.rawValue, $0.chineseName) })),
            UI.field("审批时间（工作日，可不填）", name: "approvalWorkdays", error: errors, UI.textInput("approvalWorkdays", v("approvalWorkdays"), type: "number")),
            UI.field("年利率（%，可不填）", name: "annualRatePercent", error: errors, UI.textInput("annualRatePercent", v("annualRatePercent"))),
            UI.submit("加入产品库"))
    }

    public func render(_ ctx: PageContext) -> String {
        let loose = FinanceUI.unplaced(errors, placed: Self.fields)
        return Layout.render(title: "银行产品库", context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.finance.path), .text("‹ 金融助企纾困"))),
            .h1("银企对接产品库"),
            .p(.class("meta"), .text("登记融资需求后，系统按额度、期限、紧急程度和企业梯度从产品库中推荐产品。")),
            table(),
            canEdit ? .group(.h2("登记产品"),
                             errors.isEmpty ? .empty : .p(.class("errorbox"), .text(loose.isEmpty ? "请按提示修改后再提交。" : loose.joined(separator: "；"))),
                             form(ctx.csrfToken)) : .empty
        ))
    }
}

// MARK: - Relief measures

/// 纾困措施: the measures granted in a year, with the totals per kind, and the form that records one.
public struct ReliefPage: Sendable {
    public struct Row: Sendable {
        public let measure: ReliefMeasure
        public let firm: String
        public init(measure: ReliefMeasure, firm: String) { self.measure = measure; self.firm = firm }
    }
    public var year: Int
    public var rows: [Row]
    public var total: FinanceFigures
    public var values: [String: String]
    public var errors: FormErrors
    public var firms: [(String, String)]
    public var canEdit: Bool
    public init(year: Int, rows: [Row], total: FinanceFigures, values: [String: String] = [:], errors: FormErrors = FormErrors(), firms: [(String, String)],
                canEdit: Bool) {
        self.year = year; self.rows = rows; self.total = total; self.values = values; self.errors = errors; self.firms = firms; self.canEdit = canEdit
    }

    static let fields: Set<String> = ["creditCode", "kind", "amountWan", "day", "institution", "note"]

    func v(_ k: String) -> String { values[k] ?? "" }

    func kindTable() -> Node<HTML.BodyContext> {
        .table(.thead(.tr(.th("措施"), .th("项数"), .th("金额（万元）"), .th("金额口径"))),
               .tbody(.forEach(ReliefKind.allCases) { k in
                   .tr(.td(.text(k.chineseName)), .td(.text(String(total.measuresByKind[k] ?? 0))), .td(.text(FinanceUI.wan(total.measureWanByKind[k] ?? 0))),
                       .td(.text(k.amountMeaning)))
               }))
    }

    func table() -> Node<HTML.BodyContext> {
        rows.isEmpty ? .p(.class("meta"), .text("本年尚未登记纾困措施。")) : .div(.class("scroll"), .table(.class("responsive"),
            .thead(.tr(.th("日期"), .th("企业"), .th("措施"), .th("金额（万元）"), .th("实施机构"), .th("备注"))),
            .tbody(.forEach(rows) { r in
                let m = r.measure
                return .tr(.td(.data(named: "label", value: "日期"), .text(m.day.iso)),
                           .td(.data(named: "label", value: "企业"), .a(.href(SiteURL.enterprise(m.enterpriseId).path), .text(r.firm))),
                           .td(.data(named: "label", value: "措施"), .text(m.kind.chineseName)),
                           .td(.data(named: "label", value: "金额"), .text("\(FinanceUI.wan(m.amountWan))（\(m.kind.amountMeaning)）")),
                           .td(.data(named: "label", value: "实施机构"), .text(m.institution.isEmpty ? "—" : m.institution)),
                           .td(.data(named: "label", value: "备注"), .text(m.note)))
            })))
    }

    func form(_ csrf: String) -> Node<HTML.BodyContext> {
        let codeInput = FinancingNeedFormPage(values: ["creditCode": v("creditCode")], firms: firms).creditCodeInput()
        return .form(.method(.post), .action(SiteURL.financeRelief.path), .class("edit"), UI.csrf(csrf),
            UI.field("企业统一社会信用代码（须已在企业库登记）", name: "creditCode", error: errors, codeInput),
            UI.field("措施", name: "kind", error: errors,
                     UI.select("kind", options: ReliefKind.allCases.map { ($0.rawValue, "\($0.chineseName)（金额填\($0.amountMeaning)）") }, selected: [v("kind")], blank: "请选择")),
            UI.field("金额（万元）", name: "amountWan", error: errors, UI.textInput("amountWan", v("amountWan"), required: true)),
            UI.field("日期", name: "day", error: errors, UI.textInput("day", v("day"), type: "date")),
            UI.field("实施机构（银行、担保公司或部门）", name: "institution", error: errors, UI.textInput("institution", v("institution"))),
            UI.field("备注", name: "note", error: errors, UI.textArea("note", v("note"))),
            UI.submit("登记"))
    }

    public func render(_ ctx: PageContext) -> String {
        let loose = FinanceUI.unplaced(errors, placed: Self.fields)
        return Layout.render(title: "纾困措施", context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.finance.path), .text("‹ 金融助企纾困"))),
            .h1(.text("纾困措施（\(year)年）")),
            .p(.class("meta"), .a(.href(SiteURL.financeRelief.with([("year", String(year - 1))])), .text("‹ \(year - 1)年")), .text("　"),
               .a(.href(SiteURL.financeRelief.with([("year", String(year + 1))])), .text("\(year + 1)年 ›"))),
            .p(.class("meta"), .text("全年\(total.measures)项，涉及\(FinanceUI.wan(total.measureWan))万元。")),
            kindTable(),
            table(),
            canEdit ? .group(.h2("登记纾困措施"),
                             errors.isEmpty ? .empty : .p(.class("errorbox"), .text(loose.isEmpty ? "请按提示修改后再提交。" : loose.joined(separator: "；"))),
                             form(ctx.csrfToken)) : .empty
        ))
    }
}
