import Foundation

/// The parent role: starts the server child, runs the idle client and then each mode in a
/// client child of its own, one after another, stops the server and prints the report.
///
/// Returns the exit status: 0, or 1 if a mode lost records or a child failed. On failure every
/// child still running is killed, and so it is on SIGINT, SIGTERM and SIGHUP.
func orchestrate(_ arguments: BenchmarkArguments) -> Int32 {
    let children = RunningChildren()
    let signalSources = killChildrenOnSignal(children)
    defer {
        signalSources.forEach { $0.cancel() }
    }
    do {
        let server = try ChildProcess("test server", arguments: arguments.serverArguments, children: children)
        let address = try server.readJSONLine(ServerAddress.self)
        func run(_ mode: ProduceMode) throws -> BenchmarkReport.Row {
            let client = try ChildProcess("\(mode.rawValue) client", arguments: arguments.clientArguments(mode, server: address), children: children)
            let measurement = try client.readJSONLine(Measurement.self)
            try client.waitForSuccess()
            return BenchmarkReport.Row(mode: mode, label: mode.label(arguments), measurement: measurement)
        }
        let idle = try run(.idle)
        let rows = try ProduceMode.measured(arguments).map(run)
        server.closeInput()
        let summary = try server.readJSONLine(ServerSummary.self)
        try server.waitForSuccess()
        print(BenchmarkReport(idle: idle, rows: rows, server: summary, machine: .current()).markdown)
        return rows.allSatisfy { $0.measurement.delivered == $0.measurement.records } ? 0 : 1
    } catch {
        children.killAll()
        FileHandle.standardError.write(Data("produce-benchmark: \(error)\n".utf8))
        return 1
    }
}
