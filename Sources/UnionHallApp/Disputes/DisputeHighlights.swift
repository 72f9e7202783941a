import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

extension DisputeService {
    /// The most recovered in one case during the period, for the annual report.
    static func highlights(_ query: FigureQuery, request: Request) async throws -> [String] {
        let scope = try query.scope.narrowed(to: query.list.unitId)
        let cases = try await scope.apply(to: DisputeCase.query(on: query.db), unitKey: \.$unitID).filter(\.$deletedAt == nil).all()
        let names = Dictionary(cases.compactMap { row in row.id.map { ($0, row.employerName) } }, uniquingKeysWith: { first, _ in first })
        guard !names.isEmpty else { return [] }
        var recovered: [UUID: Int64] = [:]
        for start in stride(from: 0, to: names.count, by: 500) {
            let ids = Array(names.keys)[start..<min(start + 500, names.count)]
            let payments = try await DisputePayment.query(on: query.db).filter(\.$caseID ~~ Array(ids))
                .filter(\.$date >= query.from.description).filter(\.$date <= query.to.description).all()
            for payment in payments { recovered[payment.caseID] = try (recovered[payment.caseID] ?? 0).plus(payment.amountFen) }
        }
        guard let largest = recovered.max(by: { $0.value < $1.value }), largest.value > 0 else { return [] }
        return [request.t("report.largestRecovered", [Fen(largest.value).description, names[largest.key] ?? ""])]
    }
}
