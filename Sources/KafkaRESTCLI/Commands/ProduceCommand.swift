import ArgumentParser
import Foundation
import KafkaREST

/// `kafka-rest produce TOPIC`: writes records from arguments, a file or standard input.
struct ProduceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "produce",
        abstract: "Produce records to a topic from arguments, a file or standard input.",
        discussion: """
            Input is newline-delimited JSON, one record per line (or per argument). A line that \
            is a ProduceRequest-shaped object, with only the keys key, value, headers, \
            partition_id and timestamp, is sent as described, for example
              {"key": {"type": "STRING", "data": "order-1"}, "value": {"type": "JSON", "data": {"total": 12}}}
            Any other JSON value is sent as the record's JSON value (use --values to send \
            ProduceRequest-shaped objects as values too). Lines that are not JSON fail and are \
            not sent.

            Records are streamed over long-lived produce requests as they are read. With \
            --batch they go in concatenated-JSON batches instead (--batch-size per request; a \
            batch is also sent whenever the input pauses). With --output json one result per record is \
            printed: {"line": 3, "status": "delivered", "partition": 0, "offset": 42}. Failures \
            (table output), progress (on a terminal) and the summary go to standard error.
            Exit status 1 if any record failed or its fate is unknown.
            """
    )

    @Argument(help: "The topic.") var topic: String
    @Argument(help: ArgumentHelp("Records as JSON; without them, --file or standard input is read.", valueName: "record"))
    var records: [String] = []
    @Option(help: ArgumentHelp("Read records from this file (- for standard input).", valueName: "path"))
    var file: String?
    @Option(help: ArgumentHelp("A string key for records that give none.", valueName: "key"))
    var key: String?
    @Flag(name: .customLong("values"), help: "Send every line as a JSON value, even ProduceRequest-shaped objects.")
    var valuesOnly = false
    @Flag(help: "Send concatenated-JSON batches, one request each, instead of streaming.")
    var batch = false
    @Option(help: ArgumentHelp("Most records per request with --batch (default 500).", valueName: "count"))
    var batchSize = 500
    @Option(help: ArgumentHelp("Refuse records whose JSON is longer than this (default 8 MiB, Confluent Cloud's limit).", valueName: "bytes"))
    var maxRecordBytes = RecordLine.defaultMaxRecordBytes
    @OptionGroup var options: GlobalOptions

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be at least 1") }
        guard maxRecordBytes > 0 else { throw ValidationError("--max-record-bytes must be at least 1") }
        guard records.isEmpty || file == nil else { throw ValidationError("give records as arguments or --file, not both") }
    }

    func run() async throws {
        let context = CLIContext.current
        let reader = RecordReader(input: try inputSource(context: context), valuesOnly: valuesOnly, key: key, maxRecordBytes: maxRecordBytes)
        try await Session.run(options) { session, cluster in
            let reporter = ProduceReporter(printer: session.printer)
            do {
                if batch {
                    let produce = BatchProduce(kafka: session.kafka, cluster: cluster, topic: topic, batchSize: batchSize)
                    try await produce.run(reader, reporter: reporter)
                } else {
                    let options = Self.streamingOptions(session.kafka.configuration)
                    let producer = try session.kafka.streamingProducer(topic: topic, cluster: cluster, options: options)
                    try await StreamProduce(producer: producer).run(reader, reporter: reporter)
                }
            } catch {
                reporter.finish()
                throw error
            }
            reporter.finish()
            if !reporter.tally.allDelivered {
                throw CommandExit(status: .partialFailure)
            }
        }
    }

    /// Producer options that apply `--timeout` and `--retries` to streams as to every other
    /// request: a stream's response head, and while records await reports each next report,
    /// must come within the timeout, and a failed open is retried as often as a request.
    static func streamingOptions(_ configuration: KafkaRESTConfiguration) -> StreamingProducer.Options {
        var options = StreamingProducer.Options()
        options.openTimeout = configuration.timeouts.request
        options.reportTimeout = configuration.timeouts.request
        options.retryBudget.streamOpens = max(configuration.retry.maxAttempts - 1, 0)
        return options
    }

    /// The arguments as lines, the file, or standard input.
    private func inputSource(context: CLIContext) throws -> InputSource {
        if !records.isEmpty {
            return .data(Data(records.map { $0.replacingOccurrences(of: "\n", with: " ") + "\n" }.joined().utf8))
        }
        guard let file, file != "-" else { return context.console.input }
        guard let handle = FileHandle(forReadingAtPath: file) else {
            throw CLIError.usage("cannot read \(file)")
        }
        return .fileHandle(handle)
    }
}
