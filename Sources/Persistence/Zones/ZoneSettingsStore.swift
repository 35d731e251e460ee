import Domain
import SQLKit

extension Store {
    /// The zone's light thresholds (the standard ones until the office changes them).
    public func lightRules(zoneId: Int) async throws -> (rules: LightRules, version: Int) {
        struct R: Decodable { let lightYellowGap: Int; let lightRedGap: Int; let milestoneWarningDays: Int; let version: Int }
        guard let r = try await sql.raw("SELECT light_yellow_gap, light_red_gap, milestone_warning_days, version FROM zone_settings WHERE zone_id = \(bind: zoneId)").row(R.self)
        else { return (.standard, 0) }
        return (LightRules(yellowGap: r.lightYellowGap, redGap: r.lightRedGap, milestoneWarningDays: r.milestoneWarningDays), r.version)
    }

    /// Saves new thresholds if `version` is still current (0 when none were saved yet).
    public func setLightRules(_ rules: LightRules, version: Int, actor: Actor) async throws {
        do { try rules.validate() } catch let e as ValidationError { throw StoreError.invalid(e) }
        let (before, current) = try await lightRules(zoneId: actor.zoneId)
        guard current == version else { throw StoreError.conflict(entity: "zone_settings", id: actor.zoneId, current: current) }
        try await write { tx in
            let now = Store.timestamp()
            if version == 0 {
                try await tx.raw("""
                    INSERT INTO zone_settings (zone_id, light_yellow_gap, light_red_gap, milestone_warning_days, version, updated_at)
                    VALUES (\(bind: actor.zoneId), \(bind: rules.yellowGap), \(bind: rules.redGap), \(bind: rules.milestoneWarningDays), 1, \(bind: now))
                    """).run()
            } else {
                guard try await tx.raw("""
                    UPDATE zone_settings SET light_yellow_gap = \(bind: rules.yellowGap), light_red_gap = \(bind: rules.redGap),
                      milestone_warning_days = \(bind: rules.milestoneWarningDays), version = version + 1, updated_at = \(bind: now)
                    WHERE zone_id = \(bind: actor.zoneId) AND version = \(bind: version) RETURNING id
                    """).row(IDRow.self) != nil else { throw StoreError.conflict(entity: "zone_settings", id: actor.zoneId, current: version + 1) }
            }
            try await Store.audit(tx, actor: actor, action: .update, entity: "zone_settings", id: actor.zoneId, before: before, after: rules)
        }
    }
}
