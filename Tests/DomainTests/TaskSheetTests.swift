import Foundation
import Testing
@testable import Domain

// Working days are counted by hand from the State Council's 2026 notice (国办发明电〔2025〕7号):
// 清明节 4月4日至6日放假; 劳动节 5月1日至5日放假调休, 5月9日（周六）上班; 端午节 6月19日至21日放假;
// 中秋节 9月25日至27日放假; 国庆节 10月1日至7日放假调休, 9月20日（周日）、10月10日（周六）上班.
// Monday–Friday counts per month (1 March 2026 is a Sunday): March from the 2nd 22; April 22 − 4/6 = 21;
// May 21 − 5/1, 5/4, 5/5 + 5/9 = 19; June 22 − 6/19 = 21; July 23; August 21; September 22 − 9/25 + 9/20 = 22;
// October 1–30: 22 − 10/1, 10/2, 10/5, 10/6, 10/7 + 10/10 = 18.

private func day(_ iso: String) -> Day { Day(iso: iso)! }

private let sheetUnits = [
    OrgUnit(id: 1, name: "科技创新局", shortName: "科创局", kind: .department, sortOrder: 1),
    OrgUnit(id: 2, name: "经济发展局", shortName: "经发局", kind: .department, sortOrder: 2),
    OrgUnit(id: 3, name: "财政局", shortName: "", kind: .department, sortOrder: 3),
    OrgUnit(id: 4, name: "创业服务中心", shortName: "创服中心", kind: .platform, sortOrder: 4),
]
private let leaderLiu = UserAccount(id: 9, zoneId: 1, unitId: nil, username: "liuhaitao", displayName: "刘海涛", title: "副主任",
                                    roles: [.leader], canSignIn: true, lockedUntil: nil, archived: false, version: 1)
private let ecoPlan = Plan(id: 5, year: 2026, seq: 1, name: "科创生态培育计划", goal: "", leaderId: 9, leadUnitId: 1, coUnitIds: [])
private let incubatorPoint = WorkPoint(id: 11, planId: 5, seq: 1, title: "孵化载体建设", goal: "", leadUnitId: 1)

/// The two tasks already in the matrix: 101 (03-02 to 06-30, 22 + 21 + 19 + 21 = 83 working days) and
/// 102 (04-01 to 09-30, 21 + 19 + 21 + 23 + 21 + 22 = 127 working days), which follows 101.
private func storedTasks(version101: Int = 3) -> [TaskItem] {
    [
        TaskItem(id: 101, planId: 5, workPointId: 11, seq: 1, kind: .task, title: "建设众创空间", ownerUnitId: 1, coUnitIds: [2],
                 responsiblePerson: "王伟", deliverable: "建设方案", acceptanceStandard: "", weight: 1,
                 plannedStart: day("2026-03-02"), deadline: day("2026-06-30"), durationDays: 83, predecessorIds: [],
                 percentDone: 20, status: .inProgress, doneOn: nil, version: version101),
        TaskItem(id: 102, planId: 5, workPointId: 11, seq: 2, kind: .task, title: "建设科技企业孵化器", ownerUnitId: 4, coUnitIds: [],
                 responsiblePerson: "李娜", deliverable: "孵化器认定文件", acceptanceStandard: "", weight: 1,
                 plannedStart: day("2026-04-01"), deadline: day("2026-09-30"), durationDays: 127, predecessorIds: [101],
                 percentDone: 0, status: .notStarted, doneOn: nil, version: 2),
    ]
}

private func context(tasks: [TaskItem] = storedTasks()) -> TaskSheetContext {
    TaskSheetContext(year: 2026, today: day("2026-03-02"), calendar: WorkCalendar.official, units: sheetUnits, leaders: [leaderLiu],
                     plans: [ecoPlan], workPoints: [incubatorPoint], tasks: tasks)
}

/// The template's columns in this order: A 任务编号, B 计划, C 工作要点, D 任务名称, E 分管领导, F 责任单位,
/// G 配合单位, H 责任人, I 计划开始, J 完成时限, K 工期（工作日）, L 前置任务, M 成果形式.
private let template = ["任务编号", "计划", "工作要点", "任务名称", "分管领导", "责任单位", "配合单位", "责任人",
                        "计划开始", "完成时限", "工期（工作日）", "前置任务", "成果形式"]

/// A sheet as the reader gets it: a title on line 1, the header on line 2, then the rows from line 3 on.
private func sheet(_ rows: [[String: String]], headers: [String] = template) -> [TaskSheetImport.SheetRow] {
    var out: [TaskSheetImport.SheetRow] = [(line: 1, cells: ["2026年度重点工作任务分解表"]), (line: 2, cells: headers)]
    for (i, r) in rows.enumerated() { out.append((line: i + 3, cells: headers.map { r[$0] ?? "" })) }
    return out
}

