@testable import App
import Domain
import Persistence
import Testing
import Vapor
import VaporTesting

@Suite("交账：填报、审核、收件箱")
struct ReportingTests {
    @Test("填报员交账，任务进度随之更新；督查室退回后可再报，通过后不能重复报；他人并发审核被拒", arguments: TestDB.all)
    func lifecycle(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var unit = Browser(app)
            _ = try await unit.login("reporter")
            let inbox = try await unit.get("/inbox")
            #expect(inbox.status == .ok)
            // Today is Monday 2026-06-15: week 2026-W25, due Friday 06-19 — 端午节 — so Thursday 06-18.
            #expect(inbox.text.contains("本期（2026-W25，2026-06-15至2026-06-21）截止2026-06-18 17:00"))
            #expect(inbox.text.contains("摸排高企培育库") && inbox.text.contains("待填报"))
            #expect(!inbox.text.contains("组织高企申报培训"))      // another unit's task
            _ = try await unit.get("/tasks/\(f.taskA)/report")
            let empty = try await unit.post("/tasks/\(f.taskA)/report", [("percentDone", "55"), ("progress", "  ")])
            #expect(empty.status == .unprocessableEntity && empty.text.contains("请填写本期进展"))
            let sent = try await unit.post("/tasks/\(f.taskA)/report", [("percentDone", "55"), ("progress", "已摸排企业86家"), ("coordination", "需统计局提供名单")])
            #expect(sent.status == .seeOther)
            #expect(try await app.store.task(id: f.taskA, zoneId: f.zoneId).percentDone == 55)
            #expect(try await unit.get("/inbox").text.contains("待审核"))
            // Another unit's task: refused, nothing stored.
            _ = try await unit.get("/tasks/\(f.taskB)/report")
            #expect(try await unit.post("/tasks/\(f.taskB)/report", [("percentDone", "60"), ("progress", "x")]).status == .forbidden)
            #expect(try await app.store.reports(taskId: f.taskB, zoneId: f.zoneId).isEmpty)

            var office = Browser(app), office2 = Browser(app)
            _ = try await office.login("office")
            _ = try await office2.login("office")
            let pending = try await office.get("/reports/review")
            #expect(pending.text.contains("已摸排企业86家") && pending.text.contains("需统计局提供名单"))
            let report = try #require(try await app.store.pendingReports(zoneId: f.zoneId).first)
            _ = try await office2.get("/reports/review")
            let noReason = try await office.post("/reports/\(report.id)/review", [("version", "1"), ("decision", "return"), ("reason", "")])
            #expect(noReason.status == .unprocessableEntity && noReason.text.contains("退回时请写明理由"))
            #expect(try await office.post("/reports/\(report.id)/review", [("version", "1"), ("decision", "return"), ("reason", "请附企业名单")]).status == .seeOther)
            let late = try await office2.post("/reports/\(report.id)/review", [("version", "1"), ("decision", "accept")])
            #expect(late.status == .conflict && late.text.contains("已被他人审核"))
            let back = try await unit.get("/inbox")
            #expect(back.text.contains("被退回") && back.text.contains("请附企业名单"))
            _ = try await unit.get("/tasks/\(f.taskA)/report")
            #expect(try await unit.post("/tasks/\(f.taskA)/report", [("percentDone", "60"), ("progress", "已补充名单")]).status == .seeOther)
            let second = try #require(try await app.store.pendingReports(zoneId: f.zoneId).first)
            _ = try await office.get("/reports/review")
            #expect(try await office.post("/reports/\(second.id)/review", [("version", "1"), ("decision", "accept")]).status == .seeOther)
            _ = try await unit.get("/tasks/\(f.taskA)/report")
            let again = try await unit.post("/tasks/\(f.taskA)/report", [("percentDone", "70"), ("progress", "再报")])
            #expect(again.status == .conflict && again.text.contains("已通过审核"))
            // Both submissions are kept exactly as submitted.
            let history = try await app.store.reports(taskId: f.taskA, zoneId: f.zoneId)
            #expect(history.map(\.progress) == ["已补充名单", "已摸排企业86家"])
            #expect(history.map(\.status) == [.accepted, .returned])
        }
    }

    @Test("按月交账、截止日已过：照收并标注逾期；收件箱显示逾期未报")
    func lateMonthly() async throws {
        try await withGuatu { app in
            let f = try await Fixture.make(app)
            var office = Browser(app)
            _ = try await office.login("office")
            _ = try await office.get("/reporting/cycle")
            let bad = try await office.post("/reporting/cycle", [("version", "0"), ("kind", "monthly"), ("dueWeekday", "5"), ("dueDay", "40"), ("dueHour", "17")])
            #expect(bad.status == .unprocessableEntity)
            #expect(try await office.post("/reporting/cycle", [("version", "0"), ("kind", "monthly"), ("dueWeekday", "5"), ("dueDay", "10"), ("dueHour", "17")]).status == .seeOther)
            var unit = Browser(app)
            _ = try await unit.login("reporter")
            let inbox = try await unit.get("/inbox")
            #expect(inbox.text.contains("本期（2026-06") && inbox.text.contains("逾期未报"))
            _ = try await unit.get("/tasks/\(f.taskA)/report")
            _ = try await unit.post("/tasks/\(f.taskA)/report", [("percentDone", "50"), ("progress", "迟交的月报")])
            let r = try #require(try await app.store.reports(taskId: f.taskA, zoneId: f.zoneId).first)
            #expect(r.late && r.periodKey == "2026-06" && r.periodDue == Day(iso: "2026-06-10"))
            #expect(try await unit.get("/inbox").text.contains("逾期提交"))
        }
    }
}

