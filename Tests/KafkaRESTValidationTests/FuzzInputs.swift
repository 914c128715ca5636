import Foundation
import FuzzSupport
import KafkaRESTSupport

/// Random and mutated JSON values for fuzzing the validator, from a seeded generator.
struct FuzzInputs {
    var random: SeededGenerator
    /// Values to mutate, such as the spec's examples.
    let seeds: [JSONValue]

    /// Property names of the spec, so random objects meet real schema rules.
    static let keys = [
        "topic_name", "partitions_count", "replication_factor", "configs", "name", "value", "key", "type", "data",
        "principal", "operation", "resource_type", "partition_id", "headers", "timestamp", "entries", "id",
        "mirror_topic_names", "metadata", "kind", "self", "error_code", "offset", "validate_only", "a/b", "~", "",
    ]

    /// Strings that tend to break things.
    static let oddStrings = [
        "", " ", "\u{0}", "\u{FEFF}", "e\u{301}", "😀", "~0/~1", ".", "..", "a/b", "User:", "User:123", "User:sa-1",
        ":", String(repeating: "x", count: 300), "BINARY", "JSON", "STRING", "BINRY", "2021-13-45T99:99:99Z",
        "2021-12-13T16:29:10.951Z", "aGk=", "===", "a*b", "\\", "\"", "null", "\u{D7FF}", "\n\t\r", "READ", "TOPIC",
    ]

    /// Numbers at the edges.
    static let oddNumbers: [JSONValue] = [
        .integer(.max), .integer(.min), .integer(2_147_483_648), .integer(-2_147_483_649), .integer(0),
        .double(1e308), .double(-1e308), .double(.infinity), .double(-.infinity), .double(.nan), .double(-0.0),
        .double(9.3e18), .double(.leastNonzeroMagnitude), .double(0.5),
    ]

    /// One input: a random tree, a mutated seed, or a deeply nested value.
    mutating func next() -> JSONValue {
        switch Int.random(in: 0..<10, using: &random) {
        case 0...2: return tree(depth: 4)
        case 3: return nest(seeds.isEmpty ? tree(depth: 1) : seeds.randomElement(using: &random)!, depth: 200)
        default:
            var value = seeds.isEmpty ? tree(depth: 3) : seeds.randomElement(using: &random)!
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                value = mutateSomewhere(value)
            }
            return value
        }
    }

    /// A random value at most `depth` containers deep.
    mutating func tree(depth: Int) -> JSONValue {
        let kinds = depth > 0 ? 8 : 6
        switch Int.random(in: 0..<kinds, using: &random) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &random))
        case 2: return .integer(Int64.random(in: -1000...1000, using: &random))
        case 3: return Self.oddNumbers.randomElement(using: &random)!
        case 4: return .string(Self.oddStrings.randomElement(using: &random)!)
        case 5: return .double(Double.random(in: -1e6...1e6, using: &random))
        case 6:
            return .array((0..<Int.random(in: 0...4, using: &random)).map { _ in tree(depth: depth - 1) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<Int.random(in: 0...5, using: &random) {
                members[Self.keys.randomElement(using: &random)!] = tree(depth: depth - 1)
            }
            return .object(members)
        }
    }

    /// `value` inside `depth` random arrays and objects.
    mutating func nest(_ value: JSONValue, depth: Int) -> JSONValue {
        var nested = value
        for _ in 0..<depth {
            nested = Bool.random(using: &random) ? .array([nested]) : .object([Self.keys.randomElement(using: &random)!: nested])
        }
        return nested
    }

    /// `value` with one mutation at a random place inside it.
    private mutating func mutateSomewhere(_ value: JSONValue) -> JSONValue {
        let descend = Int.random(in: 0..<10, using: &random) < 7
        switch value {
        case .object(var members) where descend && !members.isEmpty:
            let key = members.keys.sorted()[Int.random(in: 0..<members.count, using: &random)]
            members[key] = mutateSomewhere(members[key]!)
            return .object(members)
        case .array(var elements) where descend && !elements.isEmpty:
            let index = Int.random(in: 0..<elements.count, using: &random)
            elements[index] = mutateSomewhere(elements[index])
            return .array(elements)
        default:
            return mutate(value)
        }
    }

    /// `value` changed in one way: another type, null, an edge number or string, nesting, a key dropped or added.
    private mutating func mutate(_ value: JSONValue) -> JSONValue {
        switch Int.random(in: 0..<8, using: &random) {
        case 0: return tree(depth: 0)
        case 1: return .null
        case 2: return Self.oddNumbers.randomElement(using: &random)!
        case 3: return .string(Self.oddStrings.randomElement(using: &random)!)
        case 4: return nest(value, depth: Int.random(in: 1...200, using: &random))
        case 5:
            guard case .object(var members) = value, !members.isEmpty else { return tree(depth: 2) }
            members.removeValue(forKey: members.keys.sorted()[Int.random(in: 0..<members.count, using: &random)])
            return .object(members)
        case 6:
            guard case .object(var members) = value else { return .array([value, .null]) }
            members[Self.keys.randomElement(using: &random)!] = Bool.random(using: &random) ? .null : tree(depth: 2)
            return .object(members)
        default:
            return tree(depth: 2)
        }
    }
}
