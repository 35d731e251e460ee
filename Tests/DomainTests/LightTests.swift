import Foundation
import Testing
@testable import Domain

// Working days counted by hand from the 2026 notice: 中秋节 9/25–9/27 rest; 国庆节 10/1–10/7 rest,
// 9/20 (Sun) and 10/10 (Sat) worked. Cross-checked with a Python one-off over those facts.

private func day(_ iso: String) -> Day { Day(iso: iso)! }
private let cal = WorkCalendar.official

/// A task from 2026-09-21 (Mon) to 2026-10-23 (Fri): 20 working days
/// (9/21–9/24 = 4, 9/25 中秋 off, 9/28–9/30 = 3, 10/8–10/9 = 2, 10/10 Sat = 1, 10/12–10/16 = 5, 10/19–10/23 = 5)
/// although it spans 33 calendar days.
private func task(percent: Int = 0, status: TaskItem.Status = .inProgress, doneOn: Day? = nil,
                  weight: Double = 1) -> TaskItem {
    TaskItem(id: 1, planId: 1, workPointId: 1, seq: 1, kind: .task, title: "高企培育", ownerUnitId: 3,
             coUnitIds: [], responsiblePerson: "", deliverable: "", acceptanceStandard: "", weight: weight,
             plannedStart: day("2026-09-21"), deadline: day("2026-10-23"), durationDays: 20,
             predecessorIds: [], percentDone: percent, status: status, doneOn: doneOn)
}

private func light(_ t: TaskItem, on iso: String) -> Light { Light.of(t, today: day(iso), calendar: cal) }

@Suite("Light 红黄绿灯")
struct LightTests {
    @Test("阈值常量：差距超过15黄灯，超过35红灯")
    func thresholds() {
        #expect(Light.yellowGap == 15)
        #expect(Light.redGap == 35)
        #expect(Light.milestoneWarningDays == 3)
    }

    @Test("按期完成为done，逾期完成为doneLate")
    func doneLights() {
        #expect(light(task(percent: 100, status: .done, doneOn: day("2026-10-23")), on: "2026-11-02") == .done)
        #expect(light(task(percent: 100, status: .done, doneOn: day("2026-10-09")), on: "2026-10-12") == .done)
        #expect(light(task(percent: 100, status: .done, doneOn: day("2026-10-26")), on: "2026-11-02") == .doneLate)
    }

    @Test("过了时限仍未完成为overdue")
    func overdue() {
        #expect(light(task(percent: 90), on: "2026-10-24") == .overdue)
        #expect(light(task(percent: 0, status: .notStarted), on: "2026-11-30") == .overdue)
        // On the deadline itself it is not overdue yet (20 of 20 days elapsed, 90% done: gap 10).
        #expect(light(task(percent: 90), on: "2026-10-23") == .green)
    }

    @Test("开始之前为notStarted")
    func beforeStart() {
        #expect(light(task(), on: "2026-09-20") == .notStarted)
        #expect(light(task(), on: "2026-09-01") == .notStarted)
    }

    @Test("暂停的任务为suspended")
    func suspended() {
        #expect(light(task(percent: 0, status: .suspended), on: "2026-10-16") == .suspended)
    }

    @Test("10月11日（周日）：已过10个工作日，应完成50%；按日历日计算会是64%")
    func gapAfterTheBreak() {
        // 9/21–10/11 contains 10 working days of 20 → expected 50%.
        #expect(light(task(percent: 50), on: "2026-10-11") == .green)
        #expect(light(task(percent: 35), on: "2026-10-11") == .green)    // gap 15: not more than 15
        #expect(light(task(percent: 34), on: "2026-10-11") == .yellow)   // gap 16
        #expect(light(task(percent: 15), on: "2026-10-11") == .yellow)   // gap 35: not more than 35
        #expect(light(task(percent: 14), on: "2026-10-11") == .red)      // gap 36
        #expect(light(task(percent: 0), on: "2026-10-11") == .red)
    }

