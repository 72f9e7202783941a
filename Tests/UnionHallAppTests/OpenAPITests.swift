import Foundation
import OpenAPIKit30
import Testing
@testable import UnionHallPlatform
import Vapor

@testable import UnionHallApp

@Suite struct OpenAPITests {
    /// Every API route the app registers is in the document, with its method.
    @Test func documentsEveryRoute() async throws {
        try await TestWorld.run { world in
            let document = OpenAPIDocument.document
            for route in world.app.routes.all where route.path.first?.description == "api" {
                let path =
                    "/"
                    + route.path.map { component -> String in
                        if case .parameter(let name) = component { return "{\(name)}" }
                        return component.description
                    }.joined(separator: "/")
                let item = try #require(document.paths[OpenAPI.Path(rawValue: path)]?.pathItemValue, "\(path) is not documented")
                let method = OpenAPI.BuiltinHttpMethod(rawValue: route.method.rawValue)
                #expect(method.flatMap { item.for($0) } != nil, "\(route.method) \(path) is not documented")
            }
            #expect(try document.validate().isEmpty)
        }
    }

    /// The documented paths all exist: nothing documented that the app does not serve.
    @Test func documentsNothingExtra() async throws {
        try await TestWorld.run { world in
            let served = Set(
                world.app.routes.all.map { route in
                    "/"
                        + route.path.map { component -> String in
                            if case .parameter(let name) = component { return "{\(name)}" }
                            return component.description
                        }.joined(separator: "/")
                })
            for path in OpenAPIDocument.document.paths.keys {
                #expect(served.contains(path.rawValue), "\(path.rawValue) is documented but not served")
            }
        }
    }

