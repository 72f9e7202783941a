import Fluent
import UnionHallCore
import Vapor

/// Choices for a form's selects, from the records the user holds.
/// Each feature adds the choices of its own records (`PageOptions.studios` …).
package enum PageOptions {}
