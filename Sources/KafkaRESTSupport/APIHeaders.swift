/// An ordered list of HTTP header fields.
///
/// Names are matched case-insensitively (`content-type` finds `Content-Type`) and keep the
/// spelling they were added with. A name may occur more than once. Two lists are equal when
/// they hold the same values under case-insensitively equal names in the same order.
public struct APIHeaders: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// One header field.
    public typealias Element = (name: String, value: String)

    private var fields: [Field]

    /// Creates an empty list.
    public init() {
        fields = []
    }

    /// Creates a list from `(name, value)` pairs, keeping their order.
    public init(_ pairs: [(name: String, value: String)]) {
        fields = pairs.map { Field(name: $0.name, value: $0.value) }
    }

    /// Creates a list from a literal such as `["Accept": "application/json"]`, keeping its order.
    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    /// The value of the first field named `name` (case-insensitive), or `nil`.
    public subscript(name: String) -> String? {
        let key = Field.normalized(name)
        return fields.first { $0.key == key }?.value
    }

    /// The values of all fields named `name` (case-insensitive), in order.
    public func values(for name: String) -> [String] {
        let key = Field.normalized(name)
        return fields.filter { $0.key == key }.map(\.value)
    }

    /// The number of fields.
    public var count: Int { fields.count }

    /// Whether there are no fields.
    public var isEmpty: Bool { fields.isEmpty }

    /// Appends a field, keeping any existing fields of the same name.
    public mutating func add(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Sets the value of the first field named `name` and removes the others, or appends the
    /// field if there is none.
    public mutating func replaceOrAdd(name: String, value: String) {
        let key = Field.normalized(name)
        guard let first = fields.firstIndex(where: { $0.key == key }) else {
            add(name: name, value: value)
            return
        }
        let later = fields[(first + 1)...].filter { $0.key != key }
        fields.removeSubrange((first + 1)...)
        fields[first] = Field(name: name, value: value)
        fields.append(contentsOf: later)
    }

    /// Removes every field named `name` (case-insensitive).
    public mutating func remove(name: String) {
        let key = Field.normalized(name)
        fields.removeAll { $0.key == key }
    }

    /// Iterates the fields in order.
    public func makeIterator() -> Iterator {
        Iterator(base: fields.makeIterator())
    }

    /// Iterates the fields of an ``APIHeaders`` in order.
    public struct Iterator: IteratorProtocol {
        fileprivate var base: IndexingIterator<[Field]>

        /// The next field, or `nil` at the end.
        public mutating func next() -> (name: String, value: String)? {
            base.next().map { ($0.name, $0.value) }
        }
    }

    /// A stored field; equality and hashing use the lower-cased name.
    fileprivate struct Field: Sendable, Hashable {
        let name: String
        let value: String
        let key: String

        init(name: String, value: String) {
            self.name = name
            self.value = value
            key = Field.normalized(name)
        }

        static func normalized(_ name: String) -> String {
            name.lowercased()
        }

        static func == (lhs: Field, rhs: Field) -> Bool {
            lhs.key == rhs.key && lhs.value == rhs.value
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(key)
            hasher.combine(value)
        }
    }
}
