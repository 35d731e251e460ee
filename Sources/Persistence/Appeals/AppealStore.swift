import Domain
import Foundation
import SQLKit

/// One step of an appeal's loop, as it happened: the same record as a supervision order's step.
public typealias AppealEvent = OrderEvent

/// Which appeals a list shows. `unitId` matches the lead unit or a co-unit (or, with `orSubmittedBy`, what that user logged); `overdueOn` keeps open appeals past a
/// due day on that day; `q` searches firm name, title and credit code.
public struct AppealFilter: Sendable {
    public var status: AppealStatus?
    public var open: Bool?
    public var unitId: Int?
    public var orSubmittedBy: Int?
    public var category: AppealCategory?
    public var enterpriseId: Int?
    public var overdueOn: Day?
    public var q: String?
    public var limit: Int
    public var offset: Int
    public init(status: AppealStatus? = nil, open: Bool? = nil, unitId: Int? = nil, category: AppealCategory? = nil, enterpriseId: Int? = nil,
                overdueOn: Day? = nil, q: String? = nil, limit: Int = 50, offset: Int = 0) {
        self.status = status; self.open = open; self.unitId = unitId; self.category = category; self.enterpriseId = enterpriseId
        self.overdueOn = overdueOn; self.q = q; self.limit = limit; self.offset = offset
    }
}

/// Who files an appeal: a signed-in user (an enterprise account or an official), or the public form (nobody signed in).
public struct AppealFiler: Sendable {
    public let actor: Actor?
    public let zoneId: Int
    public let name: String
    public init(actor: Actor) { self.actor = actor; zoneId = actor.zoneId; name = actor.displayName }
    public init(publicFormIn zoneId: Int, contact: String) { actor = nil; self.zoneId = zoneId; name = "企业（公开表单）" + contact }
}

extension Store {
    struct AppealRow: Decodable {
        let id: Int; let enterpriseId: Int?; let firmName: String; let creditCode: String; let contactName: String; let contactPhone: String
        let category: String; let channel: String; let title: String; let description: String; let status: String; let leadUnitId: Int?
        let coUnitIds: String; let receivedOn: String; let assignDue: String; let answerDue: String; let resolveDue: String
        let assignedOn: String?; let answeredOn: String?; let closedOn: String?; let answer: String; let satisfaction: String?
        let reopenCount: Int; let trackingCode: String; let version: Int; let submittedBy: Int?
        var appeal: Appeal {
            let received = Day(iso: receivedOn) ?? Day(year: 2000, month: 1, day: 1)!
            var a = Appeal(id: id, enterpriseId: enterpriseId, firmName: firmName, creditCode: creditCode, contactName: contactName, contactPhone: contactPhone,
                          category: AppealCategory(rawValue: category) ?? .other, channel: AppealChannel(rawValue: channel) ?? .other, title: title,
                          description: description, status: AppealStatus(rawValue: status) ?? .received, leadUnitId: leadUnitId,
                          coUnitIds: coUnitIds.split(separator: ",").compactMap { Int($0) }, receivedOn: received,
                          due: AppealDue(assign: Day(iso: assignDue) ?? received, answer: Day(iso: answerDue) ?? received, resolve: Day(iso: resolveDue) ?? received),
                          assignedOn: assignedOn.flatMap(Day.init(iso:)), answeredOn: answeredOn.flatMap(Day.init(iso:)), closedOn: closedOn.flatMap(Day.init(iso:)),
                          answer: answer, satisfaction: satisfaction.flatMap(Satisfaction.init(rawValue:)), reopenCount: reopenCount,
                          trackingCode: trackingCode, version: version)
            a.submittedBy = submittedBy
            return a
        }
    }
    static let appealColumns: SQLQueryString = """
        SELECT id, enterprise_id, firm_name, credit_code, contact_name, contact_phone, category, channel, title, description, status, lead_unit_id,
          co_unit_ids, received_on, assign_due, answer_due, resolve_due, assigned_on, answered_on, closed_on, answer, satisfaction, reopen_count,
          tracking_code, version, submitted_by FROM appeals
        """
    static let openAppealStatuses = AppealStatus.open.map(\.rawValue)

    // MARK: Settings

