import Vapor

/// Counts and times every request by its route pattern, and writes one access-log line with the
/// request id (which it also answers in `X-Request-Id`). Neither the path's values nor the query
/// reach the log: a search term may be a name, a path may carry a certificate code.
package struct RequestTelemetryMiddleware: AsyncMiddleware {
    private let telemetry: Telemetry

    package init(telemetry: Telemetry) {
        self.telemetry = telemetry
    }

    package func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let started = ContinuousClock.now
        let route = request.routePattern
        let importing = request.method == .POST && route.hasSuffix("/import")
        telemetry.began(importing: importing)
        defer { telemetry.ended(importing: importing) }
        var status: UInt = 500
        defer {
            let elapsed = ContinuousClock.now - started
            telemetry.record(method: request.method.rawValue, route: route, status: status, duration: elapsed)
            request.logger.info(
                "request",
                metadata: [
                    "method": .string(request.method.rawValue), "route": .string(route), "status": .stringConvertible(status),
                    "ms": .string(elapsed.millisecondText),
                ])
        }
        let response = try await next.respond(to: request)
        status = response.status.code
        response.headers.replaceOrAdd(name: .xRequestId, value: request.id)
        return response
    }
}

extension Request {
    /// `/api/v1/members/:id`, or `unmatched` for a path no route serves.
    package var routePattern: String {
        guard let route else { return "unmatched" }
        return "/" + route.path.map(\.description).joined(separator: "/")
    }
}

extension Duration {
    package var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }

    /// "12.34", rounded down: `String(format:)` goes through Foundation's printf, a measurable share
    /// of a small request.
    package var millisecondText: String {
        let (seconds, attoseconds) = components
        let hundredths = seconds.multipliedReportingOverflow(by: 100_000).partialValue + attoseconds / 10_000_000_000_000
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}
