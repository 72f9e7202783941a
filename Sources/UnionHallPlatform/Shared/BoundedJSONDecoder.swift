import Foundation
import UnionHallCore
import Vapor

/// Decodes JSON bodies after checking every number in them against `Limits`: money fields
/// (`…Fen`) within ±10^12 fen, every other number within ±10^9. Out of bounds is a 422 naming the
/// field, before any service sees the value, so no amount typed by anyone can overflow a sum later.
package struct BoundedJSONDecoder: ContentDecoder {
    package let decoder: JSONDecoder

    package init() {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        self.decoder = decoder
    }

    package func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        let data = Data(body.readableBytesView)
        if let tree = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) {
            try Self.check(tree, field: nil, money: false)
        }
        return try decoder.decode(D.self, from: data)
    }

    /// `money` holds below a `…Fen` key, so `{"amountsFen": {"university": …}}` is bounded as money.
    package static func check(_ value: Any, field: String?, money: Bool) throws {
        switch value {
        case let object as [String: Any]:
            for (key, child) in object { try check(child, field: key, money: money || key.hasSuffix("Fen")) }
        case let array as [Any]:
            for child in array { try check(child, field: field, money: money) }
        case let number as NSNumber:
            let bound = money ? Limits.fen : Limits.magnitude(forField: field)
            let double = number.doubleValue
            guard double.isFinite, abs(double) <= Double(bound) else {
                throw AppError.invalid(field ?? "body", "error.range", [String(-bound), String(bound)])
            }
        default:
            break
        }
    }
}
