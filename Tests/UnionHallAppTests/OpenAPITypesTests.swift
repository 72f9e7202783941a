import Foundation
import OpenAPIKit30
import Testing
@testable import UnionHallApp
import UnionHallCore

/// Every schema in the API document against the Swift type the API decodes or encodes, both ways:
/// the same keys, the same ones optional, the same kinds of value, the same codes.
@Suite struct OpenAPITypesTests {
    static var types: [(String, any Decodable.Type)] {
        [
            ("AccidentRecord", AccidentOutput.self),
            ("AccidentRecordInput", AccidentInput.self),
            ("AidApplication", AidApplicationOutput.self),
            ("AidApplicationInput", AidApplicationInput.self),
            ("AidBatch", AidBatchOutput.self),
            ("AidBatchInput", AidBatchInput.self),
            ("AidEvent", AidEventOutput.self),
            ("AidNoticeLine", AidNoticeLine.self),
            ("AidProgram", AidProgramOutput.self),
            ("AidProgramInput", AidProgramInput.self),
            ("AidStatistics", AidStatistics.self),
            ("AidStep", AidStepInput.self),
            ("AttendanceInput", AttendanceInput.self),
            ("Attendee", TrainingAPIController.Attendee.self),
            ("AuditEntry", AuditEntryOutput.self),
            ("BlindInnovationItem", BlindInnovationItem.self),
            ("Budget", BudgetOutput.self),
            ("BudgetInput", BudgetInput.self),
            ("CampaignRates", CampaignRates.self),
            ("Certificate", CertificateOutput.self),
            ("Certification", CertificationOutput.self),
            ("CertificationInput", CertificationInput.self),
            ("Competition", CompetitionOutput.self),
            ("CompetitionEntry", EntryOutput.self),
            ("CompetitionEvent", EventOutput.self),
            ("CompetitionEventInput", EventInput.self),
            ("CompetitionInput", CompetitionInput.self),
            ("CompetitionStatistics", CompetitionStatistics.self),
            ("CorrectionInput", CorrectionInput.self),
            ("Credentials", Credentials.self),
            ("DisputeCase", DisputeOutput.self),
            ("DisputeConfirmation", DisputeConfirmationInput.self),
            ("DisputeEvent", DisputeEventOutput.self),
            ("DisputeExtension", DisputeExtensionInput.self),
            ("DisputeInput", DisputeInput.self),
            ("DisputePayment", DisputePaymentOutput.self),
            ("DisputePaymentInput", DisputePaymentInput.self),
            ("DisputeRequest", DisputeRequestInput.self),
            ("DisputeSession", DisputeSessionOutput.self),
            ("DisputeSessionInput", DisputeSessionInput.self),
            ("DisputeStatistics", DisputeStatistics.self),
            ("DisputeStep", DisputeStepInput.self),
            ("Enrolment", EnrolmentOutput.self),
            ("EnrolmentInput", EnrolmentInput.self),
            ("EntryInput", EntryInput.self),
            ("Error", ErrorBody.self),
            ("EventStep", EventStepInput.self),
            ("ExternalResult", ExternalResultOutput.self),
            ("ExternalResultInput", ExternalResultInput.self),
            ("HardshipFile", HardshipFileOutput.self),
            ("HardshipFileInput", HardshipFileInput.self),
            ("HardshipStep", HardshipStepInput.self),
            ("HazardEvent", HazardEventOutput.self),
            ("HazardInput", HazardInput.self),
            ("HazardReport", HazardOutput.self),
            ("HazardStatistics", HazardStatistics.self),
            ("HazardStep", HazardStepInput.self),
            ("Honor", HonorOutput.self),
            ("HonorInput", HonorInput.self),
            ("ImportFailure", ImportFailureBody.self),
            ("ImportReport", ImportReport.self),
            ("ImportRowError", ImportRowError.self),
            ("InnovationAttachment", InnovationAttachmentOutput.self),
            ("InnovationEvent", InnovationEventOutput.self),
            ("InnovationItem", InnovationItemOutput.self),
            ("InnovationItemInput", InnovationItemInput.self),
            ("InnovationReview", InnovationReviewOutput.self),
            ("InnovationStatistics", InnovationStatistics.self),
            ("InnovationStep", InnovationStepInput.self),
            ("JudgeInput", JudgeInput.self),
            ("Judging", JudgingOutput.self),
            ("KeyCount", KeyCount.self),
            ("Member", MemberOutput.self),
            ("MemberInput", MemberInput.self),
            ("MentorshipAgreement", MentorshipOutput.self),
            ("MentorshipInput", MentorshipInput.self),
            ("MentorshipStep", MentorshipStepInput.self),
            ("Metadata", ListPage<MemberOutput>.Metadata.self),
            ("Objection", ObjectionOutput.self),
            ("ObjectionInput", ObjectionInput.self),
            ("Organization", OrganizationOutput.self),
            ("OrganizationInput", OrganizationInput.self),
            ("OutreachActivity", OutreachOutput.self),
            ("OutreachInput", OutreachInput.self),
            ("OutreachStep", OutreachStepInput.self),
            ("Participant", ParticipantOutput.self),
            ("ParticipantInput", ParticipantInput.self),
            ("Participation", ParticipationOutput.self),
            ("ParticipationInput", ParticipationInput.self),
            ("Partnership", PartnershipOutput.self),
            ("PartnershipInput", PartnershipInput.self),
            ("PasswordChange", PasswordChange.self),
            ("Patent", PatentOutput.self),
            ("PatentInput", PatentInput.self),
            ("RateGroup", CampaignRates.Group.self),
            ("ResolveInput", ResolveInput.self),
            ("ReviewNotes", ReviewNotesInput.self),
            ("ReviewScore", ReviewScoreInput.self),
            ("ReviewerAssignment", ReviewerAssignmentInput.self),
            ("SafetyCampaign", CampaignOutput.self),
            ("SafetyCampaignInput", CampaignInput.self),
            ("Second", SecondOutput.self),
            ("ServiceEvent", ServiceEventOutput.self),
            ("ServiceEventInput", ServiceEventInput.self),
            ("ServiceStation", StationOutput.self),
            ("ServiceStationInput", StationInput.self),
            ("ServiceStatistics", ServiceStatistics.self),
            ("Sheet", SheetOutput.self),
            ("SheetInput", SheetInput.self),
            ("Studio", StudioOutput.self),
            ("StudioInput", StudioInput.self),
            ("StudioMember", StudioMemberOutput.self),
            ("StudioResult", StudioResultOutput.self),
            ("StudioResultInput", StudioResultInput.self),
            ("Subsidy", SubsidyOutput.self),
            ("SubsidyInput", SubsidyInput.self),
            ("TalentStatistics", TalentStatistics.self),
            ("TechProblem", TechProblemOutput.self),
            ("TechProblemInput", TechProblemInput.self),
            ("TechProblemStep", TechProblemStepInput.self),
            ("TheoryInput", TheoryInput.self),
            ("Token", TokenOutput.self),
            ("TrainingProgram", TrainingProgramOutput.self),
            ("TrainingProgramInput", TrainingProgramInput.self),
            ("TrainingSession", TrainingSessionOutput.self),
            ("TrainingSessionInput", TrainingSessionInput.self),
            ("TrainingStatistics", TrainingCounts.self),
            ("Unit", UnitOutput.self),
            ("UnitInput", UnitInput.self),
            ("User", UserOutput.self),
            ("UserInput", UserInput.self),
            ("UserUpdate", UserUpdate.self),
            ("Weights", WeightsOutput.self),
        ]
    }