@Suite("交账：一屏填报多项")
struct BatchReportingTests {
    @Test("收件箱一次提交多项；其中一项有误则一项也不提交，已填内容保留")
    func batch() async throws {
        try await withGuatu { app in
            let f = try await Fixture.make(app)
            var unit = Browser(app)
            _ = try await unit.login("reporter")
            let inbox = try await unit.get("/inbox")
            #expect(inbox.text.contains("name=\"g_\(f.taskA)\""))
            // A percent that is out of range on the second row: nothing is stored, the typed text comes back.
            let bad = try await unit.post("/inbox", [("unit", String(f.unitA)), ("p_\(f.taskA)", "50"), ("g_\(f.taskA)", "第一项进展"),
                                                      ("p_\(f.milestone)", "150"), ("g_\(f.milestone)", "第二项进展")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("未提交任何一项") && bad.text.contains("value=\"第一项进展\""))
            #expect(try await app.store.reports(taskId: f.taskA, zoneId: f.zoneId).isEmpty)
            let none = try await unit.post("/inbox", [("unit", String(f.unitA)), ("p_\(f.taskA)", "50"), ("g_\(f.taskA)", "")])
            #expect(none.status == .unprocessableEntity && none.text.contains("请至少填写一项"))
            let ok = try await unit.post("/inbox", [("unit", String(f.unitA)), ("p_\(f.taskA)", "50"), ("g_\(f.taskA)", "第一项进展"),
                                                     ("p_\(f.milestone)", "0"), ("g_\(f.milestone)", "材料准备中")])
            #expect(ok.status == .seeOther)
            #expect(try await app.store.reports(taskId: f.taskA, zoneId: f.zoneId).first?.progress == "第一项进展")
            #expect(try await app.store.reports(taskId: f.milestone, zoneId: f.zoneId).first?.progress == "材料准备中")
            #expect(try await app.store.pendingReports(zoneId: f.zoneId).count == 2)
            // Another unit's task smuggled into the form: refused as a whole.
            let smuggled = try await unit.post("/inbox", [("unit", String(f.unitA)), ("p_\(f.taskB)", "90"), ("g_\(f.taskB)", "越权")])
            #expect(smuggled.status == .forbidden)
            #expect(try await app.store.reports(taskId: f.taskB, zoneId: f.zoneId).isEmpty)
        }
    }
}

@Suite("佐证材料：上传、类型与大小检查、下载")
struct EvidenceTests {
    static let pdf = Array("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".utf8)
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 40)

