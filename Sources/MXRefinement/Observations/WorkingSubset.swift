import MXGeometry

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

/// scitbx's `random_permutation` and `random_selection` on its Mersenne Twister.
extension MersenneTwister {
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
