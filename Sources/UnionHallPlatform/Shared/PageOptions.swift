import Fluent
import UnionHallCore
import Vapor

/// Choices for a form's selects, from the records the user holds.
/// Each feature adds the choices of its own records (`PageOptions.studios` …).
package enum PageOptions {
    package static func trades(selected: String?) -> [SelectOption] {
        Trades.all.map { SelectOption(value: $0, label: $0, selected: $0 == selected) }
    }
}
