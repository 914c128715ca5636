import Foundation

/// The inputs and seed shared by the three fuzz suites (decoders, validator, spec loader).
///
/// `KAFKA_REST_FUZZ_INPUTS` sets the total number of inputs across the suites, each running its
/// share; `KAFKA_REST_FUZZ_SEED` (decimal or `0x` hex) replaces the fixed seed. Every input is
/// made from the seed and its index alone, so a reported index replays with the same seed.
public enum FuzzBudget {
    /// The fuzz suites and their shares of the total.
    public enum Suite: Double, Sendable {
        case decoders = 0.50
        case validator = 0.47
        case loader = 0.03
    }

    /// A variable that is set but is not a number.
    public struct BadVariable: Error, CustomStringConvertible {
        public let name: String
        public let value: String
        public var description: String { "\(name)=\(value) is not a number" }
    }

    /// The total when `KAFKA_REST_FUZZ_INPUTS` is unset: quick enough for every `swift test`.
    public static let defaultTotal = 30_000
    /// The seed when `KAFKA_REST_FUZZ_SEED` is unset.
    public static let defaultSeed: UInt64 = 0x5EED_CAFE

    /// The number of inputs `suite` runs.
    public static func inputs(for suite: Suite) throws -> Int {
        let total = try variable("KAFKA_REST_FUZZ_INPUTS").map { Int(clamping: $0) } ?? defaultTotal
        return Int((Double(total) * suite.rawValue).rounded())
    }

    /// The seed of every suite.
    public static func seed() throws -> UInt64 {
        try variable("KAFKA_REST_FUZZ_SEED") ?? defaultSeed
    }

    /// The seed as the suites print it.
    public static func describe(seed: UInt64) -> String {
        "0x" + String(seed, radix: 16, uppercase: true)
    }

    /// Seconds with one decimal, for the summary line.
    public static func describe(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.1f s", seconds)
    }

    /// Runs `body` for inputs `0..<inputs`, spread over one task per processor, and merges
    /// what the tasks counted. Tasks yield after every input: an input can take milliseconds,
    /// and other tests' work (an HTTP client's deadline, for one) must not wait behind many.
    public static func run<Tally: FuzzTally>(inputs: Int, _ body: @escaping @Sendable (Int, inout Tally) -> Void) async -> Tally {
        let tasks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        return await withTaskGroup(of: Tally.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    var tally = Tally()
                    for index in stride(from: task, to: inputs, by: tasks) {
                        body(index, &tally)
                        await Task.yield()
                    }
                    return tally
                }
            }
            var total = Tally()
            for await tally in group {
                total.merge(tally)
            }
            return total
        }
    }

    /// Text of an input for a failure message: at most `limit` characters, escaped.
    public static func preview(_ input: Data, limit: Int = 400) -> String {
        let text = String(decoding: input.prefix(limit * 4), as: UTF8.self)
        let shown = String(text.prefix(limit)).debugDescription
        return text.count > limit || input.count > limit * 4 ? shown + "… (\(input.count) bytes)" : shown
    }

    /// A decimal or `0x` hexadecimal variable; `_` may group digits.
    private static func variable(_ name: String) throws -> UInt64? {
        guard let text = ProcessInfo.processInfo.environment[name] else { return nil }
        let digits = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "").lowercased()
        let parsed = digits.hasPrefix("0x") ? UInt64(digits.dropFirst(2), radix: 16) : UInt64(digits)
        guard let parsed else { throw BadVariable(name: name, value: text) }
        return parsed
    }
}

/// What a fuzz suite counts; the counts of its tasks are merged.
public protocol FuzzTally: Sendable {
    /// Nothing counted.
    init()
    /// Adds what another task counted.
    mutating func merge(_ other: Self)
}
