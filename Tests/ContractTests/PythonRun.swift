import Foundation

/// A finished Python script: its exit status and combined output.
struct PythonRun: Sendable {
    let status: Int32
    let output: String

    /// Runs `script` with `python3` and waits for it on a dispatch thread.
    static func run(_ script: URL, _ arguments: [String]) async throws -> PythonRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let data = output.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: PythonRun(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self)))
            }
        }
    }
}
