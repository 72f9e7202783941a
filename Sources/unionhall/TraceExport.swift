import Logging
import OTel
import ServiceLifecycle
import Tracing
import UnionHallPlatform
import Vapor

/// Spans sent over OTLP/HTTP when an endpoint is configured (`OTEL_EXPORTER_OTLP_ENDPOINT` or
/// `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, with the other `OTEL_*` variables the specification names):
/// one per request (`TracingMiddleware`) and one per Fluent query inside it. Without one, nothing
/// is bootstrapped and the no-op tracer costs nothing.
final class TraceExport: Sendable {
    private let group: ServiceGroup
    private let task: Task<Void, Never>

    static func start() throws -> TraceExport? {
        guard Telemetry.tracesExported else { return nil }
        var configuration = OTel.Configuration.default
        configuration.serviceName = "unionhall"
        configuration.metrics.enabled = false
        configuration.logs.enabled = false
        let backend = try OTel.makeTracingBackend(configuration: configuration)
        InstrumentationSystem.bootstrap(backend.factory)
        return TraceExport(service: backend.service)
    }

    private init(service: some Service) {
        let group = ServiceGroup(services: [service], gracefulShutdownSignals: [], logger: Logger(label: "unionhall.tracing"))
        self.group = group
        task = Task {
            do { try await group.run() } catch { Logger(label: "unionhall.tracing").error("trace export stopped: \(error)") }
        }
    }

    /// Sends what is still batched, then ends.
    func stop() async {
        await group.triggerGracefulShutdown()
        await task.value
    }
}
