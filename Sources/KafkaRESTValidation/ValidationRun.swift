import Foundation
import KafkaRESTSupport

/// One validation of one value: walks the value and its schema together and collects every
/// violation, in the schema's property order (extra object keys afterwards, sorted).
///
/// The walk records where it is as a list of ``PathToken``s and only writes a JSON pointer when it
/// reports something, so a valid value costs no string building.
struct ValidationRun {
    let components: [String: Component]
    let rules: KafkaRules
    let patterns: PatternCache
    /// What was found so far.
    private(set) var violations: [Violation] = []
    /// Where the walk is in the value.
    private var path: [PathToken] = []
    /// Component schemas followed through `ref`, with the path depth where each was entered,
    /// so that a cycle of references that consumes no value is noticed.
    private var references: [(name: String, depth: Int)] = []
    /// Invalid patterns already reported in this run.
    private var reportedPatterns: Set<String> = []

    /// The deepest value location checked; deeper parts of recursive schemas are reported, not walked.
    static let maximumDepth = JSONParser.maximumDepth

    init(components: [String: Component], rules: KafkaRules, patterns: PatternCache) {
        self.components = components
        self.rules = rules
        self.patterns = patterns
    }

    /// Checks `value` against the table entry `name`.
    mutating func validate(_ value: JSONValue, against name: String) {
        guard let component = components[name] else {
            report("no schema named \(Describe.quoted(name)) in the table", schema: name)
            return
        }
        references.append((name, 0))
        check(value, component.schema, component: component)
        references.removeLast()
    }

    /// Adds a violation at the current location, or at its member `member`.
    mutating func report(_ message: String, schema: String, severity: Violation.Severity = .error, member: String? = nil) {
        var pointer = JSONPointer.string(path)
        if let member { pointer += "/" + JSONPointer.escape(member) }
        violations.append(Violation(severity: severity, pointer: pointer, schema: schema, message: message))
    }

    /// Runs `body` one level down, at `token`.
    mutating func descend(_ token: PathToken, component: Component, _ body: (inout Self) -> Void) {
        guard path.count < Self.maximumDepth else {
            report("nested deeper than \(Self.maximumDepth) levels; the rest is not checked", schema: component.name)
            return
        }
        path.append(token)
        body(&self)
        path.removeLast()
    }

    /// Checks `value` against `schema`, a descriptor inside the component schema `component`.
    mutating func check(_ value: JSONValue, _ schema: SchemaDescriptor, component: Component) {
        let isNull = if case .null = value { true } else { false }
        if let reference = schema.ref {
            if !(isNull && schema.nullable) { follow(reference, value, from: component) }
            return
        }
        if isNull {
            if !schema.nullable && schema.type != nil { mismatch(value, schema, component) }
            return
        }
        switch (schema.type, value) {
        case ("string", .string(let string)), (nil, .string(let string)):
            checkString(string, schema, component)
        case ("integer", _):
            checkInteger(value, schema, component)
        case ("number", .integer), ("number", .double), (nil, .integer), (nil, .double):
            checkBounds(value, schema, component)
        case ("boolean", .bool), (nil, _):
            break
        case ("array", .array(let elements)):
            checkArray(elements, schema, component)
        case ("object", .object(let members)):
            checkObject(members, schema, component)
        default:
            mismatch(value, schema, component)
        }
        if schema.type == nil, case .array(let elements) = value { checkArray(elements, schema, component) }
        if schema.type == nil, case .object(let members) = value { checkObject(members, schema, component) }
    }

    private mutating func follow(_ reference: String, _ value: JSONValue, from component: Component) {
        guard let target = components[reference] else {
            report("refers to schema \(Describe.quoted(reference)), which is not in the table", schema: component.name)
            return
        }
        let depth = path.count
        if references.reversed().prefix(while: { $0.depth == depth }).contains(where: { $0.name == reference }) {
            report("schema \(Describe.quoted(reference)) refers to itself without nesting; not checked further", schema: component.name, severity: .warning)
            return
        }
        references.append((reference, depth))
        check(value, target.schema, component: target)
        references.removeLast()
    }

    private mutating func mismatch(_ value: JSONValue, _ schema: SchemaDescriptor, _ component: Component) {
        report("expected \(Describe.expected(schema)), got \(Describe.value(value))", schema: component.name)
    }

    // MARK: Numbers

    private mutating func checkInteger(_ value: JSONValue, _ schema: SchemaDescriptor, _ component: Component) {
        let inRange: Bool
        switch value {
        case .integer(let integer):
            inRange = schema.format != "int32" || Int32(exactly: integer) != nil
        case .double(let double) where double.isFinite && double.rounded() == double:
            inRange = schema.format == "int32" ? Int32(exactly: double) != nil : Int64(exactly: double) != nil
        default:
            mismatch(value, schema, component)
            return
        }
        guard inRange else {
            let (bits, low, high) = schema.format == "int32"
                ? ("int32", String(Int32.min), String(Int32.max)) : ("int64", String(Int64.min), String(Int64.max))
            let number = value.int64Value.map(String.init) ?? Describe.number(value.doubleValue ?? 0)
            report("integer \(number) is out of the \(bits) range \(low) to \(high)", schema: component.name)
            return
        }
        checkBounds(value, schema, component)
    }

