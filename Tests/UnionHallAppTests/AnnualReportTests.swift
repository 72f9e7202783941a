import Foundation
import OpenAPIKit30
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing
@testable import UnionHallApp
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting
import ZIPFoundation

/// The annual work report: its figures are the statistics document's, each linked to its list;
/// it downloads as a .docx that opens and holds them, and as the reporting table.
@Suite struct AnnualReportTests {
    static func report(_ world: TestWorld, _ query: String, as user: String) async throws -> AnnualReport {
        let response = try await world.api(.GET, "api/v1/reports/annual?\(query)", as: user)
        #expect(response.status == .ok, "\(response.body.string)")
        return try JSONDecoder().decode(AnnualReport.self, from: Data(response.body.readableBytesView))
    }

    /// The text of a .docx's body, after checking that every part is well-formed XML.
    static func documentText(_ bytes: Data) throws -> String {
        let archive = try Archive(data: bytes, accessMode: .read)
        var document = ""
        for entry in archive where entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels") {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            let parser = XMLParser(data: data)
            #expect(parser.parse(), "\(entry.path) does not parse")
            if entry.path == "word/document.xml" { document = String(decoding: data, as: UTF8.self) }
        }
        return document
    }

    @Test func theReportTellsTheYearFromTheRecords() async throws {
        try await TestWorld.run { world in
            try await StatisticsTests.honor(world, member: world.memberA, year: 2024)
            try await StatisticsTests.honor(world, member: world.memberB, year: 2024)
            try await StatisticsTests.honor(world, member: world.memberA, year: 2023)
            let report = try await Self.report(world, "year=2024", as: "city")
            #expect(report.year == 2024 && report.title.contains("2024"))
            let statistics = try await StatisticsTests.document(world, "from=2024-01-01&to=2024-12-31", as: "city")
            let honors = try #require(report.sections.first { $0.key == "honors" }?.figures.first)
            #expect(honors.definition == "honors.conferred")
            #expect(honors.value == "2" && honors.previous == "1" && honors.change == "+100.0 %")
            #expect(statistics.modules["honors"]?.current.value(at: "conferred") == .integer(2))
            #expect(honors.href.hasSuffix("/honors?from=2024-01-01&to=2024-12-31"))
            // Every figure of the report is the statistics document's.
            for section in report.sections {
                for figure in section.figures {
                    let path = figure.definition.split(separator: ".", maxSplits: 1).map(String.init)
                    let value = statistics.modules[path[0]]?.current.value(at: path[1])?.integer
                    #expect(value != nil, "\(figure.definition)")
                }
            }
            #expect(!report.sections.contains { $0.key == "aid" })

            // The .docx opens, and holds the figures as links to their lists.
            let docx = try await world.api(.GET, "api/v1/reports/annual?year=2024&format=docx", as: "city")
            #expect(docx.status == .ok && docx.headers.contentType?.subType.contains("wordprocessingml") == true)
            let text = try Self.documentText(Data(docx.body.readableBytesView))
            #expect(text.contains(report.title) && text.contains("获得荣誉") && text.contains(">2</w:t>"))
            // The reporting table: every figure, its definition and its link.
            let xlsx = try await world.api(.GET, "api/v1/reports/annual?year=2024&format=xlsx", as: "city")
            #expect(xlsx.status == .ok)
            let table = try SpreadsheetReader.read(Array(xlsx.body.readableBytesView))
            let row = try #require(table.rows.first { $0.contains("honors.conferred") })
            #expect(row.contains("2") && row.contains("1") && row.contains { $0.hasSuffix("/honors?from=2024-01-01&to=2024-12-31") })
        }
    }

    @Test func officersAddTheirOwnWordsAndTheFiguresStayComputed() async throws {
        try await TestWorld.run { world in
            try await StatisticsTests.honor(world, member: world.memberA, year: 2024)
            var city = try await Browser.signedIn(world, as: "city")
            let page = try await city.get("/reports/annual?year=2024")
            #expect(page.status == .ok && page.body.string.contains("获得荣誉"))
            let csrf = Browser.csrf(in: page)
            let download = try await city.post(
                "/reports/annual",
                form: [
                    "_csrf": csrf, "year": "2024", "unitId": "", "format": "docx",
                    "paragraphs[introduction]": "一年来，全市工会围绕中心、服务大局。",
                    "paragraphs[honors]": "劳模精神代代相传。",
                ])
            #expect(download.status == .ok)
            let text = try Self.documentText(Data(download.body.readableBytesView))
            #expect(text.contains("一年来，全市工会围绕中心、服务大局。") && text.contains("劳模精神代代相传。"))
            // Words go only where a section is; a figure cannot be typed over.
            let typedOver = try await city.post(
                "/reports/annual", form: ["_csrf": csrf, "year": "2024", "format": "docx", "paragraphs[honors.value]": "999"])
            #expect(typedOver.status == .unprocessableEntity)
            // Words too long for their box come back in it as typed, with the field named: nothing is lost.
            let tooLong = String(repeating: "劳模精神", count: 1_001)
            let fields = ["_csrf": csrf, "year": "2024", "format": "docx", "paragraphs[introduction]": "引言"]
            let refused = try await city.post("/reports/annual", form: fields.merging(["paragraphs[honors]": tooLong]) { $1 })
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(#"class="form-error"#) && refused.body.string.contains(tooLong))
            #expect(refused.body.string.contains(">引言</textarea>"))

            // The same through the API, in every format; the figures stay the records'.
            let posted = try await world.api(
                .POST, "api/v1/reports/annual", as: "city",
                body: AnnualReportRequest(year: 2024, paragraphs: ["honors": "  劳模精神代代相传。 ", "introduction": ""]))
            #expect(posted.status == .ok, "\(posted.body.string)")
            let report = try JSONDecoder().decode(AnnualReport.self, from: Data(posted.body.readableBytesView))
            let honors = try #require(report.sections.first { $0.key == "honors" })
            #expect(honors.paragraph == "劳模精神代代相传。" && honors.figures.first?.value == "1" && report.introduction == nil)
            let docx = try await world.api(
                .POST, "api/v1/reports/annual", as: "city",
                body: AnnualReportRequest(year: 2024, format: .docx, paragraphs: ["honors": "劳模精神代代相传。"]))
            #expect(try Self.documentText(Data(docx.body.readableBytesView)).contains("劳模精神代代相传。"))
            let unknown = try await world.api(
                .POST, "api/v1/reports/annual", as: "city", body: AnnualReportRequest(year: 2024, paragraphs: ["aid": "助学"]))
            #expect(unknown.status == .unprocessableEntity && unknown.errorField == "paragraphs.aid")
            let long = try await world.api(
                .POST, "api/v1/reports/annual", as: "city",
                body: AnnualReportRequest(year: 2024, paragraphs: ["honors": String(repeating: "字", count: 4_001)]))
            #expect(long.status == .unprocessableEntity && long.errorField == "paragraphs.honors")
            // Another county's report is not found, as by the query (and the document says so).
            let elsewhere = try await world.api(
                .POST, "api/v1/reports/annual", as: "officerA", body: AnnualReportRequest(unitId: world.countyB, year: 2024))
            #expect(elsewhere.status == .notFound)
            let item = OpenAPIDocument.document.paths.first { $0.key.rawValue.hasSuffix("/reports/annual") }?.value.pathItemValue
            #expect(item?.post?.responses.keys.map(\.rawValue).contains("404") == true)
            // A year typed wrong on the page is named, and last year's report is shown instead of an error page.
            let typo = try await city.get("/reports/annual?year=20x4")
            #expect(typo.status == .ok && typo.body.string.contains(#"class="form-error"#) && typo.body.string.contains("获得荣誉"))
            // The download is audited as what it is.
            let entries = try await AuditEntry.query(on: world.app.db).all().filter { $0.entity == "annualReport" }
            #expect(entries.map { Audit.decode($0.after)["format"] } == ["docx", "docx"])
            // Without the form's token nothing is written.
            #expect(try await city.post("/reports/annual", form: ["year": "2024", "format": "docx"]).status == .forbidden)
        }
    }

    @Test func scopeAndBounds() async throws {
        try await TestWorld.run { world in
            #expect(try await world.api(.GET, "api/v1/reports/annual?unitId=\(world.countyB)", as: "officerA").status == .notFound)
            #expect(try await world.api(.GET, "api/v1/reports/annual", as: "worker").status == .forbidden)
            #expect(try await world.api(.GET, "api/v1/reports/annual?year=0", as: "city").status == .unprocessableEntity)
            #expect(try await world.api(.GET, "api/v1/reports/annual?year=99999999999999999999", as: "city").status == .badRequest)
            let admin = try await Self.report(world, "year=2024", as: "admin")
            #expect(admin.sections.contains { $0.key == "aid" })
            let html = try await world.api(.GET, "api/v1/reports/annual?year=2024&format=html", as: "city")
            #expect(html.status == .ok && html.body.string.contains("工作报告"))
        }
    }
}
