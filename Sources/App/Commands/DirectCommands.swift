import Domain
import Foundation
import Persistence
import Vapor

/// Commands with an exact stdout contract (one line, machine-readable), parsed here rather than
/// by ConsoleKit, which would read a negative number such as `-3` as an option.
/// Bad input exits with status 2 and a message on stderr.
enum DirectCommands {
    static let names: Set<String> = ["calendar", "schedule", "score"]

    struct UsageError: Error, CustomStringConvertible { let description: String }

    static let calendarHelp = """
        Usage: guatu calendar <command>

        工作日历：国务院节假日安排（含调休）与本区调整 (the official working-day calendar)

          guatu calendar day DATE            workday | weekend | holiday NAME | makeup-workday NAME
          guatu calendar workdays FROM TO    number of working days d with FROM <= d <= TO
          guatu calendar add DATE N          the N-th working day after (N > 0) or before (N < 0) DATE; DATE not counted
          guatu calendar load FILE.json      load a year's holiday notice (format: docs/operations.md)
          guatu calendar years               years with an official notice (shipped or loaded)

        Options: --zone CODE  include that zone's own overrides (default: the national calendar only)
        Dates are ISO YYYY-MM-DD. A year without a notice is computed as weekends only, with a warning on stderr.
        """

    static let scheduleHelp = """
        Usage: guatu schedule --input FILE.json [--today DATE] [--zone CODE]

        倒排工期：按法定工作日（含调休）做逆推与正推，求最早/最迟开始和完成、总时差、关键路径 (reverse scheduling)

        Input:  {"deadline": "YYYY-MM-DD"?, "today": "YYYY-MM-DD"?, "tasks": [{"id": "A", "duration": 5, "start": "…"?,
                 "deadline": "…"?, "predecessors": ["B", {"id": "C", "lag": 2}]}]}
        Output: {"tasks": [{"id", "earliest_start", "earliest_finish", "latest_start", "latest_finish", "float", "critical"}],
                 "critical_path": […], "infeasible": [{"id", "short_by"}]}   (dates ISO, null where undefined)
        Bad input exits with status 2 and a message on stderr.
        """

    static let scoreHelp = """
        Usage: guatu score --input FILE.json

        考核计分方法：加权求和、功效系数法、熵权法、层次分析法（AHP，含一致性检验）、TOPSIS (assessment scoring methods)

        Input:  {"method": "weighted"|"efficacy"|"entropy"|"ahp"|"topsis", "units": [names],
                 "indicators": [{"key", "type": "benefit"|"cost", "weight"?, "satisfactory"?, "unacceptable"?}],
                 "matrix": [[one row per unit]]}      for ahp: {"method": "ahp", "pairwise": [[…]]} (cells may be "1/3")
        Output: {"weights"?: […], "scores"?: {unit: number}, "ranks"?: {unit: integer}, "lambda_max"?, "cr"?, "consistent"?}
        Ranks descending, ties ranked 1, 2, 2, 4. Formulas: docs/glossary.md (考核计分方法).
        Bad input (ragged matrix, non-numeric cell, non-reciprocal pairwise matrix, weights not summing to 1) exits with status 2.
        """

    /// `guatu score`: reads the file, runs the method, prints one JSON line.
    static func score(_ args: [String]) -> Int32 {
        let rest = Array(args.dropFirst(2))
        if rest.contains("--help") || rest.contains("-h") { print(scoreHelp); return 0 }
        do {
            for (i, a) in rest.enumerated() where a.hasPrefix("--") && a != "--input" && (i == 0 || rest[i - 1] != "--input") {
                throw UsageError(description: "未知选项：\(a)")
            }
            guard let i = rest.firstIndex(of: "--input"), i + 1 < rest.count else {
                throw UsageError(description: "缺少 --input FILE.json。运行 guatu score --help 查看用法")
            }
            let path = rest[i + 1]
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch { throw UsageError(description: "无法读取文件：\(path)") }
            let out: Data
            do { out = try Scoring.run(data) } catch let e as ValidationError {
                throw UsageError(description: "输入有误：\(e.field)：\(e.message)")
            }
            FileHandle.standardOutput.write(out)
            FileHandle.standardOutput.write(Data("\n".utf8))
            return 0
        } catch {
            return failure(error)
        }
    }

    /// Bad input is status 2, anything else 1; the message goes to stderr.
    static func failure(_ error: any Error) -> Int32 {
        let usage = error as? UsageError
        FileHandle.standardError.write(Data("错误 (error): \(usage?.description ?? "\(error)")\n".utf8))
        return usage == nil ? 1 : 2
    }

