import Foundation
import Testing
@testable import Domain

// Expected dates are worked out by hand from the 2026 State Council notice (国办发明电〔2025〕7号):
//   元旦 01-01..01-03 off, 01-04 (Sun) worked; 春节 02-15..02-23 off, 02-14 (Sat) and 02-28 (Sat) worked;
//   清明 04-04..04-06 off; 劳动节 05-01..05-05 off, 05-09 (Sat) worked; 端午 06-19..06-21 off;
//   中秋 09-25..09-27 off; 国庆 10-01..10-07 off, 09-20 (Sun) and 10-10 (Sat) worked;
// and checked by a day-by-day Python one-off typed from those facts, not read back from the scheduler.

private func day(_ iso: String) -> Day { Day(iso: iso)! }
private let cal = WorkCalendar.official

private func run(_ tasks: [ScheduleTask], today: String, deadline: String? = nil) throws -> ScheduleResult {
    try Scheduler.schedule(ScheduleInput(deadline: deadline.map(day), tasks: tasks), today: day(today), calendar: cal)
}

private func task(_ id: String, _ duration: Int, start: String? = nil, deadline: String? = nil,
                  after preds: [Dependency] = []) -> ScheduleTask {
    ScheduleTask(id: id, duration: duration, start: start.map(day), deadline: deadline.map(day), predecessors: preds)
}

/// One row as the CLI prints it: id, earliest start/finish, latest start/finish, float, critical.
private struct Row: Equatable, CustomStringConvertible {
    var id: String, es: String, ef: String, ls: String?, lf: String?, float: Int?, critical: Bool
    init(_ id: String, _ es: String, _ ef: String, _ ls: String?, _ lf: String?, _ float: Int?, _ critical: Bool) {
        self.id = id; self.es = es; self.ef = ef; self.ls = ls; self.lf = lf; self.float = float; self.critical = critical
    }
    init(_ t: ScheduledTask) {
        self.init(t.id, t.earliestStart.iso, t.earliestFinish.iso, t.latestStart?.iso, t.latestFinish?.iso,
                  t.float, t.critical)
    }
    var description: String {
        "\(id) \(es)..\(ef) latest \(ls ?? "-")..\(lf ?? "-") float \(float.map(String.init) ?? "-")\(critical ? " *" : "")"
    }
}

private func rows(_ r: ScheduleResult) -> [Row] { r.tasks.map(Row.init) }

