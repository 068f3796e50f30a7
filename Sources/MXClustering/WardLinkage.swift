/// Agglomerative clustering as R's `hclust(d, method = "ward.D")` does it (hclust.f with the
/// Lance–Williams update for IOPT = 1), on unsquared distances as BLEND passes them:
/// d(k, i∪j) = [(nᵢ+nₖ)d(k,i) + (nⱼ+nₖ)d(k,j) − nₖ d(i,j)] / (nᵢ+nⱼ+nₖ).
/// At each step the closest pair merges — the first in index order among equals, as the Fortran
/// scans — and the merged cluster keeps the smaller index.
struct WardLinkage {
    struct Merge: Equatable {
        /// The two clusters merged, as R's `merge` matrix rows: −i for dataset i (1-based), +s
        /// for the cluster made at step s.
        var left: Int
        var right: Int
        var height: Double
    }

    var merges: [Merge]

    init(distances d0: [[Double]]) {
        let n = d0.count
        var d = d0
        var size = [Int](repeating: 1, count: n)
        var active = [Bool](repeating: true, count: n)
        // The R label of whatever cluster currently sits at each index.
        var label = (0..<n).map { -($0 + 1) }
        var merges: [Merge] = []
        for step in 1..<max(n, 1) {
            var best = (i: -1, j: -1, d: Double.infinity)
            for i in 0..<n where active[i] {
                for j in (i + 1)..<n where active[j] && d[i][j] < best.d {
                    best = (i, j, d[i][j])
                }
            }
            let (i, j) = (best.i, best.j)
            guard i >= 0 else { break }
            for k in 0..<n where active[k] && k != i && k != j {
                let nk = Double(size[k]), ni = Double(size[i]), nj = Double(size[j])
                let updated = ((ni + nk) * d[k][i] + (nj + nk) * d[k][j] - nk * d[i][j]) / (ni + nj + nk)
                d[k][i] = updated
                d[i][k] = updated
            }
            var (a, b) = (label[i], label[j])
            // R's ordering of a merge row: singletons first (the smaller one first), else the
            // earlier cluster first.
            if a > 0 && b < 0 { swap(&a, &b) } else if a > 0 && b > 0 && a > b { swap(&a, &b) } else if a < 0 && b < 0 && a < b { swap(&a, &b) }
            merges.append(Merge(left: a, right: b, height: best.d))
            size[i] += size[j]
            active[j] = false
            label[i] = step
        }
        self.merges = merges
    }

    /// The datasets (1-based) in the cluster made at each step.
    var members: [[Int]] {
        var out: [[Int]] = []
        for m in merges {
            func expand(_ x: Int) -> [Int] { x < 0 ? [-x] : out[x - 1] }
            out.append((expand(m.left) + expand(m.right)).sorted())
        }
        return out
    }
}