    /// Returns the exit status.
    static func run(_ app: Application, _ args: [String]) async -> Int32 {
        if args[1] == "schedule" { return await schedule(app, args) }
        if args[1] == "score" { return score(args) }
        var rest = Array(args.dropFirst(2))
        if rest.isEmpty || rest.contains("--help") || rest.contains("-h") {
            print(calendarHelp)
            return rest.isEmpty ? 2 : 0
        }
        do {
            var zoneCode: String?
            if let i = rest.firstIndex(of: "--zone") {
                guard i + 1 < rest.count else { throw UsageError(description: "--zone 需要园区代码") }
                zoneCode = rest[i + 1]
                rest.removeSubrange(i...(i + 1))
            }
            var zoneId: Int?
            if let zoneCode {
                guard let z = try await app.store.zone(code: zoneCode) else { throw UsageError(description: "找不到园区：\(zoneCode)") }
                zoneId = z.id
            }
            let calendar = try await app.calendar(zoneId: zoneId)
            func day(_ s: String) throws -> Day {
                guard let d = Day(iso: s) else { throw UsageError(description: "日期格式应为YYYY-MM-DD：\(s)") }
                return d
            }
            func warn(_ from: Day, _ to: Day) {
                if let w = CalendarText.missingYears(calendar.missingYears(from: min(from, to), to: max(from, to))) {
                    FileHandle.standardError.write(Data("警告 (warning): \(w)\n".utf8))
                }
            }
            switch (rest.first, rest.count) {
            case ("day", 2):
                let d = try day(rest[1])
                warn(d, d)
                print(CalendarText.cli(calendar.kind(of: d)))
            case ("workdays", 3):
                let from = try day(rest[1]), to = try day(rest[2])
                warn(from, to)
                print(calendar.workdays(from: from, to: to))
            case ("add", 3):
                let d = try day(rest[1])
                guard let n = Int(rest[2]), abs(n) <= 100_000 else { throw UsageError(description: "N 应为整数（绝对值不超过100000）：\(rest[2])") }
                let result = calendar.add(n, workdaysTo: d)
                warn(d, result)
                print(result.iso)
            case ("load", 2):
                let data: Data
                do { data = try Data(contentsOf: URL(fileURLWithPath: rest[1])) } catch {
                    throw UsageError(description: "无法读取文件：\(rest[1])")
                }
                let notice: HolidayNotice
                do { notice = try HolidayNotice.fromJSON(data) } catch let e as ValidationError {
                    throw UsageError(description: "节假日安排文件有误：\(e.field)：\(e.message)")
                }
                try await app.store.saveNotice(notice, loadedBy: "guatu calendar load", actor: nil)
                let days = notice.holidays.reduce(0) { $0 + $1.dates.count }
                let makeups = notice.holidays.reduce(0) { $0 + $1.makeupWorkdays.count }
                print("已录入\(notice.year)年节假日安排：\(notice.holidays.count)个节日、\(days)天休息、\(makeups)个调休上班日（\(notice.docNo)）")
            case ("years", 1):
                print((2000...2100).filter { calendar.hasOfficialData(year: $0) }.map(String.init).joined(separator: " "))
            default:
                throw UsageError(description: "用法有误。运行 guatu calendar --help 查看用法")
            }
            return 0
        } catch {
            return failure(error)
        }
    }

    static func schedule(_ app: Application, _ args: [String]) async -> Int32 {
        let rest = Array(args.dropFirst(2))
        if rest.contains("--help") || rest.contains("-h") { print(scheduleHelp); return 0 }
        func value(_ flag: String) -> String? {
            guard let i = rest.firstIndex(of: flag), i + 1 < rest.count else { return nil }
            return rest[i + 1]
        }
        do {
            let known: Set<String> = ["--input", "--today", "--zone"]
            for (i, a) in rest.enumerated() where a.hasPrefix("--") && !known.contains(a) && (i == 0 || !known.contains(rest[i - 1])) {
                throw UsageError(description: "未知选项：\(a)")
            }
            guard let path = value("--input") else { throw UsageError(description: "缺少 --input FILE.json。运行 guatu schedule --help 查看用法") }
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch { throw UsageError(description: "无法读取文件：\(path)") }
            var today = app.today
            if let t = value("--today") {
                guard let d = Day(iso: t) else { throw UsageError(description: "--today 的日期格式应为YYYY-MM-DD：\(t)") }
                today = d
            }
            var zoneId: Int?
            if let code = value("--zone") {
                guard let z = try await app.store.zone(code: code) else { throw UsageError(description: "找不到园区：\(code)") }
                zoneId = z.id
            }
            let input: ScheduleInput
            do { input = try ScheduleInput.fromJSON(data) } catch let e as ValidationError {
                throw UsageError(description: "输入有误：\(e.field)：\(e.message)")
            }
            let calendar = try await app.calendar(zoneId: zoneId)
            let result: ScheduleResult
            do { result = try Scheduler.schedule(input, today: today, calendar: calendar) } catch let e as ScheduleError {
                throw UsageError(description: e.message)
            }
            if let w = CalendarText.missingYears(result.missingYears) {
                FileHandle.standardError.write(Data("警告 (warning): \(w)\n".utf8))
            }
            FileHandle.standardOutput.write(result.jsonData())
            FileHandle.standardOutput.write(Data("\n".utf8))
            return 0
        } catch {
            return failure(error)
        }
    }
}
