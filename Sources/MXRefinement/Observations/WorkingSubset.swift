/// DIALS's working-set sampling (`reflections_per_degree`, `minimum_sample_size`,
/// `maximum_sample_size`), per experiment. With the defaults it keeps every reflection unless a
/// scan covers more than a full turn.
///
/// The subset is drawn exactly as DIALS draws it: scitbx's generator (MT19937 seeded with
/// `random_seed` + 1, seed 42 by default, seeded once per refinement) makes a naive-swap random
/// permutation per experiment, whose first `sample_size` entries, sorted, are kept — so the
/// same reflections are chosen.
enum WorkingSubset {
    /// Indices into the observations to keep, in their original order.
    static func select(experimentRanges: [Range<Int>], scanWidthsDegrees: [Double], options: RefinementOptions) -> [Int] {
        var rng = MersenneTwister(seed: UInt32(truncatingIfNeeded: options.randomSeed &+ 1))
        var keep: [Int] = []
        for (e, range) in experimentRanges.enumerated() {
            let n = range.count
            var sample = n
            let width = scanWidthsDegrees[e]
            if let perDegree = options.reflectionsPerDegree {
                sample = Int(perDegree * width)
            } else {
                let turns = width / 360
                if turns > 1 {
                    let perTurn = Int((Double(n) / turns).rounded(.up))
                    sample = Int(max(Double(perTurn), 100 * width))
                }
            }
            sample = max(sample, options.minimumSampleSize)
            if let most = options.maximumSampleSize { sample = min(sample, most) }
            guard sample < n else {
                keep += Array(range)
                continue
            }
            keep += rng.randomSelection(population: n, sample: sample).map { range.lowerBound + $0 }
        }
        return keep
    }
}

/// MT19937 (Matsumoto & Nishimura) as scitbx's `mersenne_twister` wraps it, with scitbx's
/// `random_permutation` and `random_selection`.
struct MersenneTwister {
    private var state = [UInt32](repeating: 0, count: 624)
    private var index = 624

    init(seed: UInt32) {
        state[0] = seed
        for i in 1..<624 {
            state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i)
        }
    }

    mutating func next() -> UInt32 {
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

    /// 0…n−1 permuted by swapping each position with a uniformly drawn one (scitbx's way).
    mutating func randomPermutation(_ n: Int) -> [Int] {
        var p = Array(0..<n)
        for i in 0..<n { p.swapAt(i, Int(next()) % n) }
        return p
    }

    /// The first `sample` entries of a random permutation of 0…population−1, sorted.
    mutating func randomSelection(population: Int, sample: Int) -> [Int] {
        randomPermutation(population).prefix(sample).sorted()
    }
}
