import KafkaREST

/// A call that replaces the standard one when a reference file lacks a part of the wire API
/// that our spec keeps (each is also an entry of `spec/conformance-exceptions.yaml`).
struct ReferenceVariant: Sendable {
    /// The reference file's name.
    let file: String
    /// Why the standard call does not fit that file.
    let reason: String
    /// The call the file accepts.
    let call: ContractCall

    static let all: [ReferenceVariant] = [
        ReferenceVariant(
            file: "confluent-cloud-kafka-rest-v3-sdk.yaml",
            reason: "the SDK file dropped listKafkaTopics' includeAuthorizedOperations, which the Cloud source and proxy files declare",
            call: ContractCall("listKafkaTopics") { _ = try await $0.topic.listKafkaTopics(clusterID: Fixture.cluster) }),
    ]

    /// The variant for `operationID` in `file`, if any.
    static func variant(file: String, operationID: String) -> ReferenceVariant? {
        all.first { $0.file == file && $0.call.operationID == operationID }
    }
}
