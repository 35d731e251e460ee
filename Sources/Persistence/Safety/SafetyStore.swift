import Domain
import Foundation
import SQLKit

/// One step of a hazard's rectification loop, as it happened: the same record as a supervision order's step.
public typealias HazardEvent = OrderEvent

extension Store {
    struct HazardRow: Decodable {
        let id: Int; let inspectionId: Int?; let enterpriseId: Int; let unitId: Int?; let description: String; let level: String; let foundOn: String
        let deadline: String; let responsiblePerson: String; let status: String; let rectifyingSince: String?; let submittedOn: String?
        let verifiedOn: String?; let evidenceCount: Int; let rectificationNote: String; let verificationNote: String; let sentBackCount: Int
        let lastSendBackReason: String; let version: Int
        var hazard: Hazard {
            let found = Day(iso: foundOn) ?? Day.lastOfYear(2000)
            return Hazard(id: id, inspectionId: inspectionId, enterpriseId: enterpriseId, unitId: unitId, description: description,
                          level: HazardLevel(rawValue: level) ?? .general, foundOn: found, deadline: Day(iso: deadline) ?? found,
                          responsiblePerson: responsiblePerson, status: HazardStatus(rawValue: status) ?? .found,
                          rectifyingSince: rectifyingSince.flatMap(Day.init(iso:)), submittedOn: submittedOn.flatMap(Day.init(iso:)),
                          verifiedOn: verifiedOn.flatMap(Day.init(iso:)), evidenceCount: evidenceCount, rectificationNote: rectificationNote,
                          verificationNote: verificationNote, sentBackCount: sentBackCount, lastSendBackReason: lastSendBackReason, version: version)
        }
    }
    static let hazardColumns: SQLQueryString = """
        SELECT id, inspection_id, enterprise_id, unit_id, description, level, found_on, deadline, responsible_person, status, rectifying_since,
          submitted_on, verified_on, evidence_count, rectification_note, verification_note, sent_back_count, last_send_back_reason, version FROM hazards
        """

    // MARK: Settings

    public func rectificationRules(zoneId: Int) async throws -> (rules: RectificationRules, version: Int) {
        struct R: Decodable { let rules: String; let version: Int }
        guard let r = try await sql.raw("SELECT rules, version FROM safety_settings WHERE zone_id = \(bind: zoneId)").row(R.self),
              let rules = try? JSONDecoder().decode(RectificationRules.self, from: Data(r.rules.utf8)) else { return (.standard, 0) }
        return (rules, r.version)
    }

    public func setRectificationRules(_ rules: RectificationRules, version: Int, actor: Actor) async throws {
        try validated { try rules.validate() }
        let (before, current) = try await rectificationRules(zoneId: actor.zoneId)
        guard current == version else { throw StoreError.conflict(entity: "safety_settings", id: actor.zoneId, current: current) }
        try await write { tx in
            try await Store.saveZoneSetting(tx, table: "safety_settings", entity: "safety_settings", actor: actor, version: version,
                                            values: [("rules", Store.json(rules))], before: before, after: rules)
        }
    }

    // MARK: Reads

    /// The zone's hazards found in `found` (all if nil), newest first.
    public func hazards(zoneId: Int, found: ClosedRange<Day>? = nil, unitId: Int? = nil) async throws -> [Hazard] {
        var q = Store.hazardColumns + " WHERE zone_id = \(bind: zoneId) AND archived_at IS NULL"
        if let f = found { q += " AND found_on >= \(bind: f.lowerBound.iso) AND found_on <= \(bind: f.upperBound.iso)" }
        if let unitId { q += " AND unit_id = \(bind: unitId)" }
        return try await sql.raw(q + " ORDER BY found_on DESC, id DESC").rows(HazardRow.self).map(\.hazard)
    }

    public func hazard(id: Int, zoneId: Int) async throws -> Hazard {
        guard let h = try await sql.raw(Store.hazardColumns + " WHERE id = \(bind: id) AND zone_id = \(bind: zoneId)").row(HazardRow.self)?.hazard else {
            throw StoreError.notFound(entity: "hazard", id: id)
        }
        return h
    }