    static let components = OpenAPIDocument.document.components.schemas

    func resolved(_ schema: JSONSchema) -> JSONSchema {
        if case .reference(let reference, _) = schema.value, let name = reference.name,
            let target = Self.components[.init(stringLiteral: name)]
        {
            return resolved(target)
        }
        return schema
    }

    /// Schemas a request body names, directly or inside another: the server decodes them. An input
    /// may be optional in Swift where the document requires it: the service answers 422 on the field.
    static let inputs: Set<String> = {
        var names: Set<String> = []
        for (_, item) in OpenAPIDocument.document.paths {
            guard let item = item.pathItemValue else { continue }
            for endpoint in item.endpoints {
                guard let body = endpoint.operation.requestBody?.requestValue else { continue }
                for content in body.content.values {
                    if let schema = content.schema?.schemaValue { names.formUnion(references(in: schema)) }
                }
            }
        }
        var grown = names
        repeat {
            names = grown
            for name in names { if let schema = components[.init(stringLiteral: name)] { grown.formUnion(references(in: schema)) } }
        } while grown != names
        return names
    }()

    static func references(in schema: JSONSchema) -> Set<String> {
        switch schema.value {
        case .reference(let reference, _): return reference.name.map { [$0] } ?? []
        case .object(_, let object): return object.properties.values.reduce(into: []) { $0.formUnion(references(in: $1)) }
        case .array(_, let array): return array.items.map(references) ?? []
        default: return []
        }
    }

