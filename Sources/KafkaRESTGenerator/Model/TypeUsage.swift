/// How a value is typed where it is used: a property, a parameter, a body.
indirect enum TypeUsage: Hashable, Sendable {
    /// `String`.
    case string
    /// `Int32`, `Int64` or `Int` (OpenAPI `integer` with format int32, int64, none).
    case integer(bits: Int?)
    /// `Double` (`number`, any format).
    case double
    /// `Bool`.
    case bool
    /// `Date` (`format: date-time`).
    case dateTime
    /// `Base64Data` (`format: byte`).
    case base64
    /// `JSONValue` (free-form values).
    case json
    /// `Data`: a body of another media type, as raw bytes.
    case data
    /// A generated type.
    case named(String)
    /// `[T]`.
    case array(TypeUsage)
    /// `[String: T]`.
    case dictionary(TypeUsage)

    /// The Swift spelling.
    var swift: String {
        switch self {
        case .string: return "String"
        case let .integer(bits): return bits.map { "Int\($0)" } ?? "Int"
        case .double: return "Double"
        case .bool: return "Bool"
        case .dateTime: return "Date"
        case .base64: return "Base64Data"
        case .json: return "JSONValue"
        case .data: return "Data"
        case let .named(name): return name
        case let .array(element): return "[\(element.swift)]"
        case let .dictionary(value): return "[String: \(value.swift)]"
        }
    }

    /// Whether the Swift spelling names a Foundation type (`Date`, `Data`) anywhere inside.
    var needsFoundation: Bool {
        switch self {
        case .dateTime, .data: return true
        case let .array(element), let .dictionary(element): return element.needsFoundation
        default: return false
        }
    }

    /// Whether the value holds a date anywhere inside.
    var containsDateTime: Bool {
        switch self {
        case .dateTime: return true
        case let .array(element), let .dictionary(element): return element.containsDateTime
        default: return false
        }
    }
}