@Suite("倒排工期 Scheduler")
struct SchedulerTests {
    @Test("A(5)→B(3)→节点C，项目截止 2026-10-09，跨中秋、国庆倒排")
    func chainAcrossNationalDay() throws {
        let r = try run([task("A", 5), task("B", 3, after: ["A"]), task("C", 0, after: ["B"])],
                        today: "2026-09-14", deadline: "2026-10-09")
        // Forward: A 09-14..09-18 (Mon–Fri); B starts on the make-up Sunday 09-20: 09-20, 09-21, 09-22;
        // milestone C on B's finish day.
        // Backward: C on the deadline 10-09 (Fri); B may finish the same day: 10-09, 10-08, and before
        // 国庆 09-30 → starts 09-30; A finishes 09-29: 09-29, 09-28, (中秋 09-25..27 off) 09-24, 09-23, 09-22.
        // Float: 09-14 → 09-22 is 09-15..18, 09-20, 09-21, 09-22 = 7 working days, the same for all.
        #expect(rows(r) == [
            Row("A", "2026-09-14", "2026-09-18", "2026-09-22", "2026-09-29", 7, true),
            Row("B", "2026-09-20", "2026-09-22", "2026-09-30", "2026-10-09", 7, true),
            Row("C", "2026-09-22", "2026-09-22", "2026-10-09", "2026-10-09", 7, true),
        ])
        #expect(r.criticalPath == ["A", "B", "C"])
        #expect(r.infeasible.isEmpty)
        #expect(r.missingYears.isEmpty)
    }

    @Test("开始日期在调休上班的周六保持不变，普通周六顺延到周一")
    func requestedStartOnSaturday() throws {
        let r = try run([task("X", 2, start: "2026-02-14"), task("Y", 1, start: "2026-03-07")], today: "2026-02-02")
        // 02-14 (Sat) is worked for 春节: X starts then; its second day is after the break, 02-24 (Tue).
        // 03-07 is an ordinary Saturday: Y starts Monday 03-09.
        #expect(rows(r) == [
            Row("X", "2026-02-14", "2026-02-24", nil, nil, nil, false),
            Row("Y", "2026-03-09", "2026-03-09", nil, nil, nil, false),
        ])
        #expect(r.criticalPath.isEmpty)
    }

    @Test("截止日期在假日或周日时提前到之前的工作日")
    func deadlineOnHolidayMovesBack() throws {
        let r = try run([task("D", 3, deadline: "2026-05-03"), task("W", 2, deadline: "2026-03-15")], today: "2026-03-09")
        // 05-03 is in 劳动节: latest finish 04-30 (Thu), start 04-28. 03-15 is a Sunday: Friday 03-13.
        // D float: 03-09 → 04-28 = 35 working days (清明 04-06 off); W: 03-09 → 03-12 = 3.
        #expect(rows(r) == [
            Row("D", "2026-03-09", "2026-03-11", "2026-04-28", "2026-04-30", 35, false),
            Row("W", "2026-03-09", "2026-03-10", "2026-03-12", "2026-03-13", 3, true),
        ])
        #expect(r.criticalPath == ["W"])
    }

    @Test("今天是假日：从之后的第一个工作日开始")
    func todayOnHoliday() throws {
        let r = try run([task("A", 1)], today: "2026-10-03")
        #expect(rows(r) == [Row("A", "2026-10-08", "2026-10-08", nil, nil, nil, false)])
        // The input's own today wins over the caller's.
        let input = ScheduleInput(today: day("2026-10-10"), tasks: [task("A", 1)])
        let r2 = try Scheduler.schedule(input, today: day("2026-01-05"), calendar: cal)
        #expect(r2.tasks[0].earliestStart == day("2026-10-10"))
    }

    @Test("间隔跨国庆：第 1+L 个工作日开始，10-10 调休上班")
    func lagAcrossNationalDay() throws {
        let r = try run([task("P", 2), task("Q", 1, after: [Dependency("P", lag: 2)])],
                        today: "2026-09-29", deadline: "2026-10-12")
        // P 09-29..09-30. Q: the 3rd working day after 09-30 is 10-08, 10-09, 10-10 (Sat, worked) → 10-10.
        // Backward: Q 10-12 (Mon); P finishes the 3rd working day before: 10-10, 10-09, 10-08 → 10-08,
        // starts 09-30.
        #expect(rows(r) == [
            Row("P", "2026-09-29", "2026-09-30", "2026-09-30", "2026-10-08", 1, true),
            Row("Q", "2026-10-10", "2026-10-10", "2026-10-12", "2026-10-12", 1, true),
        ])
        #expect(r.criticalPath == ["P", "Q"])
    }

    @Test("春节：调休周六、间隔与节点截止")
    func springFestival() throws {
        let r = try run([task("A", 4, start: "2026-02-11"), task("B", 2, after: [Dependency("A", lag: 1)]),
                         task("C", 0, deadline: "2026-03-02", after: ["B"])], today: "2026-02-09")
        // A 02-11, 12, 13, 14 (Sat, worked). B: 2nd working day after 02-14 = 02-25 (02-24 is the first).
        // C due 03-02 (Mon); B may end then, starting on the worked Saturday 02-28; A ends 2 working days
        // before 02-28 → 02-26, starts 02-26, 25, 24, 14 → 02-14.
        #expect(rows(r) == [
            Row("A", "2026-02-11", "2026-02-14", "2026-02-14", "2026-02-26", 3, true),
            Row("B", "2026-02-25", "2026-02-26", "2026-02-28", "2026-03-02", 3, true),
            Row("C", "2026-02-26", "2026-02-26", "2026-03-02", "2026-03-02", 3, true),
        ])
    }

    @Test("负时差：赶不上截止日期的任务列为不可行")
    func negativeFloat() throws {
        let r = try run([task("E", 10, deadline: "2026-09-30"), task("G", 2, after: ["E"]),
                         task("H", 1, deadline: "2026-10-09")], today: "2026-09-21", deadline: "2026-10-16")
        // E: 09-21..24, 09-28..30, 10-08, 10-09, 10-10 → finishes 10-10, 3 working days after its
        // deadline 09-30; its latest start is 9 working days before 09-30: 09-17 (09-20 counts).
        #expect(rows(r) == [
            Row("E", "2026-09-21", "2026-10-10", "2026-09-17", "2026-09-30", -3, true),
            Row("G", "2026-10-12", "2026-10-13", "2026-10-15", "2026-10-16", 3, false),
            Row("H", "2026-09-21", "2026-09-21", "2026-10-09", "2026-10-09", 8, false),
        ])
        #expect(r.infeasible == [Infeasibility(id: "E", shortBy: 3)])
        #expect(r.criticalPath == ["E"])
    }

    @Test("负时差沿前置任务传递，不可行列表按输入顺序")
    func negativeFloatPropagates() throws {
        // 劳动节 05-01..05-05 off, 05-09 (Sat) worked. today 04-27 (Mon).
        // B due 04-30 needs A (3) first: A 04-27..29, B 04-30..05-06 (3 days: 04-30, 05-06, 05-07)
        // → B finishes 05-07, 2 working days late (05-06, 05-07); A inherits −2.
        let r = try run([task("B", 3, deadline: "2026-04-30", after: ["A"]), task("A", 3)], today: "2026-04-27")
        #expect(rows(r) == [
            Row("B", "2026-04-30", "2026-05-07", "2026-04-28", "2026-04-30", -2, true),
            Row("A", "2026-04-27", "2026-04-29", "2026-04-23", "2026-04-27", -2, true),
        ])
        #expect(r.infeasible == [Infeasibility(id: "B", shortBy: 2), Infeasibility(id: "A", shortBy: 2)])
        #expect(r.criticalPath == ["A", "B"])
    }

    @Test("菱形依赖跨端午：关键路径走长的一边")
    func diamondCriticalPath() throws {
        let r = try run([task("S", 2), task("L", 5, after: ["S"]), task("R", 3, after: ["S"]),
                         task("T", 1, after: ["L", "R"])], today: "2026-06-15", deadline: "2026-06-30")
        // 端午 06-19..21 off. S 06-15..16; L 06-17, 18, 22, 23, 24; R 06-17, 18, 22; T 06-25.
        // Backward: T 06-30; L ends 06-29, starts 06-23; R ends 06-29, starts 06-25; S ends 06-22, starts 06-18.
        #expect(rows(r) == [
            Row("S", "2026-06-15", "2026-06-16", "2026-06-18", "2026-06-22", 3, true),
            Row("L", "2026-06-17", "2026-06-24", "2026-06-23", "2026-06-29", 3, true),
            Row("R", "2026-06-17", "2026-06-22", "2026-06-25", "2026-06-29", 5, false),
            Row("T", "2026-06-25", "2026-06-25", "2026-06-30", "2026-06-30", 3, true),
        ])
        #expect(r.criticalPath == ["S", "L", "T"])
    }

    @Test("两边相同的菱形：两边都关键，同一最早开始按编号")
    func tiedDiamond() throws {
        let r = try run([task("S", 2), task("R", 3, after: ["S"]), task("L", 3, after: ["S"]),
                         task("T", 1, after: ["L", "R"])], today: "2026-06-15", deadline: "2026-06-30")
        #expect(rows(r) == [
            Row("S", "2026-06-15", "2026-06-16", "2026-06-23", "2026-06-24", 5, true),
            Row("R", "2026-06-17", "2026-06-22", "2026-06-25", "2026-06-29", 5, true),
            Row("L", "2026-06-17", "2026-06-22", "2026-06-25", "2026-06-29", 5, true),
            Row("T", "2026-06-23", "2026-06-23", "2026-06-30", "2026-06-30", 5, true),
        ])
        #expect(r.criticalPath == ["S", "L", "R", "T"])
    }

    @Test("节点规则：节点在前置任务完成当天；节点之后的任务从下一个工作日开始")
    func milestoneRule() throws {
        let r = try run([
            task("M", 0, start: "2026-09-30"),        // milestone on 09-30
            task("K", 1, after: ["M"]),               // done at the end of 09-30 → next working day 10-08
            task("N", 0, after: ["M"]),               // milestone after milestone: the same day
            task("J", 2),                             // 09-28..09-29
            task("Z", 0, deadline: "2026-10-09", after: [Dependency("J", lag: 2)]), // 2 working days after 09-29
            task("H", 0, start: "2026-10-03"),        // a milestone asked for a holiday moves to 10-08
        ], today: "2026-09-28")
        #expect(rows(r) == [
            Row("M", "2026-09-30", "2026-09-30", nil, nil, nil, false),
            Row("K", "2026-10-08", "2026-10-08", nil, nil, nil, false),
            Row("N", "2026-09-30", "2026-09-30", nil, nil, nil, false),
            Row("J", "2026-09-28", "2026-09-29", "2026-09-29", "2026-09-30", 1, true),
            Row("Z", "2026-10-08", "2026-10-08", "2026-10-09", "2026-10-09", 1, true),
            Row("H", "2026-10-08", "2026-10-08", nil, nil, nil, false),
        ])
        #expect(r.criticalPath == ["J", "Z"])
    }

    @Test("一天的任务和它的节点同一天：关键路径中前置在前")
    func milestoneSameDayOrder() throws {
        // All three share the earliest start 03-10; by id alone A and B would come before Z.
        let r = try run([task("Z", 1), task("A", 0, after: ["Z"]), task("B", 0, after: ["A"])],
                        today: "2026-03-10", deadline: "2026-03-10")
        #expect(rows(r) == [
            Row("Z", "2026-03-10", "2026-03-10", "2026-03-10", "2026-03-10", 0, true),
            Row("A", "2026-03-10", "2026-03-10", "2026-03-10", "2026-03-10", 0, true),
            Row("B", "2026-03-10", "2026-03-10", "2026-03-10", "2026-03-10", 0, true),
        ])
        #expect(r.criticalPath == ["Z", "A", "B"])
    }

    @Test("没有任何截止日期：无最迟日期、无时差、无关键路径")
    func noDeadline() throws {
        let r = try run([task("A", 3), task("B", 0, after: ["A"])], today: "2026-01-05")
        #expect(rows(r) == [
            Row("A", "2026-01-05", "2026-01-07", nil, nil, nil, false),
            Row("B", "2026-01-07", "2026-01-07", nil, nil, nil, false),
        ])
        #expect(r.criticalPath.isEmpty && r.infeasible.isEmpty)
    }

    @Test("空输入")
    func empty() throws {
        let r = try run([], today: "2026-01-05", deadline: "2026-02-01")
        #expect(r == ScheduleResult(tasks: [], criticalPath: [], infeasible: []))
    }

    @Test("没有国务院通知的年份列为缺失")
    func missingYears() throws {
        let r = try run([task("A", 300)], today: "2026-06-01")
        #expect(r.missingYears == [2027])
    }

    @Test("同一前置任务列两次无妨")
    func repeatedPredecessor() throws {
        let r = try run([task("A", 1), task("B", 1, after: ["A", Dependency("A", lag: 1)])], today: "2026-03-02")
        #expect(r.tasks[1].earliestStart == day("2026-03-04"))
    }

    // MARK: Errors

    @Test("环路：按依赖顺序列出环上的任务")
    func cycle() {
        // D waits for C but is not on the cycle; the cycle is A → B → C → A, named from A (first in input).
        let tasks = [task("D", 1, after: ["C"]), task("B", 1, after: ["A"]), task("A", 1, after: ["C"]),
                     task("C", 1, after: ["B"]), task("E", 1)]
        #expect(throws: ScheduleError.cycle(["B", "C", "A"])) { try run(tasks, today: "2026-03-02") }
        let e = ScheduleError.cycle(["B", "C", "A"])
        #expect(e.message == "前置任务存在环路：B → C → A → B")
        #expect(e.ids == ["B", "C", "A"])
    }

    @Test("以自身为前置任务")
    func selfLoop() {
        #expect(throws: ScheduleError.cycle(["A"])) { try run([task("A", 1, after: ["A"])], today: "2026-03-02") }
        #expect(ScheduleError.cycle(["A"]).message == "前置任务存在环路：A → A")
    }

    @Test("前置任务不存在")
    func unknownPredecessor() {
        #expect(throws: ScheduleError.unknownPredecessor(task: "B", predecessor: "Z")) {
            try run([task("A", 1), task("B", 1, after: ["A", "Z"])], today: "2026-03-02")
        }
        #expect(ScheduleError.unknownPredecessor(task: "B", predecessor: "Z").message == "任务 B 的前置任务 Z 不存在")
    }

    @Test("工期为负数")
    func negativeDuration() {
        #expect(throws: ScheduleError.negativeDuration(task: "A", duration: -1)) {
            try run([task("A", -1)], today: "2026-03-02")
        }
        #expect(ScheduleError.negativeDuration(task: "A", duration: -1).message.contains("A"))
    }

    @Test("间隔为负数")
    func negativeLag() {
        #expect(throws: ScheduleError.negativeLag(task: "B", predecessor: "A", lag: -2)) {
            try run([task("A", 1), task("B", 1, after: [Dependency("A", lag: -2)])], today: "2026-03-02")
        }
        #expect(ScheduleError.negativeLag(task: "B", predecessor: "A", lag: -2).ids == ["B", "A"])
    }

    @Test("任务编号重复")
    func duplicateId() {
        #expect(throws: ScheduleError.duplicateId("A")) {
            try run([task("A", 1), task("B", 1), task("A", 2)], today: "2026-03-02")
        }
        #expect(ScheduleError.duplicateId("A").message == "任务编号重复：A")
    }

    @Test("截止日期早于开始日期")
    func deadlineBeforeStart() {
        let e = ScheduleError.deadlineBeforeStart(task: "A", start: day("2026-03-10"), deadline: day("2026-03-09"))
        #expect(throws: e) {
            try run([task("A", 1, start: "2026-03-10", deadline: "2026-03-09")], today: "2026-03-02")
        }
        #expect(e.message == "任务 A 的截止日期 2026-03-09 早于开始日期 2026-03-10")
        #expect(e.ids == ["A"])
        // Same day is fine for a one-day task; a deadline that only becomes earlier once moved to a
        // working day (start Sat 10-03 → 10-08, deadline Sun 10-04 → 09-30) is not an input error but
        // negative float.
        #expect(throws: Never.self) { try run([task("B", 1, start: "2026-03-10", deadline: "2026-03-10")], today: "2026-03-02") }
        let r = try? run([task("C", 1, start: "2026-10-03", deadline: "2026-10-04")], today: "2026-09-01")
        #expect(r?.infeasible == [Infeasibility(id: "C", shortBy: 1)])
    }

    @Test("工期或间隔过大")
    func absurdNumbers() {
        #expect(throws: ScheduleError.durationTooLong(task: "A", duration: Int.max)) {
            try run([task("A", Int.max)], today: "2026-03-02")
        }
        #expect(throws: ScheduleError.lagTooLong(task: "B", predecessor: "A", lag: 1_000_000)) {
            try run([task("A", 1), task("B", 1, after: [Dependency("A", lag: 1_000_000)])], today: "2026-03-02")
        }
    }

    // MARK: Against a day-by-day reference

    @Test("随机小图与逐日推算的参考实现一致")
    func randomGraphsMatchReference() throws {
        var rng = SplitMix(seed: 20260101)
        for _ in 0..<300 {
            let n = Int(rng.next() % 9) + 1
            var tasks: [ScheduleTask] = []
            for i in 0..<n {
                var preds: [Dependency] = []
                if i > 0 {
                    for _ in 0..<Int(rng.next() % 3) {
                        preds.append(Dependency("t\(rng.next() % UInt64(i))", lag: rng.next() % 3 == 0 ? Int(rng.next() % 4) : 0))
                    }
                }
                let dur = Int(rng.next() % 5) == 0 ? 0 : Int(rng.next() % 8) + 1
                let start: Day? = rng.next() % 4 == 0 ? day("2026-09-10").adding(days: Int(rng.next() % 40)) : nil
                var deadline: Day? = rng.next() % 3 == 0 ? day("2026-09-20").adding(days: Int(rng.next() % 40)) : nil
                if let s = start, let d = deadline, d < s { deadline = s }
                tasks.append(ScheduleTask(id: "t\(i)", duration: dur, start: start, deadline: deadline, predecessors: preds))
            }
            tasks.shuffle(using: &rng)
            let today = day("2026-09-08").adding(days: Int(rng.next() % 30))
            let projectDeadline: Day? = rng.next() % 2 == 0 ? day("2026-10-01").adding(days: Int(rng.next() % 30)) : nil
            let input = ScheduleInput(deadline: projectDeadline, tasks: tasks)
            let got = try Scheduler.schedule(input, today: today, calendar: cal)
            let want = referenceSchedule(input, today: today)
            #expect(got == want, "\(input)")
            if got != want { return }
        }
    }

    // MARK: JSON

    @Test("解析输入 JSON")
    func decodeInput() throws {
        let json = """
        {"deadline": "2026-10-09", "today": "2026-09-14",
         "tasks": [{"id": "A", "duration": 5, "start": "2026-09-14", "deadline": null},
                   {"id": "B", "duration": 3, "deadline": "2026-10-08", "predecessors": ["A", {"id": "C", "lag": 2}, {"id": "C"}]},
                   {"id": "C", "duration": 0, "predecessors": []}]}
        """
        let input = try ScheduleInput.fromJSON(Data(json.utf8))
        #expect(input == ScheduleInput(deadline: day("2026-10-09"), today: day("2026-09-14"), tasks: [
            ScheduleTask(id: "A", duration: 5, start: day("2026-09-14")),
            ScheduleTask(id: "B", duration: 3, deadline: day("2026-10-08"),
                         predecessors: ["A", Dependency("C", lag: 2), "C"]),
            ScheduleTask(id: "C", duration: 0),
        ]))
        // Round trip through the Codable conformance (a lag-free dependency is written as a plain id).
        let again = try ScheduleInput.fromJSON(JSONEncoder().encode(input))
        #expect(again == input)
        let encoded = String(decoding: try JSONEncoder().encode(Dependency("B")), as: UTF8.self)
        #expect(encoded == "\"B\"")
    }

    @Test("输入 JSON 有误：错误指明 JSON 路径", arguments: [
        (#"{"tasks": [{"id": "A", "duration": 1}, {"id": "B"}]}"#, "tasks[1].duration"),
        (#"{"tasks": [{"duration": 1}]}"#, "tasks[0].id"),
        (#"{"tasks": [{"id": "A", "duration": "5"}]}"#, "tasks[0].duration"),
        (#"{"tasks": [{"id": "A", "duration": 1.5}]}"#, "tasks[0].duration"),
        (#"{"tasks": [{"id": "A", "duration": 1, "predecessors": [{"id": "B", "lag": 1e30}]}]}"#, "tasks[0].predecessors[0].lag"),
        (#"{"tasks": [{"id": "A", "duration": true}]}"#, "tasks[0].duration"),
        (#"{"tasks": [{"id": 7, "duration": 1}]}"#, "tasks[0].id"),
        (#"{"tasks": [{"id": "", "duration": 1}]}"#, "tasks[0].id"),
        (#"{"tasks": [{"id": "A", "duration": 1, "start": "2026-02-30"}]}"#, "tasks[0].start"),
        (#"{"tasks": [{"id": "A", "duration": 1, "deadline": "2026/10/09"}]}"#, "tasks[0].deadline"),
        (#"{"tasks": [{"id": "A", "duration": 1, "start": 20260101}]}"#, "tasks[0].start"),
        (#"{"tasks": [{"id": "A", "duration": 1, "predecessors": ["B", {"id": "C", "lag": "2"}]}]}"#, "tasks[0].predecessors[1].lag"),
        (#"{"tasks": [{"id": "A", "duration": 1, "predecessors": ["B", {"lag": 2}]}]}"#, "tasks[0].predecessors[1].id"),
        (#"{"tasks": [{"id": "A", "duration": 1, "predecessors": [5]}]}"#, "tasks[0].predecessors[0]"),
        (#"{"tasks": [{"id": "A", "duration": 1, "predecessors": "B"}]}"#, "tasks[0].predecessors"),
        (#"{"deadline": "tomorrow", "tasks": []}"#, "deadline"),
        (#"{"today": "2026-13-01", "tasks": []}"#, "today"),
        (#"{"deadline": "2026-10-09"}"#, "tasks"),
        (#"{"tasks": {}}"#, "tasks"),
        (#"{"tasks": [{"id": "A", "duration": null}]}"#, "tasks[0].duration"),
        (#"[1, 2]"#, "json"),
        (#"{"tasks": [}"#, "json"),
        ("", "json"),
    ])
    func badInput(json: String, path: String) {
        do {
            _ = try ScheduleInput.fromJSON(Data(json.utf8))
            Issue.record("accepted \(json)")
        } catch let e as ValidationError {
            #expect(e.field == path, "\(json): \(e.message)")
            #expect(!e.message.isEmpty)
        } catch {
            Issue.record("not a ValidationError: \(error)")
        }
    }

    @Test("输出 JSON 符合命令行约定：键的顺序、null、ISO 日期")
    func outputJSON() throws {
        let r = try run([task("E", 10, deadline: "2026-09-30"), task("G", 2, after: ["E"]), task("F", 1)],
                        today: "2026-09-21")
        let text = String(decoding: r.jsonData(), as: UTF8.self)
        #expect(text == """
        {"tasks":[\
        {"id":"E","earliest_start":"2026-09-21","earliest_finish":"2026-10-10","latest_start":"2026-09-17","latest_finish":"2026-09-30","float":-3,"critical":true},\
        {"id":"G","earliest_start":"2026-10-12","earliest_finish":"2026-10-13","latest_start":null,"latest_finish":null,"float":null,"critical":false},\
        {"id":"F","earliest_start":"2026-09-21","earliest_finish":"2026-09-21","latest_start":null,"latest_finish":null,"float":null,"critical":false}\
        ],"critical_path":["E"],"infeasible":[{"id":"E","short_by":3}]}
        """)
    }

    @Test("输出 JSON 转义编号中的特殊字符，且可被标准解析器读回")
    func outputJSONEscapes() throws {
        let ids = ["引号\"与\\反斜杠", "换行\n制表\t", "控制\u{01}", "科创/生态 🚀"]
        let r = try run(ids.map { task($0, 1, deadline: "2026-03-31") }, today: "2026-03-02")
        let object = try #require(try JSONSerialization.jsonObject(with: r.jsonData()) as? [String: Any])
        let tasks = try #require(object["tasks"] as? [[String: Any]])
        #expect(tasks.map { $0["id"] as? String } == ids)
        #expect(tasks.allSatisfy { $0["float"] as? Int == 21 })  // March 2026: 22 working days, from 03-02
        #expect((object["critical_path"] as? [String]) == ids.sorted())
        #expect((object["infeasible"] as? [Any])?.isEmpty == true)
        #expect(ScheduleResult(tasks: [], criticalPath: [], infeasible: []).jsonData()
                == Data(#"{"tasks":[],"critical_path":[],"infeasible":[]}"#.utf8))
    }
}

// MARK: - Reference

/// The rules applied literally, day by day on `WorkCalendar.isWorkday`, relaxed to a fixed point:
/// no working-day indices, no topological order. Slow and obviously right, for the random test.
private func referenceSchedule(_ input: ScheduleInput, today: Day) -> ScheduleResult {
    func next(_ d: Day, _ step: Int) -> Day {
        var x = d.adding(days: step)
        while !cal.isWorkday(x) { x = x.adding(days: step) }
        return x
    }
    func shift(_ d: Day, _ n: Int) -> Day {
        var x = d
        for _ in 0..<abs(n) { x = next(x, n > 0 ? 1 : -1) }
        return x
    }
    func onOrAfter(_ d: Day) -> Day { cal.isWorkday(d) ? d : next(d, 1) }
    func onOrBefore(_ d: Day) -> Day { cal.isWorkday(d) ? d : next(d, -1) }
    func signed(_ a: Day, _ b: Day) -> Int {
        var n = 0, x = a
        while x < b { x = x.adding(days: 1); if cal.isWorkday(x) { n += 1 } }
        while x > b { if cal.isWorkday(x) { n -= 1 }; x = x.adding(days: -1) }
        return n
    }
    let tasks = input.tasks
    let byId = Dictionary(uniqueKeysWithValues: tasks.map { ($0.id, $0) })
    let start0 = onOrAfter(today)
    var es = [String: Day]()
    for t in tasks { es[t.id] = max(start0, t.start.map(onOrAfter) ?? start0) }
    func ef(_ id: String) -> Day { shift(es[id]!, max(0, byId[id]!.duration - 1)) }
    var changed = true
    while changed {
        changed = false
        for t in tasks {
            for p in t.predecessors {
                // Task successor: the (1+L)-th working day after the finish; milestone: the L-th (0th = that day).
                let c = shift(ef(p.id), t.duration > 0 ? 1 + p.lag : p.lag)
                if c > es[t.id]! { es[t.id] = c; changed = true }
            }
        }
    }
    var lf = [String: Day]()
    for t in tasks {
        let c = [t.deadline, input.deadline].compactMap { $0 }.map(onOrBefore)
        if let m = c.min() { lf[t.id] = m }
    }
    func ls(_ id: String) -> Day? { lf[id].map { shift($0, -max(0, byId[id]!.duration - 1)) } }
    changed = true
    while changed {
        changed = false
        for t in tasks {
            guard let s = ls(t.id) else { continue }
            for p in t.predecessors {
                let c = shift(s, -(t.duration > 0 ? 1 + p.lag : p.lag))
                if lf[p.id] == nil || c < lf[p.id]! { lf[p.id] = c; changed = true }
            }
        }
    }
    let floats = tasks.map { t in ls(t.id).map { signed(es[t.id]!, $0) } }
    let minFloat = floats.compactMap { $0 }.min()
    var out: [ScheduledTask] = []
    for (t, f) in zip(tasks, floats) {
        out.append(ScheduledTask(id: t.id, earliestStart: es[t.id]!, earliestFinish: ef(t.id), latestStart: ls(t.id),
                                 latestFinish: lf[t.id], float: f, critical: f != nil && f == minFloat))
    }
    // Critical path: a topological order of the critical tasks by (earliest start, id) among those whose
    // critical predecessors (transitively, through any task) are already listed.
    var ancestors = [String: Set<String>]()
    func anc(_ id: String) -> Set<String> {
        if let a = ancestors[id] { return a }
        var s = Set<String>()
        for p in byId[id]!.predecessors { s.insert(p.id); s.formUnion(anc(p.id)) }
        ancestors[id] = s
        return s
    }
    var remaining = out.filter(\.critical)
    var path: [String] = []
    while !remaining.isEmpty {
        let ready = remaining.filter { c in anc(c.id).allSatisfy { a in !remaining.contains { $0.id == a } } }
        let pick = ready.min { ($0.earliestStart, $0.id) < ($1.earliestStart, $1.id) }!
        path.append(pick.id)
        remaining.removeAll { $0.id == pick.id }
    }
    let infeasible = out.compactMap { t in t.float.flatMap { $0 < 0 ? Infeasibility(id: t.id, shortBy: -$0) : nil } }
    return ScheduleResult(tasks: out, criticalPath: path, infeasible: infeasible)
}

/// Deterministic generator for the random test.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1333_11EB
        return z ^ (z >> 31)
    }
}

@Suite("排期输入：矩阵任务")
struct TaskScheduleInputTests {
    func task(_ id: Int, duration: Int, percent: Int, status: TaskItem.Status = .inProgress, kind: TaskItem.Kind = .task, preds: [Int] = []) -> TaskItem {
        TaskItem(id: id, planId: 1, workPointId: 1, seq: id, kind: kind, title: "t\(id)", ownerUnitId: 1, coUnitIds: [], responsiblePerson: "",
                 deliverable: "", acceptanceStandard: "", weight: 1, plannedStart: Day(iso: "2026-09-01")!, deadline: Day(iso: "2026-12-01")!,
                 durationDays: duration, predecessorIds: preds, percentDone: percent, status: status, doneOn: nil)
    }

    @Test("进行中的任务按剩余工作量排期，已完成的任务不排期且不再约束后续任务")
    func remainingWork() {
        let input = ScheduleInput.forTasks([task(1, duration: 55, percent: 40), task(2, duration: 10, percent: 100, status: .done),
                                            task(3, duration: 20, percent: 0, preds: [2]), task(4, duration: 0, percent: 0, kind: .milestone, preds: [1])],
                                           deadline: Day(iso: "2026-12-25")!, today: Day(iso: "2026-11-26")!)
        #expect(input.tasks.map(\.id) == ["#1", "#3", "#4"])
        #expect(input.tasks[0].duration == 33)      // 55 × 60 % = 33 working days left
        #expect(input.tasks[1].duration == 20)
        #expect(input.tasks[1].predecessors.isEmpty) // its predecessor is done
        #expect(input.tasks[2].duration == 0 && input.tasks[2].predecessors.map(\.id) == ["#1"])
        #expect(ScheduleInput.forTasks([task(5, duration: 3, percent: 99)], deadline: Day(iso: "2026-12-25")!, today: Day(iso: "2026-11-26")!).tasks[0].duration == 1)
    }
}
