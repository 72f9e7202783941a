import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

extension ImportUpload {
    /// What an import needs of a member it names: a few columns, not a model, so that a file naming
    /// 100,000 people holds 100,000 small values.
    struct MemberRef: Decodable {
        var id: UUID
        var unitID: UUID
        var nameKey: String

        enum CodingKeys: String, CodingKey { case id, unitID = "unit_id", nameKey = "name_key" }
    }

    /// Every member named by ID number in a file, looked up in a few queries rather than one per row.
    static func members(idNumbers texts: [String], on db: any Database) async throws -> [String: MemberRef] {
        let sql = try db.sql()
        var numbers: Set<String> = []
        for text in texts { if case .success(let id) = IDNumber.parse(text) { numbers.insert(id.value) } }
        struct Row: Decodable {
            var idNumber: String
            var ref: MemberRef
            init(from decoder: any Decoder) throws {
                idNumber = try decoder.container(keyedBy: Key.self).decode(String.self, forKey: .idNumber)
                ref = try MemberRef(from: decoder)
            }
            enum Key: String, CodingKey { case idNumber = "id_number" }
        }
        var members: [String: MemberRef] = [:]
        let all = Array(numbers)
        for start in stride(from: 0, to: all.count, by: 500) {
            let rows = try await sql.select().columns("id", "unit_id", "name_key", "id_number").from(Member.schema)
                .where("id_number", .in, SQLBind.group(Array(all[start..<min(start + 500, all.count)])))
                .where("deleted_at", .is, SQLLiteral.null).all(decoding: Row.self)
            for row in rows { members[row.idNumber] = row.ref }
        }
        return members
    }
}
