import Mustache

// Mustache looks a name up in a context through `MustacheParent` when the context has it, and
// through `Mirror` otherwise; `Mirror` made three quarters of a generation run (perf, spec/).
// Each context therefore answers its names itself: one case per stored property.

extension CatalogContext: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "header": header
        case "operations": operations
        case "types": types
        default: nil
        }
    }
}

extension CatalogEntryContext: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "operationID": operationID
        case "functionName": functionName
        case "method": method
        case "path": path
        case "group": group
        case "groupProperty": groupProperty
        case "streaming": streaming
        case "availability": availability
        default: nil
        }
    }
}

extension RegistryEntryContext: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "literal": literal
        case "name": name
        default: nil
        }
    }
}

extension ModelContext: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "header": header
        case "name": name
        case "documentation": documentation
        case "isStruct": isStruct
        case "isOpenEnum": isOpenEnum
        case "isClosedEnum": isClosedEnum
        case "isAlias": isAlias
        case "isAlternatives": isAlternatives
        case "hasProperties": hasProperties
        case "properties": properties
        case "values": values
        case "aliasType": aliasType
        case "paging": paging
        case "alternatives": alternatives
        case "discriminated": discriminated
        case "isIndirect": isIndirect
        case "acceptsNull": acceptsNull
        case "hasDiscriminator": hasDiscriminator
        case "discriminatorLiteral": discriminatorLiteral
        case "discriminatorName": discriminatorName
        case "keyword": keyword
        case "isParameterValue": isParameterValue
        case "importsFoundation": importsFoundation
        case "synthesisesCodable": synthesisesCodable
        case "multilineInit": multilineInit
        default: nil
        }
    }
}

extension AlternativeContext: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "type": type
        case "summary": summary
        case "literals": literals
        default: nil
        }
    }
}

extension PropertyContext: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "localName": localName
        case "argumentLabel": argumentLabel
        case "wireLiteral": wireLiteral
        case "jsonKey": jsonKey
        case "omittable": omittable
        case "required": required
        case "readType": readType
        case "slotType": slotType
        case "flattens": flattens
        case "type": type
        case "defaultValue": defaultValue
        case "documentation": documentation
        case "deprecated": deprecated
        case "boxed": boxed
        case "storageName": storageName
        case "renamedWireLiteral": renamedWireLiteral
        case "codingMethod": codingMethod
        case "baseType": baseType
        case "isDateTime": isDateTime
        default: nil
        }
    }
}

extension EnumValueContext: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "literal": literal
        default: nil
        }
    }
}

extension OperationsFileContext: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "header": header
        case "group": group
        case "typeName": typeName
        case "protocolName": protocolName
        case "property": property
        case "operations": operations
        case "responseEnums": responseEnums
        case "defaultingOperations": defaultingOperations
        case "hasDefaultingOperations": hasDefaultingOperations
        default: nil
        }
    }
}

extension OperationContext: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "operationID": operationID
        case "operationIDText": operationIDText
        case "httpMethod": httpMethod
        case "pathText": pathText
        case "summary": summary
        case "documentation": documentation
        case "hasDocumentation": hasDocumentation
        case "parameterDocs": parameterDocs
        case "hasParameters": hasParameters
        case "signature": signature
        case "requirementSignature": requirementSignature
        case "signatureParameters": signatureParameters
        case "requirementParameters": requirementParameters
        case "multilineSignature": multilineSignature
        case "forwardedArguments": forwardedArguments
        case "hasDefaultArguments": hasDefaultArguments
        case "returnType": returnType
        case "method": method
        case "pathTemplate": pathTemplate
        case "pathExpression": pathExpression
        case "queryParameters": queryParameters
        case "headerParameters": headerParameters
        case "accept": accept
        case "body": body
        case "binding": binding
        case "cases": cases
        case "hasDefaultSuccess": hasDefaultSuccess
        case "deprecated": deprecated
        case "statusDocs": statusDocs
        default: nil
        }
    }
}

extension ParameterDocContext: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "text": text
        default: nil
        }
    }
}

extension StatusCaseContext: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "pattern": pattern
        case "returnsCase": returnsCase
        case "caseName": caseName
        case "hasPayload": hasPayload
        case "decodesJSON": decodesJSON
        case "decodesText": decodesText
        case "keepsBytes": keepsBytes
        case "decodeType": decodeType
        default: nil
        }
    }
}

extension ResponseEnumContext: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "operationName": operationName
        case "cases": cases
        default: nil
        }
    }
}

extension ResponseEnumCaseContext: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "payloadType": payloadType
        case "status": status
        default: nil
        }
    }
}

extension SchemaTableContext: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "header": header
        case "json": json
        case "delimiter": delimiter
        default: nil
        }
    }
}

extension Paging: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "itemType": itemType
        case "itemsExpression": itemsExpression
        case "nextExpression": nextExpression
        default: nil
        }
    }
}

extension ParameterCallContext: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "wireLiteral": wireLiteral
        case "name": name
        default: nil
        }
    }
}

extension BodyContext: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "required": required
        case "contentType": contentType
        case "schemaName": schemaName
        case "isJSON": isJSON
        case "isForm": isForm
        case "isText": isText
        case "isBytes": isBytes
        default: nil
        }
    }
}
