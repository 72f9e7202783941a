import Fluent
import UnionHallPlatform
import Vapor

extension PageOptions {
    static func partnerships(scope: UnitScope, selected: String?, on db: any Database) async throws -> [SelectOption] {
        try await scope.apply(to: Partnership.query(on: db), unitKey: \.$unitID).filter(\.$deletedAt == nil).sort(\.$name).all()
            .compactMap { row in row.id.map { SelectOption(value: $0.uuidString, label: row.name, selected: $0.uuidString == selected) } }
    }
}