    @Test("国庆假期中（10月4日）：已过7个工作日，应完成35%")
    func gapDuringTheBreak() {
        // 9/21–9/24 and 9/28–9/30 = 7 of 20 → 35%. By calendar days it would be 14/33 ≈ 42%.
        #expect(light(task(percent: 20), on: "2026-10-04") == .green)    // gap 15
        #expect(light(task(percent: 19), on: "2026-10-04") == .yellow)   // gap 16
        #expect(light(task(percent: 0), on: "2026-10-04") == .yellow)    // gap 35
        // The whole break adds nothing: 10/7 is the same as 10/1.
        #expect(light(task(percent: 19), on: "2026-10-07") == .yellow)
        #expect(light(task(percent: 20), on: "2026-10-07") == .green)
    }

    @Test("节点：距日期3个工作日以内黄灯，更早绿灯（跨国庆）")
    func milestoneWarning() throws {
        // A milestone due Friday 2026-10-09, created through the rules as a user would.
        var d = TaskDraft()
        d.workPointId = 1; d.title = "孵化器挂牌"; d.ownerUnitId = 3; d.kind = .milestone
        d.deadline = day("2026-10-09")
        let m = try TaskRules.apply(d, to: nil, today: day("2026-09-01"), calendar: cal)
        // The three working days before 10/9 are 10/8, 9/30 and 9/29: from 9/29 on it is yellow,
        // although 9/29 is 10 calendar days before the date.
        #expect(light(m, on: "2026-09-28") == .green)
        #expect(light(m, on: "2026-09-29") == .yellow)
        #expect(light(m, on: "2026-10-05") == .yellow)
        #expect(light(m, on: "2026-10-09") == .yellow)
        #expect(light(m, on: "2026-09-10") == .green)
        #expect(light(m, on: "2026-10-10") == .overdue)
    }

    @Test("节点开始日期早于节点日期时同样按3个工作日预警")
    func milestoneWarningWithEarlierStart() {
        let m = TaskItem(id: 2, planId: 1, workPointId: 1, seq: 2, kind: .milestone, title: "挂牌", ownerUnitId: 3,
                         coUnitIds: [], responsiblePerson: "", deliverable: "", acceptanceStandard: "", weight: 1,
                         plannedStart: day("2026-09-01"), deadline: day("2026-10-09"), durationDays: 0,
                         predecessorIds: [], percentDone: 0, status: .notStarted, doneOn: nil)
        #expect(light(m, on: "2026-09-28") == .green)
        #expect(light(m, on: "2026-09-29") == .yellow)
    }
}

@Suite("ProgressSummary 进度汇总")
struct ProgressSummaryTests {
    @Test("加权完成率：权重1与3，进度0与100，得75")
    func weighted() {
        let a = task(percent: 0, status: .notStarted, weight: 1)
        let b = task(percent: 100, status: .done, doneOn: day("2026-10-09"), weight: 3)
        let s = ProgressSummary(tasks: [a, b], today: day("2026-10-12"), calendar: cal)
        #expect(s.percentDone == 75)
        #expect(s.total == 2)
    }

    @Test("权重为0的任务按1计")
    func zeroWeight() {
        let a = task(percent: 0, weight: 0)
        let b = task(percent: 60, weight: 1)
        let s = ProgressSummary(tasks: [a, b], today: day("2026-10-12"), calendar: cal)
        #expect(s.percentDone == 30)
    }

    @Test("空集合完成率为0")
    func empty() {
        let s = ProgressSummary(tasks: [], today: day("2026-10-12"), calendar: cal)
        #expect(s.total == 0)
        #expect(s.percentDone == 0)
        #expect(s.count(.green) == 0)
    }

    @Test("各灯计数")
    func counts() {
        // On 10/11: expected 50%.
        let tasks = [
            task(percent: 50),                                             // green
            task(percent: 40),                                             // green (gap 10)
            task(percent: 30),                                             // yellow (gap 20)
            task(percent: 10),                                             // red (gap 40)
            task(percent: 100, status: .done, doneOn: day("2026-10-09")),  // done
            task(percent: 20, status: .suspended),                         // suspended
        ]
        let s = ProgressSummary(tasks: tasks, today: day("2026-10-11"), calendar: cal)
        #expect(s.total == 6)
        #expect(s.count(.green) == 2)
        #expect(s.count(.yellow) == 1)
        #expect(s.count(.red) == 1)
        #expect(s.count(.done) == 1)
        #expect(s.count(.suspended) == 1)
        #expect(s.count(.overdue) == 0)
        // (50 + 40 + 30 + 10 + 100 + 20) / 6 = 250 / 6
        #expect(abs(s.percentDone - 250.0 / 6.0) < 1e-9)
    }
}

