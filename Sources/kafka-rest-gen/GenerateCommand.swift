import ArgumentParser
import KafkaRESTGenerator

@main
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kafka-rest-gen")
}
