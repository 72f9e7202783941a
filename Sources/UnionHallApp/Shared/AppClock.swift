import Foundation
import UnionHallCore
import Vapor

/// The outside world the app reads, as values: live in `configure`, fixed in tests.
struct AppEnvironment: Sendable {
    var now: @Sendable () -> Date = { Date() }
    var sessionPolicy = SessionPolicy()
    /// Secure cookies when served behind HTTPS (set by `UNIONHALL_SECURE_COOKIES=1`).
    var secureCookies = false
    var bcryptCost = 12
    /// Where uploaded files are kept: outside the public folder, under generated names.
    var filesDirectory = "files"
    /// Behind a reverse proxy (`UNIONHALL_TRUSTED_PROXY=1`), the client is the last address the proxy
    /// appended to `X-Forwarded-For`; otherwise the connection's own address.
    var trustsForwardedFor = false
}

extension Application {
    private struct EnvironmentKey: StorageKey { typealias Value = AppEnvironment }

    var current: AppEnvironment {
        get { storage[EnvironmentKey.self] ?? AppEnvironment() }
        set { storage[EnvironmentKey.self] = newValue }
    }
}

extension Request {
    /// The address login throttling counts failures by.
    var clientAddress: String {
        if application.current.trustsForwardedFor,
            let forwarded = headers.first(name: "X-Forwarded-For")?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces),
            !forwarded.isEmpty
        {
            return String(forwarded.prefix(64))
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }

    var now: Date { application.current.now() }
    var today: CivilDate { CivilDate(now) }
}
