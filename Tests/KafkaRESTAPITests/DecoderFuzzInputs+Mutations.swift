extension DecoderFuzzInputs {
    /// `value` with one structural change at a random place inside it.
    mutating func mutateSomewhere(_ value: FuzzJSON) -> FuzzJSON {
        let descend = chance(70)
        switch value {
        case .object(var members) where descend && !members.isEmpty:
            let index = Int.random(in: 0..<members.count, using: &random)
            members[index].value = mutateSomewhere(members[index].value)
            return .object(members)
        case .array(var elements) where descend && !elements.isEmpty:
            let index = Int.random(in: 0..<elements.count, using: &random)
            elements[index] = mutateSomewhere(elements[index])
            return .array(elements)
        default:
            return mutate(value)
        }
    }

    /// `value` changed in one way: a key dropped, added, renamed or repeated; another type;
    /// null; an odd number, string, date-time, base64 text or enum value; deep nesting.
    private mutating func mutate(_ value: FuzzJSON) -> FuzzJSON {
        switch Int.random(in: 0..<13, using: &random) {
        case 0:
            guard case .object(var members) = value, !members.isEmpty else { return .object([]) }
            members.remove(at: Int.random(in: 0..<members.count, using: &random))
            return .object(members)
        case 1:
            guard case .object(var members) = value else { return .array([value]) }
            members.insert(FuzzJSON.Member(key: pick(Self.propertyNames), value: tree(depth: 2)), at: Int.random(in: 0...members.count, using: &random))
            return .object(members)
        case 2:
            guard case .object(var members) = value, !members.isEmpty else { return .string(string()) }
            let index = Int.random(in: 0..<members.count, using: &random)
            members[index].key = rename(members[index].key)
            return .object(members)
        case 3:
            guard case .object(var members) = value, let member = members.isEmpty ? nil : pick(members) else { return .null }
            members.append(FuzzJSON.Member(key: member.key, value: chance(50) ? tree(depth: 1) : member.value))
            return .object(members)
        case 4: return tree(depth: 0)
        case 5: return .null
        case 6: return .number(pick(FuzzOddValues.numbers))
        case 7: return .string(pick(FuzzOddValues.strings))
        case 8: return .string(pick(FuzzOddValues.dateTimes))
        case 9: return .string(pick(FuzzOddValues.base64))
        case 10: return .string(pick(FuzzOddValues.unknownEnumValues))
        case 11: return nest(value, depth: chance(90) ? Int.random(in: 1...40, using: &random) : Int.random(in: 400...700, using: &random))
        default:
            switch value {
            case .array(let elements) where !elements.isEmpty: return pick(elements)
            case .object(let members) where !members.isEmpty: return pick(members).value
            default: return .array([value, value])
            }
        }
    }

    /// `value` inside `depth` arrays and objects.
    mutating func nest(_ value: FuzzJSON, depth: Int) -> FuzzJSON {
        var nested = value
        for _ in 0..<depth {
            nested = chance(50) ? .array([nested]) : .object([FuzzJSON.Member(key: pick(Self.propertyNames), value: nested)])
        }
        return nested
    }

    /// A near miss of `key`: case changed, camel-cased, a character added or dropped, or another key.
    private mutating func rename(_ key: String) -> String {
        switch Int.random(in: 0..<5, using: &random) {
        case 0: return key.uppercased()
        case 1: return key.split(separator: "_").enumerated().map { $0 == 0 ? String($1) : $1.capitalized }.joined()
        case 2: return key + pick(["_", " ", "\u{0}", "s", "\u{301}"])
        case 3: return String(key.dropLast())
        default: return pick(Self.propertyNames)
        }
    }
}
