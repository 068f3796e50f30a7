import Foundation
import MXSymmetry

/// Intensities of the simulated structures in one space group: acentric Wilson statistics,
/// I = ⟨I⟩(d)·E with E exponentially distributed, ⟨I⟩(d) = I₀·exp(−B/(2d²)). E is a
/// deterministic function of the structure and of h's Laue class (its lexicographically
/// smallest equivalent under the point group and Friedel symmetry), so isomorphous crystals
/// share intensities and symmetry mates agree; systematically absent reflections have none.
public struct StructureFactors: Sendable {
    public let spaceGroup: SpaceGroup

    public init(spaceGroup: SpaceGroup) { self.spaceGroup = spaceGroup }

    /// Not extinct by the lattice centring, a screw axis or a glide plane.
    public func isAllowed(_ h: SIMD3<Int32>) -> Bool {
        !spaceGroup.isSystematicallyAbsent(SIMD3<Int>(truncatingIfNeeded: h))
    }

    /// The normalised intensity E (mean 1) of h in `structure`.
    public func normalisedIntensity(_ h: SIMD3<Int32>, structure: UInt64) -> Double {
        let c = spaceGroup.laueRepresentative(SIMD3<Int>(truncatingIfNeeded: h))
        var x = structure &* 0x9E37_79B9_7F4A_7C15
        for v in [c.x, c.y, c.z] {
            x ^= UInt64(bitPattern: Int64(v)) &+ 0x632B_E59B_D9B4_E019 &+ (x << 6) &+ (x >> 2)
            x = (x ^ (x >> 31)) &* 0xBF58_476D_1CE4_E5B9
        }
        x = (x ^ (x >> 29)) &* 0x94D0_49BB_1331_11EB
        x ^= x >> 32
        let u = (Double(x >> 11) + 0.5) * 0x1.0p-53
        return -log(u)
    }

    /// The Wilson mean ⟨I⟩(d) for I₀ and B.
    public static func wilsonMean(d: Double, intensityAtOrigin i0: Double, bFactor: Double) -> Double {
        i0 * exp(-bFactor / (2 * d * d))
    }
}
