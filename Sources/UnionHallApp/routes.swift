import UnionHallCore
import Vapor

/// Page routes run with the browser session and CSRF checks; API routes with bearer tokens.
func routes(_ app: Application) throws {
    app.get("healthz") { _ in HTTPStatus.ok }

    let pages = app.grouped(SessionCookieAuthenticator())
    let loginPages = LoginPages()
    try pages.register(collection: loginPages)
    let signedIn = pages.grouped(RequirePageUser(), CSRFMiddleware())
    loginPages.bootProtected(routes: signedIn)
    try signedIn.register(collection: HomePage())
    try signedIn.register(collection: UnitPages())
    try signedIn.register(collection: OrganizationPages())
    try signedIn.register(collection: MemberPages())
    RecordPages<UnitForm>.register(on: signedIn)
    RecordPages<OrganizationForm>.register(on: signedIn)
    RecordPages<MemberForm>.register(on: signedIn)
    RecordPages<HonorForm>.register(on: signedIn)
    try signedIn.register(collection: HonorPages())
    RecordPages<MentorshipForm>.register(on: signedIn)
    RecordPages<StudioForm>.register(on: signedIn)
    RecordPages<OutreachForm>.register(on: signedIn)
    RecordPages<TechProblemForm>.register(on: signedIn)
    try signedIn.register(collection: TechProblemPages())
    try signedIn.register(collection: OutreachPages())
    try signedIn.register(collection: StudioPages())
    try signedIn.register(collection: MentorshipPages())
    try signedIn.register(collection: MyRecordPage())
    try signedIn.register(collection: UserPages())
    try signedIn.register(collection: AuditPages())

    let api = app.grouped("api", "v1").grouped(BearerTokenAuthenticator())
    let accounts = AccountAPIController()
    try api.register(collection: accounts)
    try api.register(collection: OpenAPIController())
    let authorized = api.grouped(RequireAPIUser())
    accounts.bootProtected(routes: authorized)
    try authorized.register(collection: RecordAPIController<UnionUnit>())
    try authorized.register(collection: RecordAPIController<Organization>())
    try authorized.register(collection: RecordAPIController<Member>())
    try authorized.register(collection: RecordAPIController<Honor>())
    try authorized.register(collection: RecordAPIController<MentorshipAgreement>())
    try authorized.register(collection: WorkflowStepController<MentorshipAgreement, MentorshipStep, MentorshipStepInput> {
        try await MentorshipService.step($0, $1, input: $2, context: $3)
    })
    try authorized.register(collection: RecordAPIController<Studio>())
    try authorized.register(collection: StudioPartsController())
    try authorized.register(collection: RecordAPIController<OutreachActivity>())
    try authorized.register(collection: WorkflowStepController<OutreachActivity, OutreachStep, OutreachStepInput> {
        try await OutreachService.step($0, $1, input: $2, context: $3)
    })
    try authorized.register(collection: RecordAPIController<TechProblem>())
    try authorized.register(collection: WorkflowStepController<TechProblem, TechProblemStep, TechProblemStepInput> {
        try await TechProblemService.step($0, $1, input: $2, context: $3)
    })
    try authorized.register(collection: TechProblemRaiseController())
    try authorized.register(collection: RecordAPIController<InnovationItem>())
    try authorized.register(collection: WorkflowStepController<InnovationItem, InnovationStep, InnovationStepInput> {
        try await InnovationWorkflow.step($0, $1, input: $2, context: $3)
    })
    try authorized.register(collection: InnovationAPIController())
    try authorized.register(collection: RecordAPIController<Patent>())
    try authorized.register(collection: AuditAPIController())
}
