import Foundation

/// A rule of the domain was broken by input. `field` names the offending input field
/// (as the API and forms call it); `message` is Chinese, for the user.
public struct ValidationError: Error, Equatable, Sendable {
    public let field: String
    public let message: String
    public init(field: String, _ message: String) {
        self.field = field
        self.message = message
    }
}
