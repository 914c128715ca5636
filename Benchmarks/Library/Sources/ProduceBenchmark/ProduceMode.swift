/// One way of producing that the benchmark measures, each in a client process of its own.
enum ProduceMode: Hashable {
    /// The raw client: pre-encoded records over one chunked request, no library.
    case raw
    /// Through the library.
    case library(LibraryMode)
    /// swift-nio's HTTP/1.1 codec alone, one chunked request with the raw client's window.
    case nioStream
    /// As `.nioStream`, with the library's public coders run per record on the event loop.
    case nioStreamCoded
    /// The raw request client: pre-encoded records, one request each, no library.
    case rawRequests
    /// swift-nio's HTTP/1.1 codec alone, one request per record, never leaving the event loop.
    case nio
    /// swift-nio's HTTP/1.1 codec alone, each request asked for and awaited by a task.
    case nioFromTasks
    /// async-http-client alone, one request per record: the peer of `.library(.onePerRequest)`.
    case asyncHTTPClient
    /// `curl -T -` uploading the NDJSON file as one chunked request.
    case curl
    /// `kafka-rest produce --file` with the NDJSON file.
    case cli

    /// The modes the parent runs, in order (the idle baseline aside).
    static func measured(_ arguments: BenchmarkArguments) -> [ProduceMode] {
        var modes: [ProduceMode] = [.raw, .nioStream, .nioStreamCoded]
        if arguments.requestRecords > 0 {
            modes += [.rawRequests, .nio, .nioFromTasks, .asyncHTTPClient, .library(.onePerRequest)]
        }
        if arguments.batchRecords > 0 {
            modes.append(.library(.batches))
        }
        modes += arguments.streams.map { .library(.streaming(streams: $0)) }
        if arguments.cliRecords > 0 {
            modes.append(.curl)
            if arguments.cliPath != nil {
                modes.append(.cli)
            }
        }
        return modes
    }

    /// The mode's name in hidden arguments and error messages.
    var name: String {
        switch self {
        case .raw: "raw"
        case let .library(mode): mode.name
        case .nioStream: "nio-stream"
        case .nioStreamCoded: "nio-stream-coded"
        case .rawRequests: "raw-requests"
        case .nio: "nio"
        case .nioFromTasks: "nio-from-tasks"
        case .asyncHTTPClient: "async-http-client"
        case .curl: "curl"
        case .cli: "cli"
        }
    }

    /// The modes a `produce-benchmark` child runs that are not the library's.
    static let childPeers: [ProduceMode] = [.raw, .nioStream, .nioStreamCoded, .rawRequests, .nio, .nioFromTasks, .asyncHTTPClient]

    /// The mode called `name` that a `produce-benchmark` child runs (a peer or a library mode).
    init?(childModeName name: String) {
        if let peer = Self.childPeers.first(where: { $0.name == name }) {
            self = peer
        } else if let mode = LibraryMode(name: name) {
            self = .library(mode)
        } else {
            return nil
        }
    }

    /// The mode's name in the report.
    func label(_ arguments: BenchmarkArguments) -> String {
        switch self {
        case .raw: "raw client (no library), window \(arguments.window)"
        case .library(.idle): "idle client (builds the client, produces nothing)"
        case .library(.onePerRequest): "one request per record, \(arguments.concurrency) in flight"
        case .nioStream: "swift-nio HTTP/1.1 codec alone, one stream, window \(arguments.window)"
        case .nioStreamCoded: "swift-nio codec + the library's coders on the event loop, one stream, window \(arguments.window)"
        case .rawRequests: "raw client, one request per record, \(arguments.concurrency) in flight"
        case .nio: "swift-nio HTTP/1.1 codec alone, one request per record, \(arguments.concurrency) in flight"
        case .nioFromTasks: "swift-nio HTTP/1.1 codec, each request awaited by a task, \(arguments.concurrency) in flight"
        case .asyncHTTPClient: "async-http-client alone, one request per record, \(arguments.concurrency) in flight"
        case .library(.batches): "batches of \(arguments.batchSize), \(arguments.concurrency) in flight"
        case let .library(.streaming(streams)): "streaming, window \(arguments.window), \(streams) stream(s)"
        case .curl: "curl -T - (NDJSON file, one chunked request)"
        case .cli: "kafka-rest produce --file (NDJSON file)"
        }
    }

    /// How many records the mode produces.
    func records(_ arguments: BenchmarkArguments) -> Int {
        switch self {
        case .raw, .nioStream, .nioStreamCoded: arguments.rawRecords
        case .library(.idle): 0
        case .library(.onePerRequest), .rawRequests, .nio, .nioFromTasks, .asyncHTTPClient: arguments.requestRecords
        case .library(.batches): arguments.batchRecords
        case .library(.streaming): arguments.streamingRecords
        case .curl, .cli: arguments.cliRecords
        }
    }
}
