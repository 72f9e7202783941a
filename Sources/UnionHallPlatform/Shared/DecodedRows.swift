import FluentKit
import FluentSQL
import SQLKit

extension QueryBuilder {
    /// The query's rows in `range`, decoded straight from SQL into `Row` (its coding keys are the
    /// column names: converting each key's case on every row would cost as much again) without
    /// building models: Fluent fills a model through reflection over its properties, row by row,
    /// which on a hot list costs more than the query itself.
    package func rows<Row: Decodable>(_ type: Row.Type, range: Range<Int>) async throws -> [Row] {
        var read = query
        read.action = .read
        read.fields = [.custom(SQLColumn(SQLLiteral.all, table: SQLIdentifier(Model.schemaOrAlias)))]
        read.limits = [.count(range.count)]
        read.offsets = range.lowerBound > 0 ? [.count(range.lowerBound)] : []
        let select = SQLQueryConverter(delegate: PlainSQL()).convert(read)
        return try await database.sql().raw("\(select)").all(decoding: Row.self)
    }
}

/// Converts queries only: no schema types to tell apart.
struct PlainSQL: SQLConverterDelegate {
    func customDataType(_ dataType: DatabaseSchema.DataType) -> (any SQLExpression)? { nil }
}
