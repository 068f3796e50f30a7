import MXSymmetry

/// How each crystal is to be reindexed so that all agree: h′ = operations[i]·h.
public struct ConsistentIndexing: Sendable, Equatable {
    /// Per dataset, the coset representative to apply (identity for the reference dataset).
    public var operations: [IntMatrix3]
    /// The same in DIALS's hkl spelling ("h,k,l", "k,h,-l").
    public var cbOps: [String]
    /// The alternative indexings: one representative per coset of the lattice's operators over
    /// the space group's rotations, identity first.
    public var ambiguityOperators: [IntMatrix3]
    /// Per dataset, per ambiguity operator (as if that one were applied), the count-weighted
    /// mean correlation with all other datasets as finally reindexed.
    public var correlations: [[Double]]
    /// Per dataset: the chosen operator's mean correlation minus the best alternative's.
    public var confidence: [Double]
    /// The dataset left as it is.
    public var referenceDataset: Int
    /// Passes of the iterative assignment until no dataset changed.
    public var cycles: Int
    /// The resolution limit used (Å), nil for none.
    public var dMin: Double? = nil
    /// What the user should know ("a single dataset: no other crystal to resolve against").
    public var notes: [String]
}

extension Cosym {
    /// The left cosets M·G of the lattice's operators over the group's, with a representative
    /// each: the one with the fewest non-zero entries, then the most +1s, then the
    /// lexicographically largest; the identity's coset first.
    static func cosets(of lattice: [IntMatrix3], over group: Set<IntMatrix3>) -> [[IntMatrix3]] {
        var covered = Set<IntMatrix3>()
        var out: [[IntMatrix3]] = []
        for m in lattice where !covered.contains(m) {
            let coset = group.map { m * $0 }
            covered.formUnion(coset)
            out.append(coset.sorted { l, r in
                let (nl, nr) = (l.e.count { $0 != 0 }, r.e.count { $0 != 0 })
                if nl != nr { return nl < nr }
                let (pl, pr) = (l.e.count { $0 == 1 }, r.e.count { $0 == 1 })
                if pl != pr { return pl > pr }
                return r.e.lexicographicallyPrecedes(l.e)
            })
        }
        return out
    }

    static func resolve(_ data: [NormalisedDataset], cosets: [[IntMatrix3]], group: Set<IntMatrix3>,
                        options: CosymOptions) throws(CosymError) -> ConsistentIndexing {
        let n = data.count, m = cosets.count
        let reps = cosets.map { $0[0] }
        let orbits = ReflectionOrbits(LatticeOperators.canonicalOrder(Array(group)))
        func result(_ ops: [Int], cc: [[Double]], conf: [Double], ref: Int, cycles: Int, notes: [String]) -> ConsistentIndexing {
            ConsistentIndexing(operations: ops.map { reps[$0] }, cbOps: ops.map { reps[$0].hklSymbol },
                               ambiguityOperators: reps, correlations: cc, confidence: conf,
                               referenceDataset: ref, cycles: cycles, notes: notes)
        }
        if m == 1 {
            return result([Int](repeating: 0, count: n), cc: [[Double]](repeating: [1], count: n),
                          conf: [Double](repeating: 1, count: n), ref: 0, cycles: 0,
                          notes: ["no indexing ambiguity: the lattice has no symmetry beyond the space group's"])
        }
        if n == 1 {
            return result([0], cc: [[Double](repeating: 0, count: m)], conf: [0], ref: 0, cycles: 0,
                          notes: ["a single dataset: no other crystal to resolve the \(m)-fold ambiguity against; identity kept"])
        }
        // merged[a][k]: dataset a reindexed by coset k, merged in the space group's Laue class.
        let merged = data.map { d in reps.map { d.merged(reindexedBy: $0, orbits: orbits) } }
        // r[a][b][k][l] and its weight (count of common reflections, 0 below minPairs).
        var r = [[[[Double]]]](repeating: [[[Double]]](repeating: [[Double]](repeating: [Double](repeating: 0, count: m), count: m), count: n), count: n)
        var w = r
        for a in 0..<n { for b in (a + 1)..<n { for k in 0..<m { for l in 0..<m {
            let acc = merged[a][k].correlation(with: merged[b][l])
            guard acc.n >= options.minPairs else { continue }
            r[a][b][k][l] = acc.coefficient; r[b][a][l][k] = acc.coefficient
            w[a][b][k][l] = Double(acc.n); w[b][a][l][k] = Double(acc.n)
        } } } }
        let connectivity = (0..<n).map { a in (0..<n).reduce(0.0) { $0 + w[a][$1][0][0] } }
        for a in 0..<n where connectivity[a] == 0 && (0..<n).allSatisfy({ b in w[a][b].allSatisfy { $0.allSatisfy { $0 == 0 } } }) {
            throw .noCommonReflections(dataset: a)
        }
        func score(_ a: Int, _ k: Int, _ x: [Int?]) -> Double {
            var s = 0.0, sw = 0.0
            for b in 0..<n where b != a { if let l = x[b] { s += w[a][b][k][l] * r[a][b][k][l]; sw += w[a][b][k][l] } }
            return sw > 0 ? s / sw : 0
        }
        // Greedy start from the best-connected dataset, then iterate to a fixed point.
        let seed = (0..<n).max { connectivity[$0] < connectivity[$1] || (connectivity[$0] == connectivity[$1] && $0 > $1) }!
        var x = [Int?](repeating: nil, count: n)
        x[seed] = 0
        while x.contains(where: { $0 == nil }) {
            let next = (0..<n).filter { x[$0] == nil }.max { p, q in
                let (cp, cq) = ((0..<n).reduce(0.0) { x[$1] == nil ? $0 : $0 + w[p][$1][0][0] },
                                (0..<n).reduce(0.0) { x[$1] == nil ? $0 : $0 + w[q][$1][0][0] })
                return cp < cq || (cp == cq && p > q)
            }!
            x[next] = (0..<m).max { score(next, $0, x) < score(next, $1, x) || (score(next, $0, x) == score(next, $1, x) && $0 > $1) }!
        }
        var cycles = 0
        for _ in 0..<options.maxCycles {
            cycles += 1
            var changed = false
            for a in 0..<n {
                let best = (0..<m).max { score(a, $0, x) < score(a, $1, x) || (score(a, $0, x) == score(a, $1, x) && $0 > $1) }!
                if score(a, best, x) > score(a, x[a]!, x) + 1e-12 { x[a] = best; changed = true }
            }
            if !changed { break }
        }
        // Express relative to dataset 0: left-multiply by the inverse of its operator.
        let ref = 0
        let inv = reps[x[ref]!].unimodularInverse
        let ops = (0..<n).map { a -> Int in
            let p = inv * reps[x[a]!]
            return cosets.firstIndex { $0.contains(p) } ?? x[a]!
        }
        let cc = (0..<n).map { a in (0..<m).map { score(a, $0, x) } }
        let conf = (0..<n).map { a -> Double in
            let chosen = cc[a][x[a]!]
            let other = (0..<m).filter { $0 != x[a]! }.map { cc[a][$0] }.max() ?? chosen
            return chosen - other
        }
        // Correlations re-labelled so that column k means "this dataset reindexed by reps[k]".
        let relabelled = (0..<n).map { a in (0..<m).map { k -> Double in
            let p = reps[x[ref]!] * reps[k]
            let j = cosets.firstIndex { $0.contains(p) } ?? k
            return cc[a][j]
        } }
        return result(ops, cc: relabelled, conf: conf, ref: ref, cycles: cycles, notes: [])
    }
}
