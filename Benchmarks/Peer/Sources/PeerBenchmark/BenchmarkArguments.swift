import Foundation

/// The command line of `peer-benchmark`.
struct BenchmarkArguments {
    /// Encode + decode round trips per timed round.
    var iterations = 5_000
    /// Timed rounds per payload and side; the report gives their median and range.
    var rounds = 7
    /// Untimed round trips per payload and side before the first round.
    var warmup = 500
    /// Runs of each generator; 0 skips the generation timing.
    var generationRuns = 5
    /// The release-built `kafka-rest-gen`.
    var oursGenerator: String?
    /// The release-built `swift-openapi-generator`.
    var peerGenerator: String?
    /// The OpenAPI document both generators read.
    var spec = "spec/kafka-rest-v3.yaml"
    /// The Mustache templates of `kafka-rest-gen`.
    var templates = "Templates"
    /// The configuration of `swift-openapi-generator` (modes, access modifier, naming).
    var peerConfig = "Benchmarks/Peer/Sources/PeerAPI/openapi-generator-config.yaml"
    /// The machine line of the report, such as `nproc 2, Linux x86_64, Swift version 6.3.1`.
    var machine = "\(ProcessInfo.processInfo.activeProcessorCount) cores"

    static let usage = """
        usage: peer-benchmark [--iterations N] [--rounds N] [--warmup N] [--generation-runs N]
                              [--ours-generator PATH] [--peer-generator PATH] [--spec PATH]
                              [--templates PATH] [--peer-config PATH] [--machine TEXT]
          --iterations       encode + decode round trips per timed round (default 5000)
          --rounds           timed rounds per payload and side (default 7)
          --warmup           untimed round trips before the first round (default 500)
          --generation-runs  runs of each generator, 0 to skip (default 5; needs both generators)
          --ours-generator   the release-built kafka-rest-gen
          --peer-generator   the release-built swift-openapi-generator
          --spec             the OpenAPI document (default spec/kafka-rest-v3.yaml)
          --templates        kafka-rest-gen's templates (default Templates)
          --peer-config      swift-openapi-generator's config (default Benchmarks/Peer/Sources/PeerAPI/openapi-generator-config.yaml)
          --machine          the machine line of the report (default: the processor count)
        """

    /// Parses `arguments` (without the program name); `nil` after printing the usage.
    static func parse(_ arguments: [String]) -> BenchmarkArguments? {
        var parsed = BenchmarkArguments()
        let counts: [String: WritableKeyPath<BenchmarkArguments, Int>] = [
            "--iterations": \.iterations,
            "--rounds": \.rounds,
            "--warmup": \.warmup,
            "--generation-runs": \.generationRuns,
        ]
        let texts: [String: WritableKeyPath<BenchmarkArguments, String>] = [
            "--spec": \.spec,
            "--templates": \.templates,
            "--peer-config": \.peerConfig,
            "--machine": \.machine,
        ]
        let paths: [String: WritableKeyPath<BenchmarkArguments, String?>] = [
            "--ours-generator": \.oursGenerator,
            "--peer-generator": \.peerGenerator,
        ]
        var remaining = arguments[...]
        while let name = remaining.popFirst() {
            guard let text = remaining.popFirst() else { return fail() }
            if let field = counts[name], let value = Int(text), value >= 0 {
                parsed[keyPath: field] = value
            } else if let field = texts[name] {
                parsed[keyPath: field] = text
            } else if let field = paths[name] {
                parsed[keyPath: field] = text
            } else {
                return fail()
            }
        }
        guard parsed.iterations >= 1, parsed.rounds >= 1 else {
            return fail("iterations and rounds must be at least 1")
        }
        guard parsed.generationRuns == 0 || (parsed.oursGenerator != nil && parsed.peerGenerator != nil) else {
            return fail("timing generation needs --ours-generator and --peer-generator (or --generation-runs 0)")
        }
        return parsed
    }

    /// Prints `problem` and the usage to standard error; returns `nil` for `parse`.
    private static func fail(_ problem: String? = nil) -> BenchmarkArguments? {
        let text = [problem, usage].compactMap { $0 }.joined(separator: "\n")
        FileHandle.standardError.write(Data((text + "\n").utf8))
        return nil
    }
}
