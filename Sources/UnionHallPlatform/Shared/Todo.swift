import Fluent
import Vapor

/// Something waiting for an officer, shown on their dashboard with how many and a link to them: a
/// register's list under a filter (`overdue=true`), counted as the list counts it, in the
/// officer's scope. `filter` answers nil when the item is not this officer's to do.
package struct Todo: Sendable {
    package enum Audience: Sendable { case officers, workers }

    package let label: String
    package let audience: Audience
    package let count: @Sendable (_ user: User, _ scope: UnitScope, _ request: Request) async throws -> (count: Int, href: String)?

    /// A worker's own matter still in progress (their dispute, report, application), on their start page.
    package init(worker label: String, href: String, count: @escaping @Sendable (_ memberID: UUID, _ db: any Database) async throws -> Int)
    {
        self.label = label
        self.audience = .workers
        self.count = { user, _, request in
            guard let memberID = user.memberID else { return nil }
            return (try await count(memberID, request.db), href)
        }
    }

    package init<Record: ManagedRecord>(
        _ record: Record.Type, _ label: String, filter: @escaping @Sendable (User, UnitScope) -> Record.Filter?
    ) where Record.Filter: Encodable {
        self.label = label
        self.audience = .officers
        self.count = { user, scope, request in
            guard let filter = filter(user, scope) else { return nil }
            let count = try await Record.count(filter: filter, scope: scope, request: request)
            let query = try URLEncodedFormEncoder().encode(filter)
            return (count, "/\(Record.routeName)" + (query.isEmpty ? "" : "?\(query)"))
        }
    }
}
