import Foundation
import MXGeometry

/// BLEND's linear cell variation of a set of cells (function `maxRatio`, the rule since
/// v0.6.10): the face diagonals d_ab = |a + b|, d_ac, d_bc of every cell as reported (no
/// reduction); for each face the pair with the largest absolute difference (the first such pair
/// in (i, j) order, i < j); the face whose largest difference is greatest (ties to ab, then ac,
/// then bc) gives aLCV (Å), and LCV (%) is that same pair's difference relative to the smaller
/// diagonal, computed as R does: (|dᵢ − dⱼ| / min(dᵢ, dⱼ)) · 100. The input order matters only
/// for which pair is reported among equals; BLEND passes a cluster's datasets in merge order
/// (left branch, then right), and ``CellClusterAnalysis`` does the same.
///
/// Runs in O(m) for m cells: the largest difference on a face is max − min, and the first pair
/// reaching it is found from suffix extremes (rounded subtraction is monotone, so the pair list
/// scan and this give the same pair).
public struct LinearCellVariation: Sendable, Equatable {
    /// Relative variation in percent.
    public var lcv: Double
    /// Absolute variation in Å.
    public var alcv: Double
    /// The two datasets (indices into the input, smaller first) furthest apart.
    public var furthest: (Int, Int)

    public static func == (a: Self, b: Self) -> Bool {
        a.lcv == b.lcv && a.alcv == b.alcv && a.furthest == b.furthest
    }

    /// The three face diagonals |a + b|, |a + c|, |b + c| in Å.
    public static func faceDiagonals(_ c: UnitCell) -> [Double] {
        func diagonal(_ x: Double, _ y: Double, _ angle: Double) -> Double {
            (x * x + y * y + 2 * x * y * cos(angle * .pi / 180)).squareRoot()
        }
        return [diagonal(c.a, c.b, c.gamma), diagonal(c.a, c.c, c.beta), diagonal(c.b, c.c, c.alpha)]
    }

    public init(cells: [UnitCell]) {
        self.init(diagonals: cells.map(Self.faceDiagonals))
    }

    /// From precomputed face diagonals (one `[d_ab, d_ac, d_bc]` per cell).
    public init(diagonals: [[Double]]) {
        var best: (face: Int, i: Int, j: Int, difference: Double)?
        for face in 0..<3 {
            guard let pair = Self.firstWidestPair(diagonals.map { $0[face] }) else { continue }
            if best == nil || pair.difference > best!.difference { best = (face, pair.i, pair.j, pair.difference) }
        }
        guard let best else {
            (lcv, alcv, furthest) = (0, 0, (0, 0))
            return
        }
        let (di, dj) = (diagonals[best.i][best.face], diagonals[best.j][best.face])
        alcv = best.difference
        lcv = (best.difference / min(di, dj)) * 100
        furthest = (best.i, best.j)
    }

    /// The first pair (i < j, lexicographic) whose |vᵢ − vⱼ| is the largest — the pair R's
    /// column-major `which(m == max(m))[1]` finds in the symmetric difference matrix; (0, 0) when
    /// all values are equal; nil for fewer than two values.
    static func firstWidestPair(_ v: [Double]) -> (i: Int, j: Int, difference: Double)? {
        let m = v.count
        guard m > 1, let lo = v.min(), let hi = v.max() else { return nil }
        let widest = hi - lo
        // All equal: R's scan of the full matrix meets the diagonal first, so the "pair" is the
        // first cell with itself.
        if widest == 0 { return (0, 0, 0) }
        // Suffix extremes: the largest |vᵢ − vⱼ| over j > i is at the suffix max or min.
        var suffixMax = v, suffixMin = v
        for k in stride(from: m - 2, through: 0, by: -1) {
            suffixMax[k] = Swift.max(v[k], suffixMax[k + 1])
            suffixMin[k] = Swift.min(v[k], suffixMin[k + 1])
        }
        for i in 0..<(m - 1) where abs(v[i] - suffixMax[i + 1]) == widest || abs(v[i] - suffixMin[i + 1]) == widest {
            for j in (i + 1)..<m where abs(v[i] - v[j]) == widest { return (i, j, widest) }
        }
        return nil
    }
}
