import Foundation

extension KafkaRESTClient {
    /// The percent-encoded produce path of a topic, relative to the v3 base URL, as a
    /// ``StreamingProducer`` needs it.
    static func producePath(cluster: String, topic: String) -> String {
        "/clusters/\(PathSegment.encode(cluster))/topics/\(PathSegment.encode(topic))/records"
    }

    /// Produces one record with one request.
    ///
    /// - Parameters:
    ///   - record: The record.
    ///   - topic: The topic name.
    ///   - cluster: The cluster id; the configured one by default.
    /// - Returns: Where the record was written.
    /// - Throws: ``KafkaRESTError``: the whole request's error, the report's error when its
    ///   `error_code` is not 200, or kind ``KafkaRESTError/Kind/decoding`` for a success
    ///   report without partition and offset.
    public func produce(_ record: KafkaRecord, to topic: String, cluster: String? = nil) async throws -> DeliveryReport {
        let clusterID = try cluster ?? requireClusterID()
        try record.validate()
        let report = try await api.records.produceRecord(clusterID: clusterID, topicName: topic, body: record.produceRequest)
        switch report.outcome {
        case .delivered(let delivery):
            return delivery
        case .failed(let error):
            throw error
        case .unknown(let reason):
            throw KafkaRESTError(kind: .decoding, operationID: ProduceOperation.id, status: 200, message: reason)
        }
    }

    /// Produces several records with one request whose body holds them back to back; the
    /// server answers one report per record, in order.
    ///
    /// Every record gets one result, by its position in `records`:
    /// - with a 200 answer, each record's report decides; records without a report (the answer
    ///   was cut short or a report did not decode) are unknown;
    /// - a 4xx answer fails every record with that error (nothing was written);
    /// - a 5xx answer, or no answer at all (transport failure, cancellation), makes every
    ///   record unknown: some may have been written;
    /// - a record that cannot be encoded fails and is left out of the body.
    public func produce(_ records: [KafkaRecord], to topic: String, cluster: String? = nil) async throws -> [ProduceResult] {
        let clusterID = try cluster ?? requireClusterID()
        var outcomes = [RecordOutcome?](repeating: nil, count: records.count)
        var sent: [Int] = []
        var body = JSONWriter(reservingCapacity: 128 * records.count)
        for (index, record) in records.enumerated() {
            do {
                try record.validate()
                let mark = body.bytes.count
                if !sent.isEmpty { body.append("\n") }
                do {
                    try ConcatenatedJSONEncoder.append(record, to: &body)
                } catch {
                    body.bytes.removeSubrange(mark...)
                    throw error
                }
                sent.append(index)
            } catch let error as KafkaRESTError {
                outcomes[index] = .failed(error)
            }
        }
        if !sent.isEmpty {
            var request = APIRequest(
                operationID: ProduceOperation.id,
                method: .post,
                pathTemplate: "/clusters/{cluster_id}/topics/{topic_name}/records",
                path: Self.producePath(cluster: clusterID, topic: topic)
            )
            request.headers.replaceOrAdd(name: "Accept", value: "application/json")
            request.body = .bytes(Data(body.bytes), contentType: "application/json")
            let answers = await Self.concatenatedOutcomes(of: request, count: sent.count, transport: api.transport)
            for (position, index) in sent.enumerated() {
                outcomes[index] = answers[position]
            }
        }
        return records.enumerated().map { index, record in
            ProduceResult(index: index, record: record, outcome: outcomes[index] ?? .unknown(reason: "no outcome"))
        }
    }

