import Foundation

/// A horizontal bar chart drawn on the server as SVG (no scripts): one bar per figure, scaled to
/// the largest, each bar a link to the records behind it. The figures stay on the page as text too.
package struct BarChart: Encodable {
    package struct Bar: Encodable {
        package var label: String
        package var value: String
        package var href: String
        package var y: Int
        package var textY: Int
        package var width: Int
        package var valueX: Int

        package init(label: String, value: String, href: String, y: Int, textY: Int, width: Int, valueX: Int) {
            self.label = label
            self.value = value
            self.href = href
            self.y = y
            self.textY = textY
            self.width = width
            self.valueX = valueX
        }
    }

    package static let labelWidth = 150
    package static let barSpace = 290
    package static let rowHeight = 30

    package var title: String
    package var height: Int
    package var bars: [Bar]

    /// `amount` sizes the bar; `value` is what it says (a count, or ¥ with separators).
    package init(title: String, _ figures: [(label: String, amount: Int64, value: String, href: String)]) {
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

    package init(title: String, figures: [Figure]) {
        self.init(title: title, figures.map { ($0.label, $0.amount, $0.value, $0.href) })
    }
}
