// Generation time and JSON encode + decode of KafkaREST's generated code against
// apple/swift-openapi-generator 1.14.3's for the same spec, in one run. Built in release mode
// and run by Benchmarks/peer.sh; `--help` lists the arguments.
import Foundation
import OpenAPIRuntime

guard let arguments = BenchmarkArguments.parse(Array(CommandLine.arguments.dropFirst())) else {
    exit(2)
}

let sides = try [
    Side.ours(),
    Side.peer("peer", coders: .peerDefault),
    Side.peer("peer, compact output", coders: .peerCompact),
]
let checks: Int
do {
    checks = try verifyEquivalence(of: sides)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
print("equivalence: \(checks) checks passed")

var generation: [GenerationTiming] = []
if arguments.generationRuns > 0, let oursGenerator = arguments.oursGenerator, let peerGenerator = arguments.peerGenerator {
    print("timing generation: \(arguments.generationRuns) runs of each generator")
    let commands = [
        GeneratorCommand(name: "ours: kafka-rest-gen", executable: oursGenerator) { output in
            ["--spec", arguments.spec, "--templates", arguments.templates, "--output", output]
        },
        GeneratorCommand(name: "peer: swift-openapi-generator (types + client)", executable: peerGenerator) { output in
            ["generate", arguments.spec, "--config", arguments.peerConfig, "--output-directory", output]
        },
    ]
    do {
        generation = try timeGenerators(commands, runs: arguments.generationRuns)
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(1)
    }
    for timing in generation where !timing.diagnostics.isEmpty {
        print("\(timing.generator) said:\n  " + timing.diagnostics.joined(separator: "\n  "))
    }
}

print("timing encode + decode: \(arguments.warmup) warm-up, then \(arguments.rounds) rounds of \(arguments.iterations) per payload and side")
let coding = try timeCoding(
    codingCases(sides, peerTranscoder: Configuration(dateTranscoder: .iso8601WithFractionalSeconds).dateTranscoder),
    iterations: arguments.iterations,
    rounds: arguments.rounds,
    warmup: arguments.warmup
)

print("")
print(Report(
    machine: arguments.machine,
    generation: generation,
    generationRuns: arguments.generationRuns,
    coding: coding,
    iterations: arguments.iterations,
    rounds: arguments.rounds,
    checks: checks,
    peerDefaultTranscoderAcceptsMilliseconds: peerDefaultTranscoderAcceptsMilliseconds()
).text)