    @Test("附件随报告保存，按内容哈希存储，原样下载；类型不符、超限、被改名的文件被拒且不留报告", arguments: TestDB.all)
    func upload(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var unit = Browser(app)
            _ = try await unit.login("reporter")
            _ = try await unit.get("/tasks/\(f.taskA)/report")
            let fields = [("percentDone", "40"), ("progress", "已完成企业摸排")]

            // The upload route still wants the page's CSRF token, and a signed-in user.
            let forged = try await unit.upload("/tasks/\(f.taskA)/report", fields, files: [("evidence", "a.pdf", Self.pdf)], csrf: false)
            #expect(forged.status == .forbidden && forged.text.contains("页面已过期"))
            var anonymous = Browser(app)
            let noUser = try await anonymous.upload("/tasks/\(f.taskA)/report", fields, files: [("evidence", "a.pdf", Self.pdf)], csrf: false)
            #expect(noUser.status == .seeOther || noUser.status == .unauthorized)
            #expect(try await app.store.reports(taskId: f.taskA, zoneId: f.zoneId).isEmpty)

            // Refused: a program, a text file renamed to .pdf, a file over 20 MB. No report is left behind.
            let exe = try await unit.upload("/tasks/\(f.taskA)/report", fields, files: [("evidence", "setup.exe", [0x4D, 0x5A, 0x90, 0])])
            #expect(exe.status == .unprocessableEntity && exe.text.contains("“setup.exe”的类型不在允许之列"))
            #expect(exe.text.contains("已完成企业摸排"))   // what was typed stays in the form
            let renamed = try await unit.upload("/tasks/\(f.taskA)/report", fields, files: [("evidence", "名单.pdf", Array("企业名单\n".utf8))])
            #expect(renamed.status == .unprocessableEntity && renamed.text.contains("内容与扩展名.pdf不符"))
            let big = Self.pdf + Array(repeating: 0x20, count: EvidenceRules.maxBytes + 1 - Self.pdf.count)
            let tooBig = try await unit.upload("/tasks/\(f.taskA)/report", fields, files: [("evidence", "大文件.pdf", big)])
            #expect(tooBig.status == .unprocessableEntity && tooBig.text.contains("超过每个文件20MB的上限"))
            #expect(try await app.store.reports(taskId: f.taskA, zoneId: f.zoneId).isEmpty)

            // Accepted: a PDF and a photo; the same photo twice is stored once.
            let ok = try await unit.upload("/tasks/\(f.taskA)/report", fields,
                                           files: [("evidence", "企业名单.pdf", Self.pdf), ("evidence", "现场.png", Self.png), ("evidence", "现场2.png", Self.png)])
            #expect(ok.status == .seeOther)
            let report = try #require(try await app.store.reports(taskId: f.taskA, zoneId: f.zoneId).first)
            let files = try await app.store.evidence(reportIds: [report.id], zoneId: f.zoneId)[report.id] ?? []
            #expect(files.map(\.filename) == ["企业名单.pdf", "现场.png", "现场2.png"])
            #expect(files[1].sha256 == files[2].sha256 && files[0].sha256 != files[1].sha256)
            #expect(files[0].size == Self.pdf.count)
            let page = try await unit.get("/tasks/\(f.taskA)/report")
            #expect(page.text.contains("/evidence/\(files[0].id)") && page.text.contains("企业名单.pdf"))
            // The reviewer sees the files beside the report.
            var office = Browser(app)
            _ = try await office.login("office")
            let review = try await office.get("/reports/review")
            #expect(review.text.contains("佐证材料：") && review.text.contains("/evidence/\(files[1].id)") && review.text.contains("现场.png"))
            let download = try await unit.get("/evidence/\(files[0].id)")
            #expect(download.status == .ok && Array(download.body.readableBytesView) == Self.pdf)
            #expect(download.headers.first(name: .contentType) == "application/pdf")
            #expect(download.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(download.headers.first(name: "Content-Security-Policy")?.contains("sandbox") == true)
            // The audit entry of the report names its files.
            let audit = try await app.store.auditEntries(zoneId: f.zoneId, .init(entityType: "report", entityId: report.id)).entries
            #expect(audit.first?.after?.contains("企业名单.pdf") == true)

            // Another zone's user gets nothing.
            var other = Browser(app)
            _ = try await other.login("office2")
            #expect(try await other.get("/evidence/\(files[0].id)").status == .notFound)
        }
    }
}

