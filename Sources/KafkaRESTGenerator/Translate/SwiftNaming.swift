/// Turns wire names into Swift identifiers: camel case, acronyms upper-cased
/// as Swift's API guidelines ask (`cluster_id` → `clusterID`), keywords escaped.
enum SwiftNaming {
    /// Words written all upper-case inside identifiers.
    private static let acronyms: [String: String] = ["id": "ID", "ids": "IDs", "url": "URL", "uri": "URI", "api": "API", "json": "JSON", "http": "HTTP"]

    /// Words that cannot be used bare as Swift identifiers in declarations.
    private static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue",
        "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return",
        "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self",
        "super", "throws", "true", "try", "Type", "Protocol", "any", "some", "consume", "copy", "borrowing",
        "consuming", "async", "package",
    ]

    /// Type names the generated code must not shadow: the standard library,
    /// Foundation and the runtime-support module.
    static let reservedTypeNames: Set<String> = [
        "Any", "Array", "Bool", "Codable", "Data", "Date", "Decimal", "Decodable", "Dictionary", "Double",
        "Encodable", "Error", "Float", "Hashable", "Int", "Int32", "Int64", "Never", "Optional", "Result",
        "Sendable", "Set", "String", "Type", "URL", "UUID", "Void", "Protocol", "Self",
        "APIRequest", "APIResponse", "APITransport", "Base64Data", "ClosedEnum", "DateTimeCoding",
        "APIHeaders", "APIMethod", "Indirect", "JSONValue", "KafkaRESTError", "Nullable", "OpenEnum", "ParameterValue",
        "PathSegment", "RequestBody", "Client", "OperationCatalog", "OperationDescriptor", "SchemaRegistry",
        "CodingKeys", "Foundation", "KafkaRESTSupport",
    ]

    /// Splits a wire name into words at `_`, `-`, `.`, spaces, other
    /// punctuation, and lower→upper case changes. Only letters and digits whose every scalar
    /// may continue a Swift identifier make words, so no spec name can become code.
    static func words(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for character in name {
            if !isWordCharacter(character) {
                if !current.isEmpty { words.append(current) }
                current = ""
                previous = nil
                continue
            }
            if let previous, character.isUppercase, previous.isLowercase || previous.isNumber {
                words.append(current)
                current = ""
            }
            current.append(character)
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `UpperCamelCase`, e.g. `topic_data` → `TopicData`. A name that already
    /// is an upper-camel identifier (`AclData`) is kept as written, so users
    /// find the schema names of the spec.
    static func typeName(_ name: String) -> String {
        if let first = name.first, first.isUppercase, name.allSatisfy(isWordCharacter) {
            return name
        }
        let joined = words(name).map(capitalised).joined()
        return guardStart(joined.isEmpty ? "Value" : joined)
    }

    /// `lowerCamelCase`, e.g. `partitions_count` → `partitionsCount`, `cluster_id` → `clusterID`.
    static func memberName(_ name: String) -> String {
        let parts = words(name)
        guard let first = parts.first else { return "value" }
        let head = first.count > 1 && first == first.uppercased() && acronyms[first.lowercased()] == nil
            ? first.lowercased()
            : lowerFirst(first)
        return guardStart(head + parts.dropFirst().map(capitalised).joined())
    }

    /// The identifier as it must be written in a declaration (backticks around keywords).
    static func escaped(_ identifier: String) -> String {
        keywords.contains(identifier) ? "`\(identifier)`" : identifier
    }

    /// A letter or digit made only of scalars that may continue a Swift identifier.
    private static func isWordCharacter(_ character: Character) -> Bool {
        (character.isLetter || character.isNumber) && character.unicodeScalars.allSatisfy(\.properties.isXIDContinue)
    }

    private static func capitalised(_ word: String) -> String {
        if let acronym = acronyms[word.lowercased()] { return acronym }
        if word == word.uppercased() { return word.prefix(1) + word.dropFirst().lowercased() }
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    private static func lowerFirst(_ word: String) -> String {
        if word == word.uppercased() { return word.lowercased() }
        return word.prefix(1).lowercased() + word.dropFirst()
    }

    private static func guardStart(_ identifier: String) -> String {
        identifier.first.map { $0.isNumber } == true ? "_" + identifier : identifier
    }
}

/// Hands out unique names within one scope by appending a number on clashes.
struct NameScope {
    private var taken: Set<String>

    init(reserved: Set<String> = []) {
        taken = reserved
    }

    /// `base`, or `base2`, `base3`… when already taken.
    mutating func claim(_ base: String) -> String {
        var candidate = base
        var counter = 2
        while taken.contains(candidate) {
            candidate = "\(base)\(counter)"
            counter += 1
        }
        taken.insert(candidate)
        return candidate
    }
}
