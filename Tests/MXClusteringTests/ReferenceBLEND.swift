import Foundation
import MXGeometry

/// An independent re-implementation of BLEND's R procedure for the exactness tests, written
/// from the published algorithms rather than from MXClustering: Welford column statistics,
/// principal components by a one-sided Jacobi SVD of the data matrix (R's prcomp works on the
/// SVD too), full square distance matrices, R's hclust.f nearest-neighbour-list agglomeration
/// and HCASS2 relabelling, and LCV/aLCV by R's full-matrix, column-major `which(m == max(m))`.
enum ReferenceBLEND {
    struct Node: Equatable {
        var left: Int, right: Int, height: Double
        var datasets: [Int]          // sorted
        var lcv: Double, alcv: Double
        var furthest: [Int]          // smaller first
    }

    // MARK: descriptors and prcomp

    /// Columns with SD > 1e-6, standardised with the n − 1 SD.
    static func standardised(_ cells: [UnitCell]) -> [[Double]] {
        let raw = cells.map { [$0.a, $0.b, $0.c, $0.alpha, $0.beta, $0.gamma] }
        var columns: [[Double]] = []
        for k in 0..<6 {
            var mean = 0.0, m2 = 0.0
            for (t, r) in raw.enumerated() {
                let delta = r[k] - mean
                mean += delta / Double(t + 1)
                m2 += delta * (r[k] - mean)
            }
            let sd = raw.count > 1 ? (m2 / Double(raw.count - 1)).squareRoot() : 0
            if sd > 1e-6 { columns.append(raw.map { ($0[k] - mean) / sd }) }
        }
        return raw.indices.map { i in columns.map { $0[i] } }
    }

    /// Scores on the principal components kept by BLEND (cumulative proportion, rounded to 5
    /// decimals, strictly above 0.95), from a one-sided (Hestenes) Jacobi SVD X = U Σ Vᵀ.
    static func scores(_ x: [[Double]]) -> [[Double]] {
        let n = x.count, p = x.first?.count ?? 0
        guard p > 0 else { return x }
        var u = x                      // columns are orthogonalised in place
        var v = (0..<p).map { i in (0..<p).map { $0 == i ? 1.0 : 0.0 } }
        for _ in 0..<60 {
            var rotated = false
            for j in 0..<p {
                for k in (j + 1)..<max(p, j + 1) {
                    var alpha = 0.0, beta = 0.0, gamma = 0.0
                    for i in 0..<n {
                        alpha += u[i][j] * u[i][j]
                        beta += u[i][k] * u[i][k]
                        gamma += u[i][j] * u[i][k]
                    }
                    if abs(gamma) <= 1e-15 * (alpha * beta).squareRoot() || gamma == 0 { continue }
                    rotated = true
                    let zeta = (beta - alpha) / (2 * gamma)
                    let t = (zeta >= 0 ? 1.0 : -1.0) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
                    let c = 1 / (1 + t * t).squareRoot(), s = c * t
                    for i in 0..<n {
                        let a = u[i][j], b = u[i][k]
                        u[i][j] = c * a - s * b
                        u[i][k] = s * a + c * b
                    }
                    for i in 0..<p {
                        let a = v[i][j], b = v[i][k]
                        v[i][j] = c * a - s * b
                        v[i][k] = s * a + c * b
                    }
                }
            }
            if !rotated { break }
        }
        let sigma2 = (0..<p).map { j in (0..<n).reduce(0.0) { $0 + u[$1][j] * u[$1][j] } }
        let order = (0..<p).sorted { sigma2[$0] > sigma2[$1] }
        let total = sigma2.reduce(0, +)
        var keep = p, running = 0.0
        for (rank, j) in order.enumerated() {
            running += sigma2[j] / total
            if (running * 100_000).rounded() / 100_000 > 0.95 {
                keep = rank + 1
                break
            }
        }
        let kept = order.prefix(keep)
        return x.map { row in kept.map { j in (0..<p).reduce(0.0) { $0 + row[$1] * v[$1][j] } } }
    }

    static func euclidean(_ rows: [[Double]]) -> [[Double]] {
        func distance(_ a: [Double], _ b: [Double]) -> Double {
            var sum = 0.0
            for k in a.indices {
                let e = a[k] - b[k]
                sum += e * e
            }
            return sum.squareRoot()
        }
        return rows.map { a in rows.map { b in distance(a, b) } }
    }

    // MARK: hclust(method = "ward.D")

