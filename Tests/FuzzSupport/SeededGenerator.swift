/// A deterministic random number generator (SplitMix64), so random tests and fuzzing failures
/// can be replayed.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// The stream that starts from `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The stream of fuzz input `index` under `seed`, so one input can be replayed without
    /// generating the ones before it.
    public init(seed: UInt64, index: Int) {
        state = seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03)
        state = next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
