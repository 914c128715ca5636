/// Standard base64 (RFC 4648, `+/`, padded) written straight into a byte buffer.
@usableFromInline
enum Base64Alphabet {
    @usableFromInline static let symbols: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Appends the base64 form of `data` to `output`.
    @inlinable
    static func encode<Bytes: Collection>(_ data: Bytes, into output: inout [UInt8]) where Bytes.Element == UInt8 {
        output.reserveCapacity(output.count + (data.count + 2) / 3 * 4)
        var iterator = data.makeIterator()
        while let first = iterator.next() {
            let second = iterator.next()
            let third = iterator.next()
            let group = UInt32(first) << 16 | UInt32(second ?? 0) << 8 | UInt32(third ?? 0)
            output.append(symbols[Int(group >> 18 & 0x3F)])
            output.append(symbols[Int(group >> 12 & 0x3F)])
            output.append(second == nil ? UInt8(ascii: "=") : symbols[Int(group >> 6 & 0x3F)])
            output.append(third == nil ? UInt8(ascii: "=") : symbols[Int(group & 0x3F)])
        }
    }
}
