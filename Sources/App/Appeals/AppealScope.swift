import Domain
import Persistence
import Vapor

/// Who sees which appeals: the office, leaders and observers the zone's; a unit's staff those its unit leads or helps
/// with (and those it logged); an enterprise account its own firm's. Anything else is "not found", so ids leak nothing.
enum AppealScope {
    static func filter(_ actor: Actor, _ f: AppealFilter) -> AppealFilter {
        var f = f
        if isFirm(actor) { f.enterpriseId = actor.enterpriseId ?? -1; f.unitId = nil }
        else if !seesAll(actor) { f.unitId = actor.unitId ?? -1; f.orSubmittedBy = actor.userId }
        return f
    }

    static func seesAll(_ actor: Actor) -> Bool { actor.has(.office) || actor.has(.leader) || actor.has(.observer) }
    static func isFirm(_ actor: Actor) -> Bool { actor.has(.enterprise) && !seesAll(actor) && !actor.has(.reporter) }

    static func check(_ actor: Actor, _ a: Appeal) throws {
        if seesAll(actor) { return }
        if isFirm(actor) {
            guard let e = actor.enterpriseId, e == a.enterpriseId else { throw AppError(.notFound, "not_found", "没有这件诉求") }
            return
        }
        if a.submittedBy == actor.userId { return }
        guard let u = actor.unitId, a.leadUnitId == u || a.coUnitIds.contains(u) else { throw AppError(.notFound, "not_found", "没有这件诉求") }
    }

    /// The parties this actor may act as on this appeal.
    static func parties(_ actor: Actor, _ a: Appeal) -> [AppealParty] {
        var p: [AppealParty] = []
        if actor.can(.editMatrix) { p.append(.office) }
        if actor.has(.reporter), let u = actor.unitId, a.leadUnitId == u { p.append(.leadUnit) }
        if actor.has(.enterprise), let e = actor.enterpriseId, a.enterpriseId == e { p.append(.firm) }
        return p
    }
}
