/// The form of an ACL principal in a request, `Type:name`.
///
/// - `User:sa-…`, `User:u-…`, `User:pool-…` (resource ids), `User:*` and other `Type:name` forms are accepted.
/// - `User:` followed by digits only, an integer user id, is accepted with a warning: Confluent
///   deprecated integer ids in favour of resource ids such as `User:sa-abc123`.
/// - Anything without a non-empty type, a `:` and a non-empty name is an error.
enum PrincipalRule {
    /// The severity and explanation of what is wrong with `principal`, or `nil` if it is fine.
    static func problem(with principal: String) -> (severity: Violation.Severity, message: String)? {
        guard let colon = principal.firstIndex(of: ":"),
              colon != principal.startIndex,
              principal.index(after: colon) != principal.endIndex,
              !principal.contains(where: \.isWhitespace)
        else {
            return (.error, "principal \(Describe.quoted(principal)) is not of the form Type:name, such as User:sa-abc123 or User:*")
        }
        let type = principal[..<colon]
        let name = principal[principal.index(after: colon)...]
        if type == "User", name.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return (.warning, "principal \(Describe.quoted(principal)) uses an integer user id, which Confluent deprecated in favour of resource ids such as User:sa-abc123")
        }
        return nil
    }
}
