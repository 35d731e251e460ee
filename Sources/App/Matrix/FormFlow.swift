import Domain
import Persistence
import Vapor
import Views

/// The shared shape of a form submission: read the fields, save, and on a rule broken or a
/// conflict show the form again with the message at the field (never a bare error page).
enum FormFlow {
    static func submit(
        _ req: Request,
        render: @escaping (FormErrors, Bool, HTTPResponseStatus) async throws -> Response,
        save: () async throws -> String
    ) async throws -> Response {
        do {
            return req.redirect(to: try await save())
        } catch let e as FormInvalid {
            return try await render(e.errors, false, .unprocessableEntity)
        } catch StoreError.conflict {
            return try await render(FormErrors(), true, .conflict)
        } catch {
            guard let e = AppError.from(error), e.status == .unprocessableEntity || e.status == .conflict || e.status == .badRequest else { throw error }
            return try await render(FormErrors([e.field ?? "_form": e.message]), false, e.status)
        }
    }
}

/// Thrown by a form reader when fields could not be read at all.
struct FormInvalid: Error { let errors: FormErrors }

extension FormReader {
    func check() throws { if !errors.isEmpty { throw FormInvalid(errors: formErrors) } }
}

extension Array where Element == OrgUnit {
    var options: [FormPage.SelectOption] { map { .init(String($0.id), $0.name) } }
}
