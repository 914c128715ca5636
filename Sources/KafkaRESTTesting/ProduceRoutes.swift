import Foundation
import KafkaRESTAPI
import KafkaRESTSupport

/// `POST /topics/{topic_name}/records` with one record or several written back to back
/// (one delivery report per record, in order), and `records:batch` (self-managed proxies:
/// one 207 answer listing successes and failures by entry id).
enum ProduceRoutes {
    static let all: [Route] = [
        Route("POST", ProduceOperation.pathTemplate, ProduceOperation.id, produce),
        Route("POST", ProduceOperation.pathTemplate + ":batch", "produceRecordsBatch", produceBatch),
    ]

    /// Parses every record first, so a malformed body stores nothing; then stores them
    /// (unless `dry_run=true`) and answers with the reports separated by newlines.
    static func produce(_ request: RouteRequest, _ cluster: inout ClusterState) throws -> ServerResponse {
        let topicName = request.parameter("topic_name")
        guard cluster.topics[topicName] != nil else {
            throw RouteFailure.notFound(TopicRoutes.unknownTopicMessage)
        }
        try request.requireJSONContentType()
        let records = try parseRecords(request.body)
        let dryRun = request.queryValue("dry_run") == "true"
        // Taken out of the dictionary while records are appended, so the partition logs are
        // not copied on write for every request.
        var topic = cluster.topics.removeValue(forKey: topicName)!
        defer { cluster.topics[topicName] = topic }
        var reports = JSONWriter(reservingCapacity: records.count * 200)
        for record in records {
            let report = store(record, in: &topic, named: topicName, dryRun: dryRun, clusterID: request.links.clusterID)
            if !reports.bytes.isEmpty {
                reports.bytes.append(UInt8(ascii: "\n"))
            }
            report.writeJSON(to: &reports)
        }
        return ServerResponse(status: 200, headers: [("Content-Type", "application/json")], body: Data(reports.bytes))
    }

    /// Checks the whole batch first (at least one entry, ids unique), so a bad batch stores
    /// nothing; then stores each entry (unless `dry_run=true`) and answers 207 with a success
    /// or a failure per entry, in request order.
    static func produceBatch(_ request: RouteRequest, _ cluster: inout ClusterState) throws -> ServerResponse {
        let topicName = request.parameter("topic_name")
        guard cluster.topics[topicName] != nil else {
            throw RouteFailure.notFound(TopicRoutes.unknownTopicMessage)
        }
        let entries = try request.decodeBody(ProduceBatchRequest.self).entries
        guard !entries.isEmpty else {
            throw RouteFailure.invalid("The batch has no entries; it needs at least one.")
        }
        var seen = Set<String>()
        for (index, entry) in entries.enumerated() where !seen.insert(entry.id).inserted {
            throw RouteFailure.invalid("Entry \(index) repeats the id \(entry.id); batch entry ids must be unique.")
        }
        let dryRun = request.queryValue("dry_run") == "true"
        var topic = cluster.topics.removeValue(forKey: topicName)!
        defer { cluster.topics[topicName] = topic }
        var successes: [ProduceBatchResponseSuccessEntry] = []
        var failures: [ProduceBatchResponseFailureEntry] = []
        for entry in entries {
            let record = ProduceRequest(
                partitionID: entry.partitionID,
                headers: entry.headers,
                key: entry.key,
                value: entry.value,
                timestamp: entry.timestamp
            )
            let report = store(record, in: &topic, named: topicName, dryRun: dryRun, clusterID: request.links.clusterID)
            if report.errorCode == 200 {
                successes.append(
                    ProduceBatchResponseSuccessEntry(
                        id: entry.id, clusterID: report.clusterID, topicName: report.topicName,
                        partitionID: report.partitionID, offset: report.offset,
                        timestamp: report.timestamp, key: report.key, value: report.value
                    )
                )
            } else {
                failures.append(ProduceBatchResponseFailureEntry(id: entry.id, errorCode: report.errorCode, message: report.message))
            }
        }
        return .json(ProduceBatchResponse(successes: successes, failures: failures), status: 207)
    }

