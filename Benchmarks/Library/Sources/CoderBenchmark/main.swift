import Foundation
import KafkaREST
import KafkaRESTSupport

// Byte-level coders vs Foundation's JSONEncoder/JSONDecoder on the produce path's values, in one
// run: ProduceRequest encode, ProduceResponse decode, and a chunk of 100 delivery reports read as
// the streaming producer reads them (each report read in place, in one pass over the chunk; the
// Foundation column scans for the objects, then decodes each).
//
// `coder-benchmark profile encode|decode|chunk` runs only that byte-level operation, for ten
// seconds, and prints nothing else: a process to run under `perf record -g`.

/// Median time per operation in nanoseconds over `rounds` rounds of `iterations` calls.
func measure(iterations: Int, rounds: Int = 7, _ body: () throws -> Int) rethrows -> Double {
    var sink = 0
    var perRound: [Double] = []
    for _ in 0..<rounds {
        let start = ContinuousClock.now
        for _ in 0..<iterations {
            sink &+= try body()
        }
        let elapsed = ContinuousClock.now - start
        perRound.append(Double(elapsed.components.attoseconds) / 1e9 + Double(elapsed.components.seconds) * 1e9)
    }
    if sink == 42 { print("") }
    return perRound.sorted()[rounds / 2] / Double(iterations)
}

let request = KafkaRecord(
    key: .binary(Data("order-7".utf8)),
    value: .json(["total": 12.5, "items": [1, 2, 3], "note": "gift \"wrap\""]),
    headers: [KafkaRecord.Header(name: "trace", value: Data("abc".utf8)), KafkaRecord.Header(name: "source", value: Data("web".utf8))],
    timestamp: Date(timeIntervalSince1970: 1_764_000_000.123)
).produceRequest
let reportText = #"{"error_code":200,"cluster_id":"lkc-abc123","topic_name":"orders","partition_id":3,"offset":1234567,"timestamp":"2026-11-24T10:15:30.123Z","key":{"type":"BINARY","size":7},"value":{"type":"JSON","size":52}}"#
let report = Data(reportText.utf8)
let chunk = Data(String(repeating: reportText + "\r\n", count: 100).utf8)

let encoder = JSONEncoder()
encoder.outputFormatting = [.withoutEscapingSlashes]
let decoder = JSONDecoder()

let requestBack = try decoder.decode(ProduceRequest.self, from: request.jsonData())
let requestJSON = try JSONValue(jsonBytes: request.jsonBytes())
let requestBackJSON = try JSONValue(jsonBytes: requestBack.jsonBytes())
precondition(requestJSON == requestBackJSON, "fast encoding does not decode back to the same record")
let reportViaReader = try ProduceResponse(jsonBytes: report)
let reportViaDecoder = try decoder.decode(ProduceResponse.self, from: report)
precondition(reportViaReader == reportViaDecoder, "the two decoders disagree")

var reports: [ProduceResponse] = []
@MainActor func readChunk() throws -> Int {
    var scanner = ConcatenatedJSONScanner()
    reports.removeAll(keepingCapacity: true)
    try scanner.read(chunk, as: ProduceResponse.self, into: &reports)
    return reports.count { $0.errorCode == 200 }
}

let encodeFast = { request.jsonBytes().count }
let decodeFast = { try ProduceResponse(jsonBytes: report).errorCode == 200 ? 1 : 0 }
let profiled: [String: () throws -> Int] = ["encode": encodeFast, "decode": decodeFast, "chunk": readChunk]
if CommandLine.arguments.count > 1 {
    guard CommandLine.arguments.count == 3, CommandLine.arguments[1] == "profile", let operation = profiled[CommandLine.arguments[2]] else {
        print("usage: coder-benchmark [profile encode|decode|chunk]")
        exit(2)
    }
    let end = ContinuousClock.now + .seconds(10)
    var sink = 0
    while ContinuousClock.now < end {
        for _ in 0..<10_000 { sink &+= try operation() }
    }
    exit(sink == 42 ? 1 : 0)
}

let requestFast = measure(iterations: 200_000, encodeFast)
let requestFoundation = try measure(iterations: 20_000) { try encoder.encode(request).count }
let responseFast = try measure(iterations: 200_000, decodeFast)
let responseFoundation = try measure(iterations: 20_000) { try decoder.decode(ProduceResponse.self, from: report).errorCode == 200 ? 1 : 0 }
let chunkFast = try measure(iterations: 2_000, readChunk)
let chunkFoundation = try measure(iterations: 200) {
    var scanner = ConcatenatedJSONScanner()
    var delivered = 0
    try scanner.feed(chunk) { if try decoder.decode(ProduceResponse.self, from: Data($0)).errorCode == 200 { delivered += 1 } }
    return delivered
}

func row(_ name: String, _ fast: Double, _ foundation: Double) -> String {
    String(format: "| %@ | %.3f µs | %.3f µs | %.1f× |", name, fast / 1000, foundation / 1000, foundation / fast)
}
print("| what (median of 7 rounds) | byte-level coders | Foundation Codable | Foundation / ours |")
print("|---|--:|--:|--:|")
print(row("ProduceRequest encode (binary key, JSON value, 2 headers, ms timestamp)", requestFast, requestFoundation))
print(row("ProduceResponse decode", responseFast, responseFoundation))
print(row("100-report chunk: read in one pass", chunkFast, chunkFoundation))
