import MXSymmetry

/// One dataset's usable reflections (shells with ⟨I⟩/⟨σ⟩ below
/// ``CosymOptions/minShellIOverSigma`` are dropped, a per-crystal stand-in for DIALS's automatic
/// d_min) with intensities normalised to E² = I/⟨I⟩ in resolution
/// shells of equal count, about 200 reflections each (so that crystals of different scale and B compare), and its merged
/// forms: reindexed, then averaged over the equivalents of a group, sorted by index.
struct NormalisedDataset: Sendable {
    var hkl: [SIMD3<Int>] = []
    var e2: [Double] = []
    var variance: [Double] = []

    init() {}

    init(_ d: CosymDataset, options: CosymOptions) {
        var rows: [(h: SIMD3<Int>, i: Double, v: Double, s: Double)] = []
        for k in 0..<d.count {
            let (i, v, dd) = (d.intensity[k], d.variance[k], d.dSpacing[k])
            guard v > 0, i.isFinite, dd > 0, i / v.squareRoot() >= options.minIOverSigma else { continue }
            if let m = options.dMin, dd < m { continue }
            if let m = options.dMax, dd > m { continue }
            rows.append((d.hkl[k], i, v, 1 / (dd * dd)))
        }
        rows.sort { $0.s != $1.s ? $0.s < $1.s : ReflectionOrbits.less($0.h, $1.h) }
        // Shells of about 200 reflections: fine enough that the fall-off within a shell does not
        // correlate reflections of equal d (which every operator relates).
        let bins = max(1, rows.count / 200)
        for b in 0..<bins {
            let slice = rows[(b * rows.count / bins)..<((b + 1) * rows.count / bins)]
            let mean = slice.reduce(0) { $0 + $1.i } / Double(max(slice.count, 1))
            let sigma = slice.reduce(0) { $0 + $1.v.squareRoot() } / Double(max(slice.count, 1))
            // Shells without signal only add noise (and dividing by a near-zero mean inflates it).
            guard mean > 0, mean >= options.minShellIOverSigma * sigma else { continue }
            for r in slice where r.i / mean < options.maxE2 {
                hkl.append(r.h)
                e2.append(r.i / mean)
                variance.append(r.v / (mean * mean))
            }
        }
    }

    var isEmpty: Bool { hkl.isEmpty }

    /// Reindexed by M (h′ = M·h), then averaged over each orbit of `orbits`, sorted by index.
    func merged(reindexedBy m: IntMatrix3, orbits: ReflectionOrbits) -> MergedArray {
        var keyed = (0..<hkl.count).map { (orbits.representative(m.apply(hkl[$0])), e2[$0]) }
        keyed.sort { ReflectionOrbits.less($0.0, $1.0) || ($0.0 == $1.0 && $0.1 < $1.1) }
        var out = MergedArray()
        var k = 0
        while k < keyed.count {
            var j = k, sum = 0.0
            while j < keyed.count, keyed[j].0 == keyed[k].0 { sum += keyed[j].1; j += 1 }
            out.keys.append(keyed[k].0)
            out.values.append(sum / Double(j - k))
            k = j
        }
        return out
    }
}

/// Merged values by index, sorted (so that correlations are summed in a fixed order).
struct MergedArray: Sendable {
    var keys: [SIMD3<Int>] = []
    var values: [Double] = []

    /// The correlation of the two over their common indices (a merge join).
    func correlation(with o: MergedArray) -> CorrelationAccumulator {
        var acc = CorrelationAccumulator()
        var i = 0, j = 0
        while i < keys.count, j < o.keys.count {
            if keys[i] == o.keys[j] { acc.add(values[i], o.values[j]); i += 1; j += 1 }
            else if ReflectionOrbits.less(keys[i], o.keys[j]) { i += 1 } else { j += 1 }
        }
        return acc
    }
}
