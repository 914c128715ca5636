import Foundation

/// connexion serving one OpenAPI file on 127.0.0.1 (`Tests/Contract/contract_server.py`), with
/// request validation on and the file's example responses, recording every exchange.
final class ContractServer: Sendable {
    /// What the server announces once it listens.
    struct Ready: Decodable, Sendable {
        /// The port on 127.0.0.1.
        let port: Int
        /// The URL path the client's base URL ends in, such as `/kafka/v3`.
        let apiRoot: String
        /// Every operation of the file, with the example responses it will answer in turn.
        let operations: [ServedOperation]

        private enum CodingKeys: String, CodingKey {
            case port
            case apiRoot = "api_root"
            case operations
        }
    }

    /// Where the harness scripts are.
    static let harnessFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Contract")

    /// One operation of the served file.
    struct ServedOperation: Decodable, Sendable {
        let method: String
        /// The path template below `apiRoot`.
        let path: String
        /// The responses the server gives to successive calls.
        let examples: [ExampleResponse]
    }

    /// What one example response holds, so the call's outcome can be checked against it.
    struct ExampleResponse: Decodable, Sendable {
        let status: Int
        /// The example's `error_code`, for a JSON error body that has one.
        let errorCode: Int?

        private enum CodingKeys: String, CodingKey {
            case status
            case errorCode = "error_code"
        }
    }

    let ready: Ready
    /// The JSON-lines file of recorded request/response pairs.
    let pairsFile: URL
    private let process: Process
    private let input: Pipe
    private let errorLog: URL

    /// The client's base URL.
    var baseURL: URL { URL(string: "http://127.0.0.1:\(ready.port)\(ready.apiRoot)")! }

    /// Starts the server for `spec` and waits until it listens.
    ///
    /// - Throws: ``HarnessError`` with the server's error output when it does not start (for
    ///   example when connexion is not installed: `bash .ci/setup` installs it).
    init(spec: URL, workFolder: URL) async throws {
        pairsFile = workFolder.appendingPathComponent("pairs.jsonl")
        errorLog = workFolder.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: pairsFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)

        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Self.harnessFolder.appendingPathComponent("contract_server.py").path,
            "--spec", spec.path, "--record", pairsFile.path,
        ]
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorLog)
        try process.run()

        let line = await Self.firstLine(of: output.fileHandleForReading)
        guard let data = line?.data(using: .utf8), let ready = try? JSONDecoder().decode(Ready.self, from: data) else {
            process.terminate()
            let log = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
            throw HarnessError(
                "connexion did not start for \(spec.lastPathComponent) (is it installed? `bash .ci/setup` installs it). "
                    + "Its output: \(line ?? "none")\n\(log.suffix(2_000))"
            )
        }
        self.ready = ready
    }

    /// Stops the server: it exits when its standard input closes.
    func stop() async {
        try? input.fileHandleForWriting.close()
        let process = process
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                let deadline = Date().addingTimeInterval(10)
                while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
                if process.isRunning { process.terminate() }
                process.waitUntilExit()
                continuation.resume()
            }
        }
    }

    /// Reads up to the first newline on a dispatch thread, so no Swift concurrency thread blocks.
    private static func firstLine(of handle: FileHandle) async -> String? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var bytes = Data()
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    bytes.append(chunk)
                    if bytes.contains(UInt8(ascii: "\n")) { break }
                }
                let line = bytes.split(separator: UInt8(ascii: "\n")).first.map { String(decoding: $0, as: UTF8.self) }
                continuation.resume(returning: line)
            }
        }
    }
}

/// A failure of the contract harness itself, with what to do about it.
struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