/// A row under the existing plan and work point, with the merged plan cells filled as they arrive.
private func existingRow(_ fields: [String: String]) -> [String: String] {
    ["计划": "科创生态培育计划", "工作要点": "孵化载体建设", "分管领导": "刘海涛"].merging(fields) { _, new in new }
}

/// Task 101 exactly as stored (as the export writes it), with `changes` applied.
private func row101(_ changes: [String: String] = [:]) -> [String: String] {
    existingRow(["任务编号": "101", "任务名称": "建设众创空间", "责任单位": "科技创新局", "配合单位": "经济发展局", "责任人": "王伟",
                 "计划开始": "2026-03-02", "完成时限": "6月底", "成果形式": "建设方案"]).merging(changes) { _, new in new }
}

/// The errors of a refused sheet (records an issue when the sheet was accepted).
private func rejection(_ rows: [TaskSheetImport.SheetRow], _ ctx: TaskSheetContext = context()) -> [ImportRowError] {
    do { _ = try TaskSheetImport.changes(rows, ctx); Issue.record("sheet accepted"); return [] }
    catch let e as ImportRejected { return e.errors }
    catch { Issue.record("unexpected \(error)"); return [] }
}

@Suite("SheetDate 任务表中的日期写法")
struct SheetDateTests {
    @Test("办公室常见的日期写法读成对应的日子（表格年度2026）", arguments: [
        ("2026-06-30", "2026-06-30"), ("2026/6/30", "2026-06-30"), ("2026.6.30", "2026-06-30"), ("2026年6月30日", "2026-06-30"), ("2026.6", "2026-06-30"), ("2026-02", "2026-02-28"), ("2026/9", "2026-09-30"),
        ("6月30日前", "2026-06-30"), ("6月底", "2026-06-30"), ("2026年6月末", "2026-06-30"), ("6月底前", "2026-06-30"),
        ("6月上旬", "2026-06-10"), ("6月中旬", "2026-06-20"), ("6月下旬", "2026-06-30"), ("2月底", "2026-02-28"),
        ("年底", "2026-12-31"), ("年底前完成", "2026-12-31"), ("二季度末", "2026-06-30"), ("第三季度", "2026-09-30"),
        ("上半年", "2026-06-30"), ("Q4", "2026-12-31"),
        // Excel serial: 1899-12-30 + 36526 = 2000-01-01; + 26 × 365 + 7 leap days (2000…2024) = 46023 → 2026-01-01;
        // 46203 is 180 days later: 31 + 28 + 31 + 30 + 31 = 151 to 1 June, + 29 → 30 June.
        ("46203", "2026-06-30"),
        ("２０２６年６月３０日", "2026-06-30"), ("２０２６－０６－３０", "2026-06-30"),
    ])
    func parses(_ c: (String, String)) {
        #expect(SheetDate.parse(c.0, year: 2026) == day(c.1), "\(c.0)")
    }

    @Test("写不出确定日子的一律为空，不猜", arguments: ["持续推进", "长期", "2026年13月", "2026-13", "26.6", "6月31日", "", "2月30日", "第五季度", "   "])
    func rejects(_ text: String) {
        #expect(SheetDate.parse(text, year: 2026) == nil, "\(text)")
    }

    @Test("没写年份时用表格的年度；闰年2月底为29日；写了年份以所写为准")
    func yearFromSheet() {
        #expect(SheetDate.parse("2月底", year: 2028) == day("2028-02-29"))
        #expect(SheetDate.parse("2月底", year: 2026) == day("2026-02-28"))
        #expect(SheetDate.parse("6月底", year: 2027) == day("2027-06-30"))
        #expect(SheetDate.parse("2027年3月1日", year: 2026) == day("2027-03-01"))
    }
}

@Suite("TaskSheetImport 任务分解表导入")
struct TaskSheetImportTests {
    @Test("计划、工作要点名称去掉编号：“一、”“（二）”“3.”“计划一：”；“一网通办”“十大计划”不动", arguments: [
        ("一、营商环境优化计划", "营商环境优化计划"), ("（二）优化政务服务", "优化政务服务"), ("(2)优化政务服务", "优化政务服务"),
        ("3.产业招商", "产业招商"), ("计划一：科创生态培育计划", "科创生态培育计划"), ("一网通办", "一网通办"), ("十大计划", "十大计划"),
    ])
    func unnumbered(_ c: (String, String)) {
        #expect(TaskSheetImport.unnumbered(c.0) == c.1)
    }

