import Foundation

/// Facts about the machine and the moment of a run, for the line under the table.
struct MachineFacts {
    /// Cores this process may run on (as `nproc` counts them).
    var cores: Int
    /// The processor's model name from `/proc/cpuinfo`, where there is one.
    var processor: String?
    /// Physical memory in gibibytes.
    var memoryGibibytes: Double
    /// The operating system and its version.
    var system: String
    /// The first line of `swift --version` naming the version, if `swift` can be run.
    var swiftVersion: String?
    /// When the run finished, ISO 8601 in UTC.
    var date: String

    /// The facts now.
    static func current() -> MachineFacts {
        let info = ProcessInfo.processInfo
        return MachineFacts(
            cores: info.activeProcessorCount,
            processor: processorModel(),
            memoryGibibytes: Double(info.physicalMemory) / 1_073_741_824,
            system: info.operatingSystemVersionString,
            swiftVersion: swiftVersion(),
            date: ISO8601DateFormatter().string(from: Date())
        )
    }

    var line: String {
        [
            "\(cores) cores",
            processor,
            String(format: "%.0f GiB", memoryGibibytes),
            system,
            swiftVersion,
            date,
        ].compactMap { $0 }.joined(separator: ", ")
    }

    /// The first `model name` of `/proc/cpuinfo`.
    private static func processorModel() -> String? {
        guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else {
            return nil
        }
        return cpuinfo.split(separator: "\n")
            .first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// `Swift version …` from `swift --version`; `nil` if it cannot be run.
    private static func swiftVersion() -> String? {
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "--version"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else {
            return nil
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.split(separator: "\n").lazy.compactMap { line in
            line.range(of: "Swift version").map { String(line[$0.lowerBound...]) }
        }.first
    }
}
