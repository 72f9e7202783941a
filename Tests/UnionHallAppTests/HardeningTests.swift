import Fluent
import Foundation
import NIOCore
import Testing
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

@testable import UnionHallApp

/// What an attacker or a careless client sends: nothing ends the process, nothing reaches data
/// outside the caller's need to know.
@Suite struct HardeningTests {
    @Test func listPagesOutsideTheirBoundsAre422AndTheServerLives() async throws {
        try await TestWorld.run { world in
            for query in ["page=9223372036854775807", "page=-9223372036854775808", "page=0", "per=0", "per=201", "page=abc"] {
                let response = try await world.api(.GET, "api/v1/members?\(query)", as: "officerA")
                #expect(response.status == .unprocessableEntity, "\(query)")
                #expect(response.errorField == (query.hasPrefix("page") ? "page" : "per"))
            }
            #expect(try await world.api(.GET, "api/v1/members?page=\(Limits.page)", as: "officerA").status == .ok)
        }
    }

    @Test func moneyAndCountsBeyondTheirBoundsAreRefusedBeforeAnySum() async throws {
        try await TestWorld.run { world in
            let huge = try await world.api(
                .POST, "api/v1/dispute-cases/request", as: "worker",
                body: DisputeRequestInput(type: .wageArrears, employerName: "某建筑公司", claimedFen: .max, summary: "欠薪"))
            #expect(huge.status == .unprocessableEntity)
            #expect(huge.errorField == "claimedFen")
            #expect(try huge.decode(ErrorResponse.self).error.contains("1000000000000"))
            // Any other integer of a body: ±10^9.
            let year = try await world.http.sendRequest(
                .POST, "api/v1/honors", headers: try await Self.json(world, "officerA"),
                body: ByteBuffer(string: #"{"year": 1e300, "title": "modelWorker"}"#))
            #expect(year.status == .unprocessableEntity)
            #expect(year.errorField == "year")
            #expect(try await world.api(.GET, "api/v1/dispute-cases/statistics", as: "officerA").status == .ok)
        }
    }

    @Test func parallelWrongPasswordsAreMostlyNotEvenChecked() async throws {
        try await TestWorld.run { world in
            world.app.current.trustsForwardedFor = true
            // No time passes during the test, so no wait runs out before the last request.
            let instant = Date()
            world.app.current.now = { instant }
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        try await world.api(
                            .POST, "api/v1/auth/token", as: nil, body: Credentials(username: "officerA", password: "wrong-guess"),
                            headers: ["X-Forwarded-For": "203.0.113.9"]
                        ).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .unauthorized }.count <= LoginThrottle.accountFromClient.freeAttempts)
            #expect(statuses.filter { $0 == .tooManyRequests }.count >= 20 - LoginThrottle.accountFromClient.freeAttempts)
            let waiting = try await world.api(
                .POST, "api/v1/auth/token", as: nil, body: Credentials(username: "officerA", password: TestWorld.password),
                headers: ["X-Forwarded-For": "203.0.113.9"])
            #expect(waiting.status == .tooManyRequests)
            #expect(Int(waiting.headers.first(name: .retryAfter) ?? "") ?? 0 >= 1)
            // The account's owner, elsewhere, is not locked out.
            let owner = try await world.api(
                .POST, "api/v1/auth/token", as: nil, body: Credentials(username: "officerA", password: TestWorld.password),
                headers: ["X-Forwarded-For": "198.51.100.7"])
            #expect(owner.status == .created)
        }
    }