    public func hazardEvents(hazardId: Int, zoneId: Int) async throws -> [HazardEvent] {
        try await sql.raw("SELECT at, action, actor_name, from_status, to_status, text FROM hazard_events WHERE hazard_id = \(bind: hazardId) AND zone_id = \(bind: zoneId) ORDER BY id")
            .rows(HazardEvent.self)
    }

    public func hazardFiles(hazardId: Int, zoneId: Int) async throws -> [(id: Int, filename: String)] {
        struct R: Decodable { let id: Int; let filename: String }
        return try await sql.raw("SELECT id, filename FROM hazard_files WHERE hazard_id = \(bind: hazardId) AND zone_id = \(bind: zoneId) ORDER BY id")
            .rows(R.self).map { ($0.id, $0.filename) }
    }

    public func hazardFile(id: Int, zoneId: Int) async throws -> (hazardId: Int, upload: EvidenceUpload) {
        struct R: Decodable { let hazardId: Int; let sha256: String; let filename: String; let kind: String; let size: Int }
        guard let r = try await sql.raw("SELECT hazard_id, sha256, filename, kind, size FROM hazard_files WHERE id = \(bind: id) AND zone_id = \(bind: zoneId)").row(R.self) else {
            throw StoreError.notFound(entity: "hazard_file", id: id)
        }
        return (r.hazardId, EvidenceUpload(sha256: r.sha256, filename: r.filename, kind: EvidenceKind(rawValue: r.kind) ?? .pdf, size: r.size))
    }

    public func inspections(zoneId: Int, limit: Int = 50) async throws -> [SafetyInspection] {
        struct R: Decodable { let id: Int; let enterpriseId: Int; let unitId: Int?; let day: String; let inspectors: String; let kind: String; let findings: String; let version: Int }
        return try await sql.raw("SELECT id, enterprise_id, unit_id, day, inspectors, kind, findings, version FROM safety_inspections WHERE zone_id = \(bind: zoneId) ORDER BY day DESC, id DESC LIMIT \(bind: limit)")
            .rows(R.self).map {
                SafetyInspection(id: $0.id, enterpriseId: $0.enterpriseId, unitId: $0.unitId, day: Day(iso: $0.day) ?? Day.lastOfYear(2000),
                                 inspectors: $0.inspectors.split(separator: "、").map(String.init), kind: InspectionKind(rawValue: $0.kind) ?? .routine,
                                 findings: $0.findings, version: $0.version)
            }
    }

    public func accidents(zoneId: Int) async throws -> [Accident] {
        struct R: Decodable { let id: Int; let enterpriseId: Int; let unitId: Int?; let day: String; let deaths: Int; let seriousInjuries: Int; let directLoss: Double
            let description: String; let isLiability: Bool; let version: Int }
        return try await sql.raw("SELECT id, enterprise_id, unit_id, day, deaths, serious_injuries, direct_loss, description, is_liability, version FROM accidents WHERE zone_id = \(bind: zoneId) ORDER BY day DESC, id DESC")
            .rows(R.self).map {
                Accident(id: $0.id, enterpriseId: $0.enterpriseId, unitId: $0.unitId, day: Day(iso: $0.day) ?? Day.lastOfYear(2000), deaths: $0.deaths,
                         seriousInjuries: $0.seriousInjuries, directLossWan: $0.directLoss, description: $0.description, isLiability: $0.isLiability, version: $0.version)
            }
    }

    // MARK: Writes

