import Fluent
import Foundation
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

@Suite struct AuthTests {
    @Test func tokenForGoodCredentialsOnly() async throws {
        try await TestWorld.run { world in
            let good = try await world.api(
                .POST, "api/v1/auth/token", as: nil, body: Credentials(username: "officerA", password: TestWorld.password))
            #expect(good.status == .created)
            let token = try good.decode(TokenOutput.self).token
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)
            #expect(try await world.http.sendRequest(.GET, "api/v1/members", headers: headers).status == .ok)
            // Only the hash is stored.
            #expect(try await AuthSession.query(on: world.app.db).filter(\.$tokenHash == token).count() == 0)

            let bad = try await world.api(.POST, "api/v1/auth/token", as: nil, body: Credentials(username: "officerA", password: "wrong"))
            #expect(bad.status == .unauthorized)
            var forged = HTTPHeaders()
            forged.bearerAuthorization = BearerAuthorization(token: "forged")
            #expect(try await world.http.sendRequest(.GET, "api/v1/members", headers: forged).status == .unauthorized)
        }
    }

    @Test func repeatedFailuresAreThrottled() async throws {
        try await TestWorld.run { world in
            // No time passes, so the wait after the fifth failure cannot run out during the test.
            let instant = Date()
            world.app.current.now = { instant }
            for _ in 0..<5 {
                let response = try await world.api(
                    .POST, "api/v1/auth/token", as: nil, body: Credentials(username: "officerA", password: "wrong"))
                #expect(response.status == .unauthorized)
            }
            let throttled = try await world.api(
                .POST, "api/v1/auth/token", as: nil, body: Credentials(username: "officerA", password: TestWorld.password))
            #expect(throttled.status == .tooManyRequests)
            // Another account is not affected.
            let other = try await world.api(
                .POST, "api/v1/auth/token", as: nil, body: Credentials(username: "officerB", password: TestWorld.password))
            #expect(other.status == .created)
        }
    }

    @Test func idleSessionsExpireAndAreSwept() async throws {
        try await TestWorld.run { world in
            let clock = TestClock()
            world.app.current.now = { clock.now }
            let token = try await world.token("officerA")
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)
            #expect(try await world.http.sendRequest(.GET, "api/v1/units", headers: headers).status == .ok)
            clock.advance(by: 31 * 60)
            #expect(try await world.http.sendRequest(.GET, "api/v1/units", headers: headers).status == .unauthorized)
            _ = try await world.token("officerB")
            clock.advance(by: 13 * 3600)
            try await Sessions.sweep(on: world.app.db, environment: world.app.current)
            #expect(try await AuthSession.query(on: world.app.db).count() == 0)
        }
    }

    @Test func usersAreTheAdminsToCreate() async throws {
        try await TestWorld.run { world in
            let input = UserInput(
                username: "newofficer", password: "long-enough-phrase", displayName: "新干部", role: .officer, unitId: world.countyA)
            #expect(try await world.api(.POST, "api/v1/users", as: "officerA", body: input).status == .forbidden)
            let created = try await world.api(.POST, "api/v1/users", as: "admin", body: input)
            #expect(created.status == .created)
            #expect(try created.decode(UserOutput.self).role == .officer)
            let stored = try await User.query(on: world.app.db).filter(\.$username == "newofficer").first()
            #expect(stored?.passwordHash.hasPrefix("$2") == true)
            #expect(try await world.api(.POST, "api/v1/users", as: "admin", body: input).status == .conflict)
            var short = input
            short.username = "another"
            short.password = "short"
            let weak = try await world.api(.POST, "api/v1/users", as: "admin", body: short)
            #expect(weak.status == .unprocessableEntity)
            #expect(weak.errorField == "password")
            let list = try await world.api(.GET, "api/v1/users", as: "admin").decode(Page<UserOutput>.self)
            #expect(list.metadata.total == 7)
            #expect(try await world.api(.GET, "api/v1/users", as: "officerA").status == .forbidden)
        }
    }

    @Test func theAdminChangesDisablesAndResetsAccounts() async throws {
        try await TestWorld.run { world in
            let officer = try #require(try await User.query(on: world.app.db).filter(\.$username == "officera").first())
            let id = try officer.requireID()
            let token = try await world.token("officerA")
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)
            #expect(
                try await world.api(.PATCH, "api/v1/users/\(id)", as: "officerB", body: UserUpdate(active: false, version: 1)).status
                    == .forbidden)
            let moved = try await world.api(
                .PATCH, "api/v1/users/\(id)", as: "admin", body: UserUpdate(displayName: "西峰干部", unitId: world.countyB, version: 1))
            #expect(try moved.decode(UserOutput.self).unitId == world.countyB)
            #expect(try await world.http.sendRequest(.GET, "api/v1/units", headers: headers).status == .ok)
            let stale = try await world.api(.PATCH, "api/v1/users/\(id)", as: "admin", body: UserUpdate(active: false, version: 1))
            #expect(stale.status == .conflict)
            let disabled = try await world.api(.PATCH, "api/v1/users/\(id)", as: "admin", body: UserUpdate(active: false, version: 2))
            #expect(try disabled.decode(UserOutput.self).active == false)
            // Disabling ends the account's sessions and its sign-ins.
            #expect(try await world.http.sendRequest(.GET, "api/v1/units", headers: headers).status == .unauthorized)
            #expect(
                try await world.api(
                    .POST, "api/v1/auth/token", as: nil, body: Credentials(username: "officerA", password: TestWorld.password)
                ).status == .unauthorized)
            _ = try await world.api(
                .PATCH, "api/v1/users/\(id)", as: "admin", body: UserUpdate(active: true, password: "new-password-2", version: 3))
            #expect(
                try await world.api(
                    .POST, "api/v1/auth/token", as: nil, body: Credentials(username: "officerA", password: "new-password-2")
                ).status == .created)
            let admin = try #require(try await User.query(on: world.app.db).filter(\.$username == "admin").first())
            let lockout = try await world.api(
                .PATCH, "api/v1/users/\(try admin.requireID())", as: "admin", body: UserUpdate(role: .officer, version: 1))
            #expect(lockout.errorField == "role")
            var browser = try await Browser.signedIn(world, as: "admin")
            let list = try await browser.get("/users")
            #expect(list.body.string.contains("/users/\(id)/edit"))
            let form = try await browser.get("/users/\(id)/edit")
            #expect(form.status == .ok)
            let saved = try await browser.post(
                "/users/\(id)",
                form: [
                    "_csrf": Browser.csrf(in: form), "displayName": "西峰区干部", "role": "officer",
                    "unitId": world.countyA.uuidString, "active": "on", "password": "",
                    "version": Browser.field("version", in: form.body.string) ?? "",
                ])
            #expect(saved.status == .seeOther)
            #expect(try await User.find(id, on: world.app.db)?.displayName == "西峰区干部")
        }
    }

    @Test func securityHeadersOnEveryResponse() async throws {
        try await TestWorld.run { world in
            let response = try await world.http.sendRequest(.GET, "login")
            #expect(response.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
            #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
            let cookie = try #require(response.headers.first(name: .setCookie))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
        }
    }

    @Test func oversizedBodyIs413() async throws {
        try await TestWorld.run { world in
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: try await world.token("officerA"))
            headers.contentType = .json
            let body = ByteBuffer(string: "{\"name\": \"" + String(repeating: "a", count: 2_000_000) + "\"}")
            let response = try await world.http.sendRequest(.POST, "api/v1/members", headers: headers, body: body)
            #expect(response.status == .payloadTooLarge)
        }
    }
}

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date()

    var now: Date { lock.withLock { current } }

    func set(_ date: CivilDate) {
        lock.withLock { current = date.startOfDay.addingTimeInterval(10 * 3600) }
    }

    func advance(by seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }
}
