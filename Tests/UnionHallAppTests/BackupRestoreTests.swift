import Fluent
import Foundation
import SQLKit
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import Vapor

@testable import UnionHallApp

/// A backup written while the app serves, restored in place of the database, and served again.
@Suite struct BackupRestoreTests {
    func temporaryFile(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("unionhall-\(UUID().uuidString)-\(name)").path
    }

    /// Serves `database` on a loopback port and answers the members an admin's token lists there.
    func servedMembers(_ database: DatabaseChoice) async throws -> [String] {
        let app = try await Application.make(.testing)
        do {
            try await configure(app, database: database)
            try await app.autoMigrate()
            let admin = try await User.query(on: app.db).filter(\.$username == "admin").first()
            let (token, _) = try await Sessions.start(userID: admin?.id, kind: .api, on: app.db, environment: app.current)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)
            let server = try await LiveServer.start(app)
            let response: LiveResponse
            do {
                response = try await server.sendRequest(.GET, "api/v1/members?sort=name", headers: headers)
            } catch {
                await server.stop()
                throw error
            }
            await server.stop()
            #expect(response.status == .ok)
            let page = try response.decode(ListPage<MemberOutput>.self)
            try await app.asyncShutdown()
            return page.items.map(\.name).sorted()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    func addMember(_ app: Application, _ name: String) async throws {
        let id = IDNumber.make(region: 621_002, birth: CivilDate(year: 1990, month: 3, day: 3)!, sequence: 777)
        let draft = MemberDraft(name: name, gender: nil, idNumber: id.value, mobile: nil, trade: "电力电缆工", skillLevel: 2)
        let member = Member()
        member.version = 1
        let unit = try #require(try await UnionUnit.query(on: app.db).first()?.id)
        member.apply(try draft.validate().orInvalid(), unitID: unit, organizationID: nil, migrant: false, hardship: false)
        try await member.create(on: app.db)
    }

    @Test func aSQLiteBackupIsRestoredInPlaceAndServed() async throws {
        guard !usesPostgres else { return }
        let live = temporaryFile("live.sqlite")
        let backup = temporaryFile("backup.sqlite")
        defer { for path in [backup, backup + ".sha256"] { try? FileManager.default.removeItem(atPath: path) } }
        let app = try await Application.make(.testing)
        try await configure(app, database: .sqlite(path: live))
        defer { TestWorld.removeDatabase(live) }
        do {
            try await TestWorld.resetDatabase(app)
            // The seeded world's server is not needed here.
            await (try await TestWorld.seed(app)).http.stop()
            let report = try await Backup.write(to: backup, from: app)
            #expect(report.contains("integrity ok, 2 members"))
            #expect(try BackupDigest.matches(backup) == true)
            await #expect(throws: Backup.Failure.self) { try await Backup.write(to: backup, from: app) }
            // A change after the backup is what a restore takes back (and keeps aside).
            try await addMember(app, "备份后")
            let restored = try await Restore.run(backup, into: .sqlite(path: live), app: app)
            #expect(restored.contains("2 members") && restored.contains("SHA-256 matches"))
            let kept = try #require(restored.firstRange(of: "kept as ").map { restored[$0.upperBound...].prefix { $0 != " " }.dropLast() })
                .description
            #expect(FileManager.default.fileExists(atPath: kept))
            TestWorld.removeDatabase(kept)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
        #expect(try await servedMembers(.sqlite(path: live)) == ["刘倩", "梁东平"].sorted())
    }

    @Test func aChangedOrForeignFileReplacesNothing() async throws {
        guard !usesPostgres else { return }
        let live = temporaryFile("live.sqlite")
        let backup = temporaryFile("backup.sqlite")
        defer {
            TestWorld.removeDatabase(live)
            for path in [backup, backup + ".sha256"] { try? FileManager.default.removeItem(atPath: path) }
        }
        let app = try await Application.make(.testing)
        try await configure(app, database: .sqlite(path: live))
        do {
            try await TestWorld.resetDatabase(app)
            // The seeded world's server is not needed here.
            await (try await TestWorld.seed(app)).http.stop()
            _ = try await Backup.write(to: backup, from: app)
            // One byte changed after the digest was written.
            let handle = try #require(FileHandle(forUpdatingAtPath: backup))
            try handle.seek(toOffset: 4096)
            try handle.write(contentsOf: Data([0x5A]))
            try handle.close()
            await #expect(throws: Restore.Failure.self) { try await Restore.run(backup, into: .sqlite(path: live), app: app) }
            // Without a digest, SQLite's own check still finds a damaged page, or the copy is whole.
            try FileManager.default.removeItem(atPath: backup + ".sha256")
            let text = temporaryFile("notes.txt")
            try Data("not a backup".utf8).write(to: URL(fileURLWithPath: text))
            defer { try? FileManager.default.removeItem(atPath: text) }
            await #expect(throws: Restore.Failure.self) { try await Restore.run(text, into: .sqlite(path: live), app: app) }
            #expect(try await Member.query(on: app.db).count() == 2)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    @Test func aPostgreSQLDumpIsRestoredIntoADatabaseAndServed() async throws {
        guard usesPostgres, let url = Environment.get("DATABASE_URL") else { return }
        let backup = temporaryFile("backup.dump")
        let target = url.replacingOccurrences(of: "/\(PostgresTools.databaseName(url: url))", with: "/unionhall_restored")
        defer { for path in [backup, backup + ".sha256"] { try? FileManager.default.removeItem(atPath: path) } }
        func dropRestored() throws {
            for name in try PostgresTools.sql("SELECT datname FROM pg_database WHERE datname LIKE 'unionhall_restore%'", url: url) {
                try PostgresTools.sql("DROP DATABASE \(PostgresTools.identifier(name))", url: url)
            }
        }
        try dropRestored()
        try await TestWorld.run { world in
            let report = try await Backup.write(to: backup, from: world.app)
            #expect(report.contains("PostgreSQL dump"))
            // Restored twice: into a new database, then over it (the first is kept aside).
            let first = try await Restore.run(backup, into: .postgres(url: target), app: world.app)
            #expect(first.contains("2 members"))
            try await addMember(world.app, "备份后")
            let second = try await Restore.run(backup, into: .postgres(url: target), app: world.app)
            #expect(second.contains("kept as unionhall_restored_before_restore_"))
        }
        #expect(try await servedMembers(.postgres(url: target)) == ["刘倩", "梁东平"].sorted())
        try dropRestored()
    }
}