    /// Produces several records with one `records:batch` request (self-managed proxies);
    /// the 207 answer's successes and failures are matched back to the records by entry id
    /// (the record's position).
    ///
    /// Records the answer does not mention are unknown; a 4xx answer fails every record sent,
    /// a 5xx answer or no answer makes every record sent unknown. A record that fails
    /// ``KafkaRecord/validate()`` fails and is left out of the request.
    public func produceBatch(_ records: [KafkaRecord], to topic: String, cluster: String? = nil) async throws -> [ProduceResult] {
        let clusterID = try cluster ?? requireClusterID()
        guard !records.isEmpty else { return [] }
        var outcomes = [RecordOutcome?](repeating: nil, count: records.count)
        var entries: [ProduceBatchRequestEntry] = []
        for (index, record) in records.enumerated() {
            do {
                try record.validate()
                entries.append(record.batchEntry(id: String(index)))
            } catch {
                outcomes[index] = .failed(ProduceEngine.kafkaError(error, context: "the record is invalid"))
            }
        }
        if !entries.isEmpty {
            do {
                let answer = try await api.records.produceRecordsBatch(clusterID: clusterID, topicName: topic, body: ProduceBatchRequest(entries: entries))
                for success in answer.successes ?? [] {
                    guard let index = Int(success.id), outcomes.indices.contains(index), outcomes[index] == nil else { continue }
                    outcomes[index] = ProduceResponse(
                        errorCode: 200, partitionID: success.partitionID, offset: success.offset,
                        timestamp: success.timestamp, key: success.key, value: success.value
                    ).outcome
                }
                for failure in answer.failures ?? [] {
                    guard let index = Int(failure.id), outcomes.indices.contains(index), outcomes[index] == nil else { continue }
                    outcomes[index] = ProduceResponse(errorCode: failure.errorCode, message: failure.message).outcome
                }
            } catch {
                let outcome = Self.wholeRequestOutcome(error)
                for index in outcomes.indices where outcomes[index] == nil {
                    outcomes[index] = outcome
                }
            }
        }
        return records.enumerated().map { index, record in
            ProduceResult(
                index: index,
                record: record,
                outcome: outcomes[index] ?? .unknown(reason: "the batch answer does not mention entry \(index)")
            )
        }
    }

    /// Sends a concatenated produce request and returns one outcome per record in it.
    private static func concatenatedOutcomes(of request: APIRequest, count: Int, transport: any APITransport) async -> [RecordOutcome] {
        let response: APIResponse
        do {
            response = try await transport.send(request)
        } catch {
            return Array(repeating: wholeRequestOutcome(error), count: count)
        }
        guard response.status == 200 else {
            return Array(repeating: wholeRequestOutcome(response.error(operationID: ProduceOperation.id)), count: count)
        }
        var reports: [OutcomeReport] = []
        var scanner = ConcatenatedJSONScanner(maximumObjectBytes: max(response.body.count, 1))
        do {
            try scanner.read(response.body, as: OutcomeReport.self, into: &reports)
        } catch {
            let outcomes = reports.prefix(count).map(\.outcome)
            let reason = "the delivery reports could not be read after \(outcomes.count) of \(count): \(error)"
            return outcomes + Array(repeating: .unknown(reason: reason), count: count - outcomes.count)
        }
        let outcomes = reports.prefix(count).map(\.outcome)
        let missing = RecordOutcome.unknown(reason: "the answer held \(outcomes.count) delivery reports for \(count) records")
        return outcomes + Array(repeating: missing, count: count - outcomes.count)
    }

    /// The outcome of every record of a request that failed as a whole: failed when nothing
    /// was written (a 4xx status, a request refused before sending, or a failure that
    /// ``Retryability`` says left nothing done, such as a connection never made), unknown
    /// otherwise.
    private static func wholeRequestOutcome(_ error: any Error) -> RecordOutcome {
        guard let error = error as? KafkaRESTError else {
            return .unknown(reason: "no answer to the produce request: \(error)")
        }
        switch error.kind {
        case .invalidRequest, .encoding:
            return .failed(error)
        case .http where (400..<500).contains(error.status ?? 0):
            return .failed(error)
        case .transport where error.retryability == .anyMethod:
            return .failed(error)
        default:
            return .unknown(reason: "the produce request failed and some records may have been written: \(error)")
        }
    }
}
