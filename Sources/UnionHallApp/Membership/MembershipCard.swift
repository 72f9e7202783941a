import Fluent
import UnionHallCore
import UnionHallPlatform
import Vapor

/// The e-membership card (电子会员证) on the worker's phone, and the public check its QR code opens.
/// The code in the QR is a random secret of the card's, not the member's id: whoever scans it learns
/// a masked name, the union and whether the membership is active, nothing else.
struct MembershipCardPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("me", "card", use: card)
    }

    struct Context: Encodable {
        var layout: Layout
        var name: String
        var union: String
        var number: String
        var joinDate: String
        var active: Bool
        var statusLabel: String
        var qrPath: String
        var qrSize: Int
        var checkURL: String
    }

    @Sendable func card(req: Request) async throws -> Response {
        let member = try await req.requireMember()
        let code = try await MembershipCheck.code(for: member, on: req)
        let url = req.origin + "/check/membership/" + code
        let tree = try await req.unitTree()
        let qr = QRCode.encode(url)
        let context = Context(
            layout: Pages.layout(req, titleKey: "card.title"), name: member.name, union: tree.name(of: member.unitID),
            number: member.membershipNumber ?? "", joinDate: member.joinDate ?? "", active: member.membershipStatus.isActive,
            statusLabel: req.name(of: member.membershipStatus), qrPath: qr?.svgPath ?? "", qrSize: qr?.drawnSize ?? 0, checkURL: url)
        return try await Pages.render("membership/card", context, on: req)
    }
}

/// What the public check shows.
struct MembershipCheck: Content {
    var name: String
    var union: String
    var active: Bool

    static let codeLength = 20
    private static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789")

    /// The card's code, made the first time the card is shown.
    static func code(for member: Member, on req: Request) async throws -> String {
        if let code = member.cardCode { return code }
        let code = String((0..<codeLength).map { _ in alphabet.randomElement() ?? "A" })
        try await req.write { db in
            try await Member.query(on: db).filter(\.$id == member.requireID()).filter(\.$cardCode == nil).set(\.$cardCode, to: code)
                .update()
        }
        let stored = try await Member.find(member.requireID(), on: req.db)?.cardCode
        return stored ?? code
    }

    /// A scanned code: unknown codes count against the address, so codes cannot be tried in bulk.
    static func check(_ code: String, request: Request) async throws -> MembershipCheck {
        let claims = try await LoginThrottles.claim(LoginThrottles.lookupKeys(on: request), on: request)
        guard code.count == codeLength, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
            let member = try await Member.query(on: request.db).filter(\.$cardCode == code).first(), member.deletedAt == nil
        else {
            try await LoginThrottles.failed(claims, on: request)
            throw AppError.notFound
        }
        try await LoginThrottles.succeeded(claims, on: request)
        let tree = try await request.unitTree()
        return MembershipCheck(
            name: Masking.name(member.name), union: tree.name(of: member.unitID), active: member.membershipStatus.isActive)
    }
}

/// `GET /check/membership/{code}` (the page the QR code opens) and `GET /api/v1/membership-cards/{code}`.
struct MembershipCheckRoutes: RouteCollection {
    let api: Bool

    func boot(routes: any RoutesBuilder) throws {
        if api {
            routes.get("membership-cards", ":code") { req async throws -> MembershipCheck in
                try await MembershipCheck.check(try req.parameters.require("code"), request: req)
            }
            return
        }
        routes.get("check", "membership", ":code") { req async throws -> Response in
            struct Context: Encodable {
                var layout: Layout
                var check: MembershipCheck?
            }
            do {
                let check = try await MembershipCheck.check(try req.parameters.require("code"), request: req)
                return try await Pages.render(
                    "membership/check", Context(layout: Pages.layout(req, titleKey: "card.check"), check: check), on: req)
            } catch let error as AppError where error.status == .notFound {
                return try await Pages.render(
                    "membership/check", Context(layout: Pages.layout(req, titleKey: "card.check"), check: nil), status: .notFound, on: req)
            }
        }
    }
}
