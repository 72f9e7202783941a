import Fluent
import UnionHallCore
import Vapor

/// Choices for a form's selects, from the records the user holds.
enum PageOptions {
    static func organizations(_ kinds: [OrganizationKind], scope: UnitScope, selected: String?, on db: any Database) async throws -> [SelectOption] {
        try await scope.apply(to: Organization.query(on: db), unitKey: \.$unitID).filter(\.$deletedAt == nil).filter(\.$kind ~~ kinds).sort(\.$name).all()
            .compactMap { org in org.id.map { SelectOption(value: $0.uuidString, label: org.name, selected: $0.uuidString == selected) } }
    }

    static func partnerships(scope: UnitScope, selected: String?, on db: any Database) async throws -> [SelectOption] {
        try await scope.apply(to: Partnership.query(on: db), unitKey: \.$unitID).filter(\.$deletedAt == nil).sort(\.$name).all()
            .compactMap { row in row.id.map { SelectOption(value: $0.uuidString, label: row.name, selected: $0.uuidString == selected) } }
    }

    static func studios(scope: UnitScope, selected: [String], on db: any Database) async throws -> [SelectOption] {
        try await scope.apply(to: Studio.query(on: db), unitKey: \.$unitID).filter(\.$deletedAt == nil).sort(\.$name).all()
            .compactMap { row in row.id.map { SelectOption(value: $0.uuidString, label: row.name, selected: selected.contains($0.uuidString)) } }
    }

    static func reviewers(on db: any Database) async throws -> [SelectOption] {
        try await User.query(on: db).filter(\.$role == .reviewer).filter(\.$active == true).sort(\.$displayName).all()
            .compactMap { user in user.id.map { SelectOption(value: $0.uuidString, label: user.displayName, selected: false) } }
    }

    static func trades(selected: String?) -> [SelectOption] {
        Trades.all.map { SelectOption(value: $0, label: $0, selected: $0 == selected) }
    }

    static func levels(selected: String?, request: Request) -> [SelectOption] {
        Pages.enumOptions(HonorLevel.self, prefix: "honorLevel", selected: selected, request: request)
    }
}