    @Test func theWaitEndsAndGrowsWithEachFailure() async throws {
        try await TestWorld.run { world in
            let clock = TestClock()
            world.app.current.now = { clock.now }
            var statuses: [HTTPStatus] = []
            func attempt(_ password: String, after seconds: TimeInterval = 0) async throws {
                clock.advance(by: seconds)
                statuses.append(
                    try await world.api(.POST, "api/v1/auth/token", as: nil, body: Credentials(username: "officerB", password: password))
                        .status)
            }
            for _ in 0..<5 { try await attempt("wrong-guess") }
            try await attempt(TestWorld.password)
            try await attempt("wrong-guess", after: 2)
            try await attempt(TestWorld.password, after: 1.5)
            try await attempt(TestWorld.password, after: 1)
            // A success starts the account's count again.
            try await attempt("wrong-guess")
            #expect(
                statuses == Array(repeating: .unauthorized, count: 5) + [
                    .tooManyRequests, .unauthorized, .tooManyRequests, .created, .unauthorized,
                ])
        }
    }

    @Test func passwordChecksBeyondTheQueueAreRefusedAtOnce() async throws {
        actor Latch {
            var continuation: CheckedContinuation<Void, Never>?
            func wait() async { await withCheckedContinuation { continuation = $0 } }
            func open() { continuation?.resume() }
        }
        let gate = PasswordGate(unknownUserHash: "", permits: 1, maxWaiting: 1)
        let latch = Latch()
        func until(_ condition: @escaping ((running: Int, waiting: Int)) -> Bool) async throws {
            while !condition(await gate.load) { try await Task.sleep(for: .milliseconds(5)) }
        }
        let first = Task { try await gate.run { await latch.wait() } }
        try await until { $0.running == 1 }
        let second = Task { try await gate.run { 2 } }
        try await until { $0.waiting == 1 }
        await #expect(throws: AppError.self) { try await gate.run { 3 } }
        while await latch.continuation == nil { try await Task.sleep(for: .milliseconds(5)) }
        await latch.open()
        try await first.value
        #expect(try await second.value == 2)
        #expect(await gate.load.running == 0)
    }

    @Test func anAdminSetPasswordMustBeReplacedFirst() async throws {
        try await TestWorld.run { world in
            let created = try await world.api(
                .POST, "api/v1/users", as: "admin",
                body: UserInput(username: "newclerk", password: "temporary-2024-pass", role: .officer, unitId: world.countyA))
            #expect(created.status == .created)
            let token = try await world.api(
                .POST, "api/v1/auth/token", as: nil, body: Credentials(username: "newclerk", password: "temporary-2024-pass")
            )
            .decode(TokenOutput.self)
            #expect(token.mustChangePassword)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token.token)
            let blocked = try await world.http.sendRequest(.GET, "api/v1/units", headers: headers)
            #expect(blocked.status == .forbidden)
            #expect(blocked.errorField == "password")
            func change(_ current: String, _ new: String) async throws -> LiveResponse {
                var json = headers
                json.contentType = .json
                return try await world.http.sendRequest(
                    .POST, "api/v1/auth/password", headers: json,
                    body: ByteBuffer(data: try JSONEncoder().encode(PasswordChange(currentPassword: current, newPassword: new))))
            }
            #expect(try await change("not-it", "a-long-fresh-phrase").errorField == "currentPassword")
            #expect(try await change("temporary-2024-pass", "password1234").errorField == "newPassword")
            #expect(try await change("temporary-2024-pass", "short").errorField == "newPassword")
            #expect(try await change("temporary-2024-pass", "a-long-fresh-phrase").status == .noContent)
            #expect(try await world.http.sendRequest(.GET, "api/v1/units", headers: headers).status == .ok)
            let stored = try #require(try await User.query(on: world.app.db).filter(\.$username == "newclerk").first())
            #expect(!stored.mustChangePassword)
            #expect(
                try await world.api(
                    .POST, "api/v1/users", as: "admin",
                    body: UserInput(username: "weakone", password: "123456789012", role: .officer, unitId: world.countyA)
                ).errorField == "password")
        }
    }

    @Test func hardshipIsForAidOfficersInEverySideChannel() async throws {
        try await TestWorld.run { world in
            let member = try #require(try await Member.find(world.memberA, on: world.app.db))
            member.hardship = true
            try await member.save(on: world.app.db)
            try await Audit.record(.update, member, before: ["hardship": "false"], by: .system, on: world.app.db)
            try await AuditEntry(
                at: Date(), actorID: nil, actorName: "system", unitID: world.countyA, entity: HardshipFile.auditEntity,
                entityID: UUID(), action: .create, before: nil, after: nil
            ).create(on: world.app.db)

            #expect(try await world.api(.GET, "api/v1/members?hardship=true", as: "officerA").status == .forbidden)
            let shown = try await world.api(.GET, "api/v1/members/\(world.memberA)", as: "officerA")
            #expect(!shown.body.string.contains("\"hardship\""))
            let audit = try await world.api(.GET, "api/v1/audit-entries?per=200", as: "officerA").decode(Page<AuditEntryOutput>.self)
            #expect(!audit.items.contains { $0.entity == HardshipFile.auditEntity })
            #expect(!audit.items.contains { ($0.before ?? [:])["hardship"] != nil || ($0.after ?? [:])["hardship"] != nil })

            try await User.query(on: world.app.db).filter(\.$username == "officera").set(\.$handlesAid, to: true).update()
            #expect(
                try await world.api(.GET, "api/v1/members?hardship=true", as: "officerA").decode(Page<MemberOutput>.self).items.map(\.id)
                    == [world.memberA])
            let seen = try await world.api(.GET, "api/v1/audit-entries?per=200", as: "officerA").decode(Page<AuditEntryOutput>.self)
            #expect(seen.items.contains { $0.entity == HardshipFile.auditEntity })
        }
    }

    @Test func uniqueNumbersHeldOutsideTheScopeAreNoOracle() async throws {
        try await TestWorld.run { world in
            func register(as user: String, unit: UUID) async throws -> LiveResponse {
                try await world.api(
                    .POST, "api/v1/members", as: user,
                    body: MemberInput(
                        name: "重复者", idNumber: TestWorld.idA, mobile: "13900001111", unitId: unit, trade: "电力电缆工", skillLevel: 2))
            }
            let inside = try await register(as: "officerA", unit: world.countyA)
            let outside = try await register(as: "officerB", unit: world.countyB)
            #expect(inside.status == .conflict && outside.status == .conflict)
            let insideText = try inside.decode(ErrorResponse.self).error
            let outsideText = try outside.decode(ErrorResponse.self).error
            #expect(insideText != outsideText)
            #expect(!outsideText.contains("梁东平") && !outsideText.contains("西峰"))
            #expect(outsideText == world.app.localizer.text("error.unavailable", .zhHans))
        }
    }

    @Test func redirectsStayOnThisSite() {
        for hostile in [
            "/\t/evil.example", "//evil.example", "/\\evil.example", "https://evil.example", "/\n/evil.example", "evil", "/\u{3000}/x",
        ] {
            #expect(LoginPages.safeNext(hostile) == "/", "\(hostile.debugDescription)")
        }
        #expect(LoginPages.safeNext("/members?q=%E5%AD%A6&page=2") == "/members?q=%E5%AD%A6&page=2")
    }

    @Test func brokenMultipartIsTheClientsFault() async throws {
        try await TestWorld.run { world in
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: try await world.token("officerA"))
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=xyz")
            for body in ["", "--xyz\r\n", "garbage"] {
                let response = try await world.http.sendRequest(
                    .POST, "api/v1/innovation-items/import", headers: headers, body: ByteBuffer(string: body))
                #expect(response.status.code >= 400 && response.status.code < 500, "\(body.debugDescription): \(response.status)")
            }
            #expect(try await world.api(.GET, "api/v1/units", as: "officerA").status == .ok)
        }
    }

    @Test func multipartBodiesAreReadInPlace() throws {
        let body =
            "preamble\r\n--b0\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntoken-1\r\n"
            + "--b0\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n标题\r\n--b0x,1\r\n"
            + "--b0--\r\n"
        let form = try MultipartForm.parse(ByteBuffer(string: body), boundary: "b0")
        #expect(form.fields["_csrf"] == "token-1")
        #expect(try String(buffer: form.file()) == "标题\r\n--b0x,1")
        #expect(throws: AppError.self) { try MultipartForm().file() }
        for broken in ["", "--b0", "--b0\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nno end", "--b0xx"] {
            #expect(throws: AppError.self, "\(broken.debugDescription)") {
                try MultipartForm.parse(ByteBuffer(string: broken), boundary: "b0")
            }
        }
    }

    @Test func certificateNumbersAreLongAndCannotBeTriedInBulk() async throws {
        var generator = SystemRandomNumberGenerator()
        let number = CertificateNumber.make(year: 2024, using: &generator)
        #expect(number.count == 22 && CertificateNumber.isWellFormed(number))
        #expect(CertificateNumber.make(year: 2024, using: &generator) != number)
        try await TestWorld.run { world in
            var statuses: [HTTPStatus] = []
            // Past the free attempts each miss doubles the wait (1 s, 2 s, 4 s …): on a loaded machine
            // a request may take longer than the first waits, so a few more are tried.
            for index in 0..<(LoginThrottle.certificateCheck.freeAttempts + 8) where statuses.last != .tooManyRequests {
                statuses.append(
                    try await world.api(.GET, "api/v1/certificates/JS2024-AAAA-BBBB-CCC\(index % 10)\(index / 10)", as: nil).status)
            }
            #expect(statuses.prefix(LoginThrottle.certificateCheck.freeAttempts).allSatisfy { $0 == .notFound })
            #expect(statuses.last == .tooManyRequests)
        }
    }

    @Test func theDocumentIsServedFromOneEncodingAndListsShapeStatuses() async throws {
        try await TestWorld.run { world in
            let first = try await world.http.sendRequest(.GET, "api/v1/openapi.json")
            let second = try await world.http.sendRequest(.GET, "api/v1/openapi.json")
            #expect(first.body == second.body)
            #expect(first.headers.first(name: .cacheControl)?.contains("max-age") == true)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(first.body.readableBytesView)) as? [String: Any])
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            for (path, item) in paths {
                for (method, value) in item {
                    guard let operation = value as? [String: Any], let responses = operation["responses"] as? [String: Any] else {
                        continue
                    }
                    if operation["requestBody"] != nil {
                        for code in ["400", "413", "415", "422"] { #expect(responses[code] != nil, "\(method) \(path) \(code)") }
                    }
                    if path.contains("{") { #expect(responses["404"] != nil, "\(method) \(path) 404") }
                }
            }
        }
    }

    private static func json(_ world: TestWorld, _ user: String) async throws -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: try await world.token(user))
        headers.contentType = .json
        return headers
    }
}