@Suite("交账草稿")
struct ReportDraftTests {
    @Test("保存草稿后再打开表单见到草稿；再存替换草稿；提交后草稿成为报告；已提交的报告原样留在记录中", arguments: TestDB.all)
    func drafts(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            var unit = Browser(app)
            _ = try await unit.login("reporter")
            _ = try await unit.get("/tasks/\(f.taskA)/report")
            // A draft needs no 本期进展 yet.
            #expect(try await unit.post("/tasks/\(f.taskA)/report", [("percentDone", "48"), ("progress", ""), ("problems", "名单未齐"), ("save", "draft")]).status == .seeOther)
            var form = try await unit.get("/tasks/\(f.taskA)/report")
            #expect(form.text.contains("已载入本期草稿") && form.text.contains("名单未齐") && form.text.contains("value=\"48\""))
            #expect(try await unit.post("/tasks/\(f.taskA)/report", [("percentDone", "50"), ("progress", "摸排过半"), ("problems", "名单已齐"), ("save", "draft")]).status == .seeOther)
            form = try await unit.get("/tasks/\(f.taskA)/report")
            #expect(form.text.contains("名单已齐") && !form.text.contains("名单未齐"))
            #expect(try await app.store.reports(taskId: f.taskA, zoneId: f.zoneId).isEmpty)       // a draft is not a report
            #expect(try await app.store.task(id: f.taskA, zoneId: f.zoneId).percentDone == 40)   // nor does it move the task
            let bad = try await unit.post("/tasks/\(f.taskA)/report", [("percentDone", "150"), ("progress", "x"), ("save", "draft")])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("0到100"))

            #expect(try await unit.post("/tasks/\(f.taskA)/report", [("percentDone", "50"), ("progress", "摸排过半"), ("problems", "名单已齐")]).status == .seeOther)
            form = try await unit.get("/tasks/\(f.taskA)/report")
            #expect(!form.text.contains("已载入本期草稿"))
            // A new draft in the same period replaces nothing that was submitted.
            #expect(try await unit.post("/tasks/\(f.taskA)/report", [("percentDone", "55"), ("progress", "补充"), ("save", "draft")]).status == .seeOther)
            let history = try await app.store.reports(taskId: f.taskA, zoneId: f.zoneId)
            #expect(history.count == 1 && history[0].progress == "摸排过半" && history[0].problems == "名单已齐" && history[0].percentDone == 50)
            #expect(try await app.store.reportDraft(taskId: f.taskA, periodKey: history[0].periodKey, zoneId: f.zoneId)?.progress == "补充")
        }
    }

    @Test("待审报告多时分页：每页50份，先提交的在前，翻页见到其余", arguments: [TestDB.sqlite])
    func reviewPages(_ db: TestDB) async throws {
        try await withGuatu(db) { app in
            let f = try await Fixture.make(app)
            let office = Actor(userId: 0, username: "office", displayName: "督查室", zoneId: f.zoneId, unitId: nil, roles: [.office])
            // 3 tasks × 19 weeks of 2026 = 57 reports waiting, each with its own text.
            var week = ReportingCycle.weekly.period(containing: Day(iso: "2026-01-07")!, calendar: .official)
            var n = 0
            for _ in 0..<19 {
                for task in [f.taskA, f.taskB, f.milestone] {
                    n += 1
                    _ = try await app.store.submitReport(taskId: task, period: week, late: false, ReportDraft(percentDone: 10, progress: "第\(n)份进展"),
                                                         actor: office, today: testToday, calendar: .official) { _ in }
                }
                week = ReportingCycle.weekly.period(containing: week.end.adding(days: 1), calendar: .official)
            }
            var b = Browser(app)
            _ = try await b.login("office")
            let first = try await b.get("/reports/review").text
            #expect(first.contains("审核交账（57份待审）"))
            #expect(first.contains("第1份进展") && first.contains("第50份进展") && !first.contains("第51份进展"))
            #expect(first.contains("offset=50"))
            let second = try await b.get("/reports/review?offset=50").text
            #expect(second.contains("第51份进展") && second.contains("第57份进展") && !second.contains("第50份进展"))
            #expect(second.components(separatedBy: "name=\"decision\" value=\"accept\"").count - 1 == 7)
        }
    }
}
