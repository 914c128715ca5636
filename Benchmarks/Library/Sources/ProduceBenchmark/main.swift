// Produce on loopback: the library's modes (one request per record, concatenated batches,
// streaming) next to a raw client, curl and the kafka-rest CLI, against a minimal sink and
// against KafkaRESTTestServer. The parent starts each server in a child process and each mode
// in a client child of its own, so each mode's CPU time and peak RSS are its client's alone;
// built in release mode and run by Benchmarks/produce.sh. `--help` lists the arguments.
import Foundation

guard let arguments = BenchmarkArguments.parse(Array(CommandLine.arguments.dropFirst())) else {
    exit(2)
}

switch arguments.role {
case .orchestrate:
    exit(orchestrate(arguments))
case .serve:
    runChildRole { [arguments] in
        try await serve(arguments)
    }
case .sink:
    runChildRole {
        try runSink()
    }
case let .run(mode, address):
    runChildRole { [arguments] in
        try await runMode(mode, server: address, arguments: arguments)
    }
}
