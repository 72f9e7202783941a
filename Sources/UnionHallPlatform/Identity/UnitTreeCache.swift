import FluentKit
import NIOConcurrencyHelpers
import Vapor

/// The union tree, read once per change rather than once per request. Every write of a unit
/// (through Fluent, in its own transaction) takes the next value of the `unitTree` counter, and
/// every request reads that one row: a tree kept under the same value is the tree in the database,
/// whichever instance changed it.
package final class UnitTreeCache: Sendable {
    package static let counter = "unitTree"
    private let kept = NIOLockedValueBox<(version: Int, tree: UnitTree)?>(nil)

    package init() {}

    /// `version`: the counter as already read with this request's session, saving a query. `db` is
    /// reached only when it is needed: a request's `db` builds a database object on each access, and
    /// a current tree with a known counter needs none.
    package func tree(on db: @autoclosure () -> any Database, version known: Int? = nil) async throws -> UnitTree {
        let version: Int
        if let known { version = known } else { version = try await Sequences.current(Self.counter, on: db()) }
        if let kept = kept.withLockedValue({ $0 }), kept.version == version { return kept.tree }
        let tree = try await UnitTree.load(on: db())
        // A tree read after a newer change is kept under the older value and read again next time: never stale.
        self.kept.withLockedValue { $0 = (version, tree) }
        return tree
    }
}

/// Takes the next value of the tree's counter with every unit written through Fluent.
package struct UnitTreeVersioning: AsyncModelMiddleware {
    package init() {}

    package func create(model: UnionUnit, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.create(model, on: db)
        try await changed(db)
    }

    package func update(model: UnionUnit, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.update(model, on: db)
        try await changed(db)
    }

    package func delete(model: UnionUnit, force: Bool, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.delete(model, force: force, on: db)
        try await changed(db)
    }

    package func softDelete(model: UnionUnit, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.softDelete(model, on: db)
        try await changed(db)
    }

    package func restore(model: UnionUnit, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.restore(model, on: db)
        try await changed(db)
    }

    private func changed(_ db: any Database) async throws {
        _ = try await Sequences.take(UnitTreeCache.counter, on: db)
    }
}

extension Application {
    private struct UnitTreeCacheKey: StorageKey { typealias Value = UnitTreeCache }

    /// Set once at start-up, before any request is answered.
    package var unitTrees: UnitTreeCache {
        get { storage[UnitTreeCacheKey.self] ?? UnitTreeCache() }
        set { storage[UnitTreeCacheKey.self] = newValue }
    }
}

extension Request {
    private struct UnitTreeVersionKey: StorageKey { typealias Value = Int }

    /// The tree's counter, when the session lookup read it beside the session.
    package var unitTreeVersion: Int? {
        get { storage[UnitTreeVersionKey.self] }
        set { storage[UnitTreeVersionKey.self] = newValue }
    }

    /// The union tree as of this request.
    package func unitTree() async throws -> UnitTree {
        try await application.unitTrees.tree(on: db, version: unitTreeVersion)
    }
}