@Suite("LightBook 灯的查表")
struct LightBookTests {
    /// Tasks with ids close together (kept in an array) and far apart (kept in a dictionary), a repeated id (the first
    /// one wins), and a task not in the book: every look-up must equal working the light out directly.
    @Test("查表结果与直接计算一致：编号连续、稀疏、重复、不在表中")
    func agreesWithLightOf() {
        let today = day("2026-10-12")
        func t(_ id: Int, _ percent: Int, _ status: TaskItem.Status = .inProgress) -> TaskItem {
            var x = task(percent: percent, status: status, doneOn: status == .done ? day("2026-10-09") : nil); x.id = id; return x
        }
        let percents = [0, 10, 30, 45, 60, 100]
        let close = (0..<300).map { t(1_000 + $0, percents[$0 % percents.count], $0 % 7 == 0 ? .suspended : .inProgress) }
        let spread = (0..<50).map { t(1 + $0 * 1_000_003, percents[$0 % percents.count]) }
        for tasks in [close, spread, close + [t(1_005, 100, .done)]] {
            let book = LightBook(tasks, today: today, calendar: cal)
            var firstOfId: [Int: TaskItem] = [:]
            for x in tasks where firstOfId[x.id] == nil { firstOfId[x.id] = x }
            for x in tasks { #expect(book.light(x) == Light.of(firstOfId[x.id]!, today: today, calendar: cal)) }
            let outside = t(999_999_999, 0)
            #expect(book.light(outside) == Light.of(outside, today: today, calendar: cal))
        }
        // The set has both kinds of light the example above means to mix.
        #expect(Set(close.map { Light.of($0, today: today, calendar: cal) }).count >= 4)
    }

    @Test("每种灯在 allCases 中的位置即其计数下标")
    func positions() {
        for (i, l) in Light.allCases.enumerated() { #expect(l.position == i) }
    }
}

@Suite("Light: latest start")
struct LatestStartLightTests {
    @Test("未开始且已过最迟开始日（时限倒推工期）为黄灯")
    func pastLatestStart() throws {
        // Planned 09-01 … 10-09, 5 working days of work: latest start is 09-29 (09-29, 09-30, 10-08, 10-09 and 09-28 —
        // counting back 5 working days from 10-09 over 国庆: 10-09, 10-08, 09-30, 09-29, 09-28).
        let t = TaskItem(id: 1, planId: 1, workPointId: 1, seq: 1, kind: .task, title: "t", ownerUnitId: 1, coUnitIds: [],
                         responsiblePerson: "", deliverable: "", acceptanceStandard: "", weight: 1,
                         plannedStart: Day(iso: "2026-09-01")!, deadline: Day(iso: "2026-10-09")!, durationDays: 5, predecessorIds: [],
                         percentDone: 0, status: .notStarted, doneOn: nil)
        let cal = WorkCalendar.official
        // On 09-28 (the latest start itself) the share elapsed is large, but a not-started task is only judged by its latest start.
        #expect(Light.of(t, today: Day(iso: "2026-09-28")!, calendar: cal, rules: LightRules(yellowGap: 99, redGap: 100, milestoneWarningDays: 3)) == .green)
        #expect(Light.of(t, today: Day(iso: "2026-09-29")!, calendar: cal, rules: LightRules(yellowGap: 99, redGap: 100, milestoneWarningDays: 3)) == .yellow)
        var started = t; started.status = .inProgress; started.percentDone = 10
        #expect(Light.of(started, today: Day(iso: "2026-09-29")!, calendar: cal, rules: LightRules(yellowGap: 99, redGap: 100, milestoneWarningDays: 3)) == .green)
    }

    @Test("阈值校验")
    func rulesValidate() {
        #expect(throws: ValidationError.self) { try LightRules(yellowGap: 0, redGap: 10, milestoneWarningDays: 1).validate() }
        #expect(throws: ValidationError.self) { try LightRules(yellowGap: 20, redGap: 20, milestoneWarningDays: 1).validate() }
        #expect(throws: ValidationError.self) { try LightRules(yellowGap: 20, redGap: 30, milestoneWarningDays: 31).validate() }
        #expect(throws: Never.self) { try LightRules.standard.validate() }
    }
}
