import Foundation

/// A horizontal bar chart drawn on the server as SVG (no scripts): one bar per figure, scaled to
/// the largest, each bar a link to the records behind it. The figures stay on the page as text too.
struct BarChart: Encodable {
    struct Bar: Encodable {
        var label: String
        var value: String
        var href: String
        var y: Int
        var textY: Int
        var width: Int
        var valueX: Int
    }

    static let labelWidth = 150
    static let barSpace = 290
    static let rowHeight = 30

    var title: String
    var height: Int
    var bars: [Bar]

    /// `amount` sizes the bar; `value` is what it says (a count, or ¥ with separators).
    init(title: String, _ figures: [(label: String, amount: Int64, value: String, href: String)]) {
        self.title = title
        let largest = max(figures.map(\.amount).max() ?? 0, 1)
        bars = figures.enumerated().map { index, figure in
            let width = figure.amount <= 0 ? 0 : max(2, Int(Double(figure.amount) / Double(largest) * Double(Self.barSpace)))
            let y = index * Self.rowHeight + 6
            return Bar(
                label: figure.label, value: figure.value, href: figure.href, y: y, textY: y + 15, width: width,
                valueX: Self.labelWidth + width + 6)
        }
        height = figures.count * Self.rowHeight + 12
    }

    init(title: String, figures: [Figure]) {
        self.init(title: title, figures.map { ($0.label, $0.amount, $0.value, $0.href) })
    }
}
