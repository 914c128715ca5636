/// What `Model.mustache` renders: one generated type.
struct ModelContext {
    var header: String
    var name: String
    var documentation: [String]
    var isStruct: Bool
    var isOpenEnum: Bool
    var isClosedEnum: Bool
    var isAlias: Bool
    var isAlternatives: Bool
    var hasProperties: Bool
    var properties: [PropertyContext]
    var values: [EnumValueContext]
    var aliasType: String
    var paging: Paging?
    /// For `oneOf` / `anyOf`: the cases, the cases a discriminator selects, and how it reads.
    var alternatives: [AlternativeContext]
    var discriminated: [AlternativeContext]
    var isIndirect: Bool
    var acceptsNull: Bool
    var hasDiscriminator: Bool
    /// The discriminator member's name as a Swift literal.
    var discriminatorLiteral: String
    /// The discriminator member's name for documentation.
    var discriminatorName: String
    /// `oneOf` or `anyOf`.
    var keyword: String
    /// Whether the alternatives enum can be a path, query or header parameter (``Alternatives/isParameterValue``).
    var isParameterValue: Bool
    /// Whether the file names a Foundation type (`Date`, `Data`) and so imports Foundation.
    var importsFoundation: Bool
    /// Whether the memberwise `init` declared on one line would be wider than
    /// ``SwiftLiteral/lineWidth``, so each parameter gets a line of its own.
    var multilineInit: Bool
    /// Whether the compiler's `Codable` is the one the template would write: a struct whose
    /// properties are neither nullable, nor date-times (read with ``DateTimeCoding``), nor boxed.
    var synthesisesCodable: Bool
}

/// One case of a `oneOf` / `anyOf` enum.
struct AlternativeContext {
    var name: String
    var type: String
    /// What the case holds, for its documentation line.
    var summary: String
    /// The discriminator values that select the case, as Swift literals.
    var literals: [String]
}

/// One stored property, with the container calls that code it and the types its byte-level
/// coder reads it as.
struct PropertyContext {
    var name: String
    /// The local that holds the value while an object is read (`_name`).
    var localName: String
    /// The name as an argument label (keywords need no backticks there).
    var argumentLabel: String
    /// The member name as a Swift literal.
    var wireLiteral: String
    /// The member name in JSON form with quotes and colon, as a Swift literal (`"\"key\":"`).
    var jsonKey: String
    /// Whether the property is left out of the JSON when `nil`.
    var omittable: Bool
    /// Whether the member must be present.
    var required: Bool
    /// The type read for the member's value.
    var readType: String
    /// The type of the local that holds it while the object is read; `nil` there means absent.
    var slotType: String
    /// Whether the local holds an optional inside an optional (an optional property read as
    /// `T?`, so a first `null` is kept), flattened when the value is made.
    var flattens: Bool
    var type: String
    var defaultValue: String
    var documentation: [String]
    var deprecated: Bool
    /// Whether the value is stored in an `Indirect` box (the property's type contains the struct).
    var boxed: Bool
    /// The stored property that holds the value: the property itself, or its box.
    var storageName: String
    /// The wire name as a Swift literal when it differs from the Swift name (the coding key's raw value).
    var renamedWireLiteral: String?
    /// What follows `decode` / `encode` in the container method that codes the property:
    /// `IfPresent` when it may be absent, `Nullable` when it may be `null`, `DateTime` for a
    /// date-time (``DateTimeCoding``), in that order of nesting (`NullableDateTimeIfPresent`).
    var codingMethod: String
    /// The property's type without optional or `Nullable` wrapping, as `decode` is given it.
    var baseType: String
    /// Whether the property is a date-time, whose container methods take no type.
    var isDateTime: Bool
}

/// One enum value.
struct EnumValueContext {
    var name: String
    var literal: String
}

