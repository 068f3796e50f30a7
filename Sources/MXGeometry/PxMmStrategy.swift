import Foundation

/// How a panel converts between pixel and millimetre coordinates.
///
/// Pilatus sensors absorb an oblique ray over some depth, so the spot centroid is displaced
/// outwards from where the ray meets the front surface; dxtbx corrects for that "parallax" with
/// the mean absorption depth of a ray at that angle of incidence.
public enum PxMmStrategy: Equatable, Sendable {
    /// x_mm = x_px · pixel size.
    case simple
    /// Simple scaling plus the parallax correction for sensor thickness t₀ (mm) and linear
    /// attenuation coefficient μ (mm⁻¹).
    case parallaxCorrected(mu: Double, thickness: Double)

    /// The dxtbx class name stored in `.expt` files.
    public var dxtbxName: String {
        switch self {
        case .simple: return "SimplePxMmStrategy"
        case .parallaxCorrected: return "ParallaxCorrectedPxMmStrategy"
        }
    }
}

extension Panel {
    /// The mean depth below the front surface at which a ray with direction `s` is absorbed,
    /// measured along the ray: L = 1/μ − (t₀/cosθ + 1/μ)·exp(−μ t₀/cosθ).
    static func attenuationLength(mu: Double, thickness t0: Double, normal: Vec3, ray s: Vec3) -> Double {
        let cosTheta = abs(s.normalized.dot(normal))
        let o = 1 / mu
        return o - (t0 / cosTheta + o) * exp(-mu * t0 / cosTheta)
    }

    /// Pixel (fast, slow) → millimetre coordinates on the panel plane.
    public func pixelToMillimeter(_ px: SIMD2<Double>) -> SIMD2<Double> {
        let raw = px * SIMD2(pixelSize.fast, pixelSize.slow)
        guard case let .parallaxCorrected(mu, t0) = pxMmStrategy, mu > 0, t0 > 0 else { return raw }
        let s = (origin + fastAxis * raw.x + slowAxis * raw.y).normalized
        let l = Self.attenuationLength(mu: mu, thickness: t0, normal: outwardNormal, ray: s)
        return raw - SIMD2(s.dot(fastAxis), s.dot(slowAxis)) * l
    }

    /// Millimetre → pixel (fast, slow) coordinates; the inverse correction is evaluated at the
    /// given millimetre point, as dxtbx does.
    public func millimeterToPixel(_ mm: SIMD2<Double>) -> SIMD2<Double> {
        var raw = mm
        if case let .parallaxCorrected(mu, t0) = pxMmStrategy, mu > 0, t0 > 0 {
            let s = (origin + fastAxis * mm.x + slowAxis * mm.y).normalized
            let l = Self.attenuationLength(mu: mu, thickness: t0, normal: outwardNormal, ray: s)
            raw += SIMD2(s.dot(fastAxis), s.dot(slowAxis)) * l
        }
        return raw / SIMD2(pixelSize.fast, pixelSize.slow)
    }
}
