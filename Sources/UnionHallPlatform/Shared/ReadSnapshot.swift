import NIOConcurrencyHelpers
import NIOCore

/// PostgreSQL's snapshot (`txid_current_snapshot()`) as the request's session query saw it: the
/// transactions finished and those still running. Any commit after it, from any connection or
/// instance, ends a running transaction or finishes one past its horizon, so an unchanged snapshot
/// means nothing was committed in between. It stamps the reads a request keeps (`KeptCounts`) and
/// finds kept, as a SQLite file's WAL-index header does without a query.
///
/// A request that writes retires its snapshot (`Application.write`), so it reads its own changes.
/// A snapshot serves only for `lifetime` after its query, so work that outlives its request (a
/// refresh it started) does not read as of a state long gone.
package final class ReadSnapshot: Sendable {
    @TaskLocal package static var current: ReadSnapshot?

    package static let lifetime = TimeAmount.seconds(1)
    private let stamp: [UInt8]
    private let taken: NIODeadline
    private let retired = NIOLockedValueBox(false)

    package init(_ text: String, taken: NIODeadline = .now()) {
        self.stamp = Array(text.utf8)
        self.taken = taken
    }

    /// The stamp while it still stands for the database this request reads.
    package func value(now: NIODeadline = .now()) -> [UInt8]? {
        guard now - taken < Self.lifetime, !retired.withLockedValue({ $0 }) else { return nil }
        return stamp
    }

    /// After this request's own write nothing it reads is kept or found kept.
    package func retire() { retired.withLockedValue { $0 = true } }
}

/// The stamp of the request's `ReadSnapshot`; nil outside a request that has one.
package struct ReadSnapshotStamp: ChangeStamp {
    package init() {}

    package func current() -> [UInt8]? { ReadSnapshot.current?.value() }
}