    @Test("单元格的列字母与Excel一致")
    func letters() {
        #expect([0, 5, 25, 26, 27, 701, 702].map(TaskSheetColumn.letters) == ["A", "F", "Z", "AA", "AB", "ZZ", "AAA"])
    }

    @Test("新计划（合并单元格每行都有）只建一次，去掉编号；同一要点下建三个任务；多个配合单位、简称都能识别")
    func newPlanAndTasks() throws {
        let plan = ["计划": "一、营商环境优化计划", "工作要点": "（一）优化政务服务", "分管领导": "刘海涛"]
        let rows = sheet([
            plan.merging(["任务名称": "推行企业开办一网通办", "责任单位": "经济发展局", "配合单位": "财政局、科创局",
                          "计划开始": "2026-03-02", "完成时限": "6月底"]) { _, n in n },
            plan.merging(["任务名称": "建设企业服务驿站", "责任单位": "创业服务中心", "配合单位": "经济发展局，财政局",
                          "完成时限": "三季度末"]) { _, n in n },
            plan.merging(["任务名称": "出台惠企政策兑现办法", "责任单位": "财政局", "计划开始": "4月1日", "完成时限": "2026/9/30"]) { _, n in n },
        ])
        let c = try TaskSheetImport.changes(rows, context())
        #expect(c.newPlans.map(\.name) == ["营商环境优化计划"])
        #expect(c.newPlans.first?.leaderId == 9 && c.newPlans.first?.line == 3)
        #expect(c.newWorkPoints.map(\.title) == ["优化政务服务"])
        #expect(c.newWorkPoints.first?.plan == .new(0))
        #expect(c.creates.map(\.line) == [3, 4, 5])
        #expect(c.creates.allSatisfy { $0.workPoint == .new(0) && $0.task.id == 0 })
        #expect(c.creates.map(\.task.title) == ["推行企业开办一网通办", "建设企业服务驿站", "出台惠企政策兑现办法"])
        #expect(c.creates.map(\.task.ownerUnitId) == [2, 4, 3])
        #expect(c.creates.map(\.task.coUnitIds) == [[3, 1], [2, 3], []])
        // 03-02 to 06-30: 83 working days.
        #expect(c.creates[0].task.plannedStart == day("2026-03-02") && c.creates[0].task.durationDays == 83)
        // No start and no duration: starts today (03-02); to 09-30: 83 + 23 + 21 + 22 = 149.
        #expect(c.creates[1].task.plannedStart == day("2026-03-02") && c.creates[1].task.deadline == day("2026-09-30"))
        #expect(c.creates[1].task.durationDays == 149)
        // 04-01 to 09-30: 127.
        #expect(c.creates[2].task.plannedStart == day("2026-04-01") && c.creates[2].task.durationDays == 127)
        #expect(c.updates.isEmpty && c.unchanged.isEmpty && c.leaderChanges.isEmpty)
    }

    @Test("责任单位写了两个：第一个为责任单位，其余并入配合单位并提示")
    func twoOwners() throws {
        let rows = sheet([existingRow(["任务名称": "引进新型研发机构", "责任单位": "科创局、财政局", "配合单位": "创服中心", "完成时限": "年底"])])
        let c = try TaskSheetImport.changes(rows, context())
        #expect(c.creates.first?.task.ownerUnitId == 1)
        #expect(c.creates.first?.task.coUnitIds == [3, 4])
        #expect(c.creates.first?.workPoint == .existing(11))
        #expect(c.notes.count == 1 && c.notes.first?.contains("第3行") == true)
    }

    @Test("单位名称写错：整表拒绝，指出单元格并提示最接近的单位")
    func misspelledUnit() throws {
        let rows = sheet([
            existingRow(["任务名称": "建设概念验证中心", "责任单位": "科创局", "完成时限": "9月底"]),
            existingRow(["任务名称": "编制产业地图", "责任单位": "经济发展局", "完成时限": "6月底"]),
            existingRow(["任务名称": "组织技术合同登记", "责任单位": "科技创心局", "完成时限": "6月底"]),
            existingRow(["任务名称": "组织科技成果对接会", "责任单位": "科创局", "配合单位": "经济发展居", "完成时限": "6月底"]),
        ])
        let errors = rejection(rows)
        try #require(errors.count == 2)
        #expect(errors[0].line == 5 && errors[0].column == "责任单位" && errors[0].cell == "F5")
        #expect(errors[0].message.contains("科技创心局") && errors[0].message.contains("“科技创新局”"))
        #expect(errors[1].line == 6 && errors[1].column == "配合单位" && errors[1].cell == "G6")
        #expect(errors[1].message.contains("“经济发展局”"))
    }

