import Fluent
import Foundation
import SQLKit
import UnionHallCore
import UnionHallPlatform

/// A change of a member's professional title, on the day it was recorded: the figures count
/// promotions to senior titles from these, never from a typed number.
final class MemberTitleChange: Model, @unchecked Sendable {
    static let schema = "member_title_changes"

    @ID(key: .id) var id: UUID?
    @Field(key: "member_id") var memberID: UUID
    /// The member's unit at the change, for scoping the figures.
    @Field(key: "unit_id") var unitID: UUID
    @OptionalEnum(key: "from_title") var from: ProfessionalTitle?
    @OptionalEnum(key: "to_title") var to: ProfessionalTitle?
    /// Whether the change reached a senior title from below.
    @Field(key: "to_senior") var toSenior: Bool
    @Field(key: "date") var date: String

    init() {}

    init(member: Member, from: ProfessionalTitle?, date: CivilDate) throws {
        self.memberID = try member.requireID()
        self.unitID = member.unitID
        self.from = from
        self.to = member.title
        self.toSenior = ProfessionalTitle.promotesToSenior(from: from, to: member.title)
        self.date = date.description
    }
}

extension ProfessionalTitle: FluentEnumRepresentable {}

enum MemberTitles {
    /// Records the member's title change, if there was one, in the write's transaction.
    static func record(_ member: Member, from: ProfessionalTitle?, on date: CivilDate, in db: any Database) async throws {
        guard member.title != from else { return }
        try await MemberTitleChange(member: member, from: from, date: date).create(on: db)
    }

    /// Promotions to a senior title of these members on or after `since`, by member.
    static func promotedToSenior(_ members: [UUID], since: String, on db: any Database) async throws -> [(member: UUID, date: String)] {
        guard !members.isEmpty else { return [] }
        return try await MemberTitleChange.query(on: db).filter(\.$memberID ~~ members).filter(\.$toSenior == true)
            .filter(\.$date >= since).all().map { ($0.memberID, $0.date) }
    }
}

/// 018 - members' professional titles and posts, and the history of title changes.
struct AddMemberTitles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Member.schema).field("title", .string).update()
        try await database.schema(Member.schema).field("post", .string).update()
        try await database.schema(MemberTitleChange.schema)
            .id()
            .field("member_id", .uuid, .required, .references(Member.schema, .id))
            .field("unit_id", .uuid, .required, .references(UnionUnit.schema, .id))
            .field("from_title", .string)
            .field("to_title", .string)
            .field("to_senior", .bool, .required)
            .field("date", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "member_title_changes_member").on(MemberTitleChange.schema).column("member_id").run()
        try await sql.create(index: "member_title_changes_unit_date").on(MemberTitleChange.schema).column("unit_id").column("date").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MemberTitleChange.schema).delete()
        try await database.schema(Member.schema).deleteField("post").update()
        try await database.schema(Member.schema).deleteField("title").update()
    }
}
