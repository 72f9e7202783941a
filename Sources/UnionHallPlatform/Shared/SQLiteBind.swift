import Foundation
import SQLiteKit
import UnionHallCore

extension SQLiteDataEncoder {
    /// As `encode(_:)`, with a UUID written without Foundation's `printf` (`UUIDText`): an
    /// officer's list binds every unit of the scope, and its kept count's key binds them again.
    package func bind(_ value: any Encodable) throws -> SQLiteData {
        if let id = value as? UUID { return .text(UUIDText.upper(id)) }
        return try encode(value)
    }
}