    /// The records in `body`.
    ///
    /// - Throws: ``RouteFailure`` 400 if the body is empty, not JSON objects, or an object is
    ///   not a record.
    static func parseRecords(_ body: Data) throws -> [ProduceRequest] {
        var scanner = ConcatenatedJSONScanner(maximumObjectBytes: ServerCore.maximumRecordBytes)
        var pieces: [Data] = []
        do {
            try scanner.feed(body) { pieces.append(Data($0)) }
            try scanner.finish()
        } catch {
            throw RouteFailure(.error(status: 400, code: 400, message: "Payload error. \(ServerCore.describe(error))"))
        }
        guard !pieces.isEmpty else {
            throw RouteFailure(.error(status: 400, code: 400, message: "Request body is empty. Data is required."))
        }
        return try pieces.enumerated().map { index, piece in
            do {
                return try ProduceRequest(jsonBytes: piece)
            } catch {
                throw RouteFailure(.error(status: 400, code: 400, message: "Payload error in record \(index): \(error)"))
            }
        }
    }

    /// Appends `record` to its partition and returns its delivery report; a record for a
    /// partition the topic does not have gets a report with error code 404 instead.
    static func store(
        _ record: ProduceRequest,
        in topic: inout ClusterState.TopicState,
        named topicName: String,
        dryRun: Bool,
        clusterID: String
    ) -> ProduceResponse {
        let partition: Int
        if let requested = record.partitionID?.value {
            guard topic.partitions.indices.contains(Int(requested)) else {
                return ProduceResponse(errorCode: 404, message: TopicRoutes.unknownTopicMessage)
            }
            partition = Int(requested)
        } else if let key = record.key?.value?.data?.value {
            partition = Int(stableHash(key) % UInt64(topic.partitions.count))
        } else {
            partition = topic.nextPartition % topic.partitions.count
            topic.nextPartition = partition + 1
        }
        let stored = KafkaRESTTestServer.ProducedRecord(
            partition: partition,
            offset: Int64(topic.partitions[partition].count),
            key: record.key?.value,
            value: record.value?.value,
            headers: record.headers ?? [],
            timestamp: record.timestamp?.value ?? Date()
        )
        if !dryRun {
            topic.partitions[partition].append(stored)
        }
        return ProduceResponse(
            errorCode: 200,
            clusterID: clusterID,
            topicName: topicName,
            partitionID: Int32(partition),
            offset: stored.offset,
            timestamp: .value(stored.timestamp),
            key: Nullable(stored.key.map(responseData)),
            value: Nullable(stored.value.map(responseData))
        )
    }

    /// Format and serialized size of a key or value: UTF-8 bytes of a string, decoded bytes
    /// of `BINARY` base64, encoded bytes of anything else; for a schema type (`AVRO`,
    /// `JSONSCHEMA`, `PROTOBUF`) the 5 bytes of Schema Registry framing plus the JSON form,
    /// standing in for the serialized size a real server reports.
    static func responseData(_ data: ProduceRequestData) -> ProduceResponseData {
        let value = data.data?.value ?? .null
        let type = data.type ?? (value.stringValue != nil ? .string : .json)
        let size: Int
        switch (type, value) {
        case (.avro, _), (.jsonschema, _), (.protobuf, _):
            size = SchemaRegistryWireFormat.headerSize + value.jsonBytes().count
        case (.binary, .string(let base64)):
            size = Data(base64Encoded: base64)?.count ?? base64.utf8.count
        case (_, .string(let text)):
            size = text.utf8.count
        case (_, .null):
            size = 0
        default:
            size = value.jsonBytes().count
        }
        return ProduceResponseData(size: Int64(size), type: ProduceResponseDataType(rawValue: type.rawValue))
    }

    /// FNV-1a over the key's JSON, so a key always goes to the same partition.
    static func stableHash(_ key: JSONValue) -> UInt64 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let bytes = (try? encoder.encode(key)) ?? Data()
        return bytes.reduce(14_695_981_039_346_656_037) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
    }
}
