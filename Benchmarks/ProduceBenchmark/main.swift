// Streaming produce vs one request per record (and concatenated batches) on loopback. The
// parent starts a KafkaRESTTestServer in a child process and each mode in a client child of its
// own, so each mode's peak RSS is its client's alone; built in release mode and run by
// Benchmarks/produce.sh. `--help` lists the arguments.
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
case let .run(mode, address):
    runChildRole { [arguments] in
        try await runMode(mode, server: address, arguments: arguments)
    }
}
