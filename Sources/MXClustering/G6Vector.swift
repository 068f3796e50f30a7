import Foundation
import MXGeometry

/// A lattice as Andrews & Bernstein's G6 vector (g1 … g6) = (a², b², c², 2bc·cosα, 2ac·cosβ,
/// 2ab·cosγ), in Å² — the six independent entries of the metric tensor, linear in it, so any
/// change of basis acts on G6 linearly.
public struct G6Vector: Sendable, Equatable, CustomStringConvertible {
    public var components: [Double]

    public init(_ g1: Double, _ g2: Double, _ g3: Double, _ g4: Double, _ g5: Double, _ g6: Double) {
        components = [g1, g2, g3, g4, g5, g6]
    }

    public init(cell c: UnitCell) {
        let rad = Double.pi / 180
        self.init(c.a * c.a, c.b * c.b, c.c * c.c,
                  2 * c.b * c.c * cos(c.alpha * rad), 2 * c.a * c.c * cos(c.beta * rad), 2 * c.a * c.b * cos(c.gamma * rad))
    }

    /// The cell with this metric.
    public var cell: UnitCell {
        let g = components
        let (a, b, c) = (g[0].squareRoot(), g[1].squareRoot(), g[2].squareRoot())
        let deg = 180 / Double.pi
        return UnitCell(a, b, c, acos(g[3] / (2 * b * c)) * deg, acos(g[4] / (2 * a * c)) * deg, acos(g[5] / (2 * a * b)) * deg)
    }

    /// Euclidean distance in R⁶ (Å²).
    public func distance(to other: G6Vector) -> Double {
        var s = 0.0
        for k in 0..<6 { s += (components[k] - other.components[k]) * (components[k] - other.components[k]) }
        return s.squareRoot()
    }

    public var description: String {
        "G6(" + components.map { String(format: "%.3f", $0) }.joined(separator: ", ") + ")"
    }
}