extension ModelContext {
    init(_ type: GeneratedType, header: String) {
        self.header = header
        name = type.name
        documentation = type.documentation
        isStruct = false
        isOpenEnum = false
        isClosedEnum = false
        isAlias = false
        properties = []
        values = []
        aliasType = ""
        paging = type.paging
        isAlternatives = false
        alternatives = []
        discriminated = []
        isIndirect = false
        acceptsNull = false
        hasDiscriminator = false
        discriminatorLiteral = ""
        discriminatorName = ""
        keyword = ""
        isParameterValue = false
        switch type.kind {
        case let .structure(properties):
            isStruct = true
            self.properties = properties.map(PropertyContext.init)
        case let .openEnum(values):
            isOpenEnum = true
            self.values = values.map { EnumValueContext(name: SwiftNaming.escaped($0.name), literal: SwiftLiteral.string($0.rawValue)) }
        case let .closedEnum(values):
            isClosedEnum = true
            self.values = values.map { EnumValueContext(name: SwiftNaming.escaped($0.name), literal: SwiftLiteral.string($0.rawValue)) }
        case let .alias(usage):
            isAlias = true
            aliasType = usage.swift
        case let .alternatives(model):
            isAlternatives = true
            alternatives = model.cases.map(AlternativeContext.init)
            discriminated = alternatives.filter { !$0.literals.isEmpty }
            isIndirect = model.isIndirect
            acceptsNull = model.acceptsNull
            hasDiscriminator = model.discriminator != nil
            discriminatorLiteral = model.discriminator.map(SwiftLiteral.string) ?? ""
            discriminatorName = model.discriminator.map(DocumentationText.inline) ?? ""
            keyword = model.isAnyOf ? "anyOf" : "oneOf"
            isParameterValue = model.isParameterValue
        }
        hasProperties = !properties.isEmpty
        let initParameters = properties.map { "\($0.name): \($0.type)\($0.defaultValue)" }.joined(separator: ", ")
        multilineInit = "    public init(\(initParameters)) {".count > SwiftLiteral.lineWidth
        let usages: [TypeUsage]
        switch type.kind {
        case let .structure(properties): usages = properties.map(\.type)
        case let .alias(usage): usages = [usage]
        case let .alternatives(model): usages = model.cases.map(\.type)
        case .openEnum, .closedEnum: usages = []
        }
        importsFoundation = usages.contains(where: \.needsFoundation)
        if case let .structure(properties) = type.kind {
            synthesisesCodable = !properties.isEmpty && properties.allSatisfy { !$0.nullable && $0.type != .dateTime && !$0.boxed }
        } else {
            synthesisesCodable = false
        }
    }
}

extension PropertyContext {
    init(_ property: GeneratedProperty) {
        let escaped = SwiftNaming.escaped(property.name)
        name = escaped
        localName = "_" + property.name
        argumentLabel = ["inout", "var", "let"].contains(property.name) ? escaped : property.name
        wireLiteral = SwiftLiteral.string(property.wireName)
        jsonKey = SwiftLiteral.string(JSONKeyLiteral.memberPrefix(property.wireName))
        omittable = !property.required
        required = property.required
        documentation = property.documentation
        deprecated = property.deprecated
        boxed = property.boxed
        storageName = property.boxed ? "_" + property.name : escaped
        renamedWireLiteral = property.name == property.wireName ? nil : SwiftLiteral.string(property.wireName)
        let base = property.type.swift
        let isDate = property.type == .dateTime
        baseType = base
        isDateTime = isDate
        switch (property.required, property.nullable) {
        case (true, false):
            type = base
            readType = base
            slotType = base + "?"
            flattens = false
            defaultValue = ""
            codingMethod = isDate ? "DateTime" : ""
        case (false, false):
            type = base + "?"
            readType = base + "?"
            slotType = base + "??"
            flattens = true
            defaultValue = " = nil"
            codingMethod = isDate ? "DateTimeIfPresent" : "IfPresent"
        case (true, true):
            type = base + "?"
            readType = base + "?"
            slotType = base + "??"
            flattens = false
            defaultValue = ""
            codingMethod = isDate ? "NullableDateTime" : "Nullable"
        case (false, true):
            type = "Nullable<\(base)>?"
            readType = "Nullable<\(base)>"
            slotType = "Nullable<\(base)>?"
            flattens = false
            defaultValue = " = nil"
            codingMethod = isDate ? "NullableDateTimeIfPresent" : "NullableIfPresent"
        }
    }
}

extension AlternativeContext {
    init(_ alternative: Alternative) {
        name = SwiftNaming.escaped(alternative.name)
        type = alternative.type.swift
        let selectors = alternative.discriminatorValues.map { "`\(DocumentationText.inline($0))`" }
        let holds = alternative.schemaName.map { "The `\(DocumentationText.inline($0))` schema" } ?? "The alternative of type `\(type)`"
        summary = holds + (selectors.isEmpty ? "." : ", selected by " + selectors.joined(separator: ", ") + ".")
        literals = alternative.discriminatorValues.map(SwiftLiteral.string)
    }
}
