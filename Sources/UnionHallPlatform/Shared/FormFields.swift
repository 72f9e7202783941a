import Vapor

/// One field of a form as `fields/field.leaf` renders it: its label, its control through the
/// partial of its kind (`fields/input`, `select`, `textarea`, `checks`, `inline`), its hint and its
/// error, with `aria-invalid` and `aria-describedby` wired to them once, there.
package struct FormField: Encodable {
    package enum Control: String, Encodable {
        /// `<input>` of `type`.
        case input
        case select
        case textarea
        /// Checkboxes side by side, each its own name (`parts`).
        case checks
        /// Small inputs in one line under one label (`parts`), sharing one error.
        case inline
    }

    /// An attribute of the control beyond its name, id and value: `maxlength="30"`.
    package struct Attribute: Encodable {
        package var name: String
        package var value: String
    }

    /// A checkbox of `checks`, or an input of `inline`.
    package struct Part: Encodable {
        package var name: String
        package var label: String
        package var value: String
        package var checked: Bool
        package var attributes: [Attribute]
        /// Text after the input: `%`.
        package var suffix: String = ""
    }

    package var control: Control
    package var name: String
    package var id: String
    package var label: String
    package var required: Bool
    package var type: String
    package var value: String
    package var options: [SelectOption]
    /// The label of a select's empty first choice (`不选`), if it has one.
    package var empty: String?
    package var parts: [Part]
    /// Read-only text shown above the control (the leaders already named).
    package var note: String?
    package var hint: String?
    /// The message when the page's error names this field.
    package var error: String?
    /// `title-error title-hint`: what the control is described by.
    package var describedBy: String?
    package var attributes: [Attribute]
}

/// Builds a form's fields against the page's error, so each field knows whether it is the one to correct.
package struct FormFields {
    let request: Request
    /// The refusal the page shows, in the reader's language.
    package let error: FormError?
    package let conflict: Bool
    /// The status the page answers with: the refusal's, or 200.
    package let status: HTTPStatus
    /// Put before every control's id, when two forms on one page have fields of the same name.
    package var idPrefix = ""

    package init(_ request: Request, error: AppError?) {
        self.request = request
        self.error = error.map { Pages.formError($0, on: request) }
        self.conflict = error?.isVersionConflict == true
        self.status = error?.status ?? .ok
    }

    /// A text, date, number, password, file … input.
    package func input(
        _ name: String, _ label: String, _ value: String?, type: String = "text", required: Bool = false, hint: String? = nil,
        hintArguments: [String] = [], note: String? = nil, id: String? = nil, errors: [String] = [],
        _ attributes: KeyValuePairs<String, String> = [:]
    ) -> FormField {
        var field = field(
            .input, name, label, value: value, type: type, required: required, hint: hint, note: note, id: id, errors: errors,
            attributes: attributes)
        if let hint, !hintArguments.isEmpty { field.hint = request.t(hint, hintArguments) }
        return field
    }

    package func select(
        _ name: String, _ label: String, _ options: [SelectOption], empty: String? = nil, required: Bool = false, hint: String? = nil,
        errors: [String] = [], _ attributes: KeyValuePairs<String, String> = [:]
    ) -> FormField {
        var field = field(.select, name, label, required: required, hint: hint, errors: errors, attributes: attributes)
        field.options = options
        field.empty = empty.map { request.t($0) }
        return field
    }

    package func textarea(
        _ name: String, _ label: String, _ value: String?, required: Bool = false, hint: String? = nil, note: String? = nil,
        id: String? = nil, errors: [String] = [], _ attributes: KeyValuePairs<String, String> = [:]
    ) -> FormField {
        field(
            .textarea, name, label, value: value, required: required, hint: hint, note: note, id: id, errors: errors, attributes: attributes
        )
    }

    /// Checkboxes, each `(name, label, checked)`; `name` is the one the page's error names.
    package func checks(
        _ name: String, _ label: String? = nil, _ boxes: [(name: String, label: String, checked: Bool)], errors: [String] = []
    ) -> FormField {
        var field = field(.checks, name, label ?? "", errors: errors)
        field.parts = boxes.map {
            FormField.Part(name: $0.name, label: request.t($0.label), value: "", checked: $0.checked, attributes: [])
        }
        return field
    }

    /// A choice of several (`studioIds[]`): a checkbox per option, the option's value sent when checked.
    package func checks(_ name: String, _ label: String, choices: [SelectOption]) -> FormField {
        var field = field(.checks, name, label)
        field.parts = choices.map { FormField.Part(name: name, label: $0.label, value: $0.value, checked: $0.selected, attributes: []) }
        return field
    }

    /// Small inputs in a line, each `(name, label, value)`, sharing `attributes` and one error under `name`.
    package func inline(
        _ name: String, _ label: String, _ inputs: [(name: String, label: String, value: String?)], hint: String? = nil,
        errors: [String] = [], suffix: String = "", _ attributes: KeyValuePairs<String, String> = [:]
    ) -> FormField {
        var field = field(.inline, name, label, hint: hint, errors: errors)
        let shared = attributes.map { FormField.Attribute(name: $0.key, value: $0.value) }
        field.parts = inputs.map {
            FormField.Part(
                name: $0.name, label: request.t($0.label), value: $0.value ?? "", checked: false, attributes: shared, suffix: suffix)
        }
        return field
    }

    private func field(
        _ control: FormField.Control, _ name: String, _ label: String, value: String? = nil, type: String = "text",
        required: Bool = false, hint: String? = nil, note: String? = nil, id: String? = nil, errors: [String] = [],
        attributes: KeyValuePairs<String, String> = [:]
    ) -> FormField {
        let id = idPrefix + (id ?? name)
        let message = error.flatMap { ([name] + errors).contains($0.field) ? $0.message : nil }
        let describedBy = [message.map { _ in "\(id)-error" }, hint.map { _ in "\(id)-hint" }].compactMap { $0 }.joined(separator: " ")
        return FormField(
            control: control, name: name, id: id, label: label.isEmpty ? "" : request.t(label), required: required, type: type,
            value: value ?? "", options: [], empty: nil, parts: [], note: note, hint: hint.map { request.t($0) }, error: message,
            describedBy: describedBy.isEmpty ? nil : describedBy,
            attributes: attributes.map { FormField.Attribute(name: $0.key, value: $0.value) })
    }
}

