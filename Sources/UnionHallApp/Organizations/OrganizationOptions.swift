import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

extension PageOptions {
    static func organizations(_ kinds: [OrganizationKind], scope: UnitScope, selected: String?, on db: any Database) async throws
        -> [SelectOption]
    {
        try await scope.apply(to: Organization.query(on: db), unitKey: \.$unitID).filter(\.$deletedAt == nil).filter(\.$kind ~~ kinds).sort(
            \.$name
        ).all()
            .compactMap { org in org.id.map { SelectOption(value: $0.uuidString, label: org.name, selected: $0.uuidString == selected) } }
    }
}
