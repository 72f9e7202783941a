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

    /// Every template but the field partials, with its path under Views.
    static func templates() throws -> [(String, String)] {
        let files = FileManager.default.enumerator(at: views, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? []
        return try files.filter { $0.pathExtension == "leaf" && !$0.path.contains("/Views/fields/") }.map {
            (String($0.path.dropFirst(views.path.count + 1)), try String(contentsOf: $0, encoding: .utf8))
        }
    }

    static func matches(_ pattern: String, in text: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (0..<match.numberOfRanges).map { Range(match.range(at: $0), in: text).map { String(text[$0]) } ?? "" }
        }
    }

    /// Fields come from `FormField` view models through the partials in `fields/`: no template
    /// writes a field's block, its error, or its invalid and described-by marks itself.
    @Test func noTemplateWiresAFieldByHand() throws {
        let templates = try Self.templates()
        #expect(templates.count > 60)
        for (name, text) in templates {
            #expect(!text.contains(#"<div class="field"#), "\(name) writes a field block by hand")
            #expect(!text.contains(#"class="field-error""#), "\(name) writes a field error by hand")
            #expect(!text.contains("aria-invalid"), "\(name) marks a control invalid by hand")
            #expect(!text.contains("aria-describedby"), "\(name) describes a control by hand")
            #expect(!text.contains(":<option value=\"#(o.value)\""), "\(name) loops over a select's options by hand")
        }
        let forms = templates.filter { $0.1.contains(#"#extend("fields/field")"#) }.map(\.0)
        #expect(forms.count >= 8, "\(forms)")
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

    /// Each kind of control as its partial renders it, refused and with a hint: labelled, marked
    /// invalid, and described by the message and the hint that are on the page.
    @Test func eachControlKindIsWiredOnce() async throws {
        try await TestWorld.run { world in
            let request = Request(application: world.app, on: world.app.eventLoopGroup.next())
            let refused = AppError.invalid("b", "error.required")
            let fields = FormFields(request, error: refused)
            let kinds: [FormField] = [
                fields.input("a", "field.name", "<x>", required: true, hint: "member.idHint", errors: ["b"], ["maxlength": "30"]),
                fields.select(
                    "b", "field.kind", [SelectOption(value: "1", label: "一", selected: true)], empty: "form.none", hint: "member.idHint"),
                fields.textarea("c", "field.note", "text", hint: "member.idHint", errors: ["b"]),
                fields.checks("b", "field.kind", [(name: "x", label: "member.migrant", checked: true)]),
                fields.inline("b", "field.kind", [(name: "y", label: "field.year", value: "1")], hint: "member.idHint", suffix: "%"),
            ]
            for field in kinds {
                let html = String(buffer: try await world.app.view.render("fields/field", ["field": field]).data)
                #expect(html.contains("aria-invalid=\"true\""), "\(field.control): \(html)")
                let described = try #require(Self.matches(#"aria-describedby="([^"]+)""#, in: html).first?[1], "\(field.control): \(html)")
                for id in described.split(separator: " ") {
                    #expect(html.contains(#"id="\#(id)""#), "\(field.control): \(id) is not on the page: \(html)")
                }
                #expect(html.contains(#"class="field-error""#), "\(field.control)")
                if field.control != .checks && field.control != .inline {
                    #expect(
                        html.contains(#"<label for="\#(field.id)""#) && html.contains(#"id="\#(field.id)""#), "\(field.control): \(html)")
                } else {
                    #expect(html.contains("<legend>"), "\(field.control): \(html)")
                }
            }
            let text = String(buffer: try await world.app.view.render("fields/field", ["field": kinds[0]]).data)
            #expect(text.contains(#"value="&lt;x&gt;""#) && text.contains(#"maxlength="30""#) && text.contains("required"))
            let calm = FormFields(request, error: nil).input("a", "field.name", nil)
            let plain = String(buffer: try await world.app.view.render("fields/field", ["field": calm]).data)
            #expect(!plain.contains("aria-invalid") && !plain.contains("aria-describedby") && !plain.contains("field-error"))
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