    @Test("只填完成时限和工期：按官方日历倒排开始日期，跨国庆、劳动节调休")
    func reverseScheduling() throws {
        let rows = sheet([
            existingRow(["任务名称": "举办创新创业大赛", "责任单位": "科创局", "完成时限": "2026-10-15", "工期（工作日）": "10"]),
            existingRow(["任务名称": "发布科技政策汇编", "责任单位": "科创局", "完成时限": "2026年5月15日", "工期（工作日）": "10个工作日"]),
            existingRow(["任务名称": "完成孵化器绩效评价", "责任单位": "创服中心", "完成时限": "2026-10-05", "工期（工作日）": "3"]),
        ])
        let c = try TaskSheetImport.changes(rows, context())
        try #require(c.creates.count == 3)
        // Back from Thu 10-15: 15, 14, 13, 12, Sat 10 (调休), 9, 8 = 7; 10/1–10/7 国庆; 9/30, 9/29, 9/28 = 10.
        #expect(c.creates[0].task.plannedStart == day("2026-09-28"))
        #expect(c.creates[0].task.durationDays == 10 && c.creates[0].task.deadline == day("2026-10-15"))
        // Back from Fri 5-15: 15, 14, 13, 12, 11, Sat 9 (调休), 8, 7, 6 = 9; 5/1–5/5 劳动节; Thu 4/30 = 10.
        #expect(c.creates[1].task.plannedStart == day("2026-04-30") && c.creates[1].task.durationDays == 10)
        // A deadline inside the 国庆 break counts back from the last working day before it: 9/30, 9/29, 9/28.
        #expect(c.creates[2].task.plannedStart == day("2026-09-28") && c.creates[2].task.deadline == day("2026-10-05"))
        #expect(c.creates[2].task.durationDays == 3)
    }

    @Test("重新导入未改动的行：计入未变化，不新建也不更新")
    func reimportUnchanged() throws {
        let c = try TaskSheetImport.changes(sheet([row101()]), context())
        #expect(c.unchanged == [3])
        #expect(c.creates.isEmpty && c.updates.isEmpty && c.changesNothing)
    }

    @Test("改了完成时限：更新该任务，逐项列出改动（前后为ISO日期），版本号仍为读取时的")
    func reimportChangedDeadline() throws {
        let c = try TaskSheetImport.changes(sheet([row101(["完成时限": "2026年7月31日"])]), context())
        try #require(c.updates.count == 1)
        let u = c.updates[0]
        #expect(c.creates.isEmpty && c.unchanged.isEmpty)
        #expect(u.line == 3 && u.before.id == 101 && u.after.id == 101 && u.after.version == 3)
        #expect(u.after.deadline == day("2026-07-31") && u.after.plannedStart == day("2026-03-02"))
        #expect(u.fields.map(\.field) == ["完成时限", "工期（工作日）"])
        let deadline = u.fields.first { $0.field == "完成时限" }
        #expect(deadline?.before == "2026-06-30" && deadline?.after == "2026-07-31")
        // 83 + July's 23 working days.
        let duration = u.fields.first { $0.field == "工期（工作日）" }
        #expect(duration?.before == "83" && duration?.after == "106")
    }

    @Test("没有任务编号但工作要点和名称相同：更新原任务102，不重复新建")
    func matchByTitle() throws {
        let rows = sheet([existingRow(["任务名称": "建设科技企业孵化器", "责任单位": "创业服务中心", "责任人": "李娜",
                                       "计划开始": "2026-04-01", "完成时限": "2026-10-30", "前置任务": "101", "成果形式": "孵化器认定文件"])])
        let c = try TaskSheetImport.changes(rows, context())
        #expect(c.creates.isEmpty && c.newWorkPoints.isEmpty && c.newPlans.isEmpty)
        try #require(c.updates.count == 1)
        let u = c.updates[0]
        #expect(u.before.id == 102 && u.before.version == 2 && u.workPoint == .existing(11))
        #expect(u.after.predecessorIds == [101] && u.predecessors == [.existing(101)])
        #expect(u.fields.map(\.field) == ["完成时限", "工期（工作日）"])
        #expect(u.fields.first?.before == "2026-09-30" && u.fields.first?.after == "2026-10-30")
        // 127 + 18 working days in 10/1–10/30.
        #expect(u.fields.last?.before == "127" && u.fields.last?.after == "145")
    }

