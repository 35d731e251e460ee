import Domain
import Foundation
import SQLKit

/// The zone's escalation policy and proposal rules, kept as one versioned setting.
public struct SupervisionSettings: Codable, Sendable, Equatable {
    public var policy: EscalationPolicy
    public var rules: ProposalRules
    public init(policy: EscalationPolicy = .standard, rules: ProposalRules = .standard) { self.policy = policy; self.rules = rules }
}

extension Store {
    public func supervisionSettings(zoneId: Int) async throws -> (settings: SupervisionSettings, version: Int) {
        struct R: Decodable { let policy: String; let rules: String; let version: Int }
        guard let r = try await sql.raw("SELECT policy, rules, version FROM supervision_settings WHERE zone_id = \(bind: zoneId)").row(R.self),
              let policy = try? JSONDecoder().decode(EscalationPolicy.self, from: Data(r.policy.utf8)),
              let rules = try? JSONDecoder().decode(ProposalRules.self, from: Data(r.rules.utf8)) else { return (SupervisionSettings(), 0) }
        return (SupervisionSettings(policy: policy, rules: rules), r.version)
    }

    public func setSupervisionSettings(_ s: SupervisionSettings, version: Int, actor: Actor) async throws {
        do { try s.policy.validate(); try s.rules.validate() } catch let e as ValidationError { throw StoreError.invalid(e) }
        let (before, current) = try await supervisionSettings(zoneId: actor.zoneId)
        guard current == version else { throw StoreError.conflict(entity: "supervision_settings", id: actor.zoneId, current: current) }
        try await write { tx in
            try await Store.saveZoneSetting(tx, table: "supervision_settings", entity: "supervision_settings", actor: actor, version: version,
                values: [("policy", Store.json(s.policy)), ("rules", Store.json(s.rules))], before: before, after: s)
        }
    }
}
