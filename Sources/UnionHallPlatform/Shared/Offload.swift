import Vapor

/// A value handed to the thread pool that the type system cannot prove safe to share: the caller
/// gives it up for the duration of the work (a spreadsheet being read, a report being checked).
package struct Unchecked<Value>: @unchecked Sendable {
    package var value: Value
    package init(_ value: Value) { self.value = value }
}

/// Slow synchronous work (reading and checking a large upload) on the application's thread pool,
/// so the event loop that the request arrived on keeps serving everyone else.
package enum Offload {
    package static func run<T: Sendable>(_ app: Application, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await app.threadPool.runIfActive(work)
    }

    /// The same for a block over the caller's own state (a file being read, the report being built):
    /// the caller waits for it and touches that state only after, so nothing is shared while it runs.
    package static func blocking<T>(_ app: Application, _ work: @escaping () throws -> T) async throws -> T {
        let box = Unchecked(work)
        return try await run(app) { Unchecked(try box.value()) }.value
    }
}