    /// An inspection and the hazards it found, in one transaction: each hazard gets the zone's deadline for its level
    /// unless one is given. The firm and the unit must be the zone's.
    public func recordInspection(_ inspection: SafetyInspection, hazards: [HazardDraft], today: Day, calendar: WorkCalendar, actor: Actor) async throws -> (inspectionId: Int, hazardIds: [Int]) {
        let i = try validated { try inspection.validated(today: today) }
        _ = try await enterprise(id: i.enterpriseId, zoneId: actor.zoneId)
        if let u = i.unitId { _ = try await unit(id: u, zoneId: actor.zoneId) }
        let rules = try await rectificationRules(zoneId: actor.zoneId).rules
        let made = try validated { try hazards.map { try Hazard.recorded(id: 0, draft: $0, rules: rules, calendar: calendar, today: today) } }
        return try await write { tx in
            let now = Store.timestamp()
            let id = try await tx.raw("""
                INSERT INTO safety_inspections (zone_id, enterprise_id, unit_id, day, inspectors, kind, findings, version, created_at)
                VALUES (\(bind: actor.zoneId), \(bind: i.enterpriseId), \(bind: i.unitId), \(bind: i.day.iso), \(bind: i.inspectors.joined(separator: "、")),
                  \(bind: i.kind.rawValue), \(bind: i.findings), 1, \(bind: now)) RETURNING id
                """).row(IDRow.self)!.id
            try await Store.audit(tx, actor: actor, action: .create, entity: "safety_inspection", id: id, before: Optional<SafetyInspection>.none, after: i)
            var ids: [Int] = []
            for var h in made {
                h.inspectionId = id
                let hid = try await tx.raw("""
                    INSERT INTO hazards (zone_id, inspection_id, enterprise_id, unit_id, description, level, found_on, deadline, responsible_person, status,
                      evidence_count, rectification_note, verification_note, sent_back_count, last_send_back_reason, version, created_at, updated_at)
                    VALUES (\(bind: actor.zoneId), \(bind: id), \(bind: h.enterpriseId), \(bind: h.unitId), \(bind: h.description), \(bind: h.level.rawValue),
                      \(bind: h.foundOn.iso), \(bind: h.deadline.iso), \(bind: h.responsiblePerson), 'found', 0, '', '', 0, '', 1, \(bind: now), \(bind: now)) RETURNING id
                    """).row(IDRow.self)!.id
                try await Store.hazardEvent(tx, zoneId: actor.zoneId, hazardId: hid, action: "found", actorName: actor.displayName, from: "", to: .found,
                                            text: "\(h.level.chineseName)，整改期限\(h.deadline.iso)，责任人\(h.responsiblePerson)", at: now)
                h.id = hid
                try await Store.audit(tx, actor: actor, action: .create, entity: "hazard", id: hid, before: Optional<Hazard>.none, after: h)
                ids.append(hid)
            }
            return (id, ids)
        }
    }

    /// One step of the rectification loop by `party`, with the evidence files submitted with it, if the hazard is still at `version`.
    /// The unit's steps are taken by the responsible unit's own staff.
    public func actOnHazard(id: Int, version: Int, action: HazardAction, party: HazardParty, text: String, files: [EvidenceUpload], today: Day,
                            actor: Actor) async throws -> Hazard {
        let before = try await hazard(id: id, zoneId: actor.zoneId)
        if party == .unit, actor.unitId == nil || actor.unitId != before.unitId {
            throw StoreError.invalid(ValidationError(field: "unit", "这项隐患不由本单位负责整改，不能签收、提交或验收"))
        }
        guard before.version == version else { throw StoreError.conflict(entity: "hazard", id: id, current: before.version) }
        let after = try validated {
            try HazardLifecycle.apply(action, to: before, by: party, step: .init(text: text, evidenceCount: files.count), today: today)
        }
        let zoneId = actor.zoneId
        return try await write { tx in
            let now = Store.timestamp()
            try await Store.versionedUpdate(tx, table: "hazards", entity: "hazard", id: id, zoneId: zoneId, version: version, set: """
                status = \(bind: after.status.rawValue), rectifying_since = \(bind: after.rectifyingSince?.iso), submitted_on = \(bind: after.submittedOn?.iso),
                verified_on = \(bind: after.verifiedOn?.iso), evidence_count = \(bind: after.evidenceCount), rectification_note = \(bind: after.rectificationNote),
                verification_note = \(bind: after.verificationNote), sent_back_count = \(bind: after.sentBackCount), last_send_back_reason = \(bind: after.lastSendBackReason)
                """)
            for f in files {
                try await tx.raw("""
                    INSERT INTO hazard_files (zone_id, hazard_id, sha256, filename, kind, size, uploaded_at)
                    VALUES (\(bind: zoneId), \(bind: id), \(bind: f.sha256), \(bind: f.filename), \(bind: f.kind.rawValue), \(bind: f.size), \(bind: now))
                    """).run()
            }
            let note = text.trimmingCharacters(in: .whitespacesAndNewlines) + (files.isEmpty ? "" : "（佐证\(files.count)份）")
            try await Store.hazardEvent(tx, zoneId: zoneId, hazardId: id, action: action.rawValue, actorName: actor.displayName, from: before.status.rawValue,
                                        to: after.status, text: note, at: now)
            let saved = try await tx.raw(Store.hazardColumns + " WHERE id = \(bind: id)").row(HazardRow.self)!.hazard
            try await Store.audit(tx, actor: actor, action: .update, entity: "hazard", id: id, before: before, after: saved)
            return saved
        }
    }

