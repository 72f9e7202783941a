import NIOConcurrencyHelpers
import Prometheus
import Vapor

/// The process's metrics, in Prometheus's text format at `/metrics`: requests by route pattern and
/// status with latency histograms, requests in flight, and what `/metrics` samples when scraped.
package final class Telemetry: Sendable {
    package let registry = PrometheusCollectorRegistry()
    private let inFlight: Gauge
    private let answering = NIOLockedValueBox(0)
    private let importsRunning: Gauge

    static let latencyBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
        .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]

    /// Spans are exported when an OTLP endpoint is configured: the executable bootstraps the exporter,
    /// the app adds a span per request.
    package static var tracesExported: Bool {
        Environment.get("OTEL_EXPORTER_OTLP_ENDPOINT") != nil || Environment.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") != nil
    }

    package init() {
        inFlight = registry.makeGauge(name: "unionhall_http_requests_in_flight", help: "Requests being answered now")
        importsRunning = registry.makeGauge(name: "unionhall_imports_running", help: "Spreadsheet imports being read or written now")
    }

    /// One answered request; `route` is its pattern (`/api/v1/members/:id`), never the path with its values.
    func record(method: String, route: String, status: UInt, duration: Duration) {
        registry.makeCounter(
            name: "unionhall_http_requests_total", labels: [("method", method), ("route", route), ("status", String(status))],
            help: "Requests answered, by route pattern and status"
        ).increment()
        registry.makeDurationHistogram(
            name: "unionhall_http_request_duration_seconds", labels: [("method", method), ("route", route)],
            buckets: Self.latencyBuckets, help: "Time to answer, by route pattern"
        ).record(duration)
    }

    func began(importing: Bool) {
        answering.withLockedValue { $0 += 1 }
        inFlight.increment()
        if importing { importsRunning.increment() }
    }

    func ended(importing: Bool) {
        answering.withLockedValue { $0 -= 1 }
        inFlight.decrement()
        if importing { importsRunning.decrement() }
    }

    /// Waits until no request is being answered, or `limit` has passed: at shutdown, after the server
    /// has stopped taking connections and before the database closes under a handler still running.
    package func drained(within limit: Duration) async {
        let deadline = ContinuousClock.now + limit
        while answering.withLockedValue({ $0 }) > 0, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// A gauge set from a sample taken at scrape time.
    package func set(_ name: String, labels: [(String, String)] = [], help: String, to value: Double) {
        registry.makeGauge(name: name, labels: labels, help: help).set(value)
    }

    package func text() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}

extension Application {
    private struct TelemetryKey: StorageKey { typealias Value = Telemetry }

    package var telemetry: Telemetry {
        if let telemetry = storage[TelemetryKey.self] { return telemetry }
        let telemetry = Telemetry()
        storage[TelemetryKey.self] = telemetry
        return telemetry
    }
}
