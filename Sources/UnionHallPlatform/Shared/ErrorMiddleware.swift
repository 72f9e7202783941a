import Fluent
import Vapor

/// Writes every error in the caller's language: JSON `{"error", "field"}` for the API, an error
/// page for the browser. Messages are built from keys, never from the failing input, so personal
/// data typed into a request is not echoed back.
package struct AppErrorMiddleware: AsyncMiddleware {
    package func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let appError = Self.appError(for: error, on: request)
            if appError.status == .internalServerError {
                request.logger.report(error: error)
            }
            if request.isAPI {
                return try Self.json(appError, on: request)
            }
            return try await Pages.error(appError, on: request)
        }
    }

    package static func json(_ error: AppError, on request: Request) throws -> Response {
        let body = ErrorBody(error: request.t(error.key, error.arguments), field: error.field)
        let response = Response(status: error.status)
        try response.content.encode(body, as: .json)
        if error.status == .tooManyRequests, let seconds = error.arguments.first {
            response.headers.replaceOrAdd(name: .retryAfter, value: seconds)
        }
        return response
    }

    package static func appError(for error: any Error, on request: Request) -> AppError {
        switch error {
        case let appError as AppError:
            return appError
        case let decoding as DecodingError:
            return AppError(status: .badRequest, key: "error.malformed", field: decoding.fieldName)
        case _ where String(reflecting: type(of: error)).hasPrefix("MultipartKit."):
            // An empty or broken multipart body: the client's fault, never the server's. The
            // parser's own error type is private to MultipartKit, hence the module check.
            return AppError(status: .badRequest, key: "error.malformed", field: "file")
        case let sheet as SpreadsheetError:
            // An upload that stops reading part-way (too many rows, a broken row) is as unreadable as one that never opens.
            return sheet.appError
        case let validations as ValidationsError:
            let field = validations.failures.first?.key.stringValue
            return AppError(status: .unprocessableEntity, key: "error.invalid", field: field)
        case let database as any DatabaseError where database.isConstraintFailure:
            return AppError(status: .conflict, key: "error.duplicate")
        case let abort as any AbortError where abort.status == .unprocessableEntity:
            // Vapor's own 422 is a path or query value of the wrong type (`/units/null`): malformed.
            return AppError(status: .badRequest, key: "error.malformed")
        case let abort as any AbortError:
            return AppError(status: abort.status, key: Self.key(for: abort.status))
        default:
            return AppError(status: .internalServerError, key: "error.internal")
        }
    }

    private static func key(for status: HTTPResponseStatus) -> String {
        switch status {
        case .notFound: "error.notFound"
        case .unauthorized: "error.unauthorized"
        case .forbidden: "error.forbidden"
        case .payloadTooLarge: "error.tooLarge"
        case .tooManyRequests: "error.throttled"
        case .badRequest, .unsupportedMediaType: "error.malformed"
        case .methodNotAllowed: "error.notFound"
        case .internalServerError: "error.internal"
        default: "error.malformed"
        }
    }

    package init() {}
}

package struct ErrorBody: Content {
    package var error: String
    package var field: String?

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(error, forKey: .error)
        try container.encode(field, forKey: .field)
    }

    package init(error: String, field: String? = nil) {
        self.error = error
        self.field = field
    }
}

extension DecodingError {
    /// The JSON key that failed to decode, so the client knows which field to fix.
    package var fieldName: String? {
        let path: [any CodingKey]
        switch self {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        case .keyNotFound(let key, let context):
            path = context.codingPath + [key]
        @unknown default:
            path = []
        }
        return path.last(where: { $0.intValue == nil })?.stringValue
    }
}

extension Request {
    package var isAPI: Bool { url.path.hasPrefix("/api/") }
}
