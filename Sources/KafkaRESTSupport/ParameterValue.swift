import Foundation

/// A value that can be sent as a path, query or header parameter.
///
/// ``parameterValue`` is the plain text form, before any percent-encoding.
public protocol ParameterValue {
    /// The value as it appears in a URL or header, not yet percent-encoded.
    var parameterValue: String { get }
}

extension String: ParameterValue {
    /// The string itself.
    public var parameterValue: String { self }
}

extension Bool: ParameterValue {
    /// `true` or `false`.
    public var parameterValue: String { self ? "true" : "false" }
}

extension Int: ParameterValue {
    /// The decimal digits.
    public var parameterValue: String { String(self) }
}

extension Int32: ParameterValue {
    /// The decimal digits.
    public var parameterValue: String { String(self) }
}

extension Int64: ParameterValue {
    /// The decimal digits.
    public var parameterValue: String { String(self) }
}

extension Double: ParameterValue {
    /// The shortest text that reads back as the same `Double`, such as `0.5` or `1e-05`.
    public var parameterValue: String { String(self) }
}

extension Date: ParameterValue {
    /// RFC 3339 in UTC with milliseconds, as ``DateTimeCoding`` writes it: `2026-11-24T10:15:30.123Z`.
    public var parameterValue: String { DateTimeCoding.string(from: self) }
}
