import Foundation
import UnionHallCore
import Vapor

/// The outside world the app reads, as values: live in `configure`, fixed in tests.
package struct AppEnvironment: Sendable {
    package var now: @Sendable () -> Date = { Date() }
    package var sessionPolicy = SessionPolicy()
    /// Secure cookies when served behind HTTPS (set by `UNIONHALL_SECURE_COOKIES=1`).
    package var secureCookies = false
    package var bcryptCost = 12

    package init() {}
    /// Where uploaded files are kept: outside the public folder, under generated names.
    package var filesDirectory = "files"
    /// Uploads as rows of `stored_files` instead of files in `filesDirectory` (PostgreSQL's default).
    package var filesInDatabase = false
    /// Behind a reverse proxy (`UNIONHALL_TRUSTED_PROXY=1`), the client is the last address the proxy
    /// appended to `X-Forwarded-For`; otherwise the connection's own address.
    package var trustsForwardedFor = false
}

extension Application {
    private struct EnvironmentKey: StorageKey { typealias Value = AppEnvironment }

    package var current: AppEnvironment {
        get { storage[EnvironmentKey.self] ?? AppEnvironment() }
        set { storage[EnvironmentKey.self] = newValue }
    }
}

extension Request {
    /// The address login throttling counts failures by.
    package var clientAddress: String {
        if application.current.trustsForwardedFor,
            let forwarded = headers.first(name: "X-Forwarded-For")?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces),
            !forwarded.isEmpty
        {
            return String(forwarded.prefix(64))
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }

    package var now: Date { application.current.now() }
    package var today: CivilDate { CivilDate(now) }
}

extension Request {
    /// `https://host` as the browser reached the app, for links printed or encoded in a QR code.
    package var origin: String {
        let scheme = headers.first(name: "X-Forwarded-Proto") ?? (application.current.secureCookies ? "https" : "http")
        return headers.first(name: .host).map { "\(scheme)://\($0)" } ?? ""
    }
}
