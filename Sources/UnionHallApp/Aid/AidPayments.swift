import Fluent
import SQLKit
import UnionHallCore
import UnionHallPlatform
import Vapor

/// Paying approved applications in batches: the batch's total moves the programme's paid amount
/// in SQL, never past its budget; its list goes to the bank as a spreadsheet.
enum AidPayments {
    /// The union whose programme it is pays it (or the admin): a county's aid officer sees the
    /// city's programme and its own applications, but makes no batch and reads no bank list.
    static func isPayer(of program: AidProgram, _ context: WriteContext) -> Bool {
        context.user.role == .admin || (context.user.seesAid && context.user.unitID == program.unitID)
    }

    static func requirePayer(of program: AidProgram, _ context: WriteContext) throws {
        guard isPayer(of: program, context) else { throw AppError(status: .forbidden, key: "error.aid.notPayer") }
    }

    static func pay(_ program: AidProgram, input: AidBatchInput, context: WriteContext) async throws -> AidPaymentBatch {
        try AidAccess.handles(context)
        try requirePayer(of: program, context)
        let db = context.app.db
        let paidDate = try Held.date(input.paidDate, field: "paidDate")
        guard paidDate <= CivilDate(context.editor.at) else { throw AppError.invalid("paidDate", "error.date.future") }
        let programID = try program.requireID()
        let query = try context.scope.apply(to: AidApplication.query(on: db), unitKey: \.$unitID)
            .filter(\.$programID == programID).filter(\.$status == .approved).filter(\.$deletedAt == nil)
        if let ids = input.applicationIds {
            guard !ids.isEmpty else { throw AppError.invalid("applicationIds", "error.required") }
            query.filter(\.$id ~~ ids)
        }
        let rows = try await query.all()
        if let ids = input.applicationIds, Set(ids).count != rows.count { throw AppError.invalid("applicationIds", "error.aid.notPayable") }
        guard !rows.isEmpty else { throw AppError.invalid("applicationIds", "error.aid.nothingToPay") }
        let total = try rows.map(\.amountFen).total()
        let ids = try rows.map { try $0.requireID() }
        let batch = AidPaymentBatch()
        batch.programID = programID
        batch.unitID = program.unitID
        batch.paidDate = paidDate.description
        batch.count = rows.count
        batch.totalFen = total
        let editor = context.editor
        try await context.app.write { db in
            guard try await Counters.add(total, to: "paid_fen", within: "budget_fen", of: AidProgram.schema, id: programID, on: db) else {
                let fresh = try await AidProgram.find(programID, on: db)
                throw AppError.invalid(
                    "applicationIds", "error.aid.overBudget", [Fen((fresh?.budgetFen ?? 0) - (fresh?.paidFen ?? 0)).description])
            }
            batch.number = (try await AidPaymentBatch.query(on: db).filter(\.$programID == programID).max(\.$number) ?? 0) + 1
            try await batch.create(on: db)
            let batchID = try batch.requireID()
            let sql = try db.sql()
            // Only rows still approved are paid; a row another batch took meanwhile makes this one fail whole.
            let perStatement = BulkInsert.maxBinds - 8
            var paid = 0
            for start in stride(from: 0, to: ids.count, by: perStatement) {
                let chunk = Array(ids[start..<min(start + perStatement, ids.count)])
                paid += try await sql.update(AidApplication.schema)
                    .set("status", to: AidStatus.paid.rawValue).set("batch_id", to: batchID).set("paid_date", to: paidDate.description)
                    .set("version", to: SQLBinaryExpression(SQLIdentifier("version"), .add, SQLLiteral.numeric("1")))
                    .where("id", .in, chunk).where("status", .equal, AidStatus.approved.rawValue)
                    .returning("id").all().count
            }
            guard paid == ids.count else { throw AppError.conflict("applicationIds", "error.aid.notPayable") }
            try await BulkInsert.rows(
                into: AidEvent.schema, columns: ["id", "subject_id", "at", "what", "note", "actor"],
                ids.map { [UUID(), $0, editor.at, AidStatus.paid.rawValue, paidDate.description, editor.name] }, on: db)
            try await Audit.record(
                .update, program, before: nil,
                after: [
                    "batch": String(batch.number), "count": String(rows.count), "totalFen": String(total), "paidDate": paidDate.description,
                ],
                by: editor, on: db)
        }
        return batch
    }

    static func output(_ batch: AidPaymentBatch) throws -> AidBatchOutput {
        AidBatchOutput(
            id: try batch.requireID(), programId: batch.programID, number: batch.number, paidDate: batch.paidDate, count: batch.count,
            totalFen: batch.totalFen)
    }

    /// Batches paid by the caller's subtree.
    static func batches(of program: AidProgram, scope: UnitScope, on db: any Database) async throws -> [AidPaymentBatch] {
        try await scope.apply(to: AidPaymentBatch.query(on: db), unitKey: \.$unitID).filter(\.$programID == program.requireID()).sort(
            \.$number
        ).all()
    }

    /// The bank's list: payee (the worker), account, amount in yuan, and for the reference the child and
    /// school (a scholarship) or the kind of relief. Audited.
    static func bankList(_ batch: AidPaymentBatch, format: SpreadsheetWriter.Format, request req: Request) async throws -> Response {
        let rows = try await AidApplication.query(on: req.db).filter(\.$batchID == batch.requireID()).sort(\.$unitID).sort(\.$id).all()
        let members = Dictionary(
            try await Member.query(on: req.db).filter(\.$id ~~ Set(rows.map(\.memberID))).all().compactMap { m in m.id.map { ($0, m) } },
            uniquingKeysWith: { first, _ in first })
        let relief = rows.first?.kind.isRelief == true
        let reference = relief ? ["aid.bank.kind"] : ["aid.bank.child", "aid.bank.school"]
        let header = (["aid.bank.payee", "aid.bank.account", "aid.bank.amount"] + reference + ["aid.bank.paidDate"]).map { req.t($0) }
        let lines = rows.map { row in
            [members[row.memberID]?.name ?? "", row.payeeAccount ?? "", Fen(row.amountFen).plainYuan]
                + (relief ? [req.t("aidKind.\(row.kind.rawValue)")] : [row.childName ?? "", row.school ?? ""]) + [row.paidDate ?? ""]
        }
        try await AidAccess.recordView(req, entityID: try batch.requireID(), shown: lines.count, query: "bank-list")
        return try SpreadsheetWriter.download(format, name: "aid-batch-\(batch.number)-\(batch.paidDate)", header: header, rows: lines)
    }

    /// The public notice of a programme's approved and paid applications, names masked.
    static func notice(_ program: AidProgram, on db: any Database) async throws -> [AidNoticeLine] {
        let rows = try await AidApplication.query(on: db).filter(\.$programID == program.requireID()).filter(\.$deletedAt == nil)
            .filter(\.$status ~~ [.approved, .paid]).sort(\.$unitID).sort(\.$submittedDate).sort(\.$id).all()
        let names = try await MentorshipService.memberNames(rows.map(\.memberID), on: db)
        let tree = try await UnitTree.load(on: db)
        return rows.map { row in
            AidNoticeLine(
                worker: Masking.name(names[row.memberID] ?? ""), child: row.childName.map(Masking.name), unit: tree.name(of: row.unitID),
                stage: row.stage, amountFen: row.amountFen)
        }
    }
}
