import Foundation
import MXGeometry

/// BLEND's linear cell variation of a set of cells (function `maxRatio`, the rule since
/// v0.6.10): the face diagonals d_ab = |a + b|, d_ac, d_bc of every cell as reported (no
/// reduction); for each face the pair with the largest absolute difference; the face whose
/// largest difference is greatest (ties to ab, then ac, then bc) gives aLCV (Å), and LCV (%) is
/// that same pair's difference relative to the smaller diagonal.
public struct LinearCellVariation: Sendable, Equatable {
    /// Relative variation in percent.
    public var lcv: Double
    /// Absolute variation in Å.
    public var alcv: Double
    /// The two datasets (indices into the input) furthest apart.
    public var furthest: (Int, Int)

    public static func == (a: Self, b: Self) -> Bool {
        a.lcv == b.lcv && a.alcv == b.alcv && a.furthest == b.furthest
    }

    public static func faceDiagonals(_ c: UnitCell) -> [Double] {
        func diagonal(_ x: Double, _ y: Double, _ angle: Double) -> Double {
            (x * x + y * y + 2 * x * y * cos(angle * .pi / 180)).squareRoot()
        }
        return [diagonal(c.a, c.b, c.gamma), diagonal(c.a, c.c, c.beta), diagonal(c.b, c.c, c.alpha)]
    }

    public init(cells: [UnitCell]) {
        let diagonals = cells.map(Self.faceDiagonals)
        var best = (face: 0, i: 0, j: 0, difference: -1.0)
        for face in 0..<3 {
            for i in cells.indices {
                for j in cells.indices where j > i {
                    let d = abs(diagonals[i][face] - diagonals[j][face])
                    if d > best.difference { best = (face, i, j, d) }
                }
            }
        }
        guard best.difference >= 0 else {
            (lcv, alcv, furthest) = (0, 0, (0, 0))
            return
        }
        let (di, dj) = (diagonals[best.i][best.face], diagonals[best.j][best.face])
        alcv = best.difference
        lcv = 100 * best.difference / min(di, dj)
        furthest = (best.i, best.j)
    }
}
