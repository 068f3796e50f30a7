import Foundation

/// The rotation angles at which a reciprocal-lattice point crosses the Ewald sphere
/// (DIALS `rotation_angles.h`). With p₀ = F·A·h in the goniometer datum frame, s0′ = S⁻¹s0 and
/// m2 the unit rotation axis, take m1 = unit(m2 × s0′), m3 = m1 × m2. Rotation about m2 keeps
/// p·m2 and the Ewald condition |s0′ + p|² = |s0′|² fixes p·m3; p·m1 = ±√(ρ² − (p·m3)²) gives the
/// two crossings.
public struct RotationAngles: Sendable {
    public let s0Datum: Vec3
    public let m1: Vec3, m2: Vec3, m3: Vec3

    /// - Parameters:
    ///   - s0: incident wave vector in the lab frame (Å⁻¹).
    ///   - goniometer: gives the datum axis and the setting rotation S.
    public init(s0: Vec3, goniometer: Goniometer) {
        s0Datum = goniometer.settingRotation.inverse * s0
        m2 = goniometer.rotationAxisDatum.normalized
        m1 = m2.cross(s0Datum).normalized
        m3 = m1.cross(m2).normalized
    }

    /// Both crossing angles in radians, in [0, 2π), or nil when the point never touches the
    /// Ewald sphere (too far out, or in the blind region around the axis).
    @inlinable public func angles(_ p0: Vec3) -> (Double, Double)? {
        let p0sq = p0.dot(p0)
        let s0sq = s0Datum.dot(s0Datum)
        guard p0sq <= 4 * s0sq, p0sq > 0 else { return nil }
        let p0m1 = p0.dot(m1), p0m2 = p0.dot(m2), p0m3 = p0.dot(m3)
        let s0m2 = s0Datum.dot(m2), s0m3 = s0Datum.dot(m3)
        let pm3 = (-p0sq / 2 - p0m2 * s0m2) / s0m3
        let rhoSq = p0sq - p0m2 * p0m2
        let pm1Sq = rhoSq - pm3 * pm3
        guard pm1Sq >= 0, rhoSq > 0 else { return nil }
        let pm1 = pm1Sq.squareRoot()
        func angle(_ sign: Double) -> Double {
            let c = sign * pm1 * p0m1 + pm3 * p0m3
            let s = sign * pm1 * p0m3 - pm3 * p0m1
            let phi = atan2(s, c)
            return phi < 0 ? phi + 2 * .pi : phi
        }
        return (angle(1), angle(-1))
    }
}
