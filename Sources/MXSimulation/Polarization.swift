import MXGeometry

/// The polarisation factor DIALS corrects for (`corrections.h`), for a synchrotron beam
/// polarised in the horizontal plane: fraction 0.999, plane normal (0, 1, 0).
enum Polarization {
    static let fraction = 0.999
    static let normal = Vec3(0, 1, 0)

    static func factor(s1: Vec3, s0: Vec3) -> Double {
        let u1 = s1.normalized, u0 = s0.normalized
        let pn = normal.dot(u1), c = u1.dot(u0)
        return (1 - 2 * fraction) * (1 - pn * pn) + fraction * (1 + c * c)
    }
}
