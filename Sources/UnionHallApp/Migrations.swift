import Fluent

/// Every migration, features in dependency order. Shipped migrations are never edited: a change
/// is a new migration appended here.
enum Migrations {
    static let all: [any Migration] = [
        // 001 - the foundation
        CreateUnionUnit(),
        CreateOrganization(),
        CreateMember(),
        CreateUnitMemberCount(),
        CreateUser(),
        CreateAuthSession(),
        CreateLoginFailure(),
        CreateAuditEntry(),
        CreateFormSubmission(),
        // 002 - model workers and craftsmen
        CreateHonor(),
        CreateMentorshipAgreement(),
        CreateStudio(),
        CreateOutreachActivity(),
        CreateTechProblem(),
        // 003 - worker technical innovation
        CreateInnovation(),
        // 004 - skills: training, certification, competitions
        CreateTraining(),
        CreateCertification(),
        CreateCompetitions(),
        // 007 - rights and care
        CreateDisputes(),
        CreateServices(),
        CreateSafety(),
        CreateHazards(),
        // 008 - aid
        CreateAid(),
        AddAidHandling(),
        // 013 - hardening
        CreateLoginThrottles(),
        AddPasswordChange(),
        AddAidNoticePeriod(),
    ]
}
