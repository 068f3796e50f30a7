import Foundation
import MXGeometry

/// A lattice basis (real-space vectors a, b, c in Å) and the geometry of integer directions in
/// it: lattice vectors from integer coordinates, reciprocal vectors from Miller indices, and the
/// Le Page angle δ between a two-fold's direct and reciprocal axes.
public struct LatticeBasis: Sendable {
    public let a: Vec3, b: Vec3, c: Vec3
    let aStar: Vec3, bStar: Vec3, cStar: Vec3

    public init(a: Vec3, b: Vec3, c: Vec3) {
        self.a = a
        self.b = b
        self.c = c
        let volume = a.dot(b.cross(c))
        aStar = b.cross(c) * (1 / volume)
        bStar = c.cross(a) * (1 / volume)
        cStar = a.cross(b) * (1 / volume)
    }

    /// The lattice vector u₁a + u₂b + u₃c.
    public func vector(_ u: SIMD3<Int>) -> Vec3 { a * Double(u.x) + b * Double(u.y) + c * Double(u.z) }

    /// The reciprocal-lattice vector h₁a* + h₂b* + h₃c*.
    public func reciprocal(_ h: SIMD3<Int>) -> Vec3 {
        aStar * Double(h.x) + bStar * Double(h.y) + cStar * Double(h.z)
    }

    /// The basis whose vectors are the rows of P in this one.
    public func transformed(_ p: IntMatrix3) -> LatticeBasis {
        LatticeBasis(a: vector(p.row(0)), b: vector(p.row(1)), c: vector(p.row(2)))
    }

    public var unitCell: UnitCell { UnitCell(vectors: a, b, c) }

    /// Le Page's δ (degrees) of the proper two-fold R acting on lattice coordinates: the angle
    /// between its direct axis t (R·u = u) and reciprocal axis τ (Rᵀ·h = h); 0 for an exact
    /// two-fold of this metric.
    public func lePageDelta(_ r: IntMatrix3) -> Double {
        let u = r.axis, h = r.transpose.axis
        let t = vector(u), tau = reciprocal(h)
        let dot = Double(abs(u.x * h.x + u.y * h.y + u.z * h.z))
        return atan2(t.cross(tau).length, dot) * 180 / .pi
    }
}

extension IntMatrix3 {
    public func row(_ i: Int) -> SIMD3<Int> { SIMD3(e[3 * i], e[3 * i + 1], e[3 * i + 2]) }

    public init(rows r0: SIMD3<Int>, _ r1: SIMD3<Int>, _ r2: SIMD3<Int>) {
        self.init([r0.x, r0.y, r0.z, r1.x, r1.y, r1.z, r2.x, r2.y, r2.z])
    }

    /// The primitive integer vector along the axis of a rotation (R·u = u), its first non-zero
    /// component positive; zero for the identity.
    public var axis: SIMD3<Int> {
        let rows = (0..<3).map { i in SIMD3(self[i, 0] - (i == 0 ? 1 : 0), self[i, 1] - (i == 1 ? 1 : 0), self[i, 2] - (i == 2 ? 1 : 0)) }
        for (i, j) in [(0, 1), (0, 2), (1, 2)] {
            let u = rows[i].crossInt(rows[j])
            if u != .zero { return u.primitive }
        }
        return .zero
    }
}

extension SIMD3 where Scalar == Int {
    func crossInt(_ o: SIMD3<Int>) -> SIMD3<Int> {
        SIMD3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x)
    }

    /// Divided by the gcd of its components, first non-zero component positive.
    var primitive: SIMD3<Int> {
        let g = gcd(gcd(x, y), z)
        guard g != 0 else { return self }
        var v = SIMD3(x / g, y / g, z / g)
        if v.x < 0 || (v.x == 0 && (v.y < 0 || (v.y == 0 && v.z < 0))) { v = 0 &- v }
        return v
    }
}
