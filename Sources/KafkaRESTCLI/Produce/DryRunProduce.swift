import KafkaREST

/// Checks records with the server without writing them: one `produceRecord` request with
/// `dry_run=true` per record (Confluent Cloud), in input order.
///
/// Streaming and concatenated requests cannot carry `dry_run`, so a dry run is one request
/// per record.
struct DryRunProduce {
    /// The client.
    let kafka: KafkaRESTClient
    /// The cluster id.
    let cluster: String
    /// The topic name.
    let topic: String

    /// Checks every record of `reader`, reporting each verdict to `reporter`: `checked` when
    /// the report's `error_code` is 200, else failed with the report's or the request's error.
    func run(_ reader: RecordReader, reporter: ProduceReporter) async {
        var reader = reader
        while let lines = await reader.next() {
            for line in lines {
                switch line.parsed {
                case .success(let record):
                    reporter.sent(1)
                    await check(record, line: line.line, reporter: reporter)
                case .failure(let error):
                    reporter.invalid(line: line.line, message: error.message)
                }
            }
        }
    }

    /// Sends `record` with `dry_run=true` and reports the verdict; an error of the whole
    /// request fails the record, since nothing is written either way.
    private func check(_ record: KafkaRecord, line: Int, reporter: ProduceReporter) async {
        do {
            try record.validate()
            let report = try await kafka.api.records.produceRecord(clusterID: cluster, topicName: topic, body: record.produceRequest, dryRun: true)
            if report.errorCode == 200 {
                reporter.checked(line: line, partition: report.partitionID, offset: report.offset)
            } else {
                reporter.record(line: line, outcome: report.outcome)
            }
        } catch let error as KafkaRESTError {
            reporter.record(line: line, outcome: .failed(error))
        } catch {
            reporter.record(line: line, outcome: .unknown(reason: "the dry-run request failed: \(error)"))
        }
    }
}
