import Foundation

/// Percent-encoding for values placed in a URL.
///
/// Every byte of the UTF-8 form except the RFC 3986 unreserved characters
/// (`A–Z a–z 0–9 - . _ ~`) is encoded, so `/`, `?`, `#`, `%`, `&`, `+`, `=` and spaces cannot
/// change the structure of the URL. The same encoding is used for query names and values.
public enum PathSegment {
    /// Percent-encodes `value` for use as one path segment.
    public static func encode(_ value: String) -> String {
        var encoded = [UInt8]()
        encoded.reserveCapacity(value.utf8.count)
        for byte in value.utf8 {
            if isUnreserved(byte) {
                encoded.append(byte)
            } else {
                encoded.append(UInt8(ascii: "%"))
                encoded.append(hexDigits[Int(byte >> 4)])
                encoded.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }

    /// Percent-encodes the ``ParameterValue/parameterValue`` of `value` for use as one path segment.
    public static func encode<T: ParameterValue>(_ value: T) -> String {
        encode(value.parameterValue)
    }

    /// `"."` or `".."` when the percent-encoded `segment` is one of the dot segments that
    /// servers and proxies resolve against its parent (literal, or spelled with `%2E` or
    /// `%2e` in any mix with `.`), otherwise `nil`.
    public static func dotSegment(_ segment: some StringProtocol) -> String? {
        var dots = 0
        var bytes = segment.utf8.makeIterator()
        while let byte = bytes.next() {
            if byte == UInt8(ascii: "%") {
                guard bytes.next() == UInt8(ascii: "2"), let letter = bytes.next(), letter | 0x20 == UInt8(ascii: "e") else { return nil }
            } else if byte != UInt8(ascii: ".") {
                return nil
            }
            dots += 1
            if dots > 2 { return nil }
        }
        switch dots {
        case 1: return "."
        case 2: return ".."
        default: return nil
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}
