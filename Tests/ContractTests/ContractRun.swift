import Foundation
import KafkaREST
import KafkaRESTAPI
import Testing

/// One contract run: serve a file, call each of its operations once per example response, stop
/// the server and have openapi-core judge the recorded exchanges.
struct ContractRun {
    let spec: ContractSpec
    /// How many operations were called.
    let called: Int
    /// How many calls were made: one per example response.
    let exchanges: Int
    /// How many exchanges the server recorded.
    let recorded: Int
    /// Operations of the file that our catalog lacks, as `METHOD path`.
    let unknownOperations: [String]
    /// Calls whose outcome does not fit the example the server answered, with what went wrong.
    let failures: [String]
    /// openapi-core's verdict.
    let secondOpinion: PythonRun
    /// The recorded exchanges, kept for inspection until the next run.
    let pairsFile: URL

    /// Runs the contract for `spec`: each operation is called once per example response the
    /// file gives it. Calls alternate between Basic and bearer credentials, so both security
    /// schemes are exercised on every file that declares them.
    static func perform(_ spec: ContractSpec) async throws -> ContractRun {
        let work = FileManager.default.temporaryDirectory
            .appendingPathComponent("kafka-rest-contract").appendingPathComponent(spec.file.deletingPathExtension().lastPathComponent)
        try? FileManager.default.removeItem(at: work)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)

        let server = try await ContractServer(spec: spec.file, workFolder: work)
        var failures: [String] = []
        var unknown: [String] = []
        var called = 0
        var exchanges = 0
        do {
            let basic = try client(server.baseURL, .apiKey(key: ContractCredentials.key, secret: ContractCredentials.secret))
            let bearer = try client(server.baseURL, .bearer(StaticBearerToken(ContractCredentials.token)))
            let catalog = Dictionary(OperationCatalog.all.map { (operationKey($0.method, $0.pathTemplate), $0) }) { first, _ in first }
            let calls = Dictionary(uniqueKeysWithValues: ContractCalls.all.map { ($0.operationID, $0) })
            for operation in server.ready.operations {
                let (method, path) = (operation.method, operation.path)
                guard let descriptor = catalog[operationKey(method, path)], let call = calls[descriptor.operationID] else {
                    unknown.append("\(method) \(path)")
                    continue
                }
                let variant = ReferenceVariant.variant(file: spec.file.lastPathComponent, operationID: descriptor.operationID)
                if let variant { print("contract: \(spec.file.lastPathComponent): \(descriptor.operationID) as a variant: \(variant.reason)") }
                for example in operation.examples {
                    // A 401 goes to the Basic client: the bearer client asks for a new token and
                    // tries once more, which would take the next example.
                    let client = example.status != 401 && exchanges.isMultiple(of: 2) ? bearer : basic
                    let outcome = await Outcome.of { try await (variant?.call ?? call).call(client) }
                    if let mismatch = outcome.mismatch(expecting: example) {
                        failures.append("\(descriptor.operationID) (\(method) \(path)), example \(example.status): \(mismatch)")
                    }
                    exchanges += 1
                }
                called += 1
            }
            try await basic.shutdown()
            try await bearer.shutdown()
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()

        let recorded = try String(contentsOf: server.pairsFile, encoding: .utf8).split(separator: "\n").count
        let check = try await PythonRun.run(
            ContractServer.harnessFolder.appendingPathComponent("check_pairs.py"),
            ["--spec", spec.file.path, "--pairs", server.pairsFile.path])
        return ContractRun(
            spec: spec, called: called, exchanges: exchanges, recorded: recorded, unknownOperations: unknown, failures: failures, secondOpinion: check,
            pairsFile: server.pairsFile)
    }

    /// Records an issue for each operation our catalog lacks, each failed call, a missing or
    /// extra exchange, and each exchange openapi-core rejects.
    func expectClean() throws {
        let name = spec.file.lastPathComponent
        #expect(unknownOperations.isEmpty, "\(name) has operations the generated client lacks: \(unknownOperations)")
        #expect(failures.isEmpty, "\(name): \(failures.count) of \(exchanges) calls went wrong:\n\(failures.joined(separator: "\n"))")
        #expect(recorded == exchanges, "\(name): \(exchanges) calls but \(recorded) exchanges recorded")
        #expect(secondOpinion.status == 0, "\(name): openapi-core: \(secondOpinion.output)")
        let verdict = secondOpinion.output.split(separator: "\n").last ?? ""
        print("contract: \(name): \(called) operations, \(exchanges) example responses, \(failures.count) wrong; \(verdict)")
        print("contract: \(name): exchanges recorded in \(pairsFile.path)")
    }

    /// A client that never retries (each call must get the example the server answers with)
    /// and opens a connection per call, so a keep-alive connection the server has just closed
    /// cannot lose a call and shift the examples of the calls after it.
    private static func client(_ baseURL: URL, _ credentials: Credentials) throws -> KafkaRESTClient {
        try KafkaRESTClient(configuration: KafkaRESTConfiguration(
            baseURL: baseURL, clusterID: Fixture.cluster, credentials: credentials,
            allowsCredentialsOverPlainHTTP: true, retry: .none, connectionBias: .closeEachRequest))
    }

    /// Method and path template with parameter names blanked, so files that name a path
    /// parameter differently still match.
    private static func operationKey(_ method: String, _ path: String) -> String {
        method + " " + path.replacingOccurrences(of: #"\{[^}]*\}"#, with: "{}", options: .regularExpression)
    }
}

/// The credentials the harness's security handlers accept (`Tests/Contract/contract_spec.py`).
enum ContractCredentials {
    static let key = "contract-key"
    static let secret = "contract-secret"
    static let token = "contract-token"
}
