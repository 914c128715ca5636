// Compares Foundation's base64 with a small table-based coder over 1 KB and 1 MB inputs and
// prints MB/s for each and the ratio. Built and run by Benchmarks/base64.sh with swiftc -O.
import Foundation

/// A straightforward table-based standard base64 coder (padded, no whitespace).
enum TableBase64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in alphabet.enumerated() {
            table[Int(byte)] = UInt8(index)
        }
        return table
    }()

    static func encode(_ data: Data) -> String {
        data.withUnsafeBytes { (input: UnsafeRawBufferPointer) -> String in
            let outputCount = (input.count + 2) / 3 * 4
            return String(unsafeUninitializedCapacity: outputCount) { output in
                alphabet.withUnsafeBufferPointer { table in
                    var inIndex = 0
                    var outIndex = 0
                    while inIndex + 3 <= input.count {
                        let value = UInt32(input[inIndex]) << 16 | UInt32(input[inIndex + 1]) << 8 | UInt32(input[inIndex + 2])
                        output[outIndex] = table[Int(value >> 18 & 0x3F)]
                        output[outIndex + 1] = table[Int(value >> 12 & 0x3F)]
                        output[outIndex + 2] = table[Int(value >> 6 & 0x3F)]
                        output[outIndex + 3] = table[Int(value & 0x3F)]
                        inIndex += 3
                        outIndex += 4
                    }
                    let remaining = input.count - inIndex
                    if remaining > 0 {
                        let first = UInt32(input[inIndex]) << 16
                        let value = remaining == 2 ? first | UInt32(input[inIndex + 1]) << 8 : first
                        output[outIndex] = table[Int(value >> 18 & 0x3F)]
                        output[outIndex + 1] = table[Int(value >> 12 & 0x3F)]
                        output[outIndex + 2] = remaining == 2 ? table[Int(value >> 6 & 0x3F)] : UInt8(ascii: "=")
                        output[outIndex + 3] = UInt8(ascii: "=")
                        outIndex += 4
                    }
                    return outIndex
                }
            }
        }
    }

    static func decode(_ string: String) -> Data? {
        var string = string
        return string.withUTF8 { input -> Data? in
            guard input.count % 4 == 0 else { return nil }
            if input.isEmpty { return Data() }
            var padding = 0
            if input[input.count - 1] == UInt8(ascii: "=") { padding += 1 }
            if input[input.count - 2] == UInt8(ascii: "=") { padding += 1 }
            var output = Data(count: input.count / 4 * 3 - padding)
            let ok = output.withUnsafeMutableBytes { (out: UnsafeMutableRawBufferPointer) -> Bool in
                decodeTable.withUnsafeBufferPointer { table in
                    var outIndex = 0
                    var inIndex = 0
                    while inIndex < input.count {
                        let isLast = inIndex + 4 == input.count
                        let a = table[Int(input[inIndex])], b = table[Int(input[inIndex + 1])]
                        let c = isLast && padding == 2 ? 0 : table[Int(input[inIndex + 2])]
                        let d = isLast && padding >= 1 ? 0 : table[Int(input[inIndex + 3])]
                        if (a | b | c | d) & 0xC0 != 0 { return false }
                        let value = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                        out[outIndex] = UInt8(value >> 16 & 0xFF)
                        if outIndex + 1 < out.count { out[outIndex + 1] = UInt8(value >> 8 & 0xFF) }
                        if outIndex + 2 < out.count { out[outIndex + 2] = UInt8(value & 0xFF) }
                        outIndex += 3
                        inIndex += 4
                    }
                    return true
                }
            }
            return ok ? output : nil
        }
    }
}

/// MB/s of `body` run over `bytes` input bytes, best of five rounds of about 0.2 s each.
func throughput(bytes: Int, _ body: () -> Int) -> Double {
    var sink = 0
    var best = 0.0
    let clock = ContinuousClock()
    for _ in 0..<5 {
        var iterations = 0
        let start = clock.now
        var elapsed = Duration.zero
        while elapsed < .milliseconds(200) {
            sink &+= body()
            iterations += 1
            elapsed = start.duration(to: clock.now)
        }
        let (seconds, attoseconds) = elapsed.components
        let time = Double(seconds) + Double(attoseconds) / 1e18
        best = max(best, Double(bytes * iterations) / time / 1_000_000)
    }
    if sink == 42 { print("") }
    return best
}

var generator = SystemRandomNumberGenerator()
print("size     operation  foundation MB/s   table MB/s   foundation/table")
for (label, size) in [("1 KB", 1024), ("1 MB", 1024 * 1024)] {
    let data = Data((0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) })
    let encoded = data.base64EncodedString()
    precondition(TableBase64.encode(data) == encoded, "table encoder disagrees with Foundation")
    precondition(TableBase64.decode(encoded) == data, "table decoder disagrees with Foundation")

    let foundationEncode = throughput(bytes: size) { data.base64EncodedString().utf8.count }
    let tableEncode = throughput(bytes: size) { TableBase64.encode(data).utf8.count }
    let foundationDecode = throughput(bytes: size) { Data(base64Encoded: encoded)?.count ?? 0 }
    let tableDecode = throughput(bytes: size) { TableBase64.decode(encoded)?.count ?? 0 }
    for (operation, foundation, table) in [("encode", foundationEncode, tableEncode), ("decode", foundationDecode, tableDecode)] {
        print(String(format: "%-8@ %-10@ %15.0f %12.0f %18.2f", label as NSString, operation as NSString, foundation, table, foundation / table))
    }
}
