import Vapor

/// After a browser session changes something, its pages show the current data, not the slightly stale views others
/// may be served while a view is recomputed (`ZoneViewCache`): a short-lived cookie marks the session as a recent
/// writer. It carries no secret and works across instances.
struct FreshViewsMiddleware: AsyncMiddleware {
    static let cookie = "guatu_fresh"
    let seconds: Int

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        guard seconds > 0, request.method != .GET, request.method != .HEAD,
              case .session? = request.signedIn?.credential, response.status.code < 400 else { return response }
        // Longer than the staleness allowed, so no page read after the write can be older than the write.
        response.cookies[Self.cookie] = HTTPCookies.Value(string: "1", maxAge: seconds + 5, path: "/", isSecure: request.application.guatu.secureCookies,
                                                          isHTTPOnly: true, sameSite: .lax)
        return response
    }
}