    public func appealDeadlines(zoneId: Int) async throws -> (deadlines: AppealDeadlines, version: Int) {
        struct R: Decodable { let deadlines: String; let version: Int }
        guard let r = try await sql.raw("SELECT deadlines, version FROM appeal_settings WHERE zone_id = \(bind: zoneId)").row(R.self),
              let d = try? JSONDecoder().decode(AppealDeadlines.self, from: Data(r.deadlines.utf8)) else { return (AppealDeadlines(), 0) }
        return (d, r.version)
    }

    public func setAppealDeadlines(_ d: AppealDeadlines, version: Int, actor: Actor) async throws {
        try validated { try d.validate() }
        let (before, current) = try await appealDeadlines(zoneId: actor.zoneId)
        guard current == version else { throw StoreError.conflict(entity: "appeal_settings", id: actor.zoneId, current: current) }
        try await write { tx in
            try await Store.saveZoneSetting(tx, table: "appeal_settings", entity: "appeal_settings", actor: actor, version: version,
                                            values: [("deadlines", Store.json(d))], before: before, after: d)
        }
    }

    // MARK: Reads

    public func appeal(id: Int, zoneId: Int) async throws -> Appeal {
        guard let r = try await sql.raw(Store.appealColumns + " WHERE id = \(bind: id) AND zone_id = \(bind: zoneId)").row(AppealRow.self) else {
            throw StoreError.notFound(entity: "appeal", id: id)
        }
        return r.appeal
    }

    /// The appeal behind a 查询码, if the phone number matches the one it was filed with (both are needed).
    public func appeal(trackingCode: String, phone: String) async throws -> (appeal: Appeal, zoneId: Int)? {
        struct Z: Decodable { let zoneId: Int }
        let code = trackingCode.trimmingCharacters(in: .whitespaces).uppercased()
        let p = phone.filter(\.isNumber)
        guard !code.isEmpty, !p.isEmpty,
              let z = try await sql.raw("SELECT zone_id FROM appeals WHERE tracking_code = \(bind: code) AND contact_phone = \(bind: p)").row(Z.self),
              let r = try await sql.raw(Store.appealColumns + " WHERE tracking_code = \(bind: code)").row(AppealRow.self) else { return nil }
        return (r.appeal, z.zoneId)
    }

    /// A page of appeals, newest first, and how many match.
    public func appeals(zoneId: Int, _ f: AppealFilter) async throws -> (appeals: [Appeal], total: Int) {
        (try await appealRows(zoneId: zoneId, f), try await countAppeals(zoneId: zoneId, f))
    }

    /// A page of appeals, newest first (walks the zone's receipt-day index backwards).
    public func appealRows(zoneId: Int, _ f: AppealFilter) async throws -> [Appeal] {
        try await sql.raw(Store.appealColumns + Store.appealWhere(zoneId, f)
                          + " ORDER BY received_on DESC, id DESC LIMIT \(bind: max(1, min(f.limit, 500))) OFFSET \(bind: max(0, f.offset))")
            .rows(AppealRow.self).map(\.appeal)
    }

    /// How many appeals match (a scan of the zone's appeals: callers keep it in the zone view cache).
    public func countAppeals(zoneId: Int, _ f: AppealFilter) async throws -> Int {
        struct N: Decodable { let n: Int }
        return try await sql.raw("SELECT COUNT(*) AS n FROM appeals" + Store.appealWhere(zoneId, f)).row(N.self)?.n ?? 0
    }

    /// The filter as a cache key (everything but paging).
    public static func cacheKey(_ f: AppealFilter) -> String {
        [f.status?.rawValue, f.open.map { "\($0)" }, f.unitId.map(String.init), f.orSubmittedBy.map(String.init), f.category?.rawValue,
         f.enterpriseId.map(String.init), f.overdueOn?.iso, f.q].map { $0 ?? "" }.joined(separator: "|")
    }

