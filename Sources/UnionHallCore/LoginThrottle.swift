import Foundation

/// How repeated failed sign-ins slow down whoever makes them. Failures are counted per key (an
/// account from one client address; one client address over every account; one account from
/// every address). A key's first `freeAttempts` within the window cost nothing; each one after
/// doubles the wait, up to `maxDelay`. Nobody is locked out for good: the real user of an account
/// under attack from elsewhere waits at most the account key's short cap.
public struct LoginThrottle: Sendable, Equatable {
    public var freeAttempts: Int
    public var maxDelay: TimeInterval
    public var window: TimeInterval
    /// After a success: the key starts again (an account's), or only that try is forgiven (an
    /// address's, which other people's failures also count against).
    public var success: Success
    /// Whether the wait doubles from a second; a quota (ten applications an hour) waits the whole
    /// `maxDelay` at once, so a slow script cannot keep going at one try a second.
    public var escalates: Bool

    public enum Success: Sendable, Equatable { case forget, forgiveOne }

    public init(
        freeAttempts: Int, maxDelay: TimeInterval, window: TimeInterval = 15 * 60, success: Success = .forget, escalates: Bool = true
    ) {
        self.freeAttempts = freeAttempts
        self.maxDelay = maxDelay
        self.window = window
        self.success = success
        self.escalates = escalates
    }

    /// One account guessed from one address: five tries, then 1 s, 2 s, 4 s … up to 15 minutes.
    public static let accountFromClient = LoginThrottle(freeAttempts: 5, maxDelay: 15 * 60)
    /// One address over every account (password spraying): a busy office behind one address fits.
    public static let client = LoginThrottle(freeAttempts: 100, maxDelay: 15 * 60, success: .forgiveOne)
    /// One account from every address: slows a distributed guess, never locks the owner out for long.
    public static let account = LoginThrottle(freeAttempts: 20, maxDelay: 60)

    /// Certificate numbers looked up from one address: enough for an employer checking a stack of
    /// CVs, far too few to guess numbers.
    public static let certificateCheck = LoginThrottle(freeAttempts: 20, maxDelay: 15 * 60, success: .forgiveOne)

    /// Applications to join from one address, every one counted: a family or a 司机之家's shared
    /// phone fits in an hour, a script filling the officers' queue does not.
    public static let joining = LoginThrottle(freeAttempts: 10, maxDelay: 60 * 60, window: 60 * 60, escalates: false)

    /// The wait after `attempts` failures within the window.
    public func delay(afterFailures attempts: Int) -> TimeInterval {
        guard attempts >= freeAttempts else { return 0 }
        guard escalates else { return maxDelay }
        let doublings = min(attempts - freeAttempts, 30)
        return min(maxDelay, Double(1 << doublings))
    }
}
