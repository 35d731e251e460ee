import Foundation

/// What an import of a task sheet is compared with: the zone's year as it stands.
public struct TaskSheetContext: Sendable {
    public var year: Int
    public var today: Day
    public var calendar: WorkCalendar
    public var units: [OrgUnit]
    /// People who may be named 分管领导 (matched on their display name).
    public var leaders: [UserAccount]
    /// The year's live plans, their live work points, and the year's live tasks.
    public var plans: [Plan]
    public var workPoints: [WorkPoint]
    public var tasks: [TaskItem]
    public init(year: Int, today: Day, calendar: WorkCalendar, units: [OrgUnit], leaders: [UserAccount],
                plans: [Plan], workPoints: [WorkPoint], tasks: [TaskItem]) {
        self.year = year; self.today = today; self.calendar = calendar; self.units = units; self.leaders = leaders
        self.plans = plans; self.workPoints = workPoints; self.tasks = tasks
    }
}

/// Reads a task sheet (任务分解表) into the changes it asks for, or refuses it with every row's problem.
///
/// - The header row is found by its titles in the first 20 rows; columns in any order, under any of their usual names
///   (`TaskSheetColumn.names`); merged cells arrive filled (plans and work points written once over many rows).
/// - A row is matched to a task by 任务编号 when given, else by its work point and title: re-importing an edited sheet
///   changes those tasks and duplicates none. Plans and work points are matched by name; new ones are created.
/// - Units are matched by full or short name; several in one cell are split on 、，,；; and spaces. A unit that
///   does not exist is an error naming the closest one; nothing is guessed.
/// - Dates in the forms of `SheetDate`; a task with a duration and no start is scheduled backwards from its deadline
///   on the working-day calendar.
/// - A column the sheet does not have leaves that field of an existing task alone.
public enum TaskSheetImport {
    public typealias SheetRow = (line: Int, cells: [String])

    public static func changes(_ rows: [SheetRow], _ ctx: TaskSheetContext) throws -> TaskSheetChanges {
        var reader = Reader(ctx: ctx)
        return try reader.read(rows)
    }

    /// A name as compared: no spaces, brackets full-width.
    static func normalized(_ s: String) -> String {
        s.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{3000}", with: "")
            .replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
    }

    /// A plan or work point name without its numbering: "一、", "（二）", "3.", "计划一：".
    static func unnumbered(_ s: String) -> String {
        var t = Substring(normalized(s))
        if t.hasPrefix("计划"), let i = t.firstIndex(where: { "：:、".contains($0) }), t.distance(from: t.startIndex, to: i) <= 4 {
            t = t[t.index(after: i)...]
        }
        let numerals = Set("一二三四五六七八九十0123456789")
        var u = t
        let bracketed = u.hasPrefix("（")
        if bracketed { u = u.dropFirst() }
        let digits = u.prefix { numerals.contains($0) }
        if !digits.isEmpty {
            var rest = u.dropFirst(digits.count)
            if bracketed, rest.hasPrefix("）") { rest = rest.dropFirst(); return String(rest.drop { "、.．:：".contains($0) }) }
            if !bracketed, let f = rest.first, "、.．:：".contains(f) { return String(rest.dropFirst()) }
        }
        return String(t)
    }

