import Foundation
import MXGeometry
import MXImages

/// The geometric and detector corrections DIALS writes beside the intensities; scaling
/// multiplies intensities by `lp` and divides by `qe`.
enum Corrections {
    /// Lorentz × polarisation (DIALS `lp_correction`): L = |s1·(m2 × s0)|/(|s0||s1|) is the
    /// rate at which the rotation carries the reflection through the sphere, and
    /// P = (1 − 2f)(1 − (n̂·ŝ1)²) + f(1 + (ŝ1·ŝ0)²) the polarisation factor for a beam with
    /// polarised fraction f in the plane with normal n̂. Returns L/P.
    static func lp(s0: Vec3, s1: Vec3, axis m2: Vec3, polarizationNormal pn: Vec3, polarizationFraction pf: Double) -> Double {
        let l = abs(s1.dot(m2.cross(s0))) / (s0.length * s1.length)
        let p1 = pn.dot(s1) / s1.length
        let p3 = s1.dot(s0) / (s1.length * s0.length)
        let p = (1 - 2 * pf) * (1 - p1 * p1) + pf * (1 + p3 * p3)
        return l / p
    }

    /// Detector quantum efficiency (DIALS `qe_correction`): the fraction of photons a sensor
    /// of thickness t₀ (mm) and attenuation μ (mm⁻¹) absorbs along the oblique path t₀/cosθ,
    /// 1 − exp(−μ t₀/|cos∠(n, s1)|).
    static func qe(mu: Double, thickness t0: Double, normal n: Vec3, s1: Vec3) -> Double {
        let cosAngle = abs(n.dot(s1) / (n.length * s1.length))
        return 1 - exp(-mu * t0 / cosAngle)
    }

    /// The attenuation coefficient to use for a panel: its own μ, or silicon's at the
    /// wavelength when the panel names silicon but carries no μ. nil when the panel has no
    /// sensor description — DIALS would then write qe = 0, we write 1 (no correction).
    static func sensorMu(panel: Panel, wavelength: Double) -> Double? {
        guard panel.thickness > 0 else { return nil }
        if panel.mu > 0 { return panel.mu }
        if panel.material.lowercased() == "si", let mu = try? SiliconSensor.mu(wavelength: wavelength) { return mu }
        return nil
    }
}