    @Test("表中没有“成果形式”列：原任务的成果形式保持不变，不列为改动")
    func absentColumnLeavesFieldAlone() throws {
        let headers = template.filter { $0 != "成果形式" }
        let unchanged = try TaskSheetImport.changes(sheet([row101()], headers: headers), context())
        #expect(unchanged.unchanged == [3] && unchanged.updates.isEmpty)
        let c = try TaskSheetImport.changes(sheet([row101(["责任人": "张敏"])], headers: headers), context())
        try #require(c.updates.count == 1)
        #expect(c.updates[0].fields.map(\.field) == ["责任人"])
        #expect(c.updates[0].after.deliverable == "建设方案" && c.updates[0].after.responsiblePerson == "张敏")
    }

    @Test("各行的问题一次全部报出，整表不导入：未知编号、同名任务、前置循环、日期写法")
    func errorsTogether() throws {
        let rows = sheet([
            existingRow(["任务编号": "999", "任务名称": "建设概念验证中心", "责任单位": "科创局", "完成时限": "6月底"]),
            existingRow(["任务名称": "编制产业地图", "责任单位": "经济发展局", "完成时限": "2026-05-29"]),
            existingRow(["任务名称": "编制产业地图", "责任单位": "财政局", "完成时限": "2026-06-30"]),
            existingRow(["任务名称": "制定人才引进办法", "责任单位": "科创局", "完成时限": "9月底", "前置任务": "开展人才需求调研"]),
            existingRow(["任务名称": "开展人才需求调研", "责任单位": "科创局", "完成时限": "6月底", "前置任务": "制定人才引进办法"]),
            existingRow(["任务名称": "推进产学研合作", "责任单位": "科创局", "完成时限": "持续推进"]),
        ])
        let errors = rejection(rows)
        try #require(errors.count == 4)
        #expect(errors.map(\.line) == [3, 5, 7, 8])
        #expect(errors.map(\.column) == ["任务编号", "任务名称", "前置任务", "完成时限"])
        #expect(errors.map(\.cell) == ["A3", "D5", "L7", "J8"])
        #expect(errors[0].message.contains("999"))
        #expect(errors[1].message.contains("第4行"))
        #expect(errors[2].message.contains("循环") && errors[2].message.contains("第6行") && errors[2].message.contains("第7行"))
        #expect(errors[3].message.contains("持续推进"))
    }

    @Test("缺少必填列：报“表头”错误")
    func missingColumns() throws {
        let row = existingRow(["任务名称": "编制产业地图", "责任单位": "经济发展局", "完成时限": "6月底"])
        let noDeadline = rejection(sheet([row], headers: template.filter { $0 != "完成时限" }))
        try #require(noDeadline.count == 1)
        #expect(noDeadline[0].column == "表头" && noDeadline[0].message.contains("完成时限"))
        let noOwner = rejection(sheet([row], headers: template.filter { $0 != "责任单位" }))
        try #require(noOwner.count == 1)
        #expect(noOwner[0].column == "表头" && noOwner[0].line == 2 && noOwner[0].message.contains("责任单位"))
    }

    @Test("指纹：同一张表对同一数据相同；他人改过任务101（版本变了）或表中内容不同则不同")
    func fingerprint() throws {
        let rows = sheet([row101(["完成时限": "2026年7月31日"])])
        let a = try TaskSheetImport.changes(rows, context())
        let b = try TaskSheetImport.changes(rows, context())
        #expect(a.fingerprint == b.fingerprint && !a.fingerprint.isEmpty)
        let bumped = try TaskSheetImport.changes(rows, context(tasks: storedTasks(version101: 4)))
        #expect(bumped.fingerprint != a.fingerprint)
        let other = try TaskSheetImport.changes(sheet([row101(["完成时限": "2026年8月31日"])]), context())
        #expect(other.fingerprint != a.fingerprint)
    }

    @Test("表头用别名、带*号或（必填）、列顺序不同也能读；导出时为防公式加的单引号去掉")
    func aliasesAndFormulaQuote() throws {
        let rows: [TaskSheetImport.SheetRow] = [
            (line: 1, cells: ["序号", "所属计划", "重点工作", "*具体任务", "牵头单位（必填）", "时间节点"]),
            (line: 2, cells: ["1", "科创生态培育计划", "孵化载体建设", "'=SUM(1)", "科创局", "6月底"]),
        ]
        let c = try TaskSheetImport.changes(rows, context())
        try #require(c.creates.count == 1)
        #expect(c.creates[0].task.title == "=SUM(1)")
        #expect(c.creates[0].workPoint == .existing(11) && c.creates[0].task.ownerUnitId == 1)
        #expect(c.creates[0].task.deadline == day("2026-06-30"))
    }
}