    /// Real responses carry exactly the properties their schemas name.
    @Test(arguments: [
        ("api/v1/members/{member}", "Member"), ("api/v1/units/{unit}", "Unit"), ("api/v1/organizations/{org}", "Organization"),
        ("api/v1/audit-entries", "AuditEntry"),
    ])
    func responsesMatchTheirSchemas(_ template: String, _ schemaName: String) async throws {
        try await TestWorld.run { world in
            _ = try await world.api(.PATCH, "api/v1/members/\(world.memberA)", as: "admin", body: MemberInput(name: "梁东平", version: 1))
            let path = template.replacingOccurrences(of: "{member}", with: world.memberA.uuidString)
                .replacingOccurrences(of: "{unit}", with: world.countyA.uuidString)
                .replacingOccurrences(of: "{org}", with: world.employerA.uuidString)
            let response = try await world.api(.GET, path, as: "admin")
            #expect(response.status == .ok)
            var object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            if let items = object["items"] as? [[String: Any]] { object = try #require(items.first) }
            let schema = try #require(OpenAPIDocument.document.components.schemas[.init(stringLiteral: schemaName)])
            let properties = try #require(schema.objectContext?.properties)
            let documented = Set(properties.keys)
            let required = Set(properties.filter { $0.value.required && !$0.value.nullable }.map(\.key))
            let actual = Set(object.keys)
            #expect(actual.isSubset(of: documented), "undocumented: \(actual.subtracting(documented))")
            #expect(required.isSubset(of: actual), "missing: \(required.subtracting(actual))")
        }
    }

    /// The skills routes answer with exactly the properties their schemas name.
    @Test func skillsResponsesMatchTheirSchemas() async throws {
        try await TestWorld.run { world in
            let setup = try await CompetitionTests.setUp(world)
            let program = try await TrainingTests.orderClass(world)
            _ = try await world.api(
                .POST, "api/v1/training-programs/\(program.id)/sessions", as: "officerA",
                body: TrainingSessionInput(date: "2024-03-05", place: "实训楼"))
            _ = try await world.api(
                .POST, "api/v1/training-programs/\(program.id)/enrolments", as: "officerA", body: EnrolmentInput(memberId: world.memberA))
            let certification = try await world.api(
                .POST, "api/v1/certifications", as: "officerA",
                body: CertificationInput(
                    memberId: world.memberA, trade: "钻井工", level: 1, date: "2024-01-05", certificateNumber: "N1",
                    issuingBody: "鉴定中心")
            ).decode(CertificationOutput.self)
            let checks: [(String, String)] = [
                ("api/v1/competitions/\(setup.competition.id)", "Competition"), (setup.path, "CompetitionEvent"),
                ("\(setup.path)/entries", "CompetitionEntry"),
                ("api/v1/training-programs/\(program.id)", "TrainingProgram"),
                ("api/v1/training-programs/\(program.id)/sessions", "TrainingSession"),
                ("api/v1/training-programs/\(program.id)/enrolments", "Enrolment"),
                ("api/v1/certifications/\(certification.id)", "Certification"),
                ("api/v1/certifications/statistics", "TalentStatistics"), ("api/v1/competitions/statistics", "CompetitionStatistics"),
                ("api/v1/training-programs/statistics", "TrainingStatistics"),
            ]
            try await Self.match(checks, in: world)
        }
    }

    /// Each path's answer (or its first item) has exactly the documented fields, the required ones present.
    static func match(_ checks: [(String, String)], in world: TestWorld) async throws {
        for (path, schemaName) in checks {
            let response = try await world.api(.GET, path, as: "admin")
            #expect(response.status == .ok, "\(path)")
            let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body))
            let object = try #require((json as? [[String: Any]])?.first ?? (json as? [String: Any]), "\(path)")
            let schema = try #require(OpenAPIDocument.document.components.schemas[.init(stringLiteral: schemaName)])
            let properties = try #require(schema.objectContext?.properties)
            let required = Set(properties.filter { $0.value.required && !$0.value.nullable }.map(\.key))
            #expect(
                Set(object.keys).isSubset(of: Set(properties.keys)),
                "\(schemaName) undocumented: \(Set(object.keys).subtracting(properties.keys))")
            #expect(required.isSubset(of: Set(object.keys)), "\(schemaName) missing: \(required.subtracting(object.keys))")
        }
    }

    @Test func aidResponsesMatchTheirSchemas() async throws {
        try await TestWorld.run { world in
            _ = AidTests.clock(world, "2024-08-01")
            try await AidTests.handlers(world)
            let file = try await AidTests.verifiedFile(world, member: world.memberA)
            let program = try await AidTests.program(world)
            let app = try await world.api(
                .POST, "api/v1/aid-applications/apply", as: "worker", body: AidTests.application(program, child: AidTests.childA)
            ).decode(AidApplicationOutput.self)
            for _ in 0..<3 {
                _ = try await world.api(
                    .POST, "api/v1/aid-applications/\(app.id)/approve", as: "admin",
                    body: AidStepInput(version: try await AidApplication.find(app.id, on: world.app.db)?.version))
            }
            let batch = try await world.api(
                .POST, "api/v1/aid-programs/\(program.id)/batches", as: "city", body: AidBatchInput(paidDate: "2024-08-01")
            ).decode(AidBatchOutput.self)
            #expect(batch.count == 1)
            try await Self.match(
                [
                    ("api/v1/hardship-files/\(file.id)", "HardshipFile"), ("api/v1/hardship-files/\(file.id)/events", "AidEvent"),
                    ("api/v1/aid-programs/\(program.id)", "AidProgram"), ("api/v1/aid-programs/\(program.id)/batches", "AidBatch"),
                    ("api/v1/aid-programs/\(program.id)/notice", "AidNoticeLine"), ("api/v1/aid-applications/\(app.id)", "AidApplication"),
                    ("api/v1/aid-applications/\(app.id)/events", "AidEvent"), ("api/v1/aid-applications/statistics", "AidStatistics"),
                ], in: world)
        }
    }

    @Test func servedAsJSON() async throws {
        try await TestWorld.run { world in
            let response = try await world.api(.GET, "api/v1/openapi.json", as: nil)
            #expect(response.status == .ok)
            let decoded = try JSONDecoder().decode(OpenAPI.Document.self, from: Data(buffer: response.body))
            #expect(decoded.paths.count == OpenAPIDocument.document.paths.count)
        }
    }
}
