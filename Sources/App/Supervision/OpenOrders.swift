import Domain
import Persistence
import Vapor

extension Request {
    /// Every open supervision order of the zone. Orders change only through their own audited writes (`order`), so
    /// the list is kept across task writes and read again when an order changes.
    func openOrders(_ actor: Actor) async throws -> [SupervisionOrder] {
        try await cached(actor, "openorders", onlyFrom: ["order"]) { [store] in
            try await store.orders(zoneId: actor.zoneId, OrderFilter(open: true, limit: 100_000))
        }
    }
}
