import ArgumentParser
import KafkaREST

/// The `kafka-rest` command-line tool.
public struct KafkaRESTCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "kafka-rest",
        abstract: "Talk to a Confluent Kafka REST v3 endpoint."
    )

    public init() {}
}
