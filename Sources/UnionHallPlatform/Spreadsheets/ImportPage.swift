import Vapor

/// The page of an import from a spreadsheet: what the file holds, the templates, the upload, and
/// after a refusal the report of every failing row. Every register's import shows it the same way.
package struct ImportPage: Sendable {
    package var titleKey: String
    /// The sentence above the form: what the rows are and who they may name (`{0}` is the row limit).
    package var hintKey: String
    package var columns: [String]
    /// Where the form is sent: `/members/import`.
    package var action: String
    /// The template download, without `?format=`: `/members/template`.
    package var template: String
    package var back: String
    /// Fields besides the file (the union a roster is for).
    package var fields: @Sendable (_ form: FormFields) -> [FormField] = { _ in [] }

    package init(titleKey: String, hintKey: String, columns: [String], action: String, template: String, back: String) {
        self.titleKey = titleKey
        self.hintKey = hintKey
        self.columns = columns
        self.action = action
        self.template = template
        self.back = back
    }

    struct Context: Encodable {
        var layout: Layout
        var hint: String
        var columns: [String]
        var action: String
        var template: String
        var back: String
        var error: FormError?
        var rows: [ImportRowError]
        var total: Int
        var fields: [FormField]
    }

    package func render(_ req: Request, error: AppError?, failure: ImportFailure?) async throws -> Response {
        let form = FormFields(req, error: error)
        let context = Context(
            layout: Pages.layout(req, titleKey: titleKey), hint: req.t(hintKey, [String(SpreadsheetReader.Limits().maxRows)]),
            columns: columns, action: action, template: template, back: back, error: error.map { Pages.formError($0, on: req) },
            rows: failure?.errors ?? [], total: failure?.total ?? 0,
            fields: fields(form) + [
                form.input(
                    "file", "innovation.file", nil, type: "file", required: true,
                    ["accept": ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"])
            ])
        let failed = error != nil || failure != nil
        return try await Pages.render("import", context, status: failed ? .unprocessableEntity : .ok, on: req)
    }

    /// Runs an upload's import; a refusal shows this page again with the report.
    package func upload(_ req: Request, done: String, _ run: () async throws -> Int) async throws -> Response {
        do {
            let count = try await run()
            return req.redirect(to: "\(done)?notice=imported&count=\(count)", redirectType: .normal)
        } catch let failure as ImportFailure {
            return try await render(req, error: nil, failure: failure)
        } catch let error as AppError where error.field != nil {
            return try await render(req, error: error, failure: nil)
        } catch let error as SpreadsheetError {
            return try await render(req, error: error.appError, failure: nil)
        }
    }
}
