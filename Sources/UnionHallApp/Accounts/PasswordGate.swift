import NIOCore
import UnionHallPlatform
import Vapor

/// Bcrypt runs on the thread pool, never on an event loop; this gate also lets at most one core
/// fewer than the machine has hash at once, so a flood of sign-ins leaves a core for everyone else's
/// requests. Past `maxWaiting` queued checks a sign-in is refused at once (429), not queued forever.
actor PasswordGate {
    let permits: Int
    let maxWaiting: Int
    /// A hash at the app's cost that no password matches: an unknown username is checked against
    /// it, so the time a refusal takes does not tell which usernames exist.
    nonisolated let unknownUserHash: String
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(unknownUserHash: String, permits: Int = max(1, System.coreCount - 1), maxWaiting: Int = 32) {
        self.unknownUserHash = unknownUserHash
        self.permits = permits
        self.maxWaiting = maxWaiting
    }

    /// Runs `work` when a permit is free.
    func run<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        if running >= permits {
            guard waiting.count < maxWaiting else { throw AppError(status: .tooManyRequests, key: "error.login.busy", arguments: ["1"]) }
            await withCheckedContinuation { waiting.append($0) }
        } else {
            running += 1
        }
        defer { leave() }
        return try await work()
    }

    /// Checks running and queued, for tests and metrics.
    var load: (running: Int, waiting: Int) { (running, waiting.count) }

    /// Hands the permit to the next in line, or frees it.
    private func leave() {
        if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
    }
}

extension Application {
    private struct PasswordGateKey: StorageKey { typealias Value = PasswordGate }

    /// Set once in `configure`, before any request (an app configured otherwise gets a gate whose
    /// unknown-user hash is no hash, so unknown names are refused at once).
    var passwordGate: PasswordGate {
        get { storage[PasswordGateKey.self] ?? PasswordGate(unknownUserHash: "") }
        set { storage[PasswordGateKey.self] = newValue }
    }
}

extension Request {
    /// `password.async.verify` through the app's gate.
    func verifyPassword(_ password: String, against hash: String) async throws -> Bool {
        let hasher = self.password.async
        return try await application.passwordGate.run { (try? await hasher.verify(password, created: hash)) ?? false }
    }

    /// `password.async.hash` through the app's gate.
    func hashPassword(_ password: String) async throws -> String {
        let hasher = self.password.async
        return try await application.passwordGate.run { try await hasher.hash(password) }
    }
}
