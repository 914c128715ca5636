import Foundation

/// The parent role: writes the NDJSON file, then for each server starts its child, runs the
/// idle client and, `--runs` times over, each mode in a client process of its own, one after
/// another, and stops the server; prints the report, and names every run that lost records.
///
/// Returns the exit status: 0, or 1 if a mode lost records or a child failed. On failure every
/// child still running is killed, and so it is on SIGINT, SIGTERM and SIGHUP.
func orchestrate(_ arguments: BenchmarkArguments) -> Int32 {
    let children = RunningChildren()
    let signalSources = killChildrenOnSignal(children)
    var file: NDJSONFile?
    defer {
        signalSources.forEach { $0.cancel() }
        file?.remove()
    }
    do {
        file = arguments.cliRecords > 0 ? try NDJSONFile(lines: arguments.cliRecords) : nil
        let tables = try arguments.servers.map { kind in
            try measure(against: kind, arguments: arguments, file: file, children: children)
        }
        print(BenchmarkReport(tables: tables, machine: .current()).markdown)
        let losses = tables.flatMap { table in
            table.rows.flatMap { row in
                row.measurements.enumerated().filter { $0.element.result.delivered != $0.element.result.records }.map { round, measurement in
                    "\(table.server.label), \(row.label), run \(round + 1): \(measurement.result.delivered) of \(measurement.result.records) records reported delivered"
                }
            }
        }
        losses.forEach { FileHandle.standardError.write(Data("produce-benchmark: FAILED: \($0)\n".utf8)) }
        return losses.isEmpty ? 0 : 1
    } catch {
        children.killAll()
        FileHandle.standardError.write(Data("produce-benchmark: \(error)\n".utf8))
        return 1
    }
}

/// Starts the `kind` server child, runs the idle client and then every mode against it
/// `arguments.runs` times (round by round, so each round's figures come from the same stretch
/// of time), stops it and returns its table.
private func measure(against kind: ServerKind, arguments: BenchmarkArguments, file: NDJSONFile?, children: RunningChildren) throws -> BenchmarkReport.Table {
    let server = try ChildProcess(kind.label, executable: ownExecutable(), arguments: kind.childArguments(arguments), children: children)
    let address = try server.readJSONLine(ServerAddress.self)
    func run(_ mode: ProduceMode) throws -> Measurement {
        switch mode {
        case .curl, .cli:
            return try runExternalClient(mode, file: file, server: address, arguments: arguments, children: children)
        case .raw, .nioStream, .nioStreamCoded, .rawRequests, .nio, .nioFromTasks, .library, .asyncHTTPClient:
            let client = try ChildProcess(
                "\(mode.name) client",
                executable: ownExecutable(),
                arguments: arguments.clientArguments(mode, server: address),
                children: children
            )
            let result = try client.readJSONLine(ModeResult.self)
            return Measurement(result: result, usage: try client.waitForSuccess())
        }
    }
    let idle = BenchmarkReport.Row(mode: .library(.idle), label: ProduceMode.library(.idle).label(arguments), measurements: [try run(.library(.idle))])
    let modes = ProduceMode.measured(arguments)
    let rounds = try (0..<arguments.runs).map { _ in try modes.map(run) }
    let rows = modes.indices.map { column in
        BenchmarkReport.Row(mode: modes[column], label: modes[column].label(arguments), measurements: rounds.map { $0[column] })
    }
    server.closeInput()
    let summary = try server.readJSONLine(ServerSummary.self)
    try server.waitForSuccess()
    return BenchmarkReport.Table(server: kind, idle: idle, rows: rows, summary: summary)
}

/// The path of this executable, which the parent starts again for its children.
private func ownExecutable() -> String {
    Bundle.main.executablePath ?? CommandLine.arguments[0]
}
