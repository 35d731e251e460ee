import Foundation

/// A person of the zone: a leader, a unit's staff member, an administrator. Only people with a
/// password can sign in; the others are on record as leaders in charge or responsible people.
public struct UserAccount: Codable, Sendable, Equatable, Identifiable {
    public var id: Int
    public var zoneId: Int
    public var unitId: Int?
    public var username: String
    public var displayName: String
    /// 职务, e.g. 副书记, 局长.
    public var title: String
    public var roles: Set<Role>
    public var canSignIn: Bool
    /// Locked after repeated failed sign-ins, until this instant (ISO 8601).
    public var lockedUntil: String?
    public var archived: Bool
    public var version: Int
    /// An enterprise account's firm (nil for everyone else).
    public var enterpriseId: Int? = nil
    public init(id: Int, zoneId: Int, unitId: Int?, username: String, displayName: String, title: String,
                roles: Set<Role>, canSignIn: Bool, lockedUntil: String?, archived: Bool, version: Int) {
        self.id = id; self.zoneId = zoneId; self.unitId = unitId; self.username = username
        self.displayName = displayName; self.title = title; self.roles = roles; self.canSignIn = canSignIn
        self.lockedUntil = lockedUntil; self.archived = archived; self.version = version
    }
}

public struct UserDraft: Codable, Sendable, Equatable {
    public var unitId: Int?
    public var username: String?
    public var displayName: String?
    public var title: String?
    public init(unitId: Int? = nil, username: String? = nil, displayName: String? = nil, title: String? = nil) {
        self.unitId = unitId; self.username = username; self.displayName = displayName; self.title = title
    }
}
