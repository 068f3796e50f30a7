import Foundation
import MXGeometry

/// The reflection-local coordinate system of Kabsch (2010) that DIALS's gaussian_rs profile
/// model lives in: e1 ⊥ the plane of s1 and s0, e2 ⊥ s1 in that plane, e3 along s1 + s0.
/// Divergence is measured along e1/e2 and the rocking curve along e3, where a rotation by Δφ
/// moves the reflection by ζ·Δφ; ζ = m2·e1 is what makes reflections near the axis slow.
struct KabschFrame: Sendable {
    let s1: Vec3
    let phi: Double
    let e1: Vec3, e2: Vec3, e3: Vec3
    let zeta: Double

    /// - Parameters:
    ///   - m2: the unit rotation axis in the lab frame.
    ///   - phi: the rotation angle (radians) at which the reflection is in diffracting position.
    init(m2: Vec3, s0: Vec3, s1: Vec3, phi: Double) {
        self.s1 = s1
        self.phi = phi
        e1 = s1.cross(s0).normalized
        e2 = s1.cross(e1).normalized
        e3 = (s1 + s0).normalized
        zeta = m2.dot(e1)
    }

    /// ζ alone, for code that needs nothing else of the frame.
    static func zeta(m2: Vec3, s0: Vec3, s1: Vec3) -> Double {
        m2.dot(s1.cross(s0).normalized)
    }

    /// Angular (e1, e2) coordinates of a beam vector s′ of the same length as s1.
    func coordinates(ofBeamVector sDash: Vec3) -> SIMD2<Double> {
        let d = sDash - s1
        let l = s1.length
        return SIMD2(e1.dot(d) / l, e2.dot(d) / l)
    }

    /// The beam vector (length |s1|) at angular coordinates (c1, c2): the point of the Ewald
    /// sphere reached by moving c1·|s1| along e1 and c2·|s1| along e2, then back onto the
    /// sphere along s1.
    func beamVector(_ c: SIMD2<Double>) -> Vec3 {
        let r = s1.length
        let u = s1 / r
        let p = e1 * (c.x * r) + e2 * (c.y * r)
        let b = max(0, r * r - p.dot(p))
        return p + u * (-u.dot(p) + b.squareRoot())
    }

    /// The rotation angle at e3 coordinate c3 (the first-order form DIALS uses for boxes):
    /// φ + c3/ζ.
    func rotationAngle(e3Coordinate c3: Double) -> Double { c3 / zeta + phi }

    /// The e3 coordinate of rotation angle φ′: ζ·(φ′ − φ).
    func e3Coordinate(rotationAngle phiDash: Double) -> Double { zeta * (phiDash - phi) }
}
