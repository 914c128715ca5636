/// Compares our spec with one reference file, operation by operation.
///
/// Every reference operation must exist in ours with the same parameters (name, in, required,
/// schema), request body (required-ness, media types, schemas) and responses (status keys compared
/// as strings, media types, schemas). Anything the reference has that ours lacks is reported as
/// "missing in ours"; anything ours adds inside a compared operation is reported as
/// "missing in reference". Operations that ours has and this reference lacks are not reported
/// here: ours is the union of several references (see `everyOperationOfOursIsInAReference`).
struct SpecComparison {
    let reference: OpenAPIDocument
    let ours: OpenAPIDocument
    /// The differences found so far, in the order met.
    private(set) var differences: [Difference] = []

    /// All differences between `reference` (paths under `referenceBasePath`) and `ours` (paths under `ourBasePath`).
    static func differences(
        reference: OpenAPIDocument, referenceBasePath: String,
        ours: OpenAPIDocument, ourBasePath: String = ""
    ) throws -> [Difference] {
        var comparison = SpecComparison(reference: reference, ours: ours)
        let referenceOperations = try OperationFacts.all(in: reference, basePath: referenceBasePath)
        let ourOperations = try OperationFacts.all(in: ours, basePath: ourBasePath)
        for key in OperationFacts.sortedKeys(referenceOperations) {
            guard let referenceOperation = referenceOperations[key] else { continue }
            guard let ourOperation = ourOperations[key] else {
                comparison.record(key, "missing in ours")
                continue
            }
            try comparison.compare(referenceOperation, ourOperation)
        }
        return comparison.differences
    }

    mutating func record(_ location: CustomStringConvertible, _ message: String) {
        differences.append(Difference(location: location.description, message: message))
    }

    private mutating func compare(_ referenceOperation: OperationFacts, _ ourOperation: OperationFacts) throws {
        let key = referenceOperation.key
        try compareParameters(referenceOperation.parameters, ourOperation.parameters, of: key)
        try compareRequestBodies(referenceOperation.requestBody, ourOperation.requestBody, of: key)
        for status in Self.unitedKeys(referenceOperation.responses, ourOperation.responses) {
            let location = "\(key)\(SchemaLocation.separator)\(status)"
            switch (referenceOperation.responses[status], ourOperation.responses[status]) {
            case (.some(let referenceContent), .some(let ourContent)):
                try compareContent(referenceContent, ourContent, at: location)
            case (.some, nil):
                record(location, "missing in ours")
            case (nil, _):
                record(location, "missing in reference")
            }
        }
    }

    private mutating func compareParameters(
        _ referenceParameters: [String: OperationFacts.Parameter],
        _ ourParameters: [String: OperationFacts.Parameter],
        of key: String
    ) throws {
        for name in Self.unitedKeys(referenceParameters, ourParameters) {
            let location = SchemaLocation("\(key)\(SchemaLocation.separator)\(name)")
            switch (referenceParameters[name], ourParameters[name]) {
            case (.some(let referenceParameter), .some(let ourParameter)):
                compareRequired(referenceParameter.required, ourParameter.required, at: location)
                try compareSchemas(referenceParameter.schema, ourParameter.schema, at: location)
            case (.some, nil):
                record(location, "missing in ours")
            case (nil, _):
                record(location, "missing in reference")
            }
        }
    }

    private mutating func compareRequestBodies(
        _ referenceBody: OperationFacts.RequestBody?, _ ourBody: OperationFacts.RequestBody?, of key: String
    ) throws {
        let location = "\(key)\(SchemaLocation.separator)request"
        switch (referenceBody, ourBody) {
        case (.some(let referenceBody), .some(let ourBody)):
            compareRequired(referenceBody.required, ourBody.required, at: location)
            try compareContent(referenceBody.content, ourBody.content, at: location)
        case (.some, nil):
            record(location, "missing in ours")
        case (nil, .some):
            record(location, "missing in reference")
        case (nil, nil):
            break
        }
    }

    /// Compares media types and their schemas below `location` (`GET /x › 200`, `POST /x › request`).
    private mutating func compareContent(
        _ referenceContent: [String: SpecValue], _ ourContent: [String: SpecValue], at location: String
    ) throws {
        for mediaType in Self.unitedKeys(referenceContent, ourContent) {
            let mediaLocation = SchemaLocation("\(location) \(mediaType)")
            switch (referenceContent[mediaType], ourContent[mediaType]) {
            case (.some(let referenceSchema), .some(let ourSchema)):
                try compareSchemas(referenceSchema, ourSchema, at: mediaLocation)
            case (.some, nil):
                record(mediaLocation, "missing in ours")
            case (nil, _):
                record(mediaLocation, "missing in reference")
            }
        }
    }

    mutating func compareRequired(_ referenceRequired: Bool, _ ourRequired: Bool, at location: CustomStringConvertible) {
        guard referenceRequired != ourRequired else { return }
        record(location, referenceRequired ? "required in reference, optional in ours" : "optional in reference, required in ours")
    }

    static func unitedKeys<Value>(_ lhs: [String: Value], _ rhs: [String: Value]) -> [String] {
        Set(lhs.keys).union(rhs.keys).sorted()
    }
}
