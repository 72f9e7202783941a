import LeafKit
import Vapor

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
