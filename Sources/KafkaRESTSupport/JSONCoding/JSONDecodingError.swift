/// Why a ``JSONReader`` refused a document, and where.
///
/// ``pointer`` is the RFC 6901 JSON pointer of the value that failed (`/data/0/partitions_count`,
/// empty for the document itself) and ``offset`` the byte offset at which reading stopped.
public struct JSONDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong, for example `expected a string, found a number`.
    public var message: String
    /// The byte offset in the document where the problem was found.
    public var offset: Int
    /// Keys and indices from the failing value up to the document, innermost first.
    @usableFromInline var reversedPath: [String]

    /// Creates an error at `offset`, for the value the reader was on.
    @usableFromInline
    init(_ message: String, offset: Int) {
        self.message = message
        self.offset = offset
        reversedPath = []
    }

    /// The same error, one level further out: inside the member or element `component`.
    @usableFromInline
    func inside(_ component: String) -> JSONDecodingError {
        var error = self
        error.reversedPath.append(component)
        return error
    }

    /// The JSON pointer of the failing value; empty for the whole document.
    public var pointer: String {
        reversedPath.reversed().map { component in
            var token = ""
            for character in component {
                switch character {
                case "~": token += "~0"
                case "/": token += "~1"
                default: token.append(character)
                }
            }
            return "/" + token
        }.joined()
    }

    /// `at /data/0/partitions_count (byte 120): expected an integer, found a string`.
    public var description: String {
        "at \(pointer.isEmpty ? "the top level" : pointer) (byte \(offset)): \(message)"
    }
}
