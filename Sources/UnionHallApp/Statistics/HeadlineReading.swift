import Foundation
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A headline figure as it reads beside the previous period's, linked to the list that counts it:
/// the dashboard and the annual report show the same readings.
struct HeadlineReading: Encodable {
    var label: String
    var value: String
    var previous: String
    /// `+12.5 %`, or empty when there is nothing to compare with.
    var change: String
    /// `up`, `down` or `same`, for the arrow.
    var trend: String
    /// The list, filtered to the document's period and subtree.
    var href: String
    /// Where the figure lies in the statistics document: `disputes.recoveredFen`.
    var definition: String

    /// The part's headlines that its figures hold.
    static func all(of part: StatisticsPart, in document: StatisticsDocument, on request: Request) -> [HeadlineReading] {
        guard let figures = document.modules[part.key] else { return [] }
        return part.headlines.compactMap { headline in
            guard let now = figures.current.value(at: headline.path)?.integer else { return nil }
            let before = figures.previous.value(at: headline.path)?.integer
            return HeadlineReading(
                label: request.t(headline.label), value: text(now, headline.format),
                previous: before.map { text($0, headline.format) } ?? "—",
                change: headline.format == .tenthsOfPercent ? "" : change(now, before), trend: trend(now, before),
                href: document.link(headline.href), definition: "\(part.key).\(headline.path)")
        }
    }

    static func text(_ value: Int64, _ format: Headline.Format) -> String {
        switch format {
        case .count: value.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
        case .money: Fen(value).description
        case .tenthsOfPercent: String(format: "%+.1f %%", Double(value) / 10)
        }
    }

    static func change(_ now: Int64, _ before: Int64?) -> String {
        guard let before, before > 0 else { return "" }
        let percent = (Double(now) - Double(before)) / Double(before) * 100
        return String(format: "%+.1f %%", percent)
    }

    static func trend(_ now: Int64, _ before: Int64?) -> String {
        guard let before else { return "same" }
        return now > before ? "up" : now < before ? "down" : "same"
    }
}

extension StatisticsDocument {
    /// A list's path with the document's period and subtree as its filters: `/honors?from=…&to=…`.
    func link(_ href: String) -> String {
        href + (href.contains("?") ? "&" : "?") + "from=\(from)&to=\(to)" + (unitId.map { "&unitId=\($0)" } ?? "")
    }
}
