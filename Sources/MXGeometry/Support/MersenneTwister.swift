/// The 32-bit Mersenne Twister (mt19937, Matsumoto & Nishimura) as boost and scitbx implement
/// it. DIALS draws its random choices from one — refinement's reflection subset, cctbx's
/// half-dataset split for CC½ — so the same seed gives the same choices here as there.
public struct MersenneTwister: Sendable {
    private var state = [UInt32](repeating: 0, count: 624)
    private var index = 624

    public init(seed: UInt32) {
        state[0] = seed
        for i in 1..<624 {
            state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i)
        }
    }

    public mutating func next() -> UInt32 {
        if index >= 624 {
            for i in 0..<624 {
                let y = (state[i] & 0x8000_0000) | (state[(i + 1) % 624] & 0x7FFF_FFFF)
                state[i] = state[(i + 397) % 624] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : 0x9908_B0DF)
            }
            index = 0
        }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// A uniform double in [0, 1) from 53 random bits, scitbx's `random_double`.
    public mutating func nextDouble() -> Double {
        let a = Double(next() >> 5), b = Double(next() >> 6)
        return (a * 67_108_864 + b) / 9_007_199_254_740_992
    }
}
