import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Reads and writes of organizations, shared by the API and the pages.
enum OrganizationService {
    static let sortKeys = ["name", "kind", "createdAt"]

    static func list(_ list: ListQuery, filter: OrganizationFilter, scope: UnitScope, on db: any Database) async throws -> ListPage<
        OrganizationOutput
    > {
        let query = try scope.apply(to: Organization.query(on: db), unitKey: \.$unitID, within: list.unitId)
        if list.deleted == true { query.filter(\.$deletedAt != nil) } else { query.filter(\.$deletedAt == nil) }
        if let kind = filter.kind { query.filter(\.$kind == kind) }
        if let sector = filter.sector { query.filter(\.$sector == sector) }
        if let q = list.q?.trimmingCharacters(in: .whitespaces), !q.isEmpty {
            let text = SearchKey.simplify(q)
            query.group(.or) { $0.filter(\.$name ~~ text).filter(\.$creditCode == text.uppercased()) }
        }
        try query.created(in: list, key: \.$createdAt)
        switch list.sortKey(allowed: sortKeys) {
        case (let key, let descending)?:
            let direction: DatabaseQuery.Sort.Direction = descending ? .descending : .ascending
            switch key {
            case "kind": query.sort(\.$kind, direction)
            case "createdAt": query.sort(\.$createdAt, direction)
            default: query.sort(\.$name, direction)
            }
        case nil: query.sort(\.$name)
        }
        return try await query.page(list) { try $0.map(OrganizationOutput.init) }
    }

    static func create(_ input: OrganizationInput, scope: UnitScope, editor: Editor, once: FormOnce? = nil, on app: Application)
        async throws -> Organization
    {
        guard let kind = input.kind else { throw AppError.invalid("kind", "error.required") }
        let valid = try OrganizationDraft(name: input.name ?? "", kind: kind, creditCode: input.creditCode).validate().orInvalid()
        guard let unitID = input.unitId else { throw AppError.invalid("unitId", "error.required") }
        guard scope.contains(unitID), scope.tree.nodes[unitID] != nil else { throw AppError.invalid("unitId", "error.unit.notHeld") }
        let organization = Organization(unitID: unitID, name: valid.name, kind: kind, creditCode: valid.creditCode?.value)
        organization.headcount = try headcount(input.headcount, keeping: nil)
        organization.sector = input.sector
        return try await app.write { db in
            try await once.claim(on: db)
            try await checkUniqueCode(organization.creditCode, except: nil, scope: scope, on: db)
            try await organization.create(on: db)
            try await Audit.record(.create, organization, by: editor, on: db)
            try await once.record(organization.id, on: db)
            return organization
        }
    }

    static func update(_ organization: Organization, with input: OrganizationInput, scope: UnitScope, editor: Editor, on app: Application)
        async throws -> Organization
    {
        guard let version = input.version else { throw AppError.invalid("version", "error.required") }
        let before = organization.auditSnapshot()
        let kind = input.kind ?? organization.kind
        let valid = try OrganizationDraft(
            name: input.name ?? organization.name, kind: kind, creditCode: input.creditCode ?? organization.creditCode
        )
        .validate().orInvalid()
        let unitID = input.unitId ?? organization.unitID
        guard scope.contains(unitID), scope.tree.nodes[unitID] != nil else { throw AppError.invalid("unitId", "error.unit.notHeld") }
        organization.name = valid.name
        organization.kind = kind
        organization.creditCode = valid.creditCode?.value
        organization.headcount = try headcount(input.headcount, keeping: organization.headcount)
        if let sector = input.sector { organization.sector = sector }
        organization.unitID = unitID
        return try await app.write { db in
            try await organization.claimVersion(version, on: db)
            try await checkUniqueCode(organization.creditCode, except: organization.id, scope: scope, on: db)
            try await organization.update(on: db)
            try await Audit.record(.update, organization, before: before, by: editor, on: db)
            return organization
        }
    }

    private static func headcount(_ value: Int?, keeping current: Int?) throws -> Int? {
        guard let value else { return current }
        guard (0...Limits.headcount).contains(value) else {
            throw AppError.invalid("headcount", "error.range", ["0", String(Limits.headcount)])
        }
        return value
    }

    static func delete(_ organization: Organization, editor: Editor, on app: Application) async throws {
        let id = try organization.requireID()
        try await app.write { db in
            let members = try await Member.query(on: db).filter(\.$organizationID == id).filter(\.$deletedAt == nil).count()
            guard members == 0 else { throw AppError.conflict(nil, "error.organization.hasMembers") }
            let before = organization.auditSnapshot()
            organization.deletedAt = editor.at
            try await organization.update(on: db)
            try await Audit.record(.delete, organization, before: before, by: editor, on: db)
        }
    }

    static func restore(_ organization: Organization, editor: Editor, on app: Application) async throws {
        guard organization.deletedAt != nil else { return }
        try await app.write { db in
            organization.deletedAt = nil
            try await organization.update(on: db)
            try await Audit.record(.restore, organization, by: editor, on: db)
        }
    }

    private static func checkUniqueCode(_ code: String?, except id: UUID?, scope: UnitScope, on db: any Database) async throws {
        guard let code else { return }
        let query = Organization.query(on: db).filter(\.$creditCode == code)
        if let id { query.filter(\.$id != id) }
        if let holder = try await query.first() {
            throw AppError.taken("creditCode", "error.creditCode.duplicate", holder: holder.unitID, scope: scope)
        }
    }
}

extension Organization: UnitOwnedRecord {
    static let routeName = "organizations"

    static func list(_ list: ListQuery, filter: OrganizationFilter, scope: UnitScope, request: Request) async throws -> ListPage<
        OrganizationOutput
    > {
        try await OrganizationService.list(list, filter: filter, scope: scope, on: request.db)
    }

    static func create(_ input: OrganizationInput, context: WriteContext, once: FormOnce?) async throws -> Organization {
        try await OrganizationService.create(input, scope: context.scope, editor: context.editor, once: once, on: context.app)
    }

    func update(with input: OrganizationInput, context: WriteContext) async throws {
        _ = try await OrganizationService.update(self, with: input, scope: context.scope, editor: context.editor, on: context.app)
    }

    func delete(context: WriteContext) async throws {
        try await OrganizationService.delete(self, editor: context.editor, on: context.app)
    }

    func restore(context: WriteContext) async throws {
        try await OrganizationService.restore(self, editor: context.editor, on: context.app)
    }

    static func outputs(_ rows: [Organization], on request: Request) async throws -> [OrganizationOutput] {
        try rows.map(OrganizationOutput.init)
    }
}
