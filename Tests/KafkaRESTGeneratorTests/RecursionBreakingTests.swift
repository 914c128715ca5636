import Testing
@testable import KafkaRESTGenerator

/// Which properties get boxed and which enums become `indirect`: exactly those on a cycle of
/// types held inline.
@Suite("Recursion breaking")
struct RecursionBreakingTests {
    private static func property(_ name: String, _ type: TypeUsage, required: Bool = false) -> GeneratedProperty {
        GeneratedProperty(name: name, wireName: name, type: type, required: required, nullable: false, documentation: [], deprecated: false)
    }

    private static func type(_ name: String, _ kind: GeneratedType.Kind) -> GeneratedType {
        GeneratedType(name: name, schemaName: name, isComponent: true, documentation: [], kind: kind, paging: nil)
    }

    private static func boxed(_ types: [GeneratedType]) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: types.compactMap { type in
            guard case let .structure(properties) = type.kind else { return nil }
            return (type.name, properties.filter(\.boxed).map(\.name))
        })
    }

    @Test func propertiesOnACycleOfStructsAreBoxedAndOthersAreNot() {
        let types = RecursionBreaking.apply([
            Self.type("Node", .structure([Self.property("next", .named("Node")), Self.property("leaf", .named("Leaf")), Self.property("all", .array(.named("Node")))])),
            Self.type("Leaf", .structure([Self.property("value", .string)])),
            Self.type("A", .structure([Self.property("b", .named("BAlias"), required: true), Self.property("leaf", .named("Leaf"))])),
            Self.type("BAlias", .alias(.named("B"))),
            Self.type("B", .structure([Self.property("a", .named("A")), Self.property("map", .dictionary(.named("B")))])),
            Self.type("Tree", .structure([Self.property("children", .array(.named("Tree")))])),
        ])
        #expect(Self.boxed(types) == ["Node": ["next"], "Leaf": [], "A": ["b"], "B": ["a"], "Tree": []])
    }

    @Test func enumsOnACycleBecomeIndirectAndTheirStructsNeedNoBox() {
        let alternatives = { (cases: [TypeUsage]) in
            GeneratedType.Kind.alternatives(Alternatives(
                cases: cases.enumerated().map { Alternative(name: "c\($0)", type: $1, schemaName: nil, discriminatorValues: []) },
                discriminator: nil, acceptsNull: false, isAnyOf: false
            ))
        }
        let types = RecursionBreaking.apply([
            Self.type("Expression", alternatives([.double, .named("Sum")])),
            Self.type("Sum", .structure([Self.property("left", .named("Expression"), required: true)])),
            Self.type("Flat", alternatives([.string, .named("Sum")])),
            Self.type("Nested", alternatives([.array(.named("Nested")), .bool])),
        ])
        let indirect = types.compactMap { type -> String? in
            guard case let .alternatives(alternatives) = type.kind, alternatives.isIndirect else { return nil }
            return type.name
        }
        #expect(indirect == ["Expression"])
        #expect(Self.boxed(types) == ["Sum": []])
    }
}
