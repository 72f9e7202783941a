import FluentKit
import FluentSQL
import SQLKit
import Tracing

extension QueryBuilder {
    /// The query's rows in `range`, decoded straight from SQL into `Row` (its coding keys are the
    /// column names: converting each key's case on every row would cost as much again) without
    /// building models: Fluent fills a model through reflection over its properties, row by row,
    /// which on a hot list costs more than the query itself.
    package func rows<Row: Decodable>(_ type: Row.Type, range: Range<Int>) async throws -> [Row] {
        let select = selectSQL(SQLColumn(SQLLiteral.all, table: SQLIdentifier(Model.schemaOrAlias)), range: range)
        return try await SQLSpan.traced(Model.schema) { try await database.sql().raw("\(select)").all(decoding: Row.self) }
    }

    /// The query's filters, joins and (with `sorted`) order as SQL selecting `column`, over `range`.
    func selectSQL(_ column: any SQLExpression, range: Range<Int>, sorted: Bool = true) -> any SQLExpression {
        var read = query
        read.action = .read
        read.fields = [.custom(column)]
        if !sorted { read.sorts = [] }
        read.limits = [.count(range.count)]
        read.offsets = range.lowerBound > 0 ? [.count(range.lowerBound)] : []
        return SQLQueryConverter(delegate: PlainSQL()).convert(read)
    }
}

/// Converts queries only: no schema types to tell apart.
struct PlainSQL: SQLConverterDelegate {
    func customDataType(_ dataType: DatabaseSchema.DataType) -> (any SQLExpression)? { nil }
}

/// A span for a query Fluent does not see (it traces its own as `fluent.query`): the hot paths' SQL.
package enum SQLSpan {
    package static func traced<T>(_ table: String, _ body: () async throws -> T) async rethrows -> T {
        try await withSpan("sql.query", ofKind: .client) { span in
            span.attributes["db.collection.name"] = table
            return try await body()
        }
    }
}
