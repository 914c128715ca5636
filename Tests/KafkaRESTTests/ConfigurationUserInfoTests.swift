import Foundation
@testable import KafkaREST
import Testing
import TransportDoubles

@Suite("Configuration: user info in the base URL")
struct ConfigurationUserInfoTests {
    static let urls = ["https://user:hunter2-PASSWORD@pkc.example/kafka/v3", "https://hunter2-PASSWORD@pkc.example/kafka/v3"]

    @Test("a client is not created from a base URL with user info, and the error does not show it", arguments: urls)
    func refused(url: String) async {
        let configuration = KafkaRESTConfiguration(baseURL: URL(string: url)!, clusterID: "lkc-1")
        let error = #expect(throws: KafkaRESTError.self) {
            _ = try KafkaRESTClient(configuration: configuration, transport: ScriptedTransport())
        }
        #expect(error?.kind == .invalidRequest)
        #expect(error?.message.contains("user info") == true)
        #expect(error.map { "\($0)" }?.contains("hunter2") == false)
        let viaHTTP = await #expect(throws: KafkaRESTError.self) {
            let client = try KafkaRESTClient(configuration: configuration)
            try await client.shutdown()
        }
        #expect(viaHTTP?.message.contains("user info") == true)
    }

    @Test("descriptions never show user info", arguments: urls)
    func descriptionHidesUserInfo(url: String) {
        let configuration = KafkaRESTConfiguration(baseURL: URL(string: url)!, clusterID: "lkc-1")
        for text in [configuration.description, configuration.debugDescription, String(reflecting: configuration)] {
            #expect(!text.contains("hunter2"), "\(text)")
            #expect(text.contains("baseURL: https://pkc.example/kafka/v3"), "\(text)")
        }
    }

    @Test("a base URL without user info is described as it is")
    func plainURLUnchanged() throws {
        let configuration = KafkaRESTConfiguration(baseURL: URL(string: "https://pkc.example:8443/kafka/v3")!, clusterID: "lkc-1")
        #expect(configuration.description.contains("baseURL: https://pkc.example:8443/kafka/v3,"))
        let client = try KafkaRESTClient(configuration: configuration, transport: ScriptedTransport())
        #expect(client.description == "KafkaRESTClient(baseURL: https://pkc.example:8443/kafka/v3, clusterID: lkc-1)")
    }
}