    static func splitList(_ s: String) -> [String] {
        s.split(whereSeparator: { "、，,；;/／\n ".contains($0) || $0 == "\u{3000}" }).map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    struct Reader {
        let ctx: TaskSheetContext
        var errors: [ImportRowError] = []
        var notes: [String] = []
        var out: TaskSheetChanges
        var column: [TaskSheetColumn: Int] = [:]

        let unitByName: [String: OrgUnit]
        let leaderByName: [String: [UserAccount]]
        let planByName: [String: Plan]
        let taskById: [Int: TaskItem]
        /// The year's tasks by work point and title, as rows without 任务编号 are matched.
        let tasksByPlace: [String: [TaskItem]]

        init(ctx: TaskSheetContext) {
            self.ctx = ctx
            out = TaskSheetChanges(year: ctx.year)
            var units: [String: OrgUnit] = [:]
            for u in ctx.units where !u.archived {
                units[normalized(u.name)] = u
                if !u.shortName.isEmpty, units[normalized(u.shortName)] == nil { units[normalized(u.shortName)] = u }
            }
            unitByName = units
            leaderByName = Dictionary(grouping: ctx.leaders.filter { !$0.archived }, by: { normalized($0.displayName) })
            var plans: [String: Plan] = [:]
            for p in ctx.plans { plans[normalized(p.name)] = p; plans[unnumbered(p.name)] = plans[unnumbered(p.name)] ?? p }
            planByName = plans
            taskById = Dictionary(ctx.tasks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            tasksByPlace = Dictionary(grouping: ctx.tasks, by: { "\($0.workPointId)|\(normalized($0.title))" })
        }

        /// One row as read in the first pass.
        struct Row {
            let line: Int
            var plan: TaskSheetChanges.PlanRef
            var workPoint: TaskSheetChanges.WorkPointRef
            var base: TaskItem?
            var draft = TaskDraft()
            var predecessorTokens: [String]?
            var durationGiven: Int?
            var startGiven = false
        }

        mutating func fail(_ line: Int, _ c: TaskSheetColumn, _ message: String) {
            errors.append(ImportRowError(line: line, column: c.header, message, cell: column[c].map { TaskSheetColumn.letters($0) + "\(line)" }))
        }

        mutating func read(_ rows: [SheetRow]) throws -> TaskSheetChanges {
            // The header: the first row naming 任务名称 or 完成时限 and at least two other columns of the sheet.
            guard let headerIndex = rows.prefix(20).firstIndex(where: { r in
                let h = Set(r.cells.map(SheetText.header))
                let known = TaskSheetColumn.allCases.filter { !h.isDisjoint(with: $0.names) }
                return known.count >= 3 && (known.contains(.title) || known.contains(.deadline))
            }) else {
                throw ImportRejected([ImportRowError(line: rows.first?.line ?? 1, column: "表头",
                                                     "没有找到表头：前20行中须有一行含“任务名称”和“完成时限”等列（可下载模板）")])
            }
            let header = rows[headerIndex].cells.map(SheetText.header)
            for c in TaskSheetColumn.allCases {
                if let i = header.firstIndex(where: { c.names.contains($0) }) { column[c] = i }
            }
            let missing = TaskSheetColumn.allCases.filter { $0.isRequired && column[$0] == nil }.map(\.header)
            if !missing.isEmpty {
                throw ImportRejected([ImportRowError(line: rows[headerIndex].line, column: "表头", "缺少列：\(missing.joined(separator: "、"))")])
            }

            var parsed: [Row] = []
            var newPlanIndex: [String: Int] = [:], newWorkPointIndex: [String: Int] = [:]
            var planLeaders: [TaskSheetChanges.PlanRef: (line: Int, leader: Int?)] = [:]
            var seenIds: [Int: Int] = [:], seenTitles: [String: Int] = [:]
            let workPointsByPlan = Dictionary(grouping: ctx.workPoints, by: \.planId)

            for r in rows[(headerIndex + 1)...] {
                func cell(_ c: TaskSheetColumn) -> String {
                    guard let i = column[c], i < r.cells.count else { return "" }
                    let v = r.cells[i].trimmingCharacters(in: .whitespacesAndNewlines)
                    // The quote an export puts before = + - @ so that Excel does not run the text as a formula.
                    if v.count > 1, v.first == "'", let second = v.dropFirst().first, "=+-@".contains(second) { return String(v.dropFirst()) }
                    return v
                }
                let title = cell(.title)
                let taskFields: [TaskSheetColumn] = [.id, .title, .owner, .coUnits, .person, .start, .deadline, .duration, .predecessors, .deliverable, .acceptance]
                if taskFields.allSatisfy({ cell($0).isEmpty }) { continue }  // empty row, or a plan / work point heading row
                let errorsBefore = errors.count

                // Plan
                let planName = cell(.plan)
                var planRef: TaskSheetChanges.PlanRef?
                if planName.isEmpty { fail(r.line, .plan, "计划不能为空") }
                else if let p = planByName[normalized(planName)] ?? planByName[unnumbered(planName)] { planRef = .existing(p.id) }
                else {
                    let key = unnumbered(planName)
                    if key.count > TextLimits.title { fail(r.line, .plan, "计划名称不能超过\(TextLimits.title)个字") }
                    else {
                        if newPlanIndex[key] == nil {
                            newPlanIndex[key] = out.newPlans.count
                            out.newPlans.append(.init(line: r.line, name: key, leaderId: nil))
                        }
                        planRef = .new(newPlanIndex[key]!)
                    }
                }
                // Leader in charge (of the plan)
                // "刘海涛（副书记）" as lists show people: the name without the title.
                var leaderName = normalized(cell(.leader))
                if leaderName.hasSuffix("）"), let open = leaderName.firstIndex(of: "（"), open != leaderName.startIndex { leaderName = String(leaderName[..<open]) }
                if !leaderName.isEmpty, let planRef {
                    var leader: Int?
                    if let found = leaderByName[normalized(leaderName)] {
                        if found.count > 1 { fail(r.line, .leader, "有\(found.count)位领导名为“\(leaderName)”，请在计划页面指定") }
                        else { leader = found[0].id }
                    } else {
                        let near = SheetText.closest(to: leaderName, in: ctx.leaders) { [$0.displayName] }
                        fail(r.line, .leader, "没有名为“\(leaderName)”的领导" + (near.map { "，是否为“\($0.displayName)”？" } ?? ""))
                    }
                    if let leader {
                        if let earlier = planLeaders[planRef], earlier.leader != leader {
                            fail(r.line, .leader, "同一计划的分管领导与第\(earlier.line)行不一致")
                        } else if planLeaders[planRef] == nil {
                            planLeaders[planRef] = (r.line, leader)
                        }
                    }
                }
                // Work point
                let wpTitle = cell(.workPoint)
                var wpRef: TaskSheetChanges.WorkPointRef?
                if wpTitle.isEmpty { fail(r.line, .workPoint, "工作要点不能为空") }
                else if let planRef {
                    if case .existing(let pid) = planRef,
                       let w = (workPointsByPlan[pid] ?? []).first(where: { normalized($0.title) == normalized(wpTitle) || unnumbered($0.title) == unnumbered(wpTitle) }) {
                        wpRef = .existing(w.id)
                    } else if unnumbered(wpTitle).count > TextLimits.title {
                        fail(r.line, .workPoint, "工作要点不能超过\(TextLimits.title)个字")
                    } else {
                        let key = "\(planRef)|\(unnumbered(wpTitle))"
                        if newWorkPointIndex[key] == nil {
                            newWorkPointIndex[key] = out.newWorkPoints.count
                            out.newWorkPoints.append(.init(line: r.line, plan: planRef, title: unnumbered(wpTitle)))
                        }
                        wpRef = .new(newWorkPointIndex[key]!)
                    }
                }
                // Which task
                var base: TaskItem?
                let idText = cell(.id).replacingOccurrences(of: "#", with: "")
                if !idText.isEmpty {
                    if let id = Int(idText) ?? SheetText.number(idText).flatMap({ $0 == $0.rounded() && abs($0) < 1e12 ? Int($0) : nil }) {
                        if let t = taskById[id] {
                            base = t
                            if let earlier = seenIds[id] { fail(r.line, .id, "任务编号\(id)与第\(earlier)行重复") } else { seenIds[id] = r.line }
                        } else {
                            fail(r.line, .id, "任务编号\(id)在\(ctx.year)年度没有对应的任务（新任务请留空）")
                        }
                    } else {
                        fail(r.line, .id, "任务编号应为数字，填写的是“\(idText)”")
                    }
                } else if case .existing(let wid)? = wpRef {
                    let same = tasksByPlace["\(wid)|\(normalized(title))"] ?? []
                    if same.count > 1 {
                        fail(r.line, .title, "该工作要点下有\(same.count)个同名任务（编号\(same.map { "#\($0.id)" }.joined(separator: "、"))），请填写任务编号")
                    } else if let t = same.first {
                        if let earlier = seenIds[t.id] { fail(r.line, .title, "与第\(earlier)行的任务同名且属于同一工作要点") }
                        else { base = t; seenIds[t.id] = r.line }
                    }
                }
                if base == nil, let wpRef, !title.isEmpty {
                    let key = "\(wpRef)|\(normalized(title))"
                    if let earlier = seenTitles[key] { fail(r.line, .title, "与第\(earlier)行的任务同名且属于同一工作要点") } else { seenTitles[key] = r.line }
                }

                var row = Row(line: r.line, plan: planRef ?? .new(-1), workPoint: wpRef ?? .new(-1), base: base)
                var d = TaskDraft()
                func set<T: Equatable>(_ value: T, _ current: T?, _ apply: (inout TaskDraft) -> Void) {
                    if base == nil || current != value { apply(&d) }
                }
                switch wpRef {
                case .existing(let wid)?: set(wid, base?.workPointId) { $0.workPointId = wid }
                default: d.workPointId = -1
                }
                if column[.title] != nil { set(title, base?.title) { $0.title = title } }
                if column[.kind] != nil {
                    let k = cell(.kind)
                    let kind: TaskItem.Kind? = ["", "任务", "工作任务"].contains(k) ? (k.isEmpty ? (base?.kind ?? .task) : .task)
                        : ["节点", "里程碑", "节点任务", "关键节点"].contains(k) ? .milestone : nil
                    if let kind { set(kind, base?.kind) { $0.kind = kind } } else { fail(r.line, .kind, "类型应填“任务”或“节点”，填写的是“\(k)”") }
                }
                // Units
                if column[.owner] != nil {
                    let names = splitList(cell(.owner))
                    if names.isEmpty { fail(r.line, .owner, "责任单位不能为空") }
                    var ids: [Int] = []
                    for n in names { if let u = unit(n, r.line, .owner) { ids.append(u) } }
                    if ids.count == names.count, let first = ids.first {
                        set(first, base?.ownerUnitId) { $0.ownerUnitId = first }
                        if names.count > 1 {
                            notes.append("第\(r.line)行的责任单位写了\(names.count)个，第一个“\(names[0])”作为责任单位，其余作为配合单位。")
                        }
                    }
                    var co = Array(ids.dropFirst())
                    if column[.coUnits] != nil {
                        for n in splitList(cell(.coUnits)) { if let u = unit(n, r.line, .coUnits) { co.append(u) } }
                    } else if let base { co = base.coUnitIds + co }
                    var seen = Set(ids.prefix(1))
                    co = co.filter { seen.insert($0).inserted }
                    if base == nil || Set(co) != Set(base?.coUnitIds ?? []) { d.coUnitIds = co }
                }
                if column[.person] != nil { let v = cell(.person); set(v, base?.responsiblePerson) { $0.responsiblePerson = v } }
                if column[.deliverable] != nil { let v = cell(.deliverable); set(v, base?.deliverable) { $0.deliverable = v } }
                if column[.acceptance] != nil { let v = cell(.acceptance); set(v, base?.acceptanceStandard) { $0.acceptanceStandard = v } }
                if column[.weight] != nil, !cell(.weight).isEmpty {
                    if let w = SheetText.number(cell(.weight)) { set(w, base?.weight) { $0.weight = w } }
                    else { fail(r.line, .weight, "权重应为数字，填写的是“\(cell(.weight))”") }
                }
                // Dates
                let deadlineText = cell(.deadline)
                var deadline: Day?
                if deadlineText.isEmpty { if base == nil { fail(r.line, .deadline, "完成时限不能为空") } }
                else if let day = SheetDate.parse(deadlineText, year: ctx.year) { deadline = day; set(day, base?.deadline) { $0.deadline = day } }
                else { fail(r.line, .deadline, "“\(deadlineText)”不是日期（如2026-06-30、2026年6月30日、6月底、二季度末）") }
                let startText = cell(.start)
                if !startText.isEmpty {
                    if let day = SheetDate.parse(startText, year: ctx.year) { row.startGiven = true; set(day, base?.plannedStart) { $0.plannedStart = day } }
                    else { fail(r.line, .start, "“\(startText)”不是日期（如2026-03-01、2026年3月1日）") }
                }
                let durationText = cell(.duration).replacingOccurrences(of: "个工作日", with: "").replacingOccurrences(of: "工作日", with: "")
                if !durationText.isEmpty {
                    if let v = SheetText.number(durationText), v == v.rounded(), v >= 0, v < 100_000 { row.durationGiven = Int(v) }
                    else { fail(r.line, .duration, "工期应为工作日数（整数），填写的是“\(cell(.duration))”") }
                }
                if let dur = row.durationGiven {
                    if base == nil || dur != base?.durationDays || d.deadline != nil || d.plannedStart != nil { d.durationDays = dur }
                }
                let kind = d.kind ?? base?.kind ?? .task
                if kind == .milestone { d.durationDays = nil }
                if !row.startGiven, kind == .task, let end = deadline ?? base?.deadline {
                    if let dur = row.durationGiven, dur >= 1, base == nil || d.durationDays != nil || d.deadline != nil {
                        // Reverse scheduling: the start that leaves `dur` working days up to the deadline.
                        let last = ctx.calendar.workday(onOrBefore: end)
                        let start = min(end, ctx.calendar.add(-(dur - 1), workdaysTo: last))
                        set(start, base?.plannedStart) { $0.plannedStart = start }
                    } else if base == nil {
                        let yearStart = Day.firstOfYear(ctx.year)
                        d.plannedStart = min(max(ctx.today, yearStart), end)
                    }
                }
                if column[.predecessors] != nil { row.predecessorTokens = splitList(cell(.predecessors)) }
                row.draft = d
                if errors.count == errorsBefore { parsed.append(row) }
            }

            // Leaders of plans
            for (ref, l) in planLeaders {
                switch ref {
                case .new(let i) where i >= 0: out.newPlans[i] = .init(line: out.newPlans[i].line, name: out.newPlans[i].name, leaderId: l.leader)
                case .existing(let pid):
                    if let p = ctx.plans.first(where: { $0.id == pid }), p.leaderId != l.leader {
                        out.leaderChanges.append(.init(line: l.line, plan: p, leaderId: l.leader))
                    }
                default: break
                }
            }
            out.leaderChanges.sort { $0.line < $1.line }

            // Second pass: predecessors, rules, changes.
            var createIndex: [Int: Int] = [:]  // parsed index → create index
            for (i, r) in parsed.enumerated() where r.base == nil { createIndex[i] = createIndex.count }
            var rowsByTitle: [String: [Int]] = [:]
            for (i, r) in parsed.enumerated() {
                let t = normalized(r.draft.title ?? r.base?.title ?? "")
                rowsByTitle[t, default: []].append(i)
            }
            let yearTasksByTitle = Dictionary(grouping: ctx.tasks, by: { normalized($0.title) })
            let sheetIdToRow = Dictionary(parsed.enumerated().compactMap { i, r in r.base.map { ($0.id, i) } }, uniquingKeysWith: { a, _ in a })
            func ref(of i: Int) -> TaskSheetChanges.TaskRef { parsed[i].base.map { .existing($0.id) } ?? .created(createIndex[i]!) }

            var resolved: [[TaskSheetChanges.TaskRef]] = []
            for (i, r) in parsed.enumerated() {
                guard let tokens = r.predecessorTokens else {
                    resolved.append((r.base?.predecessorIds ?? []).map { .existing($0) })
                    continue
                }
                var refs: [TaskSheetChanges.TaskRef] = []
                for token in tokens {
                    let idText = token.hasPrefix("#") ? String(token.dropFirst()) : token
                    if let id = Int(idText) {
                        if let j = sheetIdToRow[id] { refs.append(ref(of: j)) }
                        else if taskById[id] != nil { refs.append(.existing(id)) }
                        else { fail(r.line, .predecessors, "前置任务#\(id)不存在") }
                        continue
                    }
                    let key = normalized(token)
                    let inSheet = rowsByTitle[key] ?? []
                    if inSheet.count == 1 { refs.append(ref(of: inSheet[0])) }
                    else if inSheet.count > 1 { fail(r.line, .predecessors, "前置任务“\(token)”在本表中有\(inSheet.count)个同名任务，请改填任务编号") }
                    else if let found = yearTasksByTitle[key], found.count == 1 { refs.append(.existing(found[0].id)) }
                    else if let found = yearTasksByTitle[key] { fail(r.line, .predecessors, "前置任务“\(token)”有\(found.count)个同名任务，请改填任务编号") }
                    else { fail(r.line, .predecessors, "前置任务“\(token)”不在本表中，也不是\(ctx.year)年度已有的任务") }
                }
                var seen = Set<TaskSheetChanges.TaskRef>()
                refs = refs.filter { seen.insert($0).inserted }
                if refs.contains(ref(of: i)) { fail(r.line, .predecessors, "任务不能以自身为前置任务") }
                resolved.append(refs)
            }
            checkCycles(parsed, resolved, ref: ref(of:))

            let unitName = Dictionary(ctx.units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            let wpTitle = Dictionary(ctx.workPoints.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
            for (i, r) in parsed.enumerated() {
                var d = r.draft
                let existingPreds = resolved[i].compactMap { if case .existing(let id) = $0 { return id } else { return nil } }
                if r.predecessorTokens != nil { d.predecessorIds = existingPreds }
                let task: TaskItem
                do { task = try TaskRules.apply(d, to: r.base, today: ctx.today, calendar: ctx.calendar) }
                catch let e as ValidationError { fail(r.line, sheetColumn(for: e.field), e.message); continue }
                catch { fail(r.line, .title, "\(error)"); continue }
                if let base = r.base {
                    var fields = TaskSheetImport.fieldChanges(base, task, unitName: unitName, wpTitle: wpTitle)
                    let newPredCount = resolved[i].count - existingPreds.count
                    if newPredCount > 0 { fields.append(.init(field: "前置任务", before: base.predecessorIds.map { "#\($0)" }.joined(separator: "、"), after: "含本表新建任务\(newPredCount)个")) }
                    if case .new = r.workPoint { fields.insert(.init(field: "工作要点", before: wpTitle[base.workPointId] ?? "", after: "（新建）"), at: 0) }
                    if fields.isEmpty { out.unchanged.append(r.line) }
                    else { out.updates.append(.init(line: r.line, before: base, after: task, workPoint: r.workPoint, predecessors: resolved[i], fields: fields)) }
                } else {
                    out.creates.append(.init(line: r.line, task: task, workPoint: r.workPoint, predecessors: resolved[i]))
                }
            }
            // Creates must line up with `createIndex`: a row refused above leaves a gap, but then the import is refused anyway.
            if !errors.isEmpty {
                throw ImportRejected(errors.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
            }
            out.notes = notes
            return out
        }

        mutating func unit(_ name: String, _ line: Int, _ c: TaskSheetColumn) -> Int? {
            if let u = unitByName[normalized(name)] { return u.id }
            fail(line, c, OrgUnit.unknownMessage(name, units: ctx.units))
            return nil
        }

        func sheetColumn(for field: String) -> TaskSheetColumn {
            switch field {
            case "title": return .title
            case "ownerUnitId": return .owner
            case "coUnitIds": return .coUnits
            case "responsiblePerson": return .person
            case "deliverable": return .deliverable
            case "acceptanceStandard": return .acceptance
            case "weight": return .weight
            case "plannedStart": return .start
            case "durationDays": return .duration
            case "predecessorIds": return .predecessors
            case "workPointId": return .workPoint
            default: return .deadline
            }
        }

        /// Refuses predecessor links that would close a loop, over the sheet's links and the year's other links.
        mutating func checkCycles(_ parsed: [Row], _ resolved: [[TaskSheetChanges.TaskRef]], ref: (Int) -> TaskSheetChanges.TaskRef) {
            var successors: [TaskSheetChanges.TaskRef: [TaskSheetChanges.TaskRef]] = [:]
            let inSheet = Set(parsed.indices.map(ref))
            for t in ctx.tasks where !inSheet.contains(.existing(t.id)) {
                for p in t.predecessorIds { successors[.existing(p), default: []].append(.existing(t.id)) }
            }
            var lineOf: [TaskSheetChanges.TaskRef: Int] = [:]
            for (i, r) in parsed.enumerated() {
                lineOf[ref(i)] = r.line
                for p in resolved[i] { successors[p, default: []].append(ref(i)) }
            }
            guard let loop = DependencyGraph.anyCycle(successors: successors, from: parsed.indices.map(ref)) else { return }
            let names = loop.map { r in lineOf[r].map { "第\($0)行" } ?? { if case .existing(let id) = r { return "#\(id)" } else { return "?" } }() }
            if let line = loop.compactMap({ lineOf[$0] }).max() {
                fail(line, .predecessors, "前置任务形成循环：" + names.joined(separator: " → "))
            }
        }
    }

    /// The fields that differ between two versions of a task, as the preview names them.
    static func fieldChanges(_ a: TaskItem, _ b: TaskItem, unitName: [Int: String], wpTitle: [Int: String]) -> [TaskSheetChanges.FieldChange] {
        var out: [TaskSheetChanges.FieldChange] = []
        func add(_ f: String, _ x: String, _ y: String) { if x != y { out.append(.init(field: f, before: x, after: y)) } }
        func weight(_ w: Double) -> String { w == w.rounded() ? String(Int(w)) : String(w) }
        if b.workPointId > 0 { add("工作要点", wpTitle[a.workPointId] ?? "", wpTitle[b.workPointId] ?? "") }
        add("类型", a.kind.chineseName, b.kind.chineseName)
        add("任务名称", a.title, b.title)
        add("责任单位", unitName[a.ownerUnitId] ?? "", unitName[b.ownerUnitId] ?? "")
        add("配合单位", a.coUnitIds.map { unitName[$0] ?? "" }.joined(separator: "、"), b.coUnitIds.map { unitName[$0] ?? "" }.joined(separator: "、"))
        add("责任人", a.responsiblePerson, b.responsiblePerson)
        add("计划开始", a.plannedStart.iso, b.plannedStart.iso)
        add("完成时限", a.deadline.iso, b.deadline.iso)
        add("工期（工作日）", String(a.durationDays), String(b.durationDays))
        add("前置任务", a.predecessorIds.map { "#\($0)" }.joined(separator: "、"), b.predecessorIds.map { "#\($0)" }.joined(separator: "、"))
        add("成果形式", a.deliverable, b.deliverable)
        add("验收标准", a.acceptanceStandard, b.acceptanceStandard)
        add("权重", weight(a.weight), weight(b.weight))
        return out
    }
}
