import Foundation

/// Unit cell parameters: lengths in Å and angles in degrees, with cctbx's orthogonalisation
/// convention (a along x, b in the xy plane).
public struct UnitCell: Equatable, Sendable, CustomStringConvertible {
    public var a, b, c: Double
    public var alpha, beta, gamma: Double

    public init(_ a: Double, _ b: Double, _ c: Double, _ alpha: Double, _ beta: Double, _ gamma: Double) {
        (self.a, self.b, self.c, self.alpha, self.beta, self.gamma) = (a, b, c, alpha, beta, gamma)
    }

    /// From six parameters (a, b, c, α, β, γ).
    public init(parameters p: [Double]) {
        precondition(p.count == 6, "a unit cell has six parameters")
        self.init(p[0], p[1], p[2], p[3], p[4], p[5])
    }

    /// From the direct metrical matrix G = [a·a a·b a·c; …] (Å²).
    public init(metricalMatrix g: Mat3) {
        let a = g[0, 0].squareRoot(), b = g[1, 1].squareRoot(), c = g[2, 2].squareRoot()
        func angle(_ x: Double) -> Double { acos(max(-1, min(1, x))) * 180 / .pi }
        self.init(a, b, c, angle(g[1, 2] / (b * c)), angle(g[0, 2] / (a * c)), angle(g[0, 1] / (a * b)))
    }

    /// From three real-space basis vectors in any Cartesian frame.
    public init(vectors a: Vec3, _ b: Vec3, _ c: Vec3) {
        self.init(metricalMatrix: Mat3(rows: a, b, c) * Mat3(columns: a, b, c))
    }

    public var parameters: [Double] { [a, b, c, alpha, beta, gamma] }

    private var cosines: (Double, Double, Double) {
        (cos(alpha * .pi / 180), cos(beta * .pi / 180), cos(gamma * .pi / 180))
    }

    /// Cell volume in Å³.
    public var volume: Double {
        let (ca, cb, cg) = cosines
        return a * b * c * (1 - ca * ca - cb * cb - cg * cg + 2 * ca * cb * cg).squareRoot()
    }

    /// Direct metrical matrix G (Å²).
    public var metricalMatrix: Mat3 {
        let (ca, cb, cg) = cosines
        return Mat3((a * a, a * b * cg, a * c * cb,
                     a * b * cg, b * b, b * c * ca,
                     a * c * cb, b * c * ca, c * c))
    }

    /// cctbx orthogonalisation matrix O: fractional → Cartesian (Å), upper triangular.
    public var orthogonalization: Mat3 {
        let (ca, cb, cg) = cosines
        let sg = sin(gamma * .pi / 180)
        return Mat3((a, b * cg, c * cb,
                     0, b * sg, c * (ca - cb * cg) / sg,
                     0, 0, volume / (a * b * sg)))
    }

    /// cctbx fractionalisation matrix O⁻¹.
    public var fractionalization: Mat3 { orthogonalization.inverse }

    /// The reciprocal cell (a*, b*, c* in Å⁻¹, angles in degrees).
    public var reciprocal: UnitCell { UnitCell(metricalMatrix: metricalMatrix.inverse) }

    /// d spacing (Å) of reflection h.
    public func dSpacing(_ h: SIMD3<Double>) -> Double {
        let gStar = metricalMatrix.inverse
        return 1 / h.dot(gStar * h).squareRoot()
    }

    /// Largest relative difference of the lengths and absolute difference of the angles.
    public func isSimilar(to other: UnitCell, relativeLength: Double, angle: Double) -> Bool {
        zip([a, b, c], [other.a, other.b, other.c]).allSatisfy { abs($0 - $1) <= relativeLength * $1 }
            && zip([alpha, beta, gamma], [other.alpha, other.beta, other.gamma]).allSatisfy { abs($0 - $1) <= angle }
    }

    public var description: String {
        parameters.map { String(format: "%.4f", $0) }.joined(separator: " ")
    }
}
