// The one error type of the Delivery target: every failure of a channel (connecting, a timeout,
// a reply the server refused with, a robot's non-zero errcode, input that can't be sent) is a
// DeliveryError whose `description` is a readable sentence for logs and the admin UI.

public struct DeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// Could not open the connection (refused, unreachable, DNS, connect timeout).
        case connect
        /// The peer did not answer in time (SMTP: 10 s per reply).
        case timeout
        /// The SMTP server answered with an error reply (4xx/5xx); `code` is its reply code.
        case rejected
        /// The peer said something we can't understand, or the connection dropped mid-dialogue.
        case protocolError
        /// The message, an address or the configuration can't be sent as given.
        case invalidInput
        /// A chat robot answered with a non-200 status or a non-zero errcode; `code` is the errcode
        /// (or the HTTP status when the body had none).
        case webhook
    }

    public var kind: Kind
    /// The SMTP reply code or the robot's errcode / HTTP status, when there is one.
    public var code: Int?
    public var message: String

    public init(_ kind: Kind, code: Int? = nil, _ message: String) {
        self.kind = kind
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
