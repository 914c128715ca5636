import ArgumentParser
import Foundation
import KafkaRESTTesting

/// `kafka-rest serve`: the in-memory test server in the foreground, for trying the CLI, curl
/// or code in any language without a cluster.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run a local in-memory Kafka REST v3 server until interrupted.",
        discussion: """
            The server is KafkaRESTTesting's KafkaRESTTestServer: one cluster with topics, topic \\
            configs, ACLs and produce (also streamed), kept in memory and lost on exit. It needs \\
            no credentials. On start it prints, on standard output,
              KAFKA_REST_ENDPOINT=http://127.0.0.1:8082/v3
              KAFKA_REST_CLUSTER_ID=local
            and runs until SIGINT (Ctrl-C) or SIGTERM. With --tls-cert and --tls-key it serves \\
            HTTPS (clients trust the certificate's issuer with --ca-cert); with --tls-client-ca \\
            as well, clients must show a certificate that authority issued (mutual TLS).
            """
    )

    @Option(help: ArgumentHelp("The address to listen on (default 127.0.0.1, this machine only).", valueName: "address"))
    var host = "127.0.0.1"
    @Option(help: ArgumentHelp("The TCP port; 0 picks a free one (default 8082).", valueName: "port"))
    var port = 8082
    @Option(help: ArgumentHelp("Topics to create at start, comma-separated; repeat for more.", valueName: "names"))
    var topics: [String] = []
    @Option(help: ArgumentHelp("Partitions of each topic of --topics (default 1).", valueName: "count"))
    var partitions = 1
    @Option(help: ArgumentHelp("The cluster id (default local).", valueName: "id"))
    var clusterID = "local"
    @Option(help: ArgumentHelp("The API's base path (default /v3; Confluent Cloud's is /kafka/v3).", valueName: "path"))
    var basePath = "/v3"
    @Option(help: ArgumentHelp("PEM file with the server's certificate chain, for HTTPS.", valueName: "path"))
    var tlsCert: String?
    @Option(help: ArgumentHelp("PEM file with the server certificate's unencrypted private key.", valueName: "path"))
    var tlsKey: String?
    @Option(help: ArgumentHelp("PEM file of the authorities client certificates must chain to (mutual TLS).", valueName: "path"))
    var tlsClientCa: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        guard partitions > 0 else { throw ValidationError("--partitions must be at least 1") }
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("give --tls-cert and --tls-key together") }
        guard tlsClientCa == nil || tlsCert != nil else { throw ValidationError("--tls-client-ca needs --tls-cert and --tls-key") }
        guard basePath.hasPrefix("/") else { throw ValidationError("--base-path must start with /") }
    }

    func run() async throws {
        let console = CLIContext.current.output
        let signals = TerminationSignals()
        let server = try await start()
        // One write, so a script reading the pipe sees both lines or neither.
        console.print("KAFKA_REST_ENDPOINT=\(server.baseURL.absoluteString)\nKAFKA_REST_CLUSTER_ID=\(server.clusterID)")
        let names = server.topics.map(\.name)
        console.printError(
            "kafka-rest serve: Kafka REST v3 in memory at \(server.baseURL.absoluteString), cluster \(server.clusterID)"
                + (names.isEmpty ? "" : ", topics \(names.joined(separator: ", "))") + "; stop with Ctrl-C"
        )
        let signal = await signals.next()
        try await server.stop()
        console.printError("kafka-rest serve: stopped (\(signal == SIGINT ? "SIGINT" : "SIGTERM"))")
    }

    /// Starts the server with the options' address, TLS and topics.
    ///
    /// - Throws: ``CLIError`` (exit status 2) when a TLS file cannot be read or used, or the
    ///   address cannot be listened on.
    func start() async throws -> KafkaRESTTestServer {
        let names = topics.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let tls = try tlsCert.map { certificate in
            KafkaRESTTestServer.TLS(
                certificateChain: try Self.read(certificate, option: "--tls-cert"),
                privateKey: try Self.read(tlsKey ?? "", option: "--tls-key"),
                clientCertificateAuthority: try tlsClientCa.map { try Self.read($0, option: "--tls-client-ca") }
            )
        }
        let server: KafkaRESTTestServer
        do {
            server = try await KafkaRESTTestServer.start(basePath: basePath, clusterID: clusterID, host: host, port: port, tls: tls)
        } catch {
            throw CLIError.usage(
                "cannot serve on \(host):\(port)\(tls == nil ? "" : " with the given certificate and key"): \(error)",
                hint: "pick another --port (0 lets the system choose) or --host; check that --tls-cert and --tls-key are PEM files that belong together"
            )
        }
        for name in names {
            server.createTopic(name, partitionsCount: partitions)
        }
        return server
    }

    /// The text of the PEM file at `path`.
    private static func read(_ path: String, option: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError.usage("cannot read the \(option) file \(path)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// SIGINT and SIGTERM caught from creation on, so that one arriving while the server starts
/// is not lost and no longer ends the process at once.
final class TerminationSignals: Sendable {
    private let state = LockedValue<(signal: Int32?, waiter: CheckedContinuation<Int32, Never>?)>((nil, nil))
    private let sources: [UncheckedSignalSource]

    /// Starts catching SIGINT and SIGTERM.
    init() {
        let state = state
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                let waiter = state.withLock { state -> CheckedContinuation<Int32, Never>? in
                    guard state.signal == nil else { return nil }
                    state.signal = number
                    defer { state.waiter = nil }
                    return state.waiter
                }
                waiter?.resume(returning: number)
            }
            source.resume()
            return UncheckedSignalSource(source: source)
        }
    }

    deinit {
        sources.forEach { $0.source.cancel() }
    }

    /// The first signal caught, waiting for it if none came yet.
    func next() async -> Int32 {
        await withCheckedContinuation { continuation in
            let caught = state.withLock { state -> Int32? in
                if state.signal == nil { state.waiter = continuation }
                return state.signal
            }
            if let caught {
                continuation.resume(returning: caught)
            }
        }
    }
}

/// A dispatch signal source, only cancelled after its set-up.
private struct UncheckedSignalSource: @unchecked Sendable {
    let source: any DispatchSourceSignal
}
