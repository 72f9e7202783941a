import Foundation
import Testing
@testable import UnionHallApp
import UnionHallCore
@testable import UnionHallPlatform
import VaporTesting

/// Every form's fields are wired to their label, hint and error the one way.
@Suite struct FormFieldsTests {
    static let views = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Resources/Views")

    static func templates() throws -> [(String, String)] {
        let files = FileManager.default.enumerator(at: views, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? []
        return try files.filter { $0.pathExtension == "leaf" }.map { ($0.lastPathComponent, try String(contentsOf: $0, encoding: .utf8)) }
    }

    static func matches(_ pattern: String, in text: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (0..<match.numberOfRanges).map { Range(match.range(at: $0), in: text).map { String(text[$0]) } ?? "" }
        }
    }

    @Test func noTemplateWiresAnErrorByHand() throws {
        for (name, text) in try Self.templates() {
            #expect(!text.contains(#"class="field-error""#), "\(name) writes a field error by hand")
            #expect(!text.contains(#"aria-invalid="true""#), "\(name) marks a control invalid by hand")
            #expect(!text.contains(":<option value=\"#(o.value)\""), "\(name) loops over a select's options by hand")
            for block in Self.matches(#"<(div|fieldset) class="field[^"]*#if\(error\.field[^"]*">(.*?)</\1>"#, in: text) {
                #expect(block[2].contains("#control("), "\(name): a field without #control: \(block[0].prefix(120))")
                #expect(block[2].contains("#fieldError("), "\(name): a field without #fieldError: \(block[0].prefix(120))")
            }
        }
    }

    @Test func everyControlHasALabel() throws {
        for (name, text) in try Self.templates() {
            for control in Self.matches(#"<(input|select|textarea)\b([^>]*)>"#, in: text) {
                let attributes = control[2]
                if attributes.contains(#"type="hidden""#) || attributes.contains(#"type="submit""#) || attributes.contains("aria-label") {
                    continue
                }
                let start = text.range(of: control[0])!.lowerBound
                let before = text[..<start]
                let insideLabel =
                    (before.range(of: "<label", options: .backwards)?.lowerBound ?? before.startIndex)
                    > (before.range(of: "</label>", options: .backwards)?.lowerBound ?? before.startIndex)
                let id = Self.matches(#"\bid="([^"]+)""#, in: attributes).first?[1]
                let labelled = id.map { text.contains(#"for="\#($0)""#) } ?? false
                #expect(insideLabel || labelled, "\(name): \(control[0].prefix(100)) has no label")
            }
        }
    }

    /// A form sent empty comes back with the refused field marked and described by its message.
    @Test func anEmptyFormPointsAtTheFieldToCorrect() async throws {
        try await TestWorld.run { world in
            var browser = try await Browser.signedIn(world, as: "admin")
            for route in Features.all.flatMap(\.forms).map({ $0.routeName }) {
                let form = try await browser.get("/\(route)/new" + (route == "honors" ? "?memberId=\(world.memberA)" : ""))
                #expect(form.status == .ok, "\(route)/new: \(form.status)")
                // What a browser sends for a form left empty: its hidden fields.
                var fields: [String: String] = [:]
                for hidden in Self.matches(#"<input type="hidden" name="([^"]+)" value="([^"]*)""#, in: form.body.string) {
                    fields[hidden[1]] = hidden[2]
                }
                let page = try await browser.post("/\(route)", form: fields)
                #expect(page.status == .unprocessableEntity, "\(route): \(page.status)")
                let html = page.body.string
                let marked = Self.matches(#"aria-invalid="true" autofocus aria-describedby="([^" ]+)"#, in: html)
                #expect(
                    marked.count >= 1,
                    "\(route): no control marked invalid: \(Self.matches(#"class="form-error"[^>]*>([^<]*)"#, in: html).first?[1] ?? "")")
                for described in marked {
                    #expect(html.contains(#"<p class="field-error" id="\#(described[1])">"#), "\(route): \(described[1]) not on the page")
                }
            }
        }
    }
}
