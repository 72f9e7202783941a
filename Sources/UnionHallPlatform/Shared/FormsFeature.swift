extension Feature {
    /// Form nonces: a form sent twice saves once.
    package static let forms = Feature(name: "forms", migrations: [CreateFormSubmission()])
}
