/// Everything the test server remembers, behind one lock.
struct ServerState {
    /// A fault waiting for its next matching requests.
    struct PendingFault {
        let fault: Fault
        var remaining: Int
        /// A substring of the path template, operation name or path; `nil` matches every request.
        let matching: String?

        func matches(_ candidates: [String]) -> Bool {
            guard let matching else { return true }
            return candidates.contains { $0.contains(matching) }
        }
    }

    var cluster = ClusterState()
    var faults: [PendingFault] = []
    var requests: [RecordedRequest] = []
    var streaming = StreamingState()

    /// Takes one use of the earliest injected fault that matches `candidates`.
    mutating func takeFault(matching candidates: [String]) -> Fault? {
        guard let index = faults.firstIndex(where: { $0.matches(candidates) }) else { return nil }
        let fault = faults[index].fault
        faults[index].remaining -= 1
        if faults[index].remaining <= 0 {
            faults.remove(at: index)
        }
        return fault
    }
}
