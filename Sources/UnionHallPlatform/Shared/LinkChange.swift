import Foundation

/// What a write does to an optional link (an employer, a studio, a mediator): leave it as it is,
/// point it at a record, or clear it. Every input with an optional link uses it, so an API PATCH and
/// a form's edit mean the same: in JSON an absent key keeps, `null` clears and an id sets; a form
/// always sends its field, and an empty one clears.
package enum LinkChange: Sendable, Equatable, Codable {
    case keep
    case set(UUID)
    case clear

    package init(_ id: UUID?) { self = id.map(LinkChange.set) ?? .clear }

    /// A form's select or hidden field: empty clears, an id sets, anything else is refused on the field.
    package static func form(_ text: String?, field: String) throws -> LinkChange {
        LinkChange(try FormValue.uuid(text, field: field))
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = container.decodeNil() ? .clear : .set(try container.decode(UUID.self))
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if case .set(let id) = self { try container.encode(id) } else { try container.encodeNil() }
    }

    /// The record the change names, to be checked before it is linked.
    package var named: UUID? {
        if case .set(let id) = self { return id }
        return nil
    }

    /// The link after the change; a new record starts from none.
    package func applied(to current: UUID?) -> UUID? {
        switch self {
        case .keep: current
        case .set(let id): id
        case .clear: nil
        }
    }
}

extension KeyedDecodingContainer {
    /// An absent key keeps the link; the synthesized decoders of inputs pick this overload.
    package func decode(_ type: LinkChange.Type, forKey key: Key) throws -> LinkChange {
        guard contains(key) else { return .keep }
        return try decodeNil(forKey: key) ? .clear : .set(try decode(UUID.self, forKey: key))
    }
}

extension KeyedEncodingContainer {
    /// `.keep` leaves the key out, so an encoded input decodes to the same change.
    package mutating func encode(_ value: LinkChange, forKey key: Key) throws {
        switch value {
        case .keep: return
        case .set(let id): try encode(id, forKey: key)
        case .clear: try encodeNil(forKey: key)
        }
    }
}
