import Fluent
import UnionHallPlatform
import Vapor

extension PageOptions {
    static func studios(scope: UnitScope, selected: [String], on db: any Database) async throws -> [SelectOption] {
        try await scope.apply(to: Studio.query(on: db), unitKey: \.$unitID).filter(\.$deletedAt == nil).sort(\.$name).all()
            .compactMap { row in
                row.id.map { SelectOption(value: $0.uuidString, label: row.name, selected: selected.contains($0.uuidString)) }
            }
    }
}
