import NIOConcurrencyHelpers
import SQLKit

/// A statement whose text is the same on every call and only its values change: serialized once
/// per dialect, then sent with each call's values. Building and serializing a select of many
/// columns costs more than SQLite takes to run it, and the session lookup runs on every request.
package final class SerializedStatement: Sendable {
    private let build: @Sendable (any SQLDatabase, [any Encodable & Sendable]) -> any SQLExpression
    private let texts = NIOLockedValueBox<[String: String]>([:])

    /// `build` binds the values it is given, in the order they appear in the statement's text.
    package init(_ build: @escaping @Sendable (_ db: any SQLDatabase, _ values: [any Encodable & Sendable]) -> any SQLExpression) {
        self.build = build
    }

    package func callAsFunction(_ values: [any Encodable & Sendable], on db: any SQLDatabase) -> any SQLExpression {
        let dialect = db.dialect.name
        if let text = texts.withLockedValue({ $0[dialect] }) { return Serialized(text: text, binds: values) }
        let (text, binds) = db.serialize(build(db, values))
        assert(binds.count == values.count, "a serialized statement binds exactly the values it is given")
        texts.withLockedValue { $0[dialect] = text }
        return Serialized(text: text, binds: binds)
    }
}

private struct Serialized: SQLExpression {
    let text: String
    let binds: [any Encodable & Sendable]

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write(text)
        serializer.binds.append(contentsOf: binds)
    }
}
