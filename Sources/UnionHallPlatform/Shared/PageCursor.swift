import Foundation
import UnionHallCore

/// Where a page of a list starts, by key rather than by count: the sort, the sort value and id of
/// the row next to it, and the number of the page it opens. A list given one reads from that row
/// on through its index, so page 1,000 costs what page 1 does. Opaque to clients (`?after=`,
/// `?before=`); one that does not decode, or was made for another sort, is a 422 naming the parameter.
package struct PageCursor: Codable, Equatable, Sendable {
    /// The sort it was made for: `name`, `-createdAt`.
    package var sort: String
    package var value: String
    package var id: UUID
    package var page: Int

    enum CodingKeys: String, CodingKey {
        case sort = "s", value = "v", id = "i", page = "p"
    }

    package init(sort: String, value: String, id: UUID, page: Int) {
        self.sort = sort
        self.value = value
        self.id = id
        self.page = page
    }

    package var token: String {
        Base64URL.encode((try? StreamingJSONEncoder.bytes(of: self)) ?? [])
    }

    /// nil for text that is not a cursor: too long, not base64url, not one, or a page out of range.
    package init?(token: String) {
        guard token.utf8.count <= 512 else { return nil }
        guard let data = Base64URL.decode(token), let cursor = try? JSONDecoder().decode(Self.self, from: data),
            (1...Limits.page).contains(cursor.page), cursor.value.utf8.count <= 256
        else { return nil }
        self = cursor
    }
}
