import Fluent
import SQLKit
import Vapor

/// Many rows changed in one statement each chunk: `UPDATE t SET c = CASE id WHEN … THEN … END …
/// WHERE id IN (…)`, in the caller's transaction, rather than a round trip per row.
package enum BulkUpdate {
    package struct CaseByID: SQLExpression {
        package let ids: [UUID]
        package let values: [any Encodable & Sendable]

        package func serialize(to serializer: inout SQLSerializer) {
            serializer.write("CASE ")
            SQLIdentifier("id").serialize(to: &serializer)
            for (id, value) in zip(ids, values) {
                serializer.write(" WHEN ")
                SQLBind(id).serialize(to: &serializer)
                serializer.write(" THEN ")
                SQLBind(value).serialize(to: &serializer)
            }
            serializer.write(" END")
        }

        package init(ids: [UUID], values: [any Encodable & Sendable]) {
            self.ids = ids
            self.values = values
        }
    }

    /// Sets `columns` of each row named by id to its values (in column order).
    package static func rows(
        of table: String, columns: [String], _ rows: [(id: UUID, values: [any Encodable & Sendable])], on db: any Database
    )
        async throws
    {
        let sql = try db.sql()
        let perStatement = max(1, BulkInsert.maxBinds / max(2 * columns.count + 1, 1))
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            let chunk = rows[start..<min(start + perStatement, rows.count)]
            let ids = chunk.map(\.id)
            let update = sql.update(table)
            for (index, column) in columns.enumerated() {
                update.set(SQLIdentifier(column), to: CaseByID(ids: ids, values: chunk.map { $0.values[index] }))
            }
            try await update.where("id", .in, ids).run()
        }
    }
}
