import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The last statistics document computed for a subtree and period, kept in the database so every
/// instance and every officer of that subtree reads it. A city's year is millions of rows: counting
/// them again on every dashboard visit would take seconds.
final class StatisticsSnapshot: Model, @unchecked Sendable {
    static let schema = "statistics_snapshots"

    @ID(key: .id) var id: UUID?
    /// The subtree (its units), whether aid is shown, the period and the day it was read on.
    @Field(key: "key") var key: String
    @Field(key: "document") var document: String
    @Field(key: "computed_at") var computedAt: Date
    /// How long computing it took: a document that is quick to count is counted again inline.
    @Field(key: "millis") var millis: Int

    init() {}
}

struct CreateStatisticsSnapshot: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StatisticsSnapshot.schema)
            .id()
            .field("key", .string, .required)
            .field("document", .string, .required)
            .field("computed_at", .datetime, .required)
            .field("millis", .int, .required)
            .unique(on: "key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StatisticsSnapshot.schema).delete()
    }
}

/// When a kept document is read and when it is counted again. It is current while no record has
/// changed since it was computed (every change writes the audit log) and for at most `lifetime`.
/// A stale document that took longer than `inlineMillis` to count is answered as it is, marked
/// with its time, while one refresh per subtree and period runs behind it; a quick one is counted
/// again before answering.
enum StatisticsSnapshots {
    static let lifetime: TimeInterval = 600
    static let keptFor: TimeInterval = 86_400

    static func document(_ query: PeriodQuery, scope: UnitScope, on request: Request) async throws -> StatisticsDocument {
        let key = try self.key(query, scope: scope, today: request.today)
        // A page that reads one document twice (the start page: its counts and its dashboard) reads it once.
        if let read = request.statisticsRead[key] { return read }
        let document = try await kept(key, query, scope: scope, on: request)
        request.statisticsRead[key] = document
        return document
    }

    private static func kept(_ key: String, _ query: PeriodQuery, scope: UnitScope, on request: Request) async throws
        -> StatisticsDocument
    {
        let app = request.application
        // A kept document that no longer decodes (written before an upgrade) is counted again.
        if let kept = try await StatisticsSnapshot.query(on: request.db).filter(\.$key == key).first(),
            let document = try? JSONDecoder().decode(StatisticsDocument.self, from: Data(kept.document.utf8))
        {
            let now = app.current.now()
            let changed =
                try await AuditEntry.query(on: request.db).filter(\.$at >= kept.computedAt)
                .filter(\.$action ~~ [.create, .update, .delete, .restore]).first() != nil
            if !changed, now.timeIntervalSince(kept.computedAt) < lifetime { return document }
            if kept.millis > app.statisticsRefreshes.inlineMillis {
                app.statisticsRefreshes.start(key) {
                    // Another instance counting the same document leaves this one nothing to do.
                    try await ClusterJobs.run("statistics-\(key)", on: app) { _ in
                        _ = try await compute(
                            query, scope: scope, today: CivilDate(app.current.now()), key: key, app: app, db: app.figuresDB)
                    }
                }
                return document
            }
        }
        return try await compute(query, scope: scope, today: request.today, key: key, app: app, db: app.figuresDB)
    }

    private static func compute(
        _ query: PeriodQuery, scope: UnitScope, today: CivilDate, key: String, app: Application, db: any Database
    ) async throws -> StatisticsDocument {
        let started = app.current.now()
        let clock = ContinuousClock.now
        var document = try await StatisticsService.document(query, scope: scope, today: today, features: app.features, on: db)
        document.computedAt = started
        let elapsed = ContinuousClock.now - clock
        let millis = Int(elapsed.components.seconds) * 1_000 + Int(elapsed.components.attoseconds / 1_000_000_000_000_000)
        let text = String(decoding: try JSONEncoder().encode(document), as: UTF8.self)
        try await app.write { db in
            guard let sql = db as? any SQLDatabase else { return }
            try await sql.insert(into: StatisticsSnapshot.schema).columns("id", "key", "document", "computed_at", "millis")
                .values(SQLBind(UUID()), SQLBind(key), SQLBind(text), SQLBind(started), SQLBind(millis))
                .onConflict(with: ["key"]) {
                    $0.set(excludedValueOf: "document").set(excludedValueOf: "computed_at").set(excludedValueOf: "millis")
                }
                .run()
            // Periods nobody has asked for in a day are not kept: the table holds what is read.
            try await sql.delete(from: StatisticsSnapshot.schema)
                .where("computed_at", .lessThan, SQLBind(started.addingTimeInterval(-keptFor))).run()
        }
        return document
    }

    /// The same units, aid shown or not, period and day read the same document, whoever asks and
    /// however the period is written (this year by default, or its dates).
    static func key(_ query: PeriodQuery, scope: UnitScope, today: CivilDate) throws -> String {
        let units = try scope.unitIDs(within: query.unitId).map { $0.map(\.uuidString).sorted().joined(separator: ",") } ?? "all"
        let (current, _) = try StatisticsService.periods(query, today: today)
        let text = [units, scope.seesAid ? "aid" : "", current.0.description, current.1.description, today.description]
            .joined(separator: "|")
        return Hex.lowercase(SHA256.hash(data: Data(text.utf8)))
    }
}

/// Refreshes running in this process, one per document key.
final class StatisticsRefreshes: @unchecked Sendable {
    /// A kept document that took longer than this to count is not counted again before answering
    /// (`UNIONHALL_STATISTICS_INLINE_MS`, 250 by default).
    let inlineMillis: Int
    private let lock = NIOLock()
    private var running: Set<String> = []
    private let logger: Logger

    init(logger: Logger, inlineMillis: Int = 250) {
        self.logger = logger
        self.inlineMillis = inlineMillis
    }

    func start(_ key: String, _ work: @escaping @Sendable () async throws -> Void) {
        let started = lock.withLock { running.insert(key).inserted }
        guard started else { return }
        Task {
            defer { lock.withLock { _ = running.remove(key) } }
            do { try await work() } catch { logger.error("statistics refresh failed: \(String(reflecting: error))") }
        }
    }
}

extension DatabaseID {
    /// The statistics' own connections to the same database.
    static let figures = DatabaseID(string: "figures")
}

extension Application {
    /// Where statistics are counted: their own connections where the database has them, else the default.
    var figuresDB: any Database {
        guard databases.configuration(for: .figures) != nil else { return db }
        return databases.database(.figures, logger: logger, on: eventLoopGroup.any()) ?? db
    }

    private struct StatisticsRefreshesKey: StorageKey { typealias Value = StatisticsRefreshes }

    /// Set once at start-up, before any request is answered (a missing one only loses the de-duplication).
    var statisticsRefreshes: StatisticsRefreshes {
        get { storage[StatisticsRefreshesKey.self] ?? StatisticsRefreshes(logger: logger) }
        set { storage[StatisticsRefreshesKey.self] = newValue }
    }
}

extension Request {
    private struct StatisticsReadKey: StorageKey { typealias Value = [String: StatisticsDocument] }

    /// The documents this request has read, by key.
    fileprivate var statisticsRead: [String: StatisticsDocument] {
        get { storage[StatisticsReadKey.self] ?? [:] }
        set { storage[StatisticsReadKey.self] = newValue }
    }
}
