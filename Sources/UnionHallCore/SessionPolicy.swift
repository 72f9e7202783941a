import Foundation

/// When a signed-in session ends, and when repeated failed logins are throttled.
public struct SessionPolicy: Sendable {
    public var idleTimeout: TimeInterval
    public var absoluteTimeout: TimeInterval
    public var maxFailedLogins: Int
    public var failureWindow: TimeInterval

    public init(idleTimeout: TimeInterval = 30 * 60, absoluteTimeout: TimeInterval = 12 * 3600,
                maxFailedLogins: Int = 5, failureWindow: TimeInterval = 15 * 60) {
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
        self.maxFailedLogins = maxFailedLogins
        self.failureWindow = failureWindow
    }

    public func isExpired(createdAt: Date, lastSeenAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastSeenAt) > idleTimeout || now.timeIntervalSince(createdAt) > absoluteTimeout
    }

    /// The moment a session lapses if it is not used again.
    public func expiry(createdAt: Date, lastSeenAt: Date) -> Date {
        min(lastSeenAt.addingTimeInterval(idleTimeout), createdAt.addingTimeInterval(absoluteTimeout))
    }

    public func isThrottled(recentFailures: Int) -> Bool { recentFailures >= maxFailedLogins }
}