/// Fields under a legend, or without one.
package struct FormSection: Encodable {
    package var legend: String?
    package var fields: [FormField]

    package init(legend: String? = nil, fields: [FormField]) {
        self.legend = legend
        self.fields = fields
    }
}

/// A record's new or edit form (`record-form.leaf`): guidance above, hidden values, the fields in
/// sections, saving to `action` and cancelling back to where the record is shown.
package struct RecordFormPage: Encodable {
    package var layout: Layout
    package var action: String
    package var cancel: String
    package var id: String?
    package var version: String?
    package var once: String
    package var error: FormError?
    package var conflict: Bool
    package var notes: [String]
    package var hidden: [FormField.Attribute]
    package var sections: [FormSection]
    package var multipart: Bool
    /// Instead of the form, when what it needs is missing: a line and where to find it.
    package var missing: Missing?
    /// Under the form, for a record whose form is its page: where deleting it posts.
    package var deleteAction: String?

    package struct Missing: Encodable {
        package var text: String
        package var href: String
        package var label: String

        package init(text: String, href: String, label: String) {
            self.text = text
            self.href = href
            self.label = label
        }
    }
}

extension FormFields {
    /// Renders a record's form: `path` is the register's (`/members`); an edit posts to the record's own path.
    package func page(
        titleKey: String, path: String, id: UUID?, version: String?, once: String?, action: String? = nil, cancel: String? = nil,
        notes: [String] = [], hidden: KeyValuePairs<String, String?> = [:], sections: [FormSection], multipart: Bool = false,
        missing: RecordFormPage.Missing? = nil, deletable: Bool = false, status: HTTPStatus? = nil
    ) async throws -> Response {
        let target = id.map { "\(path)/\($0)" } ?? path
        let page = RecordFormPage(
            layout: Pages.layout(request, titleKey: titleKey), action: action ?? target, cancel: cancel ?? target, id: id?.uuidString,
            version: version, once: once ?? Pages.once(), error: error, conflict: conflict, notes: notes,
            hidden: hidden.compactMap { entry in entry.value.map { FormField.Attribute(name: entry.key, value: $0) } },
            sections: sections, multipart: multipart, missing: missing, deleteAction: deletable ? id.map { "\(path)/\($0)/delete" } : nil)
        return try await Pages.render("record-form", page, status: status ?? self.status, on: request)
    }

    package func page(
        titleKey: String, path: String, id: UUID?, version: String?, once: String?, action: String? = nil, cancel: String? = nil,
        notes: [String] = [], hidden: KeyValuePairs<String, String?> = [:], fields: [FormField], multipart: Bool = false,
        missing: RecordFormPage.Missing? = nil, deletable: Bool = false, status: HTTPStatus? = nil
    ) async throws -> Response {
        try await page(
            titleKey: titleKey, path: path, id: id, version: version, once: once, action: action, cancel: cancel, notes: notes,
            hidden: hidden, sections: [FormSection(fields: fields)], multipart: multipart, missing: missing,
            deletable: deletable, status: status)
    }
}
