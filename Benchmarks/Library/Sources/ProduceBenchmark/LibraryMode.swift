/// A mode that produces through the library, in a `produce-benchmark` child (see ProduceModes.swift).
enum LibraryMode: Hashable {
    /// Builds the client and produces nothing: the memory and CPU every client process starts with.
    case idle
    /// One produce request per record.
    case onePerRequest
    /// Concatenated batches, one request each.
    case batches
    /// A `StreamingProducer` over `streams` parallel streams.
    case streaming(streams: Int)

    /// The mode's name in hidden arguments.
    var name: String {
        switch self {
        case .idle: "idle"
        case .onePerRequest: "one-per-request"
        case .batches: "batches"
        case let .streaming(streams): "streaming-\(streams)"
        }
    }

    /// The mode called `name`, if any.
    init?(name: String) {
        switch name {
        case "idle": self = .idle
        case "one-per-request": self = .onePerRequest
        case "batches": self = .batches
        default:
            guard name.hasPrefix("streaming-"), let streams = Int(name.dropFirst("streaming-".count)), streams >= 1 else {
                return nil
            }
            self = .streaming(streams: streams)
        }
    }
}
