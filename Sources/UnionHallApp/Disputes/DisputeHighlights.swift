import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

extension DisputeService {
    /// The largest sum recovered for one case in the period, with the employer it was recovered from.
    static func highlights(_ query: FigureQuery, request: Request) async throws -> [String] {
        let cases = DisputeCase.schema
        let payments = DisputePayment.schema
        let largest = try await query.select(cases)
            .join(payments, on: SQLColumn("case_id", table: payments), .equal, SQLColumn("id", table: cases))
            .where(SQLColumn("date", table: payments), .greaterThanOrEqual, SQLBind(query.from.description))
            .where(SQLColumn("date", table: payments), .lessThanOrEqual, SQLBind(query.to.description))
            .orderBy("s0", .descending).orderBy("k0").limit(1)
            .tallies(by: ["\(cases).id", "\(cases).employer_name"], sums: ["\(payments).amount_fen"]).first
        guard let largest, largest.sums[0] > 0 else { return [] }
        return [request.t("report.largestRecovered", [Fen(largest.sums[0]).description, largest.keys[1]])]
    }
}
