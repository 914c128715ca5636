/// Values that tend to break JSON decoders, for the decoder fuzzer.
enum FuzzOddValues {
    /// Number literals at and beyond the edges of `Int32`, `Int64` and `Double`, and some that
    /// are not JSON at all.
    static let numbers = [
        "0", "-0", "1", "-1", "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967296",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "123456789012345678901234567890", "9007199254740993", "1e400", "-1e400",
        "1e-400", "4.9e-324", "2.2250738585072014e-308", "1.7976931348623157e308", "1.7976931348623159e308",
        "0.1", "1.0", "1.5", "-0.0", "1E2", "1e+2", "1e-2", "9.3e18", "9.2e18", "3.14159", "1e18",
        "00", "01", "1.", ".5", "+1", "-", "1e", "1e+", "NaN", "Infinity", "-Infinity", "0x10", "1_000",
    ]

    /// Strings that are not what any field expects.
    static let strings = [
        "", " ", "\u{0}", "\u{1F}", "\u{7F}", "\u{FEFF}", "\u{FFFD}", "\u{10FFFF}", "e\u{301}", "\u{E9}", "😀",
        "👩‍👩‍👧", "~0/~1", "a/b", ".", "..", "\\", "\"", "null", "true", "0", "1e400", "\n\t\r", "\u{2028}",
        "User:", "User:123", String(repeating: "x", count: 2_000), String(repeating: "é", count: 300),
    ]

    /// Values no open or closed enum of the spec lists, including near misses of listed ones.
    static let unknownEnumValues = [
        "FUTURE_VALUE_42", "read", "Read", "READ ", " READ", "UNKNOWN\u{0}", "ÜNKNOWN", "e\u{301}", "\u{E9}",
        "😀_EMOJI", "A/B", "DESCRIBE_CONFIGS_V2", "\u{FEFF}READ", "\u{10FFFF}", "TAB\tSEP", "QUOTE\"D",
        "BACK\\SLASH", String(repeating: "X", count: 1_000), "",
    ]

    /// Date-times that are valid in odd ways or not valid: fractions of every length, offsets,
    /// leap days and seconds, years at the edges, wrong separators and zones.
    static let dateTimes = [
        "2021-12-13T16:29:10Z", "2021-12-13T16:29:10.951Z", "2021-12-13T16:29:10.9Z",
        "2021-12-13T16:29:10.9515Z", "2021-12-13T16:29:10.123456789123456Z", "2021-12-13T16:29:10.0005Z",
        "2021-12-13T16:29:10.9995Z", "2021-12-13T18:29:10.951+02:00", "2021-12-13T16:29:10-23:59",
        "2021-12-13T16:29:10+23:59", "2021-12-13t16:29:10z", "2021-12-13 16:29:10Z", "2020-02-29T00:00:00Z",
        "2021-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "2000-02-29T23:59:60Z", "2021-12-31T23:59:60.999Z",
        "2021-12-13T24:00:00Z", "2021-13-01T00:00:00Z", "2021-00-10T00:00:00Z", "2021-12-00T00:00:00Z",
        "0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+00:01", "9999-12-31T23:59:59.999Z",
        "9999-12-31T23:59:59.9999Z", "9999-12-31T23:59:59-23:59", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z",
        "2021-12-13T16:29:10.Z", "2021-12-13T16:29:10+0200", "2021-12-13T16:29:10+02", "2021-12-13T16:29:10+24:00",
        "2021-12-13T16:29:10+02:60", "2021-12-13T16:29:10", "2021-12-13", "16:29:10Z", "2021-12-13T16:29:10.951Zjunk",
        " 2021-12-13T16:29:10Z", "2021-12-13T16:29:10Z ", "２０２１-12-13T16:29:10Z", "2021-1-13T16:29:10Z",
        "+2021-12-13T16:29:10Z", "2021-12-13T16:29:10,951Z", "2021-12-13T16:29:10.951Z\u{0}",
    ]

    /// Base64 texts that are valid in odd ways or not valid.
    static let base64 = [
        "", "=", "==", "a", "ab", "abc", "abc=", "ab==", "a===", "aGk", "aGk=", "aGl=", "aGk=\n", " aGk=",
        "aGk= ", "aGk=aGk=", "aG k=", "-_-_", "////", "++++", "AAAA", "AA==", "AA=A", "😀", "aGk\u{0}",
        "YWJjZA", "YWJjZA==", "YWJjZA===", String(repeating: "QUFB", count: 500),
    ]

    /// Bytes that are never valid UTF-8 or that encode surrogates or overlong forms.
    static let invalidUTF8: [[UInt8]] = [
        [0xFF], [0xFE], [0xC0, 0x80], [0xC1, 0xBF], [0x80], [0xBF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xEF, 0xBB, 0xBF],
    ]
}
