import Vapor
import UnionHallCore

extension Request {
    /// The signed-in user, or 401.
    package func requireUser() throws -> User {
        guard let user = auth.get(User.self) else { throw AppError.unauthorized }
        return user
    }

    /// The signed-in user if their role is one of these; 403 otherwise.
    package func requireRole(_ roles: Role...) throws -> User {
        let user = try requireUser()
        guard roles.contains(user.role) else { throw AppError.forbidden }
        return user
    }

    private struct CSRFTokenKey: StorageKey { typealias Value = String }

    /// The CSRF token of this request's session, which every form carries (set when the session is read).
    package var csrfToken: String? {
        get { storage[CSRFTokenKey.self] }
        set { storage[CSRFTokenKey.self] = newValue }
    }
}
