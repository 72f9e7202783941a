import NIOConcurrencyHelpers

/// Which committed state the database is in, as bytes that change with every commit; nil when it
/// cannot be told, and then nothing is kept.
package protocol ChangeStamp: Sendable {
    func current() -> [UInt8]?
}

/// Reads kept while the database has not changed since they were made: each is stamped with the
/// state the database was in before it ran (`SQLiteChangeStamp`, `ReadSnapshot`) and served again
/// only while that state is still current, so a commit anywhere, this process's or another's,
/// retires every one. A read that finds nothing is not kept.
package final class ChangeStampedCache<Value: Sendable>: Sendable {
    /// Past this many the cache starts again empty: it holds what is read over and over.
    package static var capacity: Int { 4_096 }
    private let stamp: any ChangeStamp
    private let kept = NIOLockedValueBox<[String: (stamp: [UInt8], value: Value)]>([:])

    package init(stamp: any ChangeStamp) { self.stamp = stamp }

    package func value(for key: String, read: () async throws -> Value?) async throws -> Value? {
        guard let before = stamp.current() else { return try await read() }
        if let hit = kept.withLockedValue({ $0[key] }), hit.stamp == before { return hit.value }
        guard let value = try await read() else { return nil }
        kept.withLockedValue { kept in
            if kept.count >= Self.capacity { kept.removeAll(keepingCapacity: true) }
            kept[key] = (before, value)
        }
        return value
    }

    package var count: Int { kept.withLockedValue { $0.count } }
}
