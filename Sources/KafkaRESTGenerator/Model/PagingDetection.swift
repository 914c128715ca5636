/// Finds list responses: structs with a `data` array and a `metadata` object
/// whose `next` is a string (Kafka REST's collection shape), and says how to
/// reach their items and next-page link, whatever their optionality.
enum PagingDetection {
    /// `types` with ``GeneratedType/paging`` set where the shape matches.
    static func annotate(_ types: [GeneratedType]) -> [GeneratedType] {
        let structs = Dictionary(types.compactMap { type -> (String, [GeneratedProperty])? in
            guard case let .structure(properties) = type.kind else { return nil }
            return (type.name, properties)
        }, uniquingKeysWith: { first, _ in first })
        return types.map { type in
            var type = type
            guard case let .structure(properties) = type.kind,
                  let data = properties.first(where: { $0.wireName == "data" }),
                  case let .array(element) = data.type,
                  let metadata = properties.first(where: { $0.wireName == "metadata" }),
                  case let .named(metadataType) = metadata.type,
                  let next = structs[metadataType]?.first(where: { $0.wireName == "next" }),
                  next.type == .string
            else { return type }
            type.paging = Paging(
                itemType: element.swift,
                itemsExpression: access(data, then: "") + (isPlain(data) ? "" : " ?? []"),
                nextExpression: access(metadata, then: ".") + access(next, then: "")
            )
            return type
        }
    }

    /// `name`, `name?` or `name?.value?` as the property's optionality needs,
    /// followed by `then` (the next member access, or nothing at the end).
    private static func access(_ property: GeneratedProperty, then suffix: String) -> String {
        let name = SwiftNaming.escaped(property.name)
        switch (property.required, property.nullable) {
        case (true, false): return name + suffix
        case (false, true): return name + (suffix.isEmpty ? "?.value" : "?.value?" + suffix)
        default: return name + (suffix.isEmpty ? "" : "?" + suffix)
        }
    }

    private static func isPlain(_ property: GeneratedProperty) -> Bool {
        property.required && !property.nullable
    }
}
