import Foundation
import Fluent
import UnionHallCore
import UnionHallPlatform

/// A member's own open matters that a union handles for them: on a transfer they go with the member
/// to the receiving union. A hardship file still in force, and an aid application nobody has begun
/// to approve. Matters about a workplace (a dispute with the employer, a hazard report) stay where
/// the workplace is; decided or paid applications stay as history with the union that decided them.
enum OpenMatters {
    static func follow(member: UUID, from: UUID, to: UUID, on db: any Database) async throws {
        try await HardshipFile.query(on: db).filter(\.$memberID == member).filter(\.$unitID == from)
            .filter(\.$status ~~ [HardshipStatus.pending, .verified]).set(\.$unitID, to: to).update()
        try await AidApplication.query(on: db).filter(\.$memberID == member).filter(\.$unitID == from)
            .filter(\.$status == .submitted).set(\.$unitID, to: to).update()
    }
}
