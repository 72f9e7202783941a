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
}

extension Application {
    private struct EnvironmentKey: StorageKey { typealias Value = AppEnvironment }

    var current: AppEnvironment {
        get { storage[EnvironmentKey.self] ?? AppEnvironment() }
        set { storage[EnvironmentKey.self] = newValue }
    }
}

extension Request {
    var now: Date { application.current.now() }
    var today: CivilDate { CivilDate(now) }
}