    /// Merge rows (R labels) and heights, by hclust.f's procedure on a full square matrix.
    static func hclustWardD(_ input: [[Double]]) -> [(Int, Int, Double)] {
        let n = input.count
        guard n > 1 else { return [] }
        var d = input
        var members = [Double](repeating: 1, count: n)
        var alive = [Bool](repeating: true, count: n)
        var nn = [Int](repeating: -1, count: n)
        var dnn = [Double](repeating: .infinity, count: n)
        func nearestToTheRight(_ i: Int) {
            var best = Double.infinity
            for j in (i + 1)..<n where alive[j] && d[i][j] < best {
                best = d[i][j]
                nn[i] = j
            }
            dnn[i] = best
        }
        for i in 0..<(n - 1) { nearestToTheRight(i) }
        var ia: [Int] = [], ib: [Int] = [], crit: [Double] = []
        for _ in 0..<(n - 1) {
            var im = -1, best = Double.infinity
            for i in 0..<(n - 1) where alive[i] && dnn[i] < best {
                best = dnn[i]
                im = i
            }
            let a = min(im, nn[im]), b = max(im, nn[im])
            ia.append(a + 1)
            ib.append(b + 1)
            crit.append(best)
            alive[b] = false
            let dab = d[a][b]
            for k in 0..<n where alive[k] && k != a {
                let value = ((members[a] + members[k]) * d[a][k] + (members[b] + members[k]) * d[b][k] - members[k] * dab)
                    / (members[a] + members[b] + members[k])
                d[a][k] = value
                d[k][a] = value
                if k < a && value < dnn[k] {
                    dnn[k] = value
                    nn[k] = a
                }
            }
            members[a] += members[b]
            nearestToTheRight(a)
            for i in 0..<(n - 1) where alive[i] && (nn[i] == a || nn[i] == b) { nearestToTheRight(i) }
        }
        // HCASS2: clusters named by their smallest item become step numbers.
        var iia = ia, iib = ib
        for i in 0..<(n - 2) {
            let k = min(ia[i], ib[i])
            for j in (i + 1)..<(n - 1) {
                if ia[j] == k { iia[j] = -(i + 1) }
                if ib[j] == k { iib[j] = -(i + 1) }
            }
        }
        var out: [(Int, Int, Double)] = []
        for i in 0..<(n - 1) {
            var l = -iia[i], r = -iib[i]
            if l > 0 && r < 0 { swap(&l, &r) }
            if l > 0 && r > 0 && l > r { swap(&l, &r) }
            out.append((l, r, crit[i]))
        }
        return out
    }

    /// Naive Ward: every step scans all live pairs for the lexicographically first smallest;
    /// returns heights and the member sets made. Agrees with hclust whenever no two candidate
    /// dissimilarities are equal.
    static func naiveWard(_ input: [[Double]]) -> [(Set<Int>, Double)] {
        var d = input
        var sets: [Int: Set<Int>] = Dictionary(uniqueKeysWithValues: input.indices.map { ($0, [$0 + 1]) })
        var out: [(Set<Int>, Double)] = []
        while sets.count > 1 {
            let live = sets.keys.sorted()
            var best: (Int, Int)? = nil
            for x in live { for y in live where y > x { if best == nil || d[x][y] < d[best!.0][best!.1] { best = (x, y) } } }
            let (x, y) = best!
            let h = d[x][y]
            let (nx, ny) = (Double(sets[x]!.count), Double(sets[y]!.count))
            for k in live where k != x && k != y {
                let nk = Double(sets[k]!.count)
                d[x][k] = ((nx + nk) * d[x][k] + (ny + nk) * d[y][k] - nk * h) / (nx + ny + nk)
                d[k][x] = d[x][k]
            }
            sets[x]!.formUnion(sets.removeValue(forKey: y)!)
            out.append((sets[x]!, h))
        }
        return out
    }

    // MARK: LCV / aLCV

    /// R's maxRatio on cells given in `order` (1-based serials): returns (LCV, aLCV, furthest).
    static func maxRatio(_ cells: [UnitCell], order: [Int]) -> (Double, Double, [Int]) {
        let m = order.count
        func diagonals(_ c: UnitCell) -> [Double] {
            let r = Double.pi / 180
            return [(c.a * c.a + c.b * c.b - 2 * c.a * c.b * cos(.pi - c.gamma * r)).squareRoot(),
                    (c.a * c.a + c.c * c.c - 2 * c.a * c.c * cos(.pi - c.beta * r)).squareRoot(),
                    (c.b * c.b + c.c * c.c - 2 * c.b * c.c * cos(.pi - c.alpha * r)).squareRoot()]
        }
        let dg = order.map { diagonals(cells[$0 - 1]) }
        var faceMax: [Double] = [], faceRatio: [Double] = [], facePair: [(Int, Int)] = []
        for f in 0..<3 {
            var absolute = [Double](repeating: 0, count: m * m)  // column-major
            for col in 0..<m { for row in 0..<m { absolute[col * m + row] = abs(dg[row][f] - dg[col][f]) } }
            let top = absolute.max()!
            let first = absolute.firstIndex(of: top)!
            let (row, col) = (first % m, first / m)
            faceMax.append(top)
            faceRatio.append((abs(dg[row][f] - dg[col][f]) / min(dg[row][f], dg[col][f])) * 100)
            facePair.append((row, col))
        }
        let f = faceMax.firstIndex(of: faceMax.max()!)!
        let (p, q) = (order[facePair[f].0], order[facePair[f].1])
        return (faceRatio[f], faceMax[f], [min(p, q), max(p, q)])
    }

    // MARK: the whole analysis

    static func analyse(_ cells: [UnitCell]) -> [Node] {
        let merges = hclustWardD(euclidean(scores(standardised(cells))))
        return nodes(merges, cells)
    }

    static func nodes(_ merges: [(Int, Int, Double)], _ cells: [UnitCell]) -> [Node] {
        var groups: [[Int]] = []
        var out: [Node] = []
        for (l, r, h) in merges {
            let g = (l < 0 ? [-l] : groups[l - 1]) + (r < 0 ? [-r] : groups[r - 1])
            groups.append(g)
            let (lcv, alcv, furthest) = maxRatio(cells, order: g)
            out.append(Node(left: l, right: r, height: h, datasets: g.sorted(), lcv: lcv, alcv: alcv, furthest: furthest))
        }
        return out
    }
}
