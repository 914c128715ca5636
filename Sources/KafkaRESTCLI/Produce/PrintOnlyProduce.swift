import KafkaREST

/// Encodes and checks records without a server (`--print-only`): each record's JSON, as it
/// would be sent, goes to standard output; lines that are not records go to standard error.
struct PrintOnlyProduce {
    /// Where the records and messages go.
    let console: Console

    /// Prints every record of `reader` and returns whether every line was one.
    func run(_ reader: RecordReader) async -> Bool {
        var reader = reader
        var printed = 0
        var invalid = 0
        while let lines = await reader.next() {
            for line in lines {
                do {
                    let record = try line.parsed.get()
                    try record.validate()
                    console.print(String(decoding: record.produceRequest.jsonBytes(), as: UTF8.self))
                    printed += 1
                } catch {
                    let message = (error as? RecordLine.LineError)?.message ?? (error as? KafkaRESTError)?.message ?? "\(error)"
                    console.printError(TerminalText.escaped(RecordReport(line: line.line, invalidInput: message).text))
                    invalid += 1
                }
            }
        }
        console.printError("produce: printed \(printed), invalid \(invalid); nothing sent (--print-only)")
        return invalid == 0
    }
}
