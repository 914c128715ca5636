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

            FORMATS, KEYS AND HEADERS
            --value-format reads each plain line (and --key-format reads --key, or the key \
            part with --parse-key) as: json (the default for values: a JSON value), string (the \
            text itself, as STRING; the default for keys), binary (base64 text, sent as the \
            BINARY bytes), or avro, jsonschema, protobuf (a JSON value sent as that Schema \
            Registry type, with exactly one of --value-schema-id, --value-subject (optionally \
            with --value-schema-version, else the latest) or --value-subject-strategy; the same \
            with --key-). With a --value-format other than json, or with --parse-key, no line \
            is read as a ProduceRequest.
            --parse-key splits each line at its first --delimiter (default ":"; "\\t" is a \
            tab) into key and value; a line without it fails. --header name=value (repeatable; \
            name:base64=value for bytes) is added to every record before the line's own \
            headers; --partition applies to records whose line names none.

            DRY RUNS
            --dry-run sends each record with dry_run=true (Confluent Cloud), one request per \
            record: the server checks it and writes nothing; results say "checked". \
            --print-only needs no server or credentials: records are encoded and checked, and \
            each record's JSON as it would be sent is printed on standard output.
            """
    )

    @Argument(help: "The topic.", completion: TopicCompletion.kind) var topic: String
    @Argument(help: ArgumentHelp("Records, one per argument, read like input lines; without them, --file or standard input is read.", valueName: "record"))
    var records: [String] = []
    @Option(help: ArgumentHelp("Read records from this file (- for standard input).", valueName: "path"))
    var file: String?
    @Option(help: ArgumentHelp("A key for records that give none, in --key-format (string by default).", valueName: "key"))
    var key: String?
    @Option(help: ArgumentHelp("How plain lines become values (default json; see FORMATS above).", valueName: "format"))
    var valueFormat: PayloadFormat?
    @Option(help: ArgumentHelp("The Schema Registry id of the value schema (avro, jsonschema, protobuf).", valueName: "id"))
    var valueSchemaId: Int?
    @Option(help: ArgumentHelp("The Schema Registry subject of the value schema; its latest version unless --value-schema-version.", valueName: "subject"))
    var valueSubject: String?
    @Option(help: ArgumentHelp("The version of the value schema under --value-subject or --value-subject-strategy.", valueName: "version"))
    var valueSchemaVersion: Int?
    @Option(help: ArgumentHelp("Derive the value subject: TOPIC_NAME, RECORD_NAME or TOPIC_RECORD_NAME.", valueName: "strategy"))
    var valueSubjectStrategy: String?
    @Option(help: ArgumentHelp("How --key or parsed keys become keys (default string).", valueName: "format"))
    var keyFormat: PayloadFormat?
    @Option(help: ArgumentHelp("The Schema Registry id of the key schema.", valueName: "id"))
    var keySchemaId: Int?
    @Option(help: ArgumentHelp("The Schema Registry subject of the key schema; its latest version unless --key-schema-version.", valueName: "subject"))
    var keySubject: String?
    @Option(help: ArgumentHelp("The version of the key schema under --key-subject or --key-subject-strategy.", valueName: "version"))
    var keySchemaVersion: Int?
    @Option(help: ArgumentHelp("Derive the key subject: TOPIC_NAME, RECORD_NAME or TOPIC_RECORD_NAME.", valueName: "strategy"))
    var keySubjectStrategy: String?
    @Flag(help: "Read the key and the value from each line, split at the first --delimiter.")
    var parseKey = false
    @Option(help: ArgumentHelp("The key-value separator for --parse-key (default \":\"; \"\\t\" for a tab).", valueName: "text"))
    var delimiter: String?
    @Option(name: .customLong("header"), help: ArgumentHelp("A header for every record: name=value, or name:base64=value for bytes (repeatable).", valueName: "header"))
    var headers: [String] = []
    @Option(help: ArgumentHelp("The partition of records whose line gives none.", valueName: "partition"))
    var partition: Int32?
    @Flag(help: "Send each record with dry_run=true (Confluent Cloud): checked by the server, not written.")
    var dryRun = false
    @Flag(help: "Send nothing: print each record's JSON as it would be sent (no server needed).")
    var printOnly = false
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
        guard !(dryRun && printOnly) else { throw ValidationError("give --dry-run or --print-only, not both") }
        guard !(batch && (dryRun || printOnly)) else {
            throw ValidationError("--batch does not apply to \(dryRun ? "--dry-run (one request per record)" : "--print-only (nothing is sent)")")
        }
        _ = try recordFormat()
    }

    /// How lines become records, from the format, key, header and partition flags.
    ///
    /// - Throws: `ValidationError` naming the flags that do not fit together or a value that
    ///   cannot be read (see ``PayloadFlags/encoding(defaultFormat:)``).
    func recordFormat() throws -> RecordFormat {
        let valueFlags = PayloadFlags(
            part: "value", format: valueFormat, schemaID: valueSchemaId, subject: valueSubject,
            schemaVersion: valueSchemaVersion, subjectStrategy: valueSubjectStrategy
        )
        let keyFlags = PayloadFlags(
            part: "key", format: keyFormat, schemaID: keySchemaId, subject: keySubject,
            schemaVersion: keySchemaVersion, subjectStrategy: keySubjectStrategy
        )
        let keyEncoding = try keyFlags.encoding(defaultFormat: .string)
        let keySource: RecordFormat.KeySource
        switch (key, parseKey) {
        case (_?, true):
            throw ValidationError("give --key or --parse-key, not both")
        case (let key?, false):
            guard delimiter == nil else { throw ValidationError("--delimiter needs --parse-key") }
            do {
                keySource = .fixed(try keyEncoding.payload(from: Data(key.utf8)))
            } catch {
                throw ValidationError("--key is \(error.message)")
            }
        case (nil, true):
            let separator = delimiter.map { $0 == "\\t" ? "\t" : $0 } ?? ":"
            guard !separator.isEmpty else { throw ValidationError("--delimiter must not be empty") }
            keySource = .parsed(keyEncoding, delimiter: Data(separator.utf8))
        case (nil, false):
            guard delimiter == nil else { throw ValidationError("--delimiter needs --parse-key") }
            guard keyFlags.isEmpty else {
                throw ValidationError("--key-format and the --key-schema and --key-subject options apply to --key or --parse-key; give one of them")
            }
            keySource = .none
        }
        if let partition, partition < 0 {
            throw ValidationError("--partition must be 0 or more, not \(partition)")
        }
        return RecordFormat(
            value: try valueFlags.encoding(defaultFormat: .json),
            key: keySource,
            valuesOnly: valuesOnly,
            headers: try headers.map(HeaderArgument.parse),
            partition: partition
        )
    }

    func run() async throws {
        let context = CLIContext.current
        let reader = RecordReader(input: try inputSource(context: context), format: try recordFormat(), maxRecordBytes: maxRecordBytes)
        if printOnly {
            guard await PrintOnlyProduce(console: context.output).run(reader) else {
                throw CommandExit(status: .partialFailure)
            }
            return
        }
        try await Session.run(options) { session, cluster in
            let reporter = ProduceReporter(printer: session.printer, dryRun: dryRun)
            do {
                if dryRun {
                    await DryRunProduce(kafka: session.kafka, cluster: cluster, topic: topic).run(reader, reporter: reporter)
                } else if batch {
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
