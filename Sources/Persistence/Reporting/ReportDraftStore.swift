import Domain
import Foundation
import SQLKit

/// A report being written (草稿): kept per task and period until it is submitted. Saving again replaces
/// it; submitting removes it in the same transaction that stores the report.
public struct SavedDraft: Codable, Sendable, Equatable {
    public let percentDone: Int?
    public let progress: String
    public let problems: String
    public let nextSteps: String
    public let coordination: String
    public let savedByName: String
    public let savedAt: String
}

extension Store {
    public func reportDraft(taskId: Int, periodKey: String, zoneId: Int) async throws -> SavedDraft? {
        try await sql.raw("""
            SELECT percent_done, progress, problems, next_steps, coordination, saved_by_name, saved_at FROM report_drafts
            WHERE task_id = \(bind: taskId) AND period_key = \(bind: periodKey) AND zone_id = \(bind: zoneId)
            """).row(SavedDraft.self)
    }

    /// Saves (or replaces) the draft; texts are limited like a report's, nothing else is required.
    public func saveReportDraft(taskId: Int, periodKey: String, _ d: ReportDraft, actor: Actor, authorize: @Sendable (TaskItem) throws -> Void) async throws {
        let task = try await self.task(id: taskId, zoneId: actor.zoneId)
        try authorize(task)
        guard !task.archived else { throw StoreError.invalid(ValidationError(field: "taskId", "任务已归档，不能再交账")) }
        if let p = d.percentDone, !(0...100).contains(p) { throw StoreError.invalid(ValidationError(field: "percentDone", "完成进度须在0到100之间")) }
        func text(_ v: String?, _ field: String) throws -> String {
            let t = (v ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard t.count <= TextLimits.longText else { throw StoreError.invalid(ValidationError(field: field, "不能超过\(TextLimits.longText)个字")) }
            return t
        }
        let draft = SavedDraft(percentDone: d.percentDone, progress: try text(d.progress, "progress"), problems: try text(d.problems, "problems"),
                               nextSteps: try text(d.nextSteps, "nextSteps"), coordination: try text(d.coordination, "coordination"),
                               savedByName: actor.displayName, savedAt: Store.timestamp())
        try await write { tx in
            let before = try await tx.raw("""
                SELECT percent_done, progress, problems, next_steps, coordination, saved_by_name, saved_at FROM report_drafts
                WHERE task_id = \(bind: taskId) AND period_key = \(bind: periodKey)
                """).row(SavedDraft.self)
            try await tx.raw("""
                INSERT INTO report_drafts (zone_id, task_id, period_key, percent_done, progress, problems, next_steps, coordination, saved_by_name, saved_at)
                VALUES (\(bind: actor.zoneId), \(bind: taskId), \(bind: periodKey), \(bind: draft.percentDone), \(bind: draft.progress), \(bind: draft.problems),
                  \(bind: draft.nextSteps), \(bind: draft.coordination), \(bind: draft.savedByName), \(bind: draft.savedAt))
                ON CONFLICT (task_id, period_key) DO UPDATE SET percent_done = excluded.percent_done, progress = excluded.progress,
                  problems = excluded.problems, next_steps = excluded.next_steps, coordination = excluded.coordination,
                  saved_by_name = excluded.saved_by_name, saved_at = excluded.saved_at
                """).run()
            try await Store.audit(tx, actor: actor, action: before == nil ? .create : .update, entity: "report_draft", id: taskId, before: before, after: draft)
        }
    }
}
