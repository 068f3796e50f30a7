/// Agglomerative clustering exactly as R's `hclust(d, method = "ward.D")` does it (R's hclust.f,
/// Murtagh's nearest-neighbour-list algorithm with the Lance–Williams update for IOPT = 1), on
/// unsquared distances as BLEND passes them:
/// d(k, i∪j) = [(nᵢ+nₖ)d(k,i) + (nⱼ+nₖ)d(k,j) − nₖ d(i,j)] / (nᵢ+nⱼ+nₖ).
///
/// Every item keeps its nearest neighbour *to its right* (the first smallest in index order) and
/// that distance. Each step merges the pair of the first item, in index order, whose stored
/// distance is strictly the smallest; the merged cluster takes the smaller index. Afterwards the
/// merged item's neighbour is recomputed, an item to its left adopts it when the new distance is
/// strictly below its stored one, and every item whose stored neighbour was one of the merged pair
/// rescans its row. This is R's order and tie handling to the bit, including where a stored
/// neighbour is not the first of several equal ones; typical cost is O(n²) time and n(n−1)/2
/// memory.
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
        self.init(DissimilarityMatrix(count: d0.count) { d0[$0][$1] })
    }

    init(_ matrix: DissimilarityMatrix) {
        let n = matrix.count
        guard n > 1 else {
            merges = []
            return
        }
        var d = matrix.values
        @inline(__always) func at(_ i: Int, _ j: Int) -> Int { i < j ? matrix.index(i, j) : matrix.index(j, i) }
        var size = [Double](repeating: 1, count: n)
        var active = [Bool](repeating: true, count: n)
        var neighbour = [Int](repeating: 0, count: n)
        var nearest = [Double](repeating: .infinity, count: n)

        func rescan(_ i: Int) {
            var best = Double.infinity, bj = neighbour[i]
            var p = matrix.index(i, i + 1)
            for j in (i + 1)..<n {
                if active[j] && d[p] < best {
                    best = d[p]
                    bj = j
                }
                p += 1
            }
            neighbour[i] = bj
            nearest[i] = best
        }
        for i in 0..<(n - 1) { rescan(i) }

        // In hclust.f's convention a cluster is named by its smallest item (0-based here); the
        // R labels are assigned afterwards as HCASS2 does.
        var pairs: [(Int, Int)] = []
        var heights: [Double] = []
        pairs.reserveCapacity(n - 1)
        heights.reserveCapacity(n - 1)
        for _ in 1..<n {
            var best = Double.infinity, im = -1, jm = -1
            for i in 0..<(n - 1) where active[i] && nearest[i] < best {
                best = nearest[i]
                im = i
                jm = neighbour[i]
            }
            guard im >= 0 else { break }  // only non-finite dissimilarities remain
            let i2 = min(im, jm), j2 = max(im, jm)
            pairs.append((i2, j2))
            heights.append(best)
            active[j2] = false
            let dij = d[matrix.index(i2, j2)]
            var rowBest = Double.infinity, rowNeighbour = neighbour[i2]
            for k in 0..<n where active[k] && k != i2 {
                let ik = at(i2, k), jk = at(j2, k)
                let updated = ((size[i2] + size[k]) * d[ik] + (size[j2] + size[k]) * d[jk] - size[k] * dij)
                    / (size[i2] + size[j2] + size[k])
                d[ik] = updated
                if i2 < k {
                    if updated < rowBest {
                        rowBest = updated
                        rowNeighbour = k
                    }
                } else if updated < nearest[k] {
                    nearest[k] = updated
                    neighbour[k] = i2
                }
            }
            size[i2] += size[j2]
            nearest[i2] = rowBest
            neighbour[i2] = rowNeighbour
            for i in 0..<(n - 1) where active[i] && (neighbour[i] == i2 || neighbour[i] == j2) { rescan(i) }
        }
        merges = Self.labelled(pairs: pairs, heights: heights)
    }

    /// R's `merge` rows from merges named by their smallest items: a singleton is −(item + 1), a
    /// cluster is the step that made it; singletons come first, two clusters in step order.
    static func labelled(pairs: [(Int, Int)], heights: [Double]) -> [Merge] {
        var current = [Int: Int]()  // smallest item → R label of the cluster it names
        var out: [Merge] = []
        for (s, (i, j)) in pairs.enumerated() {
            var a = current[i] ?? -(i + 1), b = current[j] ?? -(j + 1)
            if a > 0 && b < 0 { swap(&a, &b) } else if a > 0 && b > 0 && a > b { swap(&a, &b) }
            out.append(Merge(left: a, right: b, height: heights[s]))
            current[i] = s + 1
        }
        return out
    }

    /// The datasets (1-based) in the cluster made at each step.
    var members: [[Int]] {
        var out: [[Int]] = []
        out.reserveCapacity(merges.count)
        for m in merges {
            func expand(_ x: Int) -> [Int] { x < 0 ? [-x] : out[x - 1] }
            out.append((expand(m.left) + expand(m.right)).sorted())
        }
        return out
    }

    /// Leaves in dendrogram drawing order (R's `hclust$order`): the root's left branch, then its
    /// right, recursively; 1-based dataset numbers.
    var order: [Int] {
        guard let root = merges.indices.last else { return [] }
        var out: [Int] = []
        var stack = [merges[root].right, merges[root].left]
        while let x = stack.popLast() {
            if x < 0 { out.append(-x) } else { stack.append(merges[x - 1].right); stack.append(merges[x - 1].left) }
        }
        return out
    }
}
