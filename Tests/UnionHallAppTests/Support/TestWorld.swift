import Fluent
import Foundation
import SQLKit
import UnionHallCore
@testable import UnionHallPlatform
import Vapor
import VaporTesting

@testable import UnionHallApp

/// Tests run against a fresh database each: in-memory SQLite by default, or the PostgreSQL
/// server named by `DATABASE_URL` (one test at a time there, since they share it).
actor DatabaseLock {
    static let shared = DatabaseLock()
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty { busy = false } else { waiters.removeFirst().resume() }
    }
}

var usesPostgres: Bool { Environment.get("DATABASE_URL")?.hasPrefix("postgres") == true }

/// A small union tree with an officer at each county, an admin, a reviewer and a worker account.
///
///     庆阳市总工会 (city)
///     ├── 西峰区总工会 (county A) ── 国网庆阳供电公司工会 (enterprise) ── 电缆班组 (team)
///     └── 环县总工会 (county B)
struct TestWorld: Sendable {
    let app: Application
    let http: LiveServer
    let city: UUID
    let countyA: UUID
    let countyB: UUID
    let enterpriseA: UUID
    let teamA: UUID
    let employerA: UUID
    let employerB: UUID
    let memberA: UUID
    let memberB: UUID

    static let password = "password-1"

    /// Valid numbers used across the tests (checksums computed by GB 11643).
    static let idA = IDNumber.make(region: 621_002, birth: CivilDate(year: 1980, month: 5, day: 17)!, sequence: 123).value
    static let idB = IDNumber.make(region: 621_022, birth: CivilDate(year: 1991, month: 2, day: 3)!, sequence: 246).value

    func token(_ username: String) async throws -> String {
        let user = try await User.query(on: app.db).filter(\.$username == username.lowercased()).first()
        let (token, _) = try await Sessions.start(userID: user?.id, kind: .api, on: app.db, environment: app.current)
        return token
    }

    /// Sends a request as `user` (nil: anonymous) with an optional JSON body.
    func api(_ method: HTTPMethod, _ path: String, as user: String?, body: (any Encodable)? = nil, headers: HTTPHeaders = [:]) async throws
        -> LiveResponse
    {
        var headers = headers
        if let user { headers.bearerAuthorization = BearerAuthorization(token: try await token(user)) }
        var buffer: ByteBuffer?
        if let body {
            headers.contentType = .json
            buffer = ByteBuffer(data: try JSONEncoder().encode(body))
        }
        return try await http.sendRequest(method, path, headers: headers, body: buffer)
    }

    static func run(_ body: (TestWorld) async throws -> Void) async throws {
        if usesPostgres { await DatabaseLock.shared.acquire() }
        do {
            try await runUnlocked(body)
        } catch {
            if usesPostgres { await DatabaseLock.shared.release() }
            throw error
        }
        if usesPostgres { await DatabaseLock.shared.release() }
    }

    /// A file-backed SQLite database instead of one in memory (for backup and concurrency tests).
    static func run(sqliteFile: String?, _ body: (TestWorld) async throws -> Void) async throws {
        guard let sqliteFile, !usesPostgres else { return try await run(body) }
        defer { removeDatabase(sqliteFile) }
        try await runUnlocked(database: .sqlite(path: sqliteFile), body)
    }

