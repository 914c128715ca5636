import Foundation

/// The parent role: writes the NDJSON file, then for each server starts its child, runs the
/// idle client and each mode in a client process of its own, one after another, and stops
/// the server; prints the report, and names every mode that lost records.
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
            table.rows.filter { $0.measurement.result.delivered != $0.measurement.result.records }.map { row in
                "\(table.server.label), \(row.label): \(row.measurement.result.delivered) of \(row.measurement.result.records) records reported delivered"
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

/// Starts the `kind` server child, runs the idle client and every mode against it, stops it
/// and returns its table.
private func measure(against kind: ServerKind, arguments: BenchmarkArguments, file: NDJSONFile?, children: RunningChildren) throws -> BenchmarkReport.Table {
    let server = try ChildProcess(kind.label, executable: ownExecutable(), arguments: kind.childArguments(arguments), children: children)
    let address = try server.readJSONLine(ServerAddress.self)
    func run(_ mode: ProduceMode) throws -> BenchmarkReport.Row {
        let measurement: Measurement
        switch mode {
        case .curl, .cli:
            measurement = try runExternalClient(mode, file: file, server: address, arguments: arguments, children: children)
        case .raw, .rawRequests, .nio, .nioFromTasks, .library, .asyncHTTPClient:
            let client = try ChildProcess(
                "\(mode.name) client",
                executable: ownExecutable(),
                arguments: arguments.clientArguments(mode, server: address),
                children: children
            )
            let result = try client.readJSONLine(ModeResult.self)
            measurement = Measurement(result: result, usage: try client.waitForSuccess())
        }
        return BenchmarkReport.Row(mode: mode, label: mode.label(arguments), measurement: measurement)
    }
    let idle = try run(.library(.idle))
    let rows = try ProduceMode.measured(arguments).map(run)
    server.closeInput()
    let summary = try server.readJSONLine(ServerSummary.self)
    try server.waitForSuccess()
    return BenchmarkReport.Table(server: kind, idle: idle, rows: rows, summary: summary)
}

/// The path of this executable, which the parent starts again for its children.
private func ownExecutable() -> String {
    Bundle.main.executablePath ?? CommandLine.arguments[0]
}
