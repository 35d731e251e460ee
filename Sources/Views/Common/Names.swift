import Domain

/// Id → display name lookups a page needs to show units and people by name.
public struct Names: Sendable {
    public var units: [Int: String]
    public var people: [Int: String]
    public init(units: [OrgUnit], people: [UserAccount]) {
        self.units = Dictionary(units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        self.people = Dictionary(people.map { ($0.id, $0.title.isEmpty ? $0.displayName : "\($0.displayName)（\($0.title)）") }, uniquingKeysWith: { a, _ in a })
    }
    public func unit(_ id: Int?) -> String { id.flatMap { units[$0] } ?? "—" }
    public func units(_ ids: [Int]) -> String { ids.isEmpty ? "—" : ids.map { unit($0) }.joined(separator: "、") }
    public func person(_ id: Int?) -> String { id.flatMap { people[$0] } ?? "—" }
}
