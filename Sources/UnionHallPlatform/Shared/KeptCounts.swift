import FluentKit
import FluentSQLiteDriver
import Foundation
import SQLKit
import UnionHallCore
import Vapor

/// Counts kept while the database has not changed (`ChangeStampedCache`): a list's total and the
/// per-unit sums are read again only after a commit. Kept by the statement's text and values, so
/// two scopes or two searches never share one; never inside a transaction, whose count may hold
/// changes that are not committed.
package enum KeptCounts {
    @TaskLocal package static var cache: ChangeStampedCache<Int>?

    package static func count(_ statement: any SQLExpression, on db: any Database, read: () async throws -> Int) async throws -> Int {
        guard let cache, !db.inTransaction, let key = key(statement, on: try db.sql()) else {
            return try await read()
        }
        guard let kept = try await cache.value(for: key, read: read) else { return try await read() }
        return kept
    }

    /// The text, then each value with its kind and length, so no two statements give one key; kept
    /// as its SHA-256, since a wide scope's statement binds thousands of units. A value that has no
    /// plain form (a blob, or one the encoder refuses) keeps the statement from being kept.
    private static func key(_ statement: any SQLExpression, on sql: any SQLDatabase) -> String? {
        let (text, values) = sql.serialize(statement)
        var key = text
        // SQLite's encoder gives any bound value a plain form, whichever database runs the statement.
        let encoder = SQLiteDataEncoder()
        for value in values {
            guard let plain = try? encoder.bind(value) else { return nil }
            switch plain {
            case .integer(let number): key += "\u{0}i\(number)"
            case .float(let number): key += "\u{0}f\(number)"
            case .text(let text): key += "\u{0}t\(text.utf8.count):\(text)"
            case .null: key += "\u{0}n"
            case .blob: return nil
            }
        }
        return Hex.lowercase(SHA256.hash(data: Data(key.utf8)))
    }
}

/// Keeps counts for the requests of an app (on a SQLite file, or on PostgreSQL by `ReadSnapshot`).
package struct KeptCountsMiddleware: AsyncMiddleware {
    let cache: ChangeStampedCache<Int>

    package init(cache: ChangeStampedCache<Int>) { self.cache = cache }

    package func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try await KeptCounts.$cache.withValue(cache) { try await next.respond(to: request) }
    }
}

extension Application {
    private struct KeptCountsKey: StorageKey { typealias Value = ChangeStampedCache<Int> }

    /// Counts kept by the database's change stamp (set at start-up; nil for an in-memory database).
    package var keptCounts: ChangeStampedCache<Int>? {
        get { storage[KeptCountsKey.self] }
        set { storage[KeptCountsKey.self] = newValue }
    }
}
