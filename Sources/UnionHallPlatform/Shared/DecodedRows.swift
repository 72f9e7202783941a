import FluentKit
import FluentSQL
import SQLKit
import Tracing

extension QueryBuilder {
    /// The query's rows in `range`, read column by column into `Row` (`RowColumns`) without
    /// building models: Fluent fills a model through reflection over its properties, row by row,
    /// which on a hot list costs more than the query itself.
    package func rows<Row: ColumnDecodable>(_ type: Row.Type, range: Range<Int>) async throws -> [Row] {
        try await query.rows(Row.self, range: range, on: database, table: Model.schemaOrAlias)
    }
}

extension DatabaseQuery {
    package mutating func filter(_ filter: Filter) { filters.append(filter) }

    /// The rows in `range`, as `QueryBuilder.rows(_:range:)` reads them; `table` is the one whose
    /// columns are read (`schema` unless aliased).
    package func rows<Row: ColumnDecodable>(_ type: Row.Type, range: Range<Int>, on db: any Database, table: String? = nil) async throws
        -> [Row]
    {
        let select = selectSQL(SQLColumn(SQLLiteral.all, table: SQLIdentifier(table ?? schema)), range: range)
        return try await SQLSpan.traced(schema) { try await RowColumns.all(select, on: db).map(Row.init(columns:)) }
    }

    /// The query's filters, joins and (with `sorted`) order as SQL selecting `column`, over `range`.
    func selectSQL(_ column: any SQLExpression, range: Range<Int>, sorted: Bool = true) -> any SQLExpression {
        var read = self
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
