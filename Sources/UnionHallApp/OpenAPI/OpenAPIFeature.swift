extension Feature {
    /// The API document.
    static let openAPI = Feature(name: "openAPI", routes: { try $0.publicAPI.register(collection: OpenAPIController()) })
}
