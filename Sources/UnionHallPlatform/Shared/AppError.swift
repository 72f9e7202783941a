import UnionHallCore
import Vapor

/// The one error type of the app: a status, a localization key for the message, and the field
/// it concerns. The error middleware writes it as `{"error", "field"}` in the caller's language.
package struct AppError: AbortError {
    package var status: HTTPResponseStatus
    package var key: String
    package var field: String?
    package var arguments: [String] = []

    package var reason: String { key }

    package static func invalid(_ issue: FieldIssue) -> AppError {
        AppError(status: .unprocessableEntity, key: issue.key, field: issue.field, arguments: issue.arguments)
    }

    package static func invalid(_ field: String, _ key: String, _ arguments: [String] = []) -> AppError {
        AppError(status: .unprocessableEntity, key: key, field: field, arguments: arguments)
    }

    package static let notFound = AppError(status: .notFound, key: "error.notFound")
    package static let forbidden = AppError(status: .forbidden, key: "error.forbidden")
    package static let unauthorized = AppError(status: .unauthorized, key: "error.unauthorized")
    package static let versionConflict = AppError(status: .conflict, key: "error.versionConflict", field: "version")

    package var isVersionConflict: Bool { status == .conflict && field == "version" }

    package static func conflict(_ field: String?, _ key: String, _ arguments: [String] = []) -> AppError {
        AppError(status: .conflict, key: key, field: field, arguments: arguments)
    }

    package init(status: HTTPResponseStatus, key: String, field: String? = nil, arguments: [String] = []) {
        self.status = status
        self.key = key
        self.field = field
        self.arguments = arguments
    }
}

extension Result where Failure == FieldIssue {
    /// Unwraps a core validation result, turning its issue into a 422.
    package func orInvalid() throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let issue): throw AppError.invalid(issue)
        }
    }
}

extension AppError {
    /// A unique value (an ID number, a credit code, a certificate number) that a record already
    /// holds: inside the caller's scope the duplicate is named; outside it the refusal says neither
    /// where nor whether, so the check is no oracle for records the caller may not see.
    package static func taken(_ field: String, _ key: String, holder unitID: UUID, scope: UnitScope) -> AppError {
        scope.contains(unitID) ? .conflict(field, key) : .conflict(field, "error.unavailable")
    }

    /// A figure summed over stored rows that would not fit: refused rather than trapping the process.
    package static let figureOverflow = AppError(status: .unprocessableEntity, key: "error.figureOverflow")
}

extension Sequence where Element: FixedWidthInteger {
    /// The checked sum of stored figures (`Limits` keeps new rows far below overflow).
    package func total() throws -> Element {
        guard let sum = checkedSum() else { throw AppError.figureOverflow }
        return sum
    }
}

extension FixedWidthInteger {
    /// `self + other`, checked.
    package func plus(_ other: Self) throws -> Self {
        let (sum, overflow) = addingReportingOverflow(other)
        if overflow { throw AppError.figureOverflow }
        return sum
    }
}
