import Domain
import Foundation
import Plot

/// 孵化链条: the chain drawn as a picture — 创业苗圃 → 孵化器 → 加速器 → 产业园区 → 上市, how many firms are at each stage
/// against its capacity and how many moved on this year — then the carriers, and the office's form to add one.
public struct IncubationPage: Sendable {
    public var year: Int
    public var figures: [IncubationChain.StageFigure]
    public var listed: Int
    public var listedThisYear: Int
    public var carriers: [(carrier: Carrier, firms: Int)]
    public var canEdit: Bool
    public var error: String?
    public init(year: Int, figures: [IncubationChain.StageFigure], listed: Int, listedThisYear: Int, carriers: [(carrier: Carrier, firms: Int)], canEdit: Bool) {
        self.year = year; self.figures = figures; self.listed = listed; self.listedThisYear = listedThisYear; self.carriers = carriers; self.canEdit = canEdit
    }

    func chart() -> String {
        let box = 150.0, gap = 42.0, h = 170.0, top = 20.0
        let w = Double(figures.count + 1) * box + Double(figures.count) * gap
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var s = "<svg class=\"chart\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" width=\"100%\" role=\"img\" aria-label=\"孵化链条\">"
        for (i, fig) in figures.enumerated() {
            let x = Double(i) * (box + gap)
            let use = fig.capacity > 0 ? min(1, Double(fig.firms) / Double(fig.capacity)) : 0
            s += "<rect x=\"\(f(x))\" y=\"\(f(top))\" width=\"\(f(box))\" height=\"110\" rx=\"8\" fill=\"#eef3fb\" stroke=\"#1a5fb4\"/>"
            s += "<text x=\"\(f(x + box / 2))\" y=\"\(f(top + 24))\" font-size=\"15\" text-anchor=\"middle\" fill=\"#1a5fb4\" font-weight=\"bold\">\(fig.stage.chineseName)</text>"
            s += "<text x=\"\(f(x + box / 2))\" y=\"\(f(top + 52))\" font-size=\"22\" text-anchor=\"middle\" fill=\"#202124\">\(fig.firms)家</text>"
            s += "<text x=\"\(f(x + box / 2))\" y=\"\(f(top + 72))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5f6368\">\(fig.carriers)个载体，容量\(fig.capacity)</text>"
            s += "<rect x=\"\(f(x + 12))\" y=\"\(f(top + 84))\" width=\"\(f(box - 24))\" height=\"8\" fill=\"#dadce0\"/>"
            s += "<rect x=\"\(f(x + 12))\" y=\"\(f(top + 84))\" width=\"\(f((box - 24) * use))\" height=\"8\" fill=\"\(use > 0.9 ? "#d93025" : "#1a5fb4")\"><title>入驻率\(Int((use * 100).rounded()))%</title></rect>"
            s += "<text x=\"\(f(x + box / 2))\" y=\"\(f(top + 104))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5f6368\">今年毕业\(fig.graduated)家</text>"
            let ax = x + box
            s += "<line x1=\"\(f(ax + 4))\" y1=\"\(f(top + 55))\" x2=\"\(f(ax + gap - 6))\" y2=\"\(f(top + 55))\" stroke=\"#188038\" stroke-width=\"3\"/>"
            s += "<polygon points=\"\(f(ax + gap - 6)),\(f(top + 49)) \(f(ax + gap)),\(f(top + 55)) \(f(ax + gap - 6)),\(f(top + 61))\" fill=\"#188038\"/>"
            s += "<text x=\"\(f(ax + gap / 2))\" y=\"\(f(top + 45))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#188038\">\(fig.movedOn)</text>"
        }
        let x = Double(figures.count) * (box + gap)
        s += "<rect x=\"\(f(x))\" y=\"\(f(top))\" width=\"\(f(box))\" height=\"110\" rx=\"8\" fill=\"#e6f4ea\" stroke=\"#188038\"/>"
        s += "<text x=\"\(f(x + box / 2))\" y=\"\(f(top + 24))\" font-size=\"15\" text-anchor=\"middle\" fill=\"#188038\" font-weight=\"bold\">上市</text>"
        s += "<text x=\"\(f(x + box / 2))\" y=\"\(f(top + 52))\" font-size=\"22\" text-anchor=\"middle\" fill=\"#202124\">\(listed)家</text>"
        s += "<text x=\"\(f(x + box / 2))\" y=\"\(f(top + 72))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5f6368\">今年新上市\(listedThisYear)家</text>"
        s += "<text x=\"0\" y=\"\(f(h - 12))\" font-size=\"11\" fill=\"#5f6368\">箭头上的数字：\(year)年从上一阶段毕业并进入下一阶段（或上市）的企业数</text>"
        return s + "</svg>"
    }

    public func render(_ ctx: PageContext) -> String {
        Layout.render(title: "孵化链条", context: ctx, body: .group(
            .p(.class("meta"), .a(.href(SiteURL.enterprises.path), .text("‹ 一企一档"))),
            .h1(.text("创业苗圃＋孵化器＋加速器＋产业园区（\(year)年）")),
            .unwrap(error) { .p(.class("errorbox"), .text($0)) },
            .raw(chart()),
            .h2("载体"),
            carriers.isEmpty ? .p(.class("meta"), .text("尚未登记载体。")) : .table(
                .thead(.tr(.th("载体"), .th("阶段"), .th("级别"), .th("容量"), .th("在孵企业"))),
                .tbody(.forEach(carriers) { c in
                    .tr(.td(.text(c.carrier.name)), .td(.text(c.carrier.stage.chineseName)), .td(.text(c.carrier.level.chineseName)),
                        .td(.text(String(c.carrier.capacity))), .td(.text(String(c.firms))))
                })),
            canEdit ? .form(.method(.post), .action(SiteURL.incubationCarriers.path), .class("filters"), UI.csrf(ctx.csrfToken),
                .element(named: "label", nodes: [.text("名称"), UI.textInput("name", "")]),
                .element(named: "label", nodes: [.text("阶段"), UI.select("stage", options: Carrier.Stage.allCases.map { ($0.rawValue, $0.chineseName) }, selected: [])]),
                .element(named: "label", nodes: [.text("级别"), UI.select("level", options: Carrier.Level.allCases.map { ($0.rawValue, $0.chineseName) }, selected: [])]),
                .element(named: "label", nodes: [.text("容量（家）"), UI.textInput("capacity", "", type: "number")]),
                .button(.type(.submit), .text("登记载体"))) : .empty
        ))
    }
}