    public func recordAccident(_ a: Accident, today: Day, actor: Actor) async throws -> Int {
        let x = try validated { try a.validated(today: today) }
        _ = try await enterprise(id: x.enterpriseId, zoneId: actor.zoneId)
        if let u = x.unitId { _ = try await unit(id: u, zoneId: actor.zoneId) }
        return try await write { tx in
            let id = try await tx.raw("""
                INSERT INTO accidents (zone_id, enterprise_id, unit_id, day, deaths, serious_injuries, direct_loss, description, is_liability, version, created_at)
                VALUES (\(bind: actor.zoneId), \(bind: x.enterpriseId), \(bind: x.unitId), \(bind: x.day.iso), \(bind: x.deaths), \(bind: x.seriousInjuries),
                  \(bind: x.directLossWan), \(bind: x.description), \(bind: x.isLiability), 1, \(bind: Store.timestamp())) RETURNING id
                """).row(IDRow.self)!.id
            try await Store.audit(tx, actor: actor, action: .create, entity: "accident", id: id, before: Optional<Accident>.none, after: x)
            return id
        }
    }

    static func hazardEvent(_ tx: any SQLDatabase, zoneId: Int, hazardId: Int, action: String, actorName: String, from: String, to: HazardStatus,
                            text: String, at: String) async throws {
        try await tx.raw("""
            INSERT INTO hazard_events (zone_id, hazard_id, at, action, actor_name, from_status, to_status, text)
            VALUES (\(bind: zoneId), \(bind: hazardId), \(bind: at), \(bind: action), \(bind: actorName), \(bind: from), \(bind: to.rawValue), \(bind: text))
            """).run()
    }

    /// Hazards past their deadline, not verified, with a responsible unit and no supervision order yet (one order per hazard).
    public func hazardsDueForSupervision(zoneId: Int, today: Day) async throws -> [Hazard] {
        try await sql.raw(Store.hazardColumns + """
             WHERE zone_id = \(bind: zoneId) AND unit_id IS NOT NULL AND status <> 'verified' AND deadline < \(bind: today.iso) AND archived_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM supervision_orders o WHERE o.zone_id = \(bind: zoneId) AND o.hazard_id = hazards.id)
             ORDER BY id
            """).rows(HazardRow.self).map(\.hazard)
    }

    public func hazardTitles(zoneId: Int, ids: [Int]) async throws -> [Int: String] {
        guard !ids.isEmpty else { return [:] }
        struct R: Decodable { let id: Int; let description: String; let level: String }
        let rows = try await sql.raw("SELECT id, description, level FROM hazards WHERE zone_id = \(bind: zoneId) AND id IN (\(binds: ids))").rows(R.self)
        return Dictionary(rows.map { ($0.id, "\(HazardLevel(rawValue: $0.level)?.chineseName ?? "隐患")：\($0.description)") }, uniquingKeysWith: { a, _ in a })
    }
}
