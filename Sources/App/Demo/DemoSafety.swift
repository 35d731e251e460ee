import Domain
import Foundation
import Persistence
import Vapor

/// The demo zone's safety production: inspections of manufacturing firms through the year by 应急管理局 and the
/// subdistricts, the hazards they found walked through rectification on the days it happened (most struck off, some
/// late, a 重大 one still open), one 一般 accident, the computed 整改率 indicator, and the orders overdue hazards raise.
enum DemoSafety {
    static let findings: [(String, HazardLevel)] = [
        ("消防通道堆放杂物", .general), ("配电柜未接地", .general), ("危化品仓库未设防爆照明", .major), ("叉车司机无证上岗", .general),
        ("喷涂车间通风不良", .general), ("应急预案未演练", .general), ("高处作业未系安全带", .general), ("粉尘除尘系统未按规定清理", .major),
    ]

    static func load(_ app: Application, zone: Zone, system: Actor, units: [String: Int], today: Day, calendar: WorkCalendar) async throws {
        let store = app.store
        let firms = try await store.enterpriseRecords(zoneId: zone.id).map(\.enterprise).filter(\.isIndustrial).prefix(16)
        guard !firms.isEmpty else { return }
        let inspectors = ["应急管理局", "兴科街道办事处", "汇智街道办事处", "临湾街道办事处"].compactMap { units[$0] }
        guard !inspectors.isEmpty else { return }
        var rng = SeededRandom(seed: 99)
        // One small real picture in the blob store stands for every demo photo, so the evidence links open.
        let photo = try app.blobs.put(Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC")!)
        for k in 0..<24 {
            let firm = firms[k % firms.count]
            let unit = inspectors[k % inspectors.count]
            let day = calendar.workday(onOrBefore: today.adding(days: -(5 + k * 13)))
            guard day.year == today.year else { continue }
            let actor = Actor(userId: 0, username: "demo-loader", displayName: "演示检查员", zoneId: zone.id, unitId: unit, roles: [.reporter])
            let picks = (0..<(1 + rng.next(0...1))).map { _ in findings[rng.next(0...(findings.count - 1))] }
            let drafts = picks.map { HazardDraft(enterpriseId: firm.id, unitId: unit, description: $0.0, level: $0.1, foundOn: day, responsiblePerson: ["王安全", "李主任", "赵经理"][k % 3]) }
            let (_, ids) = try await store.recordInspection(SafetyInspection(id: 0, enterpriseId: firm.id, unitId: unit, day: day, inspectors: ["张检查", "陈安监"],
                                                                               kind: [.routine, .special, .preHoliday][k % 3], findings: "现场检查生产车间、仓库和配电房。"),
                                                             hazards: drafts, today: day, calendar: calendar, actor: actor)
            for id in ids {
                var h = try await store.hazard(id: id, zoneId: zone.id)
                let slow = rng.next(0...4) == 0
                let office = system
                func step(_ a: HazardAction, _ party: HazardParty, after days: Int, text: String, files: Int = 0) async throws -> Bool {
                    let on = calendar.add(days, workdaysTo: h.foundOn)
                    guard on <= today else { return false }
                    let evidence = (0..<files).map { i in EvidenceUpload(sha256: photo, filename: "整改照片\(i + 1).png", kind: .png, size: 70) }
                    h = try await store.actOnHazard(id: id, version: h.version, action: a, party: party, text: text, files: evidence, today: on, actor: party == .office ? office : actor)
                    return true
                }
                guard try await step(.startRectifying, .unit, after: 1, text: "") else { continue }
                // A few stay with the unit past their deadline: the overdue list and the orders they raise.
                if k % 9 == 4 { continue }
                let days = slow ? (h.level == .major ? 40 : 14) : (h.level == .major ? 20 : 6)
                guard try await step(.submit, .unit, after: days, text: "已完成整改，附整改前后照片。", files: 2) else { continue }
                if k % 7 == 3, try await step(.sendBack, .office, after: days + 1, text: "照片未体现整改后全貌，请补充。") {
                    guard try await step(.submit, .unit, after: days + 3, text: "已补充整改后全景照片。", files: 1) else { continue }
                }
                _ = try await step(.verify, h.level == .major ? .office : .unit, after: days + 4, text: "现场复查合格，同意销号。")
            }
        }
        if let firm = firms.last, let unit = inspectors.first {
            _ = try await store.recordAccident(Accident(id: 0, enterpriseId: firm.id, unitId: unit, day: today.adding(days: -70), deaths: 0, seriousInjuries: 1, directLossWan: 35,
                                                        description: "车间员工操作冲床时手部受伤，送医治疗。", isLiability: true), today: today, actor: system)
        }
        if let owner = units["应急管理局"] {
            var d = IndicatorDraft()
            d.code = "AQ-01"; d.name = ComputedMeasure.hazardRectification.chineseName; d.unit = "%"; d.direction = .higher; d.frequency = .quarterly
            d.source = .computed; d.formula = .hazardRectification; d.ownerUnitId = owner
            d.caliber = "由系统按隐患整改记录计算：当年发现的隐患中已验收销号的比例"
            let i = try await store.createIndicator(d, actor: system)
            try await store.setIndicatorYear(indicatorId: i.id, year: today.year, Trajectory(baseline: 85, target: 100), version: 0, actor: system)
        }
        try await SafetyOrders.raise(app, zoneId: zone.id, actor: system, issuingUnit: "督查考核办公室", today: today)
    }
}