    private mutating func checkBounds(_ value: JSONValue, _ schema: SchemaDescriptor, _ component: Component) {
        guard schema.minimum != nil || schema.maximum != nil, let number = value.doubleValue else { return }
        let text = value.int64Value.map(String.init) ?? Describe.number(number)
        if let minimum = schema.minimum {
            if schema.exclusiveMinimum == true, number <= minimum {
                report("\(text) is not greater than the exclusive minimum \(Describe.number(minimum))", schema: component.name)
            } else if number < minimum {
                report("\(text) is less than the minimum \(Describe.number(minimum))", schema: component.name)
            }
        }
        if let maximum = schema.maximum {
            if schema.exclusiveMaximum == true, number >= maximum {
                report("\(text) is not less than the exclusive maximum \(Describe.number(maximum))", schema: component.name)
            } else if number > maximum {
                report("\(text) is more than the maximum \(Describe.number(maximum))", schema: component.name)
            }
        }
    }

    // MARK: Strings

    /// Checks a string's enum, format, length and pattern. Lengths count Unicode scalars (code
    /// points), as JSON Schema does, so `é` written as `e` + combining accent is two.
    private mutating func checkString(_ string: String, _ schema: SchemaDescriptor, _ component: Component) {
        if let values = schema.enumValues, !values.contains(string) {
            if schema.extensibleEnum == true {
                checkOpenEnumValue(string, known: values, component: component)
            } else {
                report("\(Describe.quoted(string)) is not one of \(values.joined(separator: ", "))", schema: component.name)
            }
        }
        switch schema.format {
        case "date-time" where DateTimeCoding.date(from: string) == nil:
            report("\(Describe.quoted(string)) is not an RFC 3339 date-time such as 2021-12-13T16:29:10.951Z", schema: component.name)
        case "byte" where Data(base64Encoded: string) == nil:
            report("a string of \(string.utf8.count) bytes that is not valid base64 (standard alphabet, padded)", schema: component.name)
        default:
            break
        }
        if schema.minLength != nil || schema.maxLength != nil {
            let length = string.unicodeScalars.count
            if let minimum = schema.minLength, length < minimum {
                report("\(Describe.quoted(string)) is \(length) characters long, shorter than the minimum \(minimum)", schema: component.name)
            }
            if let maximum = schema.maxLength, length > maximum {
                report("\(Describe.quoted(string)) is \(length) characters long, longer than the maximum \(maximum)", schema: component.name)
            }
        }
        if let pattern = schema.pattern {
            switch patterns.entry(for: pattern) {
            case .valid(let expression):
                if !expression.matches(somewhereIn: string) {
                    report("\(Describe.quoted(string)) does not match the pattern \(pattern)", schema: component.name)
                }
            case .invalid(let reason):
                if reportedPatterns.insert(pattern).inserted {
                    report("the schema's pattern \(Describe.quoted(pattern)) is not a valid regular expression (\(reason)); it is not checked", schema: component.name, severity: .warning)
                }
            }
        }
    }

    // MARK: Arrays and objects

    private mutating func checkArray(_ elements: [JSONValue], _ schema: SchemaDescriptor, _ component: Component) {
        if let minimum = schema.minItems, elements.count < minimum {
            report("array has \(elements.count) items, fewer than the minimum \(minimum)", schema: component.name)
        }
        if let maximum = schema.maxItems, elements.count > maximum {
            report("array has \(elements.count) items, more than the maximum \(maximum)", schema: component.name)
        }
        guard let items = schema.items else { return }
        for (index, element) in elements.enumerated() {
            descend(.index(index), component: component) { $0.check(element, items, component: component) }
        }
    }

    /// Checks the declared properties in spec order (a missing required one where it would be),
    /// then required names that are not declared, then the other keys in sorted order.
    private mutating func checkObject(_ members: [String: JSONValue], _ schema: SchemaDescriptor, _ component: Component) {
        checkObjectRules(members, schema, component: component)
        let properties = schema.properties ?? []
        let required = schema.required ?? []
        for property in properties {
            if let member = members[property.name] {
                descend(.key(property.name), component: component) {
                    $0.check(member, property.schema, component: component)
                    $0.checkMemberRules(property.name, member, in: members, component: component)
                }
            } else if required.contains(property.name) {
                report("required property \(Describe.quoted(property.name)) is missing", schema: component.name, member: property.name)
            }
        }
        for name in required where members[name] == nil && !properties.contains(where: { $0.name == name }) {
            report("required property \(Describe.quoted(name)) is missing", schema: component.name, member: name)
        }
        let closed = schema.additionalPropertiesAllowed == false
        guard closed || schema.additionalProperties != nil, members.count > 0 else { return }
        for key in members.keys.sorted() where !properties.contains(where: { $0.name == key }) {
            if closed {
                let known = properties.isEmpty ? "none are allowed" : "the properties are " + properties.map(\.name).joined(separator: ", ")
                report("property \(Describe.quoted(key)) is not allowed; \(known)", schema: component.name, member: key)
            } else if let values = schema.additionalProperties, let member = members[key] {
                descend(.key(key), component: component) { $0.check(member, values, component: component) }
            }
        }
    }
}
