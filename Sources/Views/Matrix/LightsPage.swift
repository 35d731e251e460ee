import Domain
import Plot

/// 红黄绿灯说明: how each light is decided, with this zone's thresholds, and the form to change them.
public struct LightsPage: Sendable {
    public var rules: LightRules
    public var version: Int
    public var canEdit: Bool
    public var errors: FormErrors
    public var conflict: Bool
    public init(rules: LightRules, version: Int, canEdit: Bool, errors: FormErrors = FormErrors(), conflict: Bool = false) {
        self.rules = rules; self.version = version; self.canEdit = canEdit; self.errors = errors; self.conflict = conflict
    }

    public func render(_ ctx: PageContext) -> String {
        let r = rules
        let explanations: [(Light, String)] = [
            (.done, "状态为已完成，且完成日期不晚于完成时限。"),
            (.doneLate, "已完成，但完成日期晚于完成时限。"),
            (.overdue, "今天已过完成时限，仍未完成。"),
            (.red, "进行中，实际进度比按已过工作日应达到的进度落后超过\(r.redGap)个百分点。"),
            (.yellow, "进行中，落后超过\(r.yellowGap)个百分点；或已过最迟开始日（完成时限倒推工期）仍未开始；或节点距日期不足\(r.milestoneWarningDays)个工作日仍未完成。"),
            (.green, "进行中，落后不超过\(r.yellowGap)个百分点；节点在预警期之前。"),
            (.notStarted, "还未到计划开始日期。"),
            (.suspended, "已暂停。"),
        ]
        return Layout.render(title: "红黄绿灯说明", context: ctx, body: .group(
            .h1("红黄绿灯怎样判定"),
            .p(.class("meta"), .text("所有天数按法定工作日计算（含调休和本区调整）：国庆长假不会让任务显得落后。应达进度 = 从计划开始到今天的工作日数 ÷ 从计划开始到完成时限的工作日数。")),
            .table(.thead(.tr(.th("状态"), .th("判定规则"))),
                   .tbody(.forEach(explanations) { l, text in .tr(.td(UI.light(l)), .td(.text(text))) })),
            .p(.class("meta"), .text("例：任务计划9月21日开始、10月23日完成，共20个工作日（9月25日中秋、10月1日至7日国庆休息，10月10日调休上班）。10月11日时已过10个工作日，应达50%；若实际完成30%，落后20个百分点，为黄灯。")),
            canEdit ? .group(
                .h2("本区阈值"),
                conflict ? .p(.class("errorbox"), .text("保存失败：阈值已被他人修改，下面是最新值。")) : .empty,
                .form(.method(.post), .action(SiteURL.lights.path), .class("edit"),
                    UI.csrf(ctx.csrfToken),
                    .input(.type(.hidden), .name("version"), .value(String(version))),
                    UI.field("黄灯：落后超过（百分点）", name: "yellowGap", error: errors, UI.textInput("yellowGap", String(r.yellowGap), type: "number")),
                    UI.field("红灯：落后超过（百分点）", name: "redGap", error: errors, UI.textInput("redGap", String(r.redGap), type: "number")),
                    UI.field("节点预警（工作日）", name: "milestoneWarningDays", error: errors, UI.textInput("milestoneWarningDays", String(r.milestoneWarningDays), type: "number")),
                    UI.submit("保存"))) : .p(.class("meta"), .text("本区阈值：黄灯\(r.yellowGap)个百分点，红灯\(r.redGap)个百分点，节点预警\(r.milestoneWarningDays)个工作日。"))
        ))
    }
}
