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
            try await Store.saveZoneSetting(tx, table: "zone_settings", entity: "zone_settings", actor: actor, version: version,
                values: [("light_yellow_gap", rules.yellowGap), ("light_red_gap", rules.redGap), ("milestone_warning_days", rules.milestoneWarningDays)],
                before: before, after: rules)
        }
    }
}
