import Foundation

/// One generator's runs over the spec: wall-clock seconds of each and what the last one wrote.
struct GenerationTiming {
    var generator: String
    var seconds: Statistics
    var files: Int
    var lines: Int
    /// Distinct lines of the generator's output with `warning:` or `error:` in them.
    var diagnostics: [String]
}

/// A generator command line; `output` is the empty folder it writes to.
struct GeneratorCommand {
    var name: String
    var executable: String
    var arguments: (_ output: String) -> [String]
}

/// Runs each command `runs` times, alternating between them so that a change in the machine's
/// load falls on both, each time into a new empty folder, and times the whole process.
///
/// - Throws: ``GeneratorFailed`` when a run exits with a non-zero status.
func timeGenerators(_ commands: [GeneratorCommand], runs: Int) throws -> [GenerationTiming] {
    var samples = Array(repeating: [Double](), count: commands.count)
    var written = Array(repeating: (files: 0, lines: 0), count: commands.count)
    var diagnostics = Array(repeating: [String](), count: commands.count)
    for _ in 0..<runs {
        for (index, command) in commands.enumerated() {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("peer-benchmark-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let run = try runProcess(command.executable, command.arguments(folder.path))
            guard run.status == 0 else {
                throw GeneratorFailed(generator: command.name, status: run.status, output: run.output)
            }
            samples[index].append(run.duration.seconds)
            written[index] = try countSwiftLines(in: folder)
            diagnostics[index] = distinctDiagnostics(in: run.output)
        }
    }
    return commands.indices.map { index in
        GenerationTiming(
            generator: commands[index].name,
            seconds: Statistics(samples[index]),
            files: written[index].files,
            lines: written[index].lines,
            diagnostics: diagnostics[index]
        )
    }
}

/// A generator exited with a non-zero status.
struct GeneratorFailed: Error, CustomStringConvertible {
    var generator: String
    var status: Int32
    var output: String

    var description: String {
        "\(generator) exited with status \(status):\n\(output)"
    }
}

/// Runs `executable` to completion with its standard output and error sent to one file, and
/// returns its status, combined output and wall-clock duration.
private func runProcess(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String, duration: Duration) {
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("peer-benchmark-\(UUID().uuidString).log")
    guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: log.path])
    }
    defer { try? FileManager.default.removeItem(at: log) }
    let handle = try FileHandle(forWritingTo: log)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = handle
    process.standardError = handle
    let start = ContinuousClock.now
    try process.run()
    process.waitUntilExit()
    let duration = start.duration(to: .now)
    try handle.close()
    let output = String(decoding: try Data(contentsOf: log), as: UTF8.self)
    return (process.terminationStatus, output, duration)
}

/// The number of `.swift` files under `folder` and of lines in them.
private func countSwiftLines(in folder: URL) throws -> (files: Int, lines: Int) {
    var files = 0
    var lines = 0
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
        guard url.pathExtension == "swift" else { continue }
        files += 1
        lines += try Data(contentsOf: url).reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    }
    return (files, lines)
}

/// The distinct lines of `output` with `warning:` or `error:` in them, in order.
private func distinctDiagnostics(in output: String) -> [String] {
    var seen = Set<String>()
    return output.split(separator: "\n").map(String.init).filter { line in
        let lowercased = line.lowercased()
        return (lowercased.contains("warning:") || lowercased.contains("error:")) && seen.insert(line).inserted
    }
}
