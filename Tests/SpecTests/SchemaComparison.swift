extension SpecComparison {
    /// Walks a reference schema and ours in parallel from the same place in an operation and
    /// records how they differ: type and format, nullable, `enum` and `x-extensible-enum` values,
    /// property names and required-ness, then recursively properties, array `items` and
    /// `additionalProperties`. Schemas are matched by position, never by component name, after
    /// `NormalizedSchema` has resolved `$ref`, flattened `allOf` and folded in nullability.
    mutating func compareSchemas(_ referenceSchema: SpecValue, _ ourSchema: SpecValue, at location: SchemaLocation) throws {
        try compareSchemas(referenceSchema, ourSchema, at: location, enclosing: [])
    }

    /// `enclosing` holds the pairs of named schemas being walked above this point; meeting a pair
    /// again means both sides recurse the same way, so the walk stops there.
    private mutating func compareSchemas(
        _ referenceSchema: SpecValue, _ ourSchema: SpecValue, at location: SchemaLocation, enclosing: Set<String>
    ) throws {
        let referenceFacts = try NormalizedSchema(referenceSchema, in: reference)
        let ourFacts = try NormalizedSchema(ourSchema, in: ours)
        var enclosing = enclosing
        if let referenceIdentity = referenceFacts.identity, let ourIdentity = ourFacts.identity {
            guard enclosing.insert("\(referenceIdentity) ⇄ \(ourIdentity)").inserted else { return }
        }

        if referenceFacts.typeLabel != ourFacts.typeLabel {
            record(location, "type \(referenceFacts.typeLabel) in reference, \(ourFacts.typeLabel) in ours")
        }
        if referenceFacts.nullable != ourFacts.nullable {
            record(location, referenceFacts.nullable
                ? "nullable in reference, not nullable in ours"
                : "not nullable in reference, nullable in ours")
        }
        compareValues("enum", referenceFacts.enumValues, ourFacts.enumValues, at: location)
        compareValues("x-extensible-enum", referenceFacts.extensibleEnumValues, ourFacts.extensibleEnumValues, at: location)

        for name in Self.unitedKeys(referenceFacts.properties, ourFacts.properties) {
            let propertyLocation = location.property(name)
            switch (referenceFacts.properties[name], ourFacts.properties[name]) {
            case (.some(let referenceProperty), .some(let ourProperty)):
                compareRequired(
                    referenceFacts.required.contains(name), ourFacts.required.contains(name), at: propertyLocation)
                try compareSchemas(referenceProperty, ourProperty, at: propertyLocation, enclosing: enclosing)
            case (.some, nil):
                record(propertyLocation, "missing in ours")
            case (nil, _):
                record(propertyLocation, "missing in reference")
            }
        }

        switch (referenceFacts.items, ourFacts.items) {
        case (.some(let referenceItems), .some(let ourItems)):
            try compareSchemas(referenceItems, ourItems, at: location.items(), enclosing: enclosing)
        case (.some, nil):
            record(location, "items schema in reference, none in ours")
        case (nil, .some):
            record(location, "items none in reference, schema in ours")
        case (nil, nil):
            break
        }

        switch (referenceFacts.additionalProperties, ourFacts.additionalProperties) {
        case (.schema(let referenceValues), .schema(let ourValues)):
            try compareSchemas(referenceValues, ourValues, at: location.additionalProperties(), enclosing: enclosing)
        case (let referenceValues, let ourValues) where referenceValues.label != ourValues.label:
            record(location, "additionalProperties \(referenceValues.label) in reference, \(ourValues.label) in ours")
        default:
            break
        }
    }

    /// Compares two optional value lists (`enum`, `x-extensible-enum`) as sets.
    private mutating func compareValues(
        _ keyword: String, _ referenceValues: [String]?, _ ourValues: [String]?, at location: SchemaLocation
    ) {
        switch (referenceValues, ourValues) {
        case (.some(let referenceValues), .some(let ourValues)):
            for value in referenceValues where !ourValues.contains(value) {
                record(location, "\(keyword) value \(value) missing in ours")
            }
            for value in ourValues where !referenceValues.contains(value) {
                record(location, "\(keyword) value \(value) missing in reference")
            }
        case (.some(let referenceValues), nil):
            record(location, "\(keyword) [\(referenceValues.joined(separator: ", "))] in reference, none in ours")
        case (nil, .some(let ourValues)):
            record(location, "\(keyword) none in reference, [\(ourValues.joined(separator: ", "))] in ours")
        case (nil, nil):
            break
        }
    }
}
