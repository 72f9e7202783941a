import Fluent
import Vapor

/// SQLite allows one writer at a time; two deferred transactions that both upgrade to writing
/// fail with "database is locked" instead of waiting. On SQLite every write transaction therefore
/// passes this gate one at a time (readers are not held: WAL lets them run beside the writer).
/// On PostgreSQL the gate is open and row locks do the work.
package actor WriteGate {
    private let serialises: Bool
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    package init(serialises: Bool) { self.serialises = serialises }

    package func acquire() async {
        guard serialises else { return }
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    package func release() {
        guard serialises else { return }
        if waiters.isEmpty {
            busy = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}

extension Application {
    private struct WriteGateKey: StorageKey { typealias Value = WriteGate }

    package var writeGate: WriteGate {
        get { storage[WriteGateKey.self] ?? WriteGate(serialises: false) }
        set { storage[WriteGateKey.self] = newValue }
    }

    /// One write transaction: everything in `body` lands together or not at all.
    package func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        ReadSnapshot.current?.retire()
        let gate = writeGate
        await gate.acquire()
        do {
            let result = try await db.transaction { try await body($0) }
            await gate.release()
            return result
        } catch {
            await gate.release()
            throw error
        }
    }
}

extension Request {
    package func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await application.write(body)
    }
}
