/// A validation failure named by the field it concerns and a message key that the app localizes.
/// The core never writes user-facing text itself: the same rule answers in Chinese or English.
public struct FieldIssue: Error, Equatable, Sendable {
    public let field: String
    public let key: String
    public let arguments: [String]

    public init(field: String, key: String, arguments: [String] = []) {
        self.field = field
        self.key = key
        self.arguments = arguments
    }
}