    static func appealWhere(_ zoneId: Int, _ f: AppealFilter) -> SQLQueryString {
        var w: SQLQueryString = " WHERE zone_id = \(bind: zoneId)"
        if let s = f.status { w += " AND status = \(bind: s.rawValue)" }
        if let open = f.open { w += open ? " AND status IN (\(binds: Store.openAppealStatuses))" : " AND status NOT IN (\(binds: Store.openAppealStatuses))" }
        if let u = f.unitId {
            w += " AND (id IN (SELECT appeal_id FROM appeal_units WHERE zone_id = \(bind: zoneId) AND unit_id = \(bind: u))"
            w += f.orSubmittedBy.map { " OR submitted_by = \(bind: $0))" } ?? ")"
        }
        if let c = f.category { w += " AND category = \(bind: c.rawValue)" }
        if let e = f.enterpriseId { w += " AND enterprise_id = \(bind: e)" }
        if let d = f.overdueOn {
            let t = d.iso
            w += " AND status IN (\(binds: Store.openAppealStatuses)) AND ((assigned_on IS NULL AND assign_due < \(bind: t)) OR (answered_on IS NULL AND answer_due < \(bind: t)) OR resolve_due < \(bind: t))"
        }
        if let q = f.q?.trimmingCharacters(in: .whitespaces), !q.isEmpty {
            w += " AND (firm_name LIKE \(bind: "%" + q + "%") OR title LIKE \(bind: "%" + q + "%") OR credit_code LIKE \(bind: q.uppercased() + "%"))"
        }
        return w
    }

    public func appealEvents(appealId: Int, zoneId: Int) async throws -> [AppealEvent] {
        try await sql.raw("SELECT at, action, actor_name, from_status, to_status, text FROM appeal_events WHERE appeal_id = \(bind: appealId) AND zone_id = \(bind: zoneId) ORDER BY id")
            .rows(AppealEvent.self)
    }

    public func appealTitles(zoneId: Int, ids: [Int]) async throws -> [Int: String] {
        guard !ids.isEmpty else { return [:] }
        struct R: Decodable { let id: Int; let title: String; let firmName: String }
        let rows = try await sql.raw("SELECT id, title, firm_name FROM appeals WHERE zone_id = \(bind: zoneId) AND id IN (\(binds: ids))").rows(R.self)
        return Dictionary(rows.map { ($0.id, "\($0.firmName)：\($0.title)") }, uniquingKeysWith: { a, _ in a })
    }

    // MARK: Writes

    /// Files an appeal: received today, its due days fixed under the zone's deadlines now, with its attachments.
    /// A credit code of a registered firm links the appeal to it.
    public func fileAppeal(_ draft: AppealDraft, enterpriseId: Int?, files: [EvidenceUpload], trackingCode: String, by filer: AppealFiler,
                           today: Day, calendar: WorkCalendar) async throws -> Appeal {
        let d = try validated { try draft.validated() }
        var firm = enterpriseId
        if let id = firm { _ = try await enterprise(id: id, zoneId: filer.zoneId) }
        if firm == nil, !d.creditCode.isEmpty { firm = try await self.enterpriseId(creditCode: d.creditCode, zoneId: filer.zoneId) }
        let deadlines = try await appealDeadlines(zoneId: filer.zoneId).deadlines
        let due = AppealDue(receivedOn: today, deadline: deadlines[d.category!], calendar: calendar)
        let linked = firm
        return try await write { tx in
            let now = Store.timestamp()
            let id = try await tx.raw("""
                INSERT INTO appeals (zone_id, enterprise_id, firm_name, credit_code, contact_name, contact_phone, category, channel, title, description, status,
                  lead_unit_id, co_unit_ids, received_on, assign_due, answer_due, resolve_due, answer, reopen_count, tracking_code, submitted_by, version, created_at, updated_at)
                VALUES (\(bind: filer.zoneId), \(bind: linked), \(bind: d.firmName), \(bind: d.creditCode), \(bind: d.contactName), \(bind: d.contactPhone),
                  \(bind: d.category!.rawValue), \(bind: d.channel.rawValue), \(bind: d.title), \(bind: d.description), 'received', NULL, '',
                  \(bind: today.iso), \(bind: due.assign.iso), \(bind: due.answer.iso), \(bind: due.resolve.iso), '', 0, \(bind: trackingCode),
                  \(bind: filer.actor.flatMap { $0.userId > 0 ? $0.userId : nil }), 1, \(bind: now), \(bind: now)) RETURNING id
                """).row(IDRow.self)!.id
            for f in files {
                try await tx.raw("""
                    INSERT INTO appeal_files (zone_id, appeal_id, sha256, filename, kind, size, uploaded_at)
                    VALUES (\(bind: filer.zoneId), \(bind: id), \(bind: f.sha256), \(bind: f.filename), \(bind: f.kind.rawValue), \(bind: f.size), \(bind: now))
                    """).run()
            }
            try await Store.appealEvent(tx, zoneId: filer.zoneId, appealId: id, action: "file", actorName: filer.name, from: "", to: .received,
                                        text: "\(d.channel.chineseName)：\(d.title)", at: now)
            let created = try await tx.raw(Store.appealColumns + " WHERE id = \(bind: id)").row(AppealRow.self)!.appeal
            try await Store.audit(tx, actor: filer.actor, action: .create, entity: "appeal", id: id, before: Optional<Appeal>.none, after: created, zoneId: filer.zoneId)
            return created
        }
    }