    /// `ImportFailure` documents both answers of a failed import: rows when the file was read, none when it was not.
    static let unionSchemas: Set<String> = ["ImportFailure"]

    /// What differs between a document schema and a type's shape, as readable lines.
    func differences(_ schema: JSONSchema, _ shape: TypeShape, at path: String) -> [String] {
        let schema = resolved(schema)
        switch (schema.value, shape) {
        case (.object(_, let object), .object(let fields)):
            var found: [String] = []
            let documented = Set(object.properties.keys)
            for key in documented.subtracting(fields.keys).sorted() { found.append("\(path).\(key): documented, not in the type") }
            for key in Set(fields.keys).subtracting(documented).sorted() { found.append("\(path).\(key): in the type, not documented") }
            for (key, field) in fields.sorted(by: { $0.key < $1.key }) {
                guard let property = object.properties[key] else { continue }
                let root = String(path.prefix { $0 != "." && $0 != "[" })
                let input = Self.inputs.contains(root)
                let mayBeAbsent = !property.required || property.nullable
                if field.optional, !mayBeAbsent, !input {
                    found.append("\(path).\(key): left out when empty, documented as always there")
                }
                if !field.optional, !property.required, !Self.unionSchemas.contains(root) {
                    found.append("\(path).\(key): always there in the type, documented as optional")
                }
                found += differences(property, field.shape, at: "\(path).\(key)")
            }
            return found
        case (.object, .map): return []
        case (.array(_, let array), .array(let element)):
            guard let items = array.items else { return [] }
            return differences(items, element, at: path + "[]")
        case (.string(let core, _), .values(let values)):
            let allowed = Set((core.allowedValues ?? []).compactMap { $0.value as? String })
            return allowed == Set(values) ? [] : ["\(path): codes \(allowed.sorted()) documented, \(values.sorted()) in the type"]
        case (.string(let core, _), .uuid), (.string(let core, _), .date), (.string(let core, _), .string):
            let format = core.format.rawValue
            let expected = shape == .uuid ? "uuid" : shape == .date ? "date-time" : nil
            if let expected, format != expected { return ["\(path): \(expected) in the type, format \(format) documented"] }
            return []
        case (.integer, .integer), (.number, .number), (.number, .integer), (.boolean, .boolean): return []
        case (.fragment, _), (.all, _), (.any, _), (.one, _): return []
        default: return ["\(path): \(shape) in the type, \(schema.jsonTypeFormat?.jsonType.rawValue ?? "?") documented"]
        }
    }

    @Test func everySchemaMatchesItsType() throws {
        var problems: [String] = []
        for (name, type) in Self.types {
            guard let schema = Self.components[.init(stringLiteral: name)] else {
                problems.append("\(name): no such schema")
                continue
            }
            problems += differences(schema, try TypeShape.of(type), at: name)
        }
        #expect(problems.isEmpty, Comment(rawValue: "\n" + problems.joined(separator: "\n")))
    }

    @Test func theCheckSeesWhatDiffers() throws {
        let unit = try #require(Self.components["Unit"])
        let found = differences(unit, try TypeShape.of(OrganizationOutput.self), at: "Unit")
        #expect(found.contains("Unit.creditCode: in the type, not documented"))
        #expect(found.contains("Unit.parentId: documented, not in the type"))
        #expect(try TypeShape.of(OutreachInput.self) != TypeShape.of(OutreachOutput.self))
    }

    @Test func everySchemaHasAType() {
        let typed = Set(Self.types.map(\.0))
        let untyped = Self.components.keys.map(\.rawValue).filter { !typed.contains($0) }
        #expect(untyped.isEmpty, "schemas without a type: \(untyped)")
    }
}
