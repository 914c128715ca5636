import Foundation
import KafkaREST
import KafkaRESTAPI
import Testing

/// Every generated operation against connexion, a validating server we did not write, serving
/// our spec and each of Confluent's reference files: every request must be accepted and every
/// example response must decode. openapi-core then judges the recorded exchanges again.
@Suite("Contract")
struct ContractTests {
    @Test("the call table has exactly one call per generated operation")
    func callTableCoversTheCatalog() {
        let calls = ContractCalls.all.map(\.operationID)
        #expect(calls.sorted() == OperationCatalog.all.map(\.operationID).sorted())
        #expect(Set(calls).count == calls.count)
    }

    @Test("spec/ served by connexion accepts every operation", arguments: [ContractSpec.ours])
    func ours(spec: ContractSpec) async throws {
        let run = try await ContractRun.perform(spec)
        #expect(run.called == OperationCatalog.all.count)
        try run.expectClean()
    }

    @Test(
        "each reference file served by connexion accepts every operation it has",
        .enabled(if: !ContractSpec.references.isEmpty, "../shared/reference-specs not found"),
        arguments: ContractSpec.references)
    func reference(spec: ContractSpec) async throws {
        let run = try await ContractRun.perform(spec)
        try run.expectClean()
    }
}
