import Fluent
import UnionHallCore
import Vapor

/// What every record's create and edit forms do with the outcome of a save: redirect on success,
/// send a repeated submission to the first one's record, show the newer data on a version
/// conflict, and return the form with the user's input and the failing field otherwise.
package enum FormFlow {
    package static func create(
        _ req: Request, once: FormOnce?, save: () async throws -> String, rerender: (AppError) async throws -> Response
    )
        async throws -> Response
    {
        do {
            return Pages.redirect(try await save(), notice: "created", on: req)
        } catch let repeated as FormOnce.AlreadySubmitted {
            return req.redirect(to: repeated.location)
        } catch let error as AppError where error.field != nil {
            return try await rerender(error)
        } catch {
            // Two identical submissions raced on PostgreSQL: the loser hit the nonce's unique index.
            guard (error as? any DatabaseError)?.isConstraintFailure == true, let location = try await once?.earlierLocation(on: req.db)
            else { throw error }
            return req.redirect(to: location)
        }
    }

    package static func update(
        _ req: Request, location: String, save: () async throws -> Void,
        showNewer: (AppError) async throws -> Response, rerender: (AppError) async throws -> Response
    ) async throws -> Response {
        do {
            try await save()
            return Pages.redirect(location, notice: "saved", on: req)
        } catch let error as AppError where error.isVersionConflict {
            return try await showNewer(error)
        } catch let error as AppError where error.field != nil {
            return try await rerender(error)
        }
    }
}

/// Reading typed form values.
package enum FormValue {
    /// An optional id from a select; a value that is not an id names its field.
    package static func uuid(_ text: String?, field: String) throws -> UUID? {
        guard let text, !text.isEmpty else { return nil }
        guard let id = UUID(uuidString: text) else { throw AppError.invalid(field, "error.invalid") }
        return id
    }

    /// An optional whole number typed in a form (a count, a year), within the bounds every number has.
    package static func integer(_ text: String?, field: String) throws -> Int? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let value = Int(text), abs(Int64(value)) <= Limits.integer else { throw AppError.invalid(field, "error.invalid") }
        return value
    }

    /// An optional amount typed in yuan (`5,600,000.50`), as fen; a value that is not one names its field.
    package static func fen(_ text: String?, field: String) throws -> Int64? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let fen = Fen.parse(yuan: text) else { throw AppError.invalid(field, "error.amount.invalid") }
        return fen.value
    }
}
