import LeafKit
import Vapor

/// A form's fields are wired to their error and hint in one place. A field's control carries
/// `#control("name")` and the field ends with `#fieldError("name")`: when the page's `error` names
/// the field (or any of several names given), the control is marked invalid and described by the
/// message, which appears below it. A name ending in `-hint` is the id of the field's hint.
package enum FieldTags {
    package static func fields(_ ctx: LeafContext) -> (names: [String], hint: String?) {
        let parameters = ctx.parameters.compactMap(\.string)
        return (parameters.filter { !$0.hasSuffix("-hint") }, parameters.first { $0.hasSuffix("-hint") })
    }

    /// The page's error when it names one of the fields.
    package static func error(_ ctx: LeafContext, names: [String]) -> String? {
        guard let error = ctx.data["error"]?.dictionary, let field = error["field"]?.string, names.contains(field) else { return nil }
        return error["message"]?.string ?? ""
    }
}

/// `#control("title")` inside a control's tag: ` aria-invalid="true" autofocus aria-describedby="title-error"`
/// when invalid, so the person lands on what to correct.
package struct ControlTag: UnsafeUnescapedLeafTag {
    package func render(_ ctx: LeafContext) throws -> LeafData {
        let (names, hint) = FieldTags.fields(ctx)
        guard let first = names.first else { return .string("") }
        let invalid = FieldTags.error(ctx, names: names) != nil
        let described = ([invalid ? "\(first)-error" : nil, hint].compactMap { $0 }).joined(separator: " ")
        let marked = invalid ? #" aria-invalid="true" autofocus"# : ""
        return .string(marked + (described.isEmpty ? "" : #" aria-describedby="\#(described)""#))
    }

    package init() {}
}

/// `#fieldError("title")` at the end of a field: the message, with the id its control points to.
package struct FieldErrorTag: UnsafeUnescapedLeafTag {
    package func render(_ ctx: LeafContext) throws -> LeafData {
        let (names, _) = FieldTags.fields(ctx)
        guard let first = names.first, let message = FieldTags.error(ctx, names: names) else { return .string("") }
        return .string(#"<p class="field-error" id="\#(first)-error">\#(message.htmlEscaped())</p>"#)
    }

    package init() {}
}

/// `#options(kinds)` inside a select: each choice (`SelectOption`: value, label, selected) as an option.
package struct OptionsTag: UnsafeUnescapedLeafTag {
    package func render(_ ctx: LeafContext) throws -> LeafData {
        let choices = ctx.parameters.first?.array ?? []
        return .string(
            choices.map { choice in
                let option = choice.dictionary ?? [:]
                let value = (option["value"]?.string ?? "").htmlEscaped()
                let label = (option["label"]?.string ?? "").htmlEscaped()
                let selected = option["selected"]?.bool == true ? " selected" : ""
                return #"<option value="\#(value)"\#(selected)>\#(label)</option>"#
            }.joined())
    }

    package init() {}
}
