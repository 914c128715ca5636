/// Puts violations in the order of the JSON text they point into.
enum DocumentOrder {
    /// `violations` sorted by where their location starts in the text, keeping the original order
    /// for equal positions. A pointer to a missing member takes the position of its nearest
    /// existing parent.
    static func sorted(_ violations: [Violation], offsets: [String: Int]) -> [Violation] {
        func position(_ pointer: String) -> Int {
            var current: String? = pointer
            while let candidate = current {
                if let offset = offsets[candidate] { return offset }
                current = JSONPointer.parent(of: candidate)
            }
            return 0
        }
        return violations.enumerated()
            .map { (position: position($0.element.pointer), index: $0.offset, violation: $0.element) }
            .sorted { ($0.position, $0.index) < ($1.position, $1.index) }
            .map(\.violation)
    }
}
