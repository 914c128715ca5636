/// Counts the complete top-level JSON objects in a byte stream fed in pieces cut anywhere,
/// by depth counting that skips over strings (and the escapes inside them). It validates
/// nothing: the sink's per-record cost is this one pass over the bytes.
struct JSONObjectCounter {
    private var depth = 0
    private var inString = false
    private var escaped = false

    /// Scans `bytes` and returns how many top-level objects ended in them.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var depth = self.depth
        var inString = self.inString
        var escaped = self.escaped
        var completed = 0
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth > 0 {
                    depth -= 1
                    if depth == 0, byte == UInt8(ascii: "}") {
                        completed += 1
                    }
                }
            default:
                break
            }
        }
        self.depth = depth
        self.inString = inString
        self.escaped = escaped
        return completed
    }
}