    /// A test's SQLite file and its journal, gone once the test is done.
    static func removeDatabase(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// An app on a fresh, migrated database with nothing in it.
    static func runEmpty(_ body: (Application) async throws -> Void) async throws {
        if usesPostgres { await DatabaseLock.shared.acquire() }
        let app = try await Application.make(.testing)
        do {
            try await configure(app, database: defaultDatabase)
            app.statisticsRefreshes = StatisticsRefreshes(logger: app.logger, inlineMillis: testInlineMillis)
            try await resetDatabase(app)
            try await body(app)
        } catch {
            try? await app.asyncShutdown()
            if usesPostgres { await DatabaseLock.shared.release() }
            throw error
        }
        try await app.asyncShutdown()
        if usesPostgres { await DatabaseLock.shared.release() }
    }

    /// A debug build counts a test's few records in well under this: tests see every change at once.
    static let testInlineMillis = 30_000

    static var defaultDatabase: DatabaseChoice {
        usesPostgres ? .fromEnvironment() : .sqlite(path: ":memory:")
    }

    private static func runUnlocked(database: DatabaseChoice = defaultDatabase, _ body: (TestWorld) async throws -> Void) async throws {
        let app = try await Application.make(.testing)
        do {
            try await configure(app, database: database)
            app.statisticsRefreshes = StatisticsRefreshes(logger: app.logger, inlineMillis: testInlineMillis)
            try await resetDatabase(app)
            let world = try await seed(app)
            do {
                try await body(world)
            } catch {
                await world.http.stop()
                throw error
            }
            await world.http.stop()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    static func resetDatabase(_ app: Application) async throws {
        if usesPostgres, let sql = app.db as? any SQLDatabase {
            try await sql.raw("DROP SCHEMA public CASCADE").run()
            try await sql.raw("CREATE SCHEMA public").run()
        }
        try await app.autoMigrate()
    }

    static func seed(_ app: Application) async throws -> TestWorld {
        let db = app.db
        func unit(_ name: String, _ kind: UnitKind, _ parent: UUID?) async throws -> UUID {
            let unit = UnionUnit(name: name, kind: kind, parentID: parent)
            try await unit.create(on: db)
            return try unit.requireID()
        }
        let city = try await unit("庆阳市总工会", .city, nil)
        let countyA = try await unit("西峰区总工会", .county, city)
        let countyB = try await unit("环县总工会", .county, city)
        let enterpriseA = try await unit("国网庆阳供电公司工会", .enterprise, countyA)
        let teamA = try await unit("电缆班组", .team, enterpriseA)
        let codeA = CreditCode.make(body: "91621002MA7000001")?.value
        let employerA = Organization(unitID: enterpriseA, name: "国网庆阳供电公司", kind: .employer, creditCode: codeA)
        try await employerA.create(on: db)
        let codeB = CreditCode.make(body: "91621022MA7000002")?.value
        let employerB = Organization(unitID: countyB, name: "环县甜水镇托育中心", kind: .employer, creditCode: codeB)
        try await employerB.create(on: db)

        func member(_ name: String, _ id: String, _ mobile: String, _ unit: UUID, _ organization: UUID?) async throws -> UUID {
            let draft = MemberDraft(name: name, gender: nil, idNumber: id, mobile: mobile, trade: "电力电缆工", skillLevel: 2)
            let member = Member()
            member.version = 1
            member.apply(try draft.validate().orInvalid(), unitID: unit, organizationID: organization, migrant: false, hardship: false)
            try await member.create(on: db)
            return try member.requireID()
        }
        let memberA = try await member("梁东平", idA, "13812345678", teamA, employerA.requireID())
        let memberB = try await member("刘倩", idB, "13987654321", countyB, employerB.requireID())

        // Seeded rows bypass MemberService, so the per-unit counts are rebuilt as the demo does.
        try await MembershipBackfill.run(on: db)
        try await MemberCounts.recount(on: db)
        let hash = try app.password.hash(password)
        for (username, role, unitID, memberID) in [
            ("admin", Role.admin, nil, nil), ("city", .officer, city, nil), ("officerA", .officer, countyA, nil),
            ("officerB", .officer, countyB, nil), ("expert", .reviewer, city, nil), ("worker", .member, teamA, memberA),
        ] as [(String, Role, UUID?, UUID?)] {
            try await User(
                username: username.lowercased(), passwordHash: hash, displayName: username, role: role, unitID: unitID, memberID: memberID
            ).create(on: db)
        }
        return TestWorld(
            app: app, http: try await LiveServer.start(app),
            city: city, countyA: countyA, countyB: countyB, enterpriseA: enterpriseA, teamA: teamA,
            employerA: try employerA.requireID(), employerB: try employerB.requireID(), memberA: memberA, memberB: memberB)
    }
}

/// The `{"error", "field"}` body every API error carries.
struct ErrorResponse: Decodable {
    var error: String
    var field: String?
}

struct Page<Item: Decodable>: Decodable {
    struct Metadata: Decodable {
        var page: Int
        var per: Int
        var total: Int
    }

    var items: [Item]
    var metadata: Metadata
}

extension LiveResponse {
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: Data(buffer: body))
    }

    var errorField: String? { (try? decode(ErrorResponse.self))?.field }
}

extension Member {
    /// A person of the demo's catalogue, by name. Synthetic members may share the name, and neither
    /// database promises an order without one: the catalogue's people have ID sequences below 100.
    static func demoPerson(_ name: String, on db: any Database) async throws -> Member? {
        try await Member.query(on: db).filter(\.$name == name).all().first { Int($0.idNumber.dropFirst(14).prefix(3)) ?? 999 < 100 }
    }
}