    /// One step of the loop by `party`, if the appeal is still at `version`. Units to assign to must be the zone's;
    /// the lead unit's steps are taken by its own staff; the firm's by its account or its 查询码 (the caller proves which).
    public func actOnAppeal(id: Int, zoneId: Int, version: Int, action: AppealAction, party: AppealParty, step: AppealLifecycle.Step,
                            actor: Actor?, actorName: String, today: Day, calendar: WorkCalendar) async throws -> Appeal {
        let before = try await appeal(id: id, zoneId: zoneId)
        if party == .leadUnit, actor?.unitId == nil || actor?.unitId != before.leadUnitId {
            throw StoreError.invalid(ValidationError(field: "unit", "这件诉求不是分派给本单位主办的，不能签收或答复"))
        }
        if party == .firm, let actor, actor.enterpriseId == nil || actor.enterpriseId != before.enterpriseId {
            throw StoreError.invalid(ValidationError(field: "action", AppealParty.firm.refusal))
        }
        if action == .assign {
            for u in [step.leadUnitId].compactMap({ $0 }) + step.coUnitIds { _ = try await unit(id: u, zoneId: zoneId) }
        }
        guard before.version == version else { throw StoreError.conflict(entity: "appeal", id: id, current: before.version) }
        let after = try validated { try AppealLifecycle.apply(action, to: before, by: party, step: step, today: today) }
        let workdays = after.closedOn.map { AppealFigures.workdaysToClose(after.receivedOn, $0, calendar) }
        return try await write { tx in
            let set: SQLQueryString = """
                status = \(bind: after.status.rawValue), lead_unit_id = \(bind: after.leadUnitId), co_unit_ids = \(bind: after.coUnitIds.map(String.init).joined(separator: ",")),
                assigned_on = \(bind: after.assignedOn?.iso), answered_on = \(bind: after.answeredOn?.iso), closed_on = \(bind: after.closedOn?.iso),
                answer = \(bind: after.answer), satisfaction = \(bind: after.satisfaction?.rawValue), reopen_count = \(bind: after.reopenCount),
                workdays_to_close = \(bind: workdays)
                """
            try await Store.versionedUpdate(tx, table: "appeals", entity: "appeal", id: id, zoneId: zoneId, version: version, set: set)
            if action == .assign, let lead = after.leadUnitId {
                try await tx.raw("DELETE FROM appeal_units WHERE appeal_id = \(bind: id)").run()
                for (unit, isLead) in [(lead, true)] + after.coUnitIds.map({ ($0, false) }) {
                    try await tx.raw("INSERT INTO appeal_units (zone_id, appeal_id, unit_id, lead) VALUES (\(bind: zoneId), \(bind: id), \(bind: unit), \(bind: isLead))").run()
                }
            }
            var text = step.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if let s = step.satisfaction, action == .confirm { text = s.chineseName + (text.isEmpty ? "" : "：" + text) }
            try await Store.appealEvent(tx, zoneId: zoneId, appealId: id, action: action.rawValue, actorName: actorName, from: before.status.rawValue,
                                        to: after.status, text: text, at: Store.timestamp())
            let saved = try await tx.raw(Store.appealColumns + " WHERE id = \(bind: id)").row(AppealRow.self)!.appeal
            try await Store.audit(tx, actor: actor, action: .update, entity: "appeal", id: id, before: before, after: saved, zoneId: zoneId)
            return saved
        }
    }

    static func appealEvent(_ tx: any SQLDatabase, zoneId: Int, appealId: Int, action: String, actorName: String, from: String, to: AppealStatus,
                            text: String, at: String) async throws {
        try await tx.raw("""
            INSERT INTO appeal_events (zone_id, appeal_id, at, action, actor_name, from_status, to_status, text)
            VALUES (\(bind: zoneId), \(bind: appealId), \(bind: at), \(bind: action), \(bind: actorName), \(bind: from), \(bind: to.rawValue), \(bind: text))
            """).run()
    }
}
