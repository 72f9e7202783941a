import Fluent
import UnionHallPlatform
import Vapor

extension PageOptions {
    static func reviewers(on db: any Database) async throws -> [SelectOption] {
        try await User.query(on: db).filter(\.$role == .reviewer).filter(\.$active == true).sort(\.$displayName).all()
            .compactMap { user in user.id.map { SelectOption(value: $0.uuidString, label: user.displayName, selected: false) } }
    }
}
