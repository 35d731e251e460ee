import Domain
import Foundation
import SQLKit

extension Store {
    /// Applies an import of indicator values all or nothing, as the office's confirmed figures: a period with no
    /// value or a value waiting for review gets the imported one (confirmed); a period already confirmed with the
    /// same value is left alone; one confirmed with a different value refuses the whole import (a confirmed figure
    /// is corrected by returning it first). Every row written is audited. Returns how many rows were written.
    public func importIndicatorValues(_ rows: [IndicatorImport.Row], source: String, actor: Actor) async throws -> Int {
        try await write { tx in
            struct S: Decodable { let id: Int; let status: String; let value: Double }
            var errors: [ImportRowError] = []
            var written = 0
            let now = Store.timestamp()
            for r in rows {
                let latest = try await tx.raw("""
                    SELECT id, status, value FROM indicator_values WHERE indicator_id = \(bind: r.indicatorId) AND zone_id = \(bind: actor.zoneId)
                      AND period_key = \(bind: r.periodKey) ORDER BY id DESC LIMIT 1
                    """).row(S.self)
                if let latest, latest.status == IndicatorValue.Status.accepted.rawValue {
                    if latest.value != r.value {
                        errors.append(ImportRowError(line: r.line, column: "数值", "\(IndicatorPeriods.label(r.periodKey))已确认为\(formatNumber(latest.value))，与导入的\(formatNumber(r.value))不同；如需更正请先在指标页退回"))
                    }
                    continue
                }
                let note = r.note.isEmpty ? "导入：\(source)" : r.note
                let id = try await tx.raw("""
                    INSERT INTO indicator_values (zone_id, indicator_id, period_key, value, note, status, entered_by_name, entered_at, reviewed_by_name, review_reason, version)
                    VALUES (\(bind: actor.zoneId), \(bind: r.indicatorId), \(bind: r.periodKey), \(bind: r.value), \(bind: note), 'accepted', \(bind: actor.displayName),
                      \(bind: now), \(bind: actor.displayName), \(bind: "导入确认"), 1) RETURNING id
                    """).row(IDRow.self)!.id
                if let latest, latest.status == IndicatorValue.Status.submitted.rawValue {
                    // The value waiting for review is superseded by the confirmed import.
                    try await tx.raw("UPDATE indicator_values SET status = 'returned', review_reason = \(bind: "已由导入数据替代"), reviewed_by_name = \(bind: actor.displayName), version = version + 1 WHERE id = \(bind: latest.id)").run()
                }
                let created = try await tx.raw(Store.valueColumns + " WHERE id = \(bind: id)").row(ValueRow.self)!.value_
                try await Store.audit(tx, actor: actor, action: .create, entity: "indicator_value", id: id, before: Optional<IndicatorValue>.none, after: created)
                written += 1
            }
            if !errors.isEmpty { throw ImportRejected(errors) }
            return written
        }
    }
}
