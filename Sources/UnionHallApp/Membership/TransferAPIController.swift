import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// `/api/v1/member-transfers`: both sides list and read; the releasing union's officers or the member
/// themself ask. Accepting and refusing are the workflow's routes.
struct TransferAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let records = RecordAPIController<MemberTransfer>()
        let transfers = routes.grouped(.constant(MemberTransfer.routeName))
        transfers.get(use: records.list)
        ListExport.route(MemberTransfer.self, on: transfers)
        transfers.get(":id", use: records.show)
        transfers.post { req async throws -> Response in
            let input = try req.content.decode(TransferInput.self)
            let row: MemberTransfer
            if try req.requireUser().role == .member {
                row = try await TransferService.createForWorker(input, request: req)
            } else {
                row = try await TransferService.create(input, context: try await req.writeContext(), once: nil)
            }
            return try await row.output(on: req).encodeResponse(status: .created, for: req)
        }
    }
}
