import Foundation

/// The Markdown that `peer-benchmark` prints at the end.
struct Report {
    var machine: String
    var generation: [GenerationTiming]
    var generationRuns: Int
    var coding: [CodingTiming]
    var iterations: Int
    var rounds: Int
    var checks: Int
    var peerDefaultTranscoderAcceptsMilliseconds: Bool

    var text: String {
        var lines = [
            "### KafkaREST's generated code vs apple/swift-openapi-generator 1.14.3",
            "",
            "\(Self.today()), \(machine); release builds, on a machine that may have been busy (min–max shows the spread).",
            "",
        ]
        if let ours = generation.first, let peer = generation.last, generation.count == 2 {
            lines += [
                "| Generating spec/kafka-rest-v3.yaml (runs: \(generationRuns) each) | median s | min–max s | files | lines |",
                "|---|--:|--:|--:|--:|",
            ]
            lines += generation.map { timing in
                "| \(timing.generator) | \(Self.fixed(timing.seconds.median, 3)) | \(Self.range(timing.seconds, 3)) | \(timing.files) | \(Self.grouped(timing.lines)) |"
            }
            lines.append("| **peer / ours** | **\(Self.fixed(peer.seconds.median / ours.seconds.median, 1))×** | | | \(Self.fixed(Double(peer.lines) / Double(ours.lines), 1))× |")
            lines.append("")
        }
        lines += [
            "| JSON encode + decode (\(Self.grouped(iterations)) × \(rounds) rounds) | bytes | median ns | min–max ns | peer / ours |",
            "|---|--:|--:|--:|--:|",
        ]
        for timing in coding {
            let ours = coding.first { $0.payload == timing.payload && $0.side == "ours" }
            let ratio = ours.map { Self.fixed(timing.nanoseconds.median / $0.nanoseconds.median, 2) + "×" } ?? ""
            lines.append(
                "| \(timing.payload), \(timing.side) | \(timing.encodedBytes) | \(Self.grouped(Int(timing.nanoseconds.median.rounded()))) | \(Self.range(timing.nanoseconds, 0)) | \(ratio) |"
            )
        }
        lines += [
            "",
            "- Generators: `kafka-rest-gen --spec --templates --output` and `swift-openapi-generator generate --config --output-directory` "
                + "(modes types + client, `accessModifier: public`, `namingStrategy: idiomatic`, the whole spec, no filter), "
                + "each into a new empty folder, timed as whole processes, taking turns.",
            "- ProduceRequest: 2 headers, an 8-byte BINARY key, a JSON object value, timestamp `2026-11-24T10:15:30.123Z`. "
                + "ProduceResponse: cluster, topic, partition, offset, that timestamp, key and value size and type. "
                + "“timestamp alone”: formatting and parsing that timestamp with each side's date-time coding, without JSON.",
            "- ours: `KafkaRESTAPI` types; `JSONEncoder` with `[.withoutEscapingSlashes]` as in `APIRequest.setJSONBody`, "
                + "a plain `JSONDecoder` as in `APIResponse.decode`; dates by `DateTimeCoding`, base64 by `Base64Data`.",
            "- peer: `Components.Schemas` types; the coders swift-openapi-runtime 1.13.4's `Converter` builds, with "
                + "`dateTranscoder: .iso8601WithFractionalSeconds`, because the default `.iso8601` "
                + (peerDefaultTranscoderAcceptsMilliseconds ? "accepted" : "rejects")
                + " the millisecond timestamp (checked in this run). “peer” keeps the default `jsonEncodingOptions` "
                + "`[.sortedKeys, .prettyPrinted]`; “peer, compact output” uses ours, `[.withoutEscapingSlashes]`.",
            "- Before timing, \(checks) checks passed: every side decodes the shared JSON and every side's own encoding of it "
                + "to the same headers, key bytes, value JSON, offset, sizes and timestamp to the millisecond.",
        ]
        return lines.joined(separator: "\n")
    }

    /// Today's date in UTC, such as `2026-11-24`.
    private static func today() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: Date())
    }

    private static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    private static func range(_ statistics: Statistics, _ digits: Int) -> String {
        digits == 0
            ? "\(grouped(Int(statistics.minimum.rounded())))–\(grouped(Int(statistics.maximum.rounded())))"
            : "\(fixed(statistics.minimum, digits))–\(fixed(statistics.maximum, digits))"
    }

    /// `value` with a comma between groups of three digits.
    private static func grouped(_ value: Int) -> String {
        var digits = String(value.magnitude)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(digits.suffix(3), at: 0)
            digits.removeLast(3)
        }
        groups.insert(Substring(digits), at: 0)
        return (value < 0 ? "-" : "") + groups.joined(separator: ",")
    }
}
