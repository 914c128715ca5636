/// Kafka's rule for topic names: 1 to 249 characters of `a-z A-Z 0-9 . _ -`, and not `.` or `..`.
enum TopicNameRule {
    /// The longest topic name Kafka accepts.
    static let maximumLength = 249

    /// What is wrong with `name`, or `nil` if Kafka accepts it.
    static func problem(with name: String) -> String? {
        let rule = "a topic name is 1 to \(maximumLength) characters of a-z, A-Z, 0-9, '.', '_' and '-'"
        if name.isEmpty { return "the topic name is empty; \(rule)" }
        if let bad = name.unicodeScalars.first(where: { !isAllowed($0) }) {
            return "topic name \(Describe.quoted(name)) contains \(Describe.quoted(String(bad))), which is not allowed; \(rule)"
        }
        if name.utf8.count > maximumLength {
            return "topic name is \(name.utf8.count) characters long; \(rule)"
        }
        if name == "." || name == ".." {
            return "topic name \(Describe.quoted(name)) is not allowed: '.' and '..' are reserved"
        }
        return nil
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-": true
        default: false
        }
    }
}
