import Foundation

/// Runs a child role's `body` on a detached task, keeping the main thread in `dispatchMain`, and
/// exits 0 when it returns or 1 (after printing the error) when it throws.
func runChildRole(_ body: @escaping @Sendable () async throws -> Void) -> Never {
    Task.detached {
        do {
            try await body()
            exit(0)
        } catch {
            FileHandle.standardError.write(Data("produce-benchmark child: \(error)\n".utf8))
            exit(1)
        }
    }
    dispatchMain()
}
