import Domain
import Foundation
import SQLKit

extension Store {
    /// Synthetic appeals for benchmarks: `count` appeals over the last year, every category and channel, spread over the
    /// zone's units and firms, at every step of the loop (most closed, some overdue), with due days on the official
    /// calendar — inserted in bulk, 500 rows a statement, one audit line.
    public func generateAppeals(zoneId: Int, count: Int, today: Day, calendar: WorkCalendar, actor: Actor) async throws {
        struct I: Decodable { let id: Int }
        let units = try await sql.raw("SELECT id FROM units WHERE zone_id = \(bind: zoneId) ORDER BY id").rows(I.self).map(\.id)
        let firms = try await sql.raw("SELECT id FROM enterprises WHERE zone_id = \(bind: zoneId) ORDER BY id LIMIT 5000").rows(I.self).map(\.id)
        guard !units.isEmpty else { return }
        var seed: UInt64 = 7
        func next(_ n: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int((seed >> 33) % UInt64(n)) }
        let categories = AppealCategory.allCases, channels = AppealChannel.allCases
        var rows: [SQLQueryString] = []
        rows.reserveCapacity(count)
        let now = Store.timestamp()
        for k in 0..<count {
            let received = calendar.workday(onOrBefore: today.adding(days: -next(365)))
            let due = AppealDue(receivedOn: received, deadline: .standard, calendar: calendar)
            let category = categories[next(categories.count)], channel = channels[next(channels.count)]
            // As in a working zone: appeals older than a month are closed (a few declined, one in a hundred stuck and overdue);
            // the recent ones are anywhere in the loop.
            let old = received.days(to: today) > 30
            let roll = next(100)
            let stage = old ? (roll == 0 ? 1 : (roll == 1 ? -1 : 5 + next(5))) : next(10)
            if stage < 0 { rows.append(Store.generatedAppeal(zoneId: zoneId, k: k, received: received, due: due, category: category, channel: channel, now: now)); continue }
            var status = AppealStatus.received
            var assigned: Day?, answered: Day?, closed: Day?, satisfaction: Satisfaction?, workdays: Int?
            var lead: Int?
            if stage >= 1 { lead = units[next(units.count)]; assigned = min(today, calendar.add(1 + next(2), workdaysTo: received)); status = .assigned }
            if stage >= 3, let a = assigned { answered = min(today, calendar.add(2 + next(6), workdaysTo: a)); status = .answered }
            if stage >= 5, let a = answered {
                closed = min(today, calendar.add(1 + next(10), workdaysTo: a)); status = .closed
                satisfaction = [Satisfaction.satisfied, .satisfied, .satisfied, .fairlySatisfied, .dissatisfied][next(5)]
                workdays = AppealFigures.workdaysToClose(received, closed!, calendar)
            }
            let firm: Int? = firms.isEmpty ? nil : firms[next(firms.count)]
            rows.append("""
                (\(bind: zoneId), \(bind: firm), \(bind: "压测企业\(k % 5000)号"), '', '联系人', \(bind: "1380000\(String(format: "%04d", k % 10000))"),
                 \(bind: category.rawValue), \(bind: channel.rawValue), \(bind: "\(category.chineseName)诉求\(k)"), '压测生成的诉求', \(bind: status.rawValue),
                 \(bind: lead), '', \(bind: received.iso), \(bind: due.assign.iso), \(bind: due.answer.iso), \(bind: due.resolve.iso), \(bind: assigned?.iso),
                 \(bind: answered?.iso), \(bind: closed?.iso), \(bind: answered == nil ? "" : "已答复"), \(bind: satisfaction?.rawValue), 0, \(bind: "G\(zoneId)-\(k)"),
                 \(bind: workdays), 1, \(bind: now), \(bind: now))
                """)
        }
        let all = rows
        try await write { tx in
            var i = 0
            while i < all.count {
                let chunk = all[i..<min(i + 500, all.count)]
                i += chunk.count
                var q: SQLQueryString = """
                    INSERT INTO appeals (zone_id, enterprise_id, firm_name, credit_code, contact_name, contact_phone, category, channel, title, description, status,
                      lead_unit_id, co_unit_ids, received_on, assign_due, answer_due, resolve_due, assigned_on, answered_on, closed_on, answer, satisfaction,
                      reopen_count, tracking_code, workdays_to_close, version, created_at, updated_at) VALUES
                    """
                for (k, r) in chunk.enumerated() { q = q + (k > 0 ? ", " : " ") + r }
                try await tx.raw(q).run()
            }
            try await tx.raw("""
                INSERT INTO appeal_units (zone_id, appeal_id, unit_id, lead)
                SELECT zone_id, id, lead_unit_id, \(bind: true) FROM appeals WHERE zone_id = \(bind: zoneId) AND lead_unit_id IS NOT NULL
                """).run()
            try await Store.audit(tx, actor: actor, action: .create, entity: "appeal", id: nil, before: Optional<String>.none, after: ["generated": String(count)])
        }
    }

