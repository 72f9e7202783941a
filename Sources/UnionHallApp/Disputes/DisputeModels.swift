import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// A labour dispute (劳动争议) the union mediates: how it came in, who claims what from which
/// employer, the mediator and the 15-day deadline, and how it ended.
final class DisputeCase: Model, @unchecked Sendable {
    static let schema = "dispute_cases"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Enum(key: "channel") var channel: DisputeChannel
    @Enum(key: "type") var type: DisputeType
    @Enum(key: "status") var status: DisputeStatus
    @OptionalField(key: "employer_id") var employerID: UUID?
    @Field(key: "employer_name") var employerName: String
    @Field(key: "summary") var summary: String
    @Field(key: "claimed_fen") var claimedFen: Int64
    @OptionalField(key: "agreed_fen") var agreedFen: Int64?
    @Field(key: "recovered_fen") var recoveredFen: Int64
    @OptionalField(key: "mediator_id") var mediatorID: UUID?
    @Field(key: "accepted_date") var acceptedDate: String
    @Field(key: "deadline") var deadline: String
    @Field(key: "extended") var extended: Bool
    @OptionalField(key: "court_id") var courtID: UUID?
    @OptionalField(key: "court_case_number") var courtCaseNumber: String?
    @OptionalField(key: "outcome_date") var outcomeDate: String?
    @OptionalField(key: "outcome_note") var outcomeNote: String?
    @OptionalField(key: "returned_to_court") var returnedToCourt: Bool?
    @OptionalField(key: "confirmation_date") var confirmationDate: String?
    @OptionalField(key: "confirmation_number") var confirmationNumber: String?
    @OptionalField(key: "requested_by") var requestedBy: UUID?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}
}

/// A worker who claims: a member, or someone who is not (a migrant worker), named with ID and phone.
final class DisputeClaimant: Model, @unchecked Sendable {
    static let schema = "dispute_claimants"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @OptionalField(key: "member_id") var memberID: UUID?
    @Field(key: "name") var name: String
    @Field(key: "id_number") var idNumber: String
    @OptionalField(key: "mobile") var mobile: String?
    @Field(key: "migrant") var migrant: Bool

    init() {}
}

final class DisputeSession: Model, @unchecked Sendable {
    static let schema = "dispute_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "date") var date: String
    @Field(key: "notes") var notes: String

    init() {}
}

/// Money paid to the claimants under the settlement; recovered is their sum.
final class DisputePayment: Model, @unchecked Sendable {
    static let schema = "dispute_payments"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "date") var date: String
    @Field(key: "amount_fen") var amountFen: Int64

    init() {}
}

/// A case's history as its claimant follows it.
final class DisputeEvent: Model, @unchecked Sendable {
    static let schema = "dispute_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "at") var at: Date
    @Field(key: "what") var what: String
    @Field(key: "note") var note: String

    init() {}

    init(caseID: UUID, at: Date, what: String, note: String = "") {
        self.caseID = caseID
        self.at = at
        self.what = what
        self.note = note
    }
}

extension DisputeChannel: FluentEnumRepresentable {}
extension DisputeType: FluentEnumRepresentable {}
extension DisputeStatus: FluentEnumRepresentable {}

extension DisputeCase: Audited, Versioned, SoftDeletable {
    static let auditEntity = "dispute"
    var auditUnitID: UUID? { unitID }

    func auditSnapshot() -> [String: String] {
        [
            "channel": channel.rawValue, "type": type.rawValue, "status": status.rawValue, "employerName": employerName,
            "claimedFen": String(claimedFen),
            "agreedFen": agreedFen.map { String($0) } ?? "", "recoveredFen": String(recoveredFen), "acceptedDate": acceptedDate,
            "deadline": deadline,
            "extended": String(extended), "outcomeNote": outcomeNote ?? "", "confirmationNumber": confirmationNumber ?? "",
        ]
    }
}

/// 007 - rights and care: labour dispute mediation.
struct CreateDisputes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DisputeCase.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("channel", .string, .required)
            .field("type", .string, .required)
            .field("status", .string, .required)
            .field("employer_id", .uuid, .references(Organization.schema, .id))
            .field("employer_name", .string, .required)
            .field("summary", .string, .required)
            .field("claimed_fen", .int64, .required)
            .field("agreed_fen", .int64)
            .field("recovered_fen", .int64, .required)
            .field("mediator_id", .uuid, .references(User.schema, .id))
            .field("accepted_date", .string, .required)
            .field("deadline", .string, .required)
            .field("extended", .bool, .required)
            .field("court_id", .uuid, .references(Organization.schema, .id))
            .field("court_case_number", .string)
            .field("outcome_date", .string)
            .field("outcome_note", .string)
            .field("returned_to_court", .bool)
            .field("confirmation_date", .string)
            .field("confirmation_number", .string)
            .field("requested_by", .uuid, .references(Member.schema, .id))
            .field("version", .int, .required)
            .field("created_at", .datetime).field("updated_at", .datetime).field("deleted_at", .datetime)
            .create()
        try await database.schema(DisputeClaimant.schema)
            .id()
            .field("case_id", .uuid, .required, .references(DisputeCase.schema, .id))
            .field("member_id", .uuid, .references(Member.schema, .id))
            .field("name", .string, .required)
            .field("id_number", .string, .required)
            .field("mobile", .string)
            .field("migrant", .bool, .required)
            .create()
        try await database.schema(DisputeSession.schema)
            .id()
            .field("case_id", .uuid, .required, .references(DisputeCase.schema, .id))
            .field("date", .string, .required)
            .field("notes", .string, .required)
            .create()
        try await database.schema(DisputePayment.schema)
            .id()
            .field("case_id", .uuid, .required, .references(DisputeCase.schema, .id))
            .field("date", .string, .required)
            .field("amount_fen", .int64, .required)
            .create()
        try await database.schema(DisputeEvent.schema)
            .id()
            .field("case_id", .uuid, .required, .references(DisputeCase.schema, .id))
            .field("at", .datetime, .required)
            .field("what", .string, .required)
            .field("note", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "dispute_cases_unit_date").on(DisputeCase.schema).column("unit_id").column("accepted_date").run()
        try await sql.create(index: "dispute_cases_status_deadline").on(DisputeCase.schema).column("status").column("deadline").run()
        try await sql.create(index: "dispute_claimants_case").on(DisputeClaimant.schema).column("case_id").run()
        try await sql.create(index: "dispute_claimants_member").on(DisputeClaimant.schema).column("member_id").run()
        try await sql.create(index: "dispute_payments_case").on(DisputePayment.schema).column("case_id").run()
        try await sql.create(index: "dispute_events_case").on(DisputeEvent.schema).column("case_id").column("at").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [DisputeEvent.schema, DisputePayment.schema, DisputeSession.schema, DisputeClaimant.schema, DisputeCase.schema] {
            try await database.schema(schema).delete()
        }
    }
}
