import Foundation
import Testing

/// Checks `spec/kafka-rest-v3.yaml` against each of Confluent's reference files in
/// `../shared/reference-specs` (or `$KAFKA_REST_REFERENCE_SPECS`). Tests that need the reference
/// files print why and pass when the folder is missing.
@Suite struct ConformanceTests {
    /// Every difference from every reference file must be accepted by `spec/conformance-exceptions.yaml`.
    @Test func specMatchesEachReferenceFile() throws {
        guard let differencesByFile = try LoadedSpecs.differencesOrSkip() else { return }
        let exceptions = try LoadedSpecs.exceptions()
        var report: [String] = []
        var unmatchedCount = 0
        for file in differencesByFile.keys.sorted() {
            let differences = differencesByFile[file] ?? []
            let unmatched = exceptions.unmatched(differences, in: file)
            unmatchedCount += unmatched.count
            report.append("\(file): \(differences.count) differences, \(differences.count - unmatched.count) accepted, \(unmatched.count) not accepted")
            guard !unmatched.isEmpty else { continue }
            report.append("--- \(file) (reference)")
            report.append("+++ spec/kafka-rest-v3.yaml (ours)")
            report += unmatched.map { "\($0.marker) \($0.key)" }
        }
        Console.write(report)
        if unmatchedCount > 0 {
            Issue.record("""
                \(unmatchedCount) differences from the reference specs are not accepted by \
                spec/conformance-exceptions.yaml (listed above: - only in reference, + only in ours, ~ differ)
                """)
        }
    }

    /// Every exception entry is well formed, names an existing reference file and still accepts
    /// at least one difference, so the file stays true.
    @Test func conformanceExceptionsAreValidAndUsed() throws {
        let exceptions = try LoadedSpecs.exceptions()
        for problem in exceptions.problems {
            Issue.record("spec/conformance-exceptions.yaml: \(problem)")
        }
        guard let differencesByFile = try LoadedSpecs.differencesOrSkip() else { return }
        for entry in exceptions.entries where entry.reference != "*" && differencesByFile[entry.reference] == nil {
            Issue.record("spec/conformance-exceptions.yaml: entry \(entry.summary) names no reference file; have \(differencesByFile.keys.sorted())")
        }
        for entry in exceptions.stale(differencesByFile) {
            Issue.record("spec/conformance-exceptions.yaml: stale entry \(entry.summary) matches no difference; remove it")
        }
    }

    /// The union of the reference files' operations must all be in ours.
    @Test func allReferenceOperationsPresent() throws {
        guard let references = try LoadedSpecs.referencesOrSkip() else { return }
        let ours = try OperationFacts.all(in: LoadedSpecs.ours.get(), basePath: "")
        let union = try Self.operationKeys(of: references)
        let missing = union.filter { ours[$0] == nil }.sorted()
        Console.write(["reference operations (union of \(references.count) files): \(union.count); missing in ours: \(missing.count)"]
            + missing.map { "- \($0)" })
        if !missing.isEmpty {
            Issue.record("\(missing.count) of \(union.count) reference operations are missing in spec/kafka-rest-v3.yaml (listed above)")
        }
    }

    /// Ours must not invent operations: each must come from at least one reference file.
    @Test func everyOperationOfOursIsInAReference() throws {
        guard let references = try LoadedSpecs.referencesOrSkip() else { return }
        let ours = try OperationFacts.all(in: LoadedSpecs.ours.get(), basePath: "")
        let union = try Self.operationKeys(of: references)
        let invented = Set(ours.keys).subtracting(union).sorted()
        if !invented.isEmpty {
            Console.write(invented.map { "+ \($0)" })
            Issue.record("\(invented.count) operations of spec/kafka-rest-v3.yaml are in no reference file (listed above)")
        }
    }

    /// Every operation of ours has an operationId, and no two share one.
    @Test func everyOperationHasUniqueOperationId() throws {
        let operations = try OperationFacts.all(in: LoadedSpecs.ours.get(), basePath: "")
        var owners: [String: [String]] = [:]
        for key in OperationFacts.sortedKeys(operations) {
            guard let operationId = operations[key]?.operationId, !operationId.isEmpty else {
                Issue.record("\(key) has no operationId")
                continue
            }
            owners[operationId, default: []].append(key)
        }
        for (operationId, keys) in owners.sorted(by: { $0.key < $1.key }) where keys.count > 1 {
            Issue.record("operationId \(operationId) is used by \(keys.joined(separator: ", "))")
        }
    }

    /// No long prose line under `spec/` may be a verbatim copy of a line of a reference file.
    @Test func noProseCopiedFromReferences() throws {
        guard let references = try LoadedSpecs.referencesOrSkip() else { return }
        var referenceLines: Set<String> = []
        for reference in references {
            let text = try String(contentsOf: reference.url, encoding: .utf8)
            referenceLines.formUnion(ProseLines.candidates(in: text).map(\.text))
        }
        var copies: [String] = []
        for file in try ProseLines.files(under: ReferenceSpecs.specFolder) {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            let relative = file.path.replacingOccurrences(of: ReferenceSpecs.repositoryRoot.path + "/", with: "")
            for line in ProseLines.candidates(in: text) where referenceLines.contains(line.text) {
                copies.append("\(relative):\(line.number): \(line.text)")
            }
        }
        if !copies.isEmpty {
            Console.write(copies)
            Issue.record("\(copies.count) lines under spec/ are copied verbatim from the reference specs (listed above); write them in our own words")
        }
    }

    /// The union of the operation keys (`METHOD /path`) of `references`.
    private static func operationKeys(of references: [ReferenceSpec]) throws -> Set<String> {
        try references.reduce(into: []) { union, reference in
            union.formUnion(try reference.operations().keys)
        }
    }
}