    /// A declined appeal of the generator (no unit, closed the day after receipt).
    static func generatedAppeal(zoneId: Int, k: Int, received: Day, due: AppealDue, category: AppealCategory, channel: AppealChannel, now: String) -> SQLQueryString {
        """
        (\(bind: zoneId), NULL, \(bind: "压测企业\(k % 5000)号"), '', '联系人', \(bind: "1380000\(String(format: "%04d", k % 10000))"),
         \(bind: category.rawValue), \(bind: channel.rawValue), \(bind: "\(category.chineseName)诉求\(k)"), '压测生成的诉求', 'declined',
         NULL, '', \(bind: received.iso), \(bind: due.assign.iso), \(bind: due.answer.iso), \(bind: due.resolve.iso), NULL,
         NULL, \(bind: received.adding(days: 1).iso), '不属于受理范围', NULL, 0, \(bind: "G\(zoneId)-\(k)"), NULL, 1, \(bind: now), \(bind: now))
        """
    }

    /// `count` policy clauses over a few policies, their conditions drawn from templates over the registry's fields.
    public func generateClauses(zoneId: Int, count: Int, year: Int, actor: Actor) async throws {
        let templates = [
            "高企 且 研发费用占比 >= %d", "研发费用 >= %d 且 营业收入 >= 1000", "营收增长率 > %d 且 规上", "发明专利 >= %d 或 专利总数 >= 10",
            "产业链 属于 [\"电子信息\", \"生物医药\"] 且 营业收入 >= %d00", "成立年限 <= %d 且 非 规上", "科技人员占比 >= %d 且 从业人数 >= 50",
            "行业 开头 \"C\" 且 纳税 >= %d0", "(高企 或 科小) 且 研发费用占比 >= %d 且 营业收入 < 20000",
        ]
        var policyId = 0
        for k in 0..<count {
            if k % 25 == 0 {
                policyId = try await createPolicy(Policy(id: 0, title: "压测政策\(k / 25 + 1)", issuer: "管委会", documentNumber: "高新管发〔\(year)〕\(k / 25 + 1)号",
                                                         issuedOn: Day(year: year, month: 1, day: 10)!, effectiveFrom: Day(year: year, month: 1, day: 10)!), actor: actor)
            }
            let condition = String(format: templates[k % templates.count], 1 + (k * 7) % 9)
            _ = try await createClause(PolicyClause(id: 0, policyId: policyId, number: "第\(k % 25 + 1)条", title: "压测条款\(k)", kind: .award, condition: condition,
                                                    amountRule: k % 2 == 0 ? .fixed(amount: 10) : .percent(of: .rdExpense, rate: 10, cap: 100),
                                                    annualBudget: 1000, year: year - 1), actor: actor)
        }
    }
}
