import OpenAPIRuntime

/// One side's encode + decode of one payload: nanoseconds per round trip over the rounds.
struct CodingTiming {
    var payload: String
    var side: String
    var encodedBytes: Int
    var nanoseconds: Statistics
}

/// A round trip to time and the names it is reported under.
struct CodingCase {
    var payload: String
    var side: String
    var roundTrip: () throws -> Int
}

/// The round trips of both payloads on every side, each payload's sides next to each other,
/// then the timestamp alone (format and parse) on ours and the peer's.
func codingCases(_ sides: [Side], peerTranscoder: any DateTranscoder) -> [CodingCase] {
    sides.map { CodingCase(payload: "ProduceRequest", side: $0.name, roundTrip: $0.request.roundTrip) }
        + sides.map { CodingCase(payload: "ProduceResponse", side: $0.name, roundTrip: $0.response.roundTrip) }
        + [
            CodingCase(payload: "timestamp alone", side: "ours", roundTrip: ourTimestampRoundTrip),
            CodingCase(payload: "timestamp alone", side: "peer", roundTrip: { try peerTimestampRoundTrip(peerTranscoder) }),
        ]
}

/// Runs every case `warmup` times untimed, then `rounds` times `iterations` round trips,
/// the cases taking turns within each round so that a change in the machine's load falls on
/// all of them.
func timeCoding(_ cases: [CodingCase], iterations: Int, rounds: Int, warmup: Int) throws -> [CodingTiming] {
    var bytes = Array(repeating: 0, count: cases.count)
    for (index, codingCase) in cases.enumerated() {
        bytes[index] = try codingCase.roundTrip()
        for _ in 0..<warmup {
            _ = try codingCase.roundTrip()
        }
    }
    var samples = Array(repeating: [Double](), count: cases.count)
    var total = 0
    for _ in 0..<rounds {
        for (index, codingCase) in cases.enumerated() {
            let start = ContinuousClock.now
            for _ in 0..<iterations {
                total &+= try codingCase.roundTrip()
            }
            samples[index].append(start.duration(to: .now).seconds * 1e9 / Double(iterations))
        }
    }
    precondition(total == bytes.reduce(0, +) &* iterations &* rounds, "a round trip changed its output size")
    return cases.indices.map { index in
        CodingTiming(payload: cases[index].payload, side: cases[index].side, encodedBytes: bytes[index], nanoseconds: Statistics(samples[index]))
    }
}
