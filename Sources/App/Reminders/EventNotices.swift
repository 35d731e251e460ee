import Domain
import Persistence
import Vapor
import Views

/// In-app notices for the other roles, sent when something happens rather than when something is due:
/// the office hears of an order answered and waiting for its check, of a report submitted, and of an
/// instruction answered; the leader in charge hears of an order copied to them and of an instruction
/// they should see. Each is a notification with its own event key, so it is never doubled.
enum EventNotices {
    /// After an order step: 反馈 tells the office; 下发 or 升级 at a level that copies leaders tells the leader in charge.
    static func orderChanged(_ req: Request, _ o: SupervisionOrder, step: String) async {
        await send(req) {
            let users = try await req.store.users(zoneId: try req.actor().zoneId)
            let link = SiteURL.order(o.id).path
            if o.status == .answered {
                for u in users where u.roles.contains(.office) {
                    try await req.store.notify(zoneId: u.zoneId, userId: u.id, eventKey: "order:\(o.id):answered:v\(o.version)",
                                               title: "督字第\(o.id)号已反馈，待核查", body: o.answer, link: link)
                }
            }
            if !o.leadersCopied.isEmpty, o.status != .proposed, let taskId = o.taskId, let leader = try await leaderOf(req, taskId: taskId) {
                try await req.store.notify(zoneId: leader.zoneId, userId: leader.id, eventKey: "order:\(o.id):copied:\(o.level.code)",
                                           title: "抄送：督字第\(o.id)号（\(o.level.chineseName)）", body: o.requiredActions, link: link)
            }
        }
    }

    /// A unit answered a leader's instruction: the leaders of the task's plan and the office hear of it.
    static func instructionAnswered(_ req: Request, _ i: Instruction) async {
        await send(req) {
            let zoneId = try req.actor().zoneId
            var recipients = try await req.store.users(zoneId: zoneId).filter { $0.roles.contains(.office) }
            if let leader = try await leaderOf(req, taskId: i.taskId) { recipients.append(leader) }
            for u in recipients {
                try await req.store.notify(zoneId: zoneId, userId: u.id, eventKey: "instruction:\(i.id):answered", title: "\(i.leaderName)批示已有落实情况",
                                           body: i.answer ?? "", link: SiteURL.task(i.taskId).path)
            }
        }
    }

    static func leaderOf(_ req: Request, taskId: Int) async throws -> UserAccount? {
        let zoneId = try req.actor().zoneId
        let task = try await req.store.task(id: taskId, zoneId: zoneId)
        guard let id = try await req.store.plan(id: task.planId, zoneId: zoneId).leaderId else { return nil }
        return try? await req.store.user(id: id, zoneId: zoneId)
    }

    /// A notice that cannot be written is logged, never a reason to fail the step that caused it.
    static func send(_ req: Request, _ body: () async throws -> Void) async {
        do { try await body() } catch { req.logger.warning("in-app notice not written: \(error)") }
    }
}
