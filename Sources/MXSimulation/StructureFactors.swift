import Foundation

/// Intensities of the simulated structures: acentric Wilson statistics, I = ⟨I⟩(d)·E with E
/// exponentially distributed, ⟨I⟩(d) = I₀·exp(−B/(2d²)). E is a deterministic function of the
/// structure and of h's class under point group 3 and Friedel symmetry, so isomorphous crystals
/// share intensities and symmetry mates agree.
public enum StructureFactors {
    /// The hexagonal-axes reflection condition of the obverse rhombohedral lattice (H 3).
    @inlinable public static func isAllowedH3(_ h: SIMD3<Int32>) -> Bool {
        (-Int(h.x) + Int(h.y) + Int(h.z)) % 3 == 0
    }

    /// The smallest of h's equivalents under point group 3 and inversion (Friedel).
    public static func canonical(_ h: SIMD3<Int32>) -> SIMD3<Int32> {
        let r1 = SIMD3(h.y, -h.x - h.y, h.z)
        let r2 = SIMD3(-h.x - h.y, h.x, h.z)
        var best = h
        for c in [r1, r2, 0 &- h, 0 &- r1, 0 &- r2] where (c.x, c.y, c.z) < (best.x, best.y, best.z) { best = c }
        return best
    }

    /// The normalised intensity E (mean 1) of h in `structure`.
    public static func normalisedIntensity(_ h: SIMD3<Int32>, structure: UInt64) -> Double {
        let c = canonical(h)
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
