import Foundation

/// One crystal's physical scale model without absorption: g(φ, d) = C(φ)·exp(B(φ)/(2d²)), C and
/// B Gaussian-smoothed over rotation (``GaussianSmoother``). C is dimensionless, B in Å².
struct SmoothCrystalModel: Sendable {
    let scale: GaussianSmoother
    let decay: GaussianSmoother
    /// φ (degrees) at normalised coordinate 0, and degrees per parameter spacing for C and B.
    let origin: Double
    let scaleSpacing: Double
    let decaySpacing: Double
    /// Index of the first C and the first B parameter in the global parameter vector.
    let scaleOffset: Int
    let decayOffset: Int

    /// A model for observations at rotations `phis` (degrees) of a sweep of `width` degrees.
    init(phis: [Double], width: Double, options: ScalingOptions, offset: Int) {
        let lo = phis.min() ?? 0, hi = phis.max() ?? 0
        let w = max(width, hi - lo, 1e-6)
        let s = GaussianSmoother.layout(width: w, interval: options.scaleInterval)
        let d = GaussianSmoother.layout(width: w, interval: options.decayInterval)
        origin = lo
        // DIALS normalises with 0.999·(image width)/(spacing) so values stay inside the range.
        scaleSpacing = s.spacing / 0.999
        decaySpacing = d.spacing / 0.999
        let upper = { (spacing: Double) in max(((hi - lo) / spacing * 1e10).rounded() / 1e10, 1).rounded(.up) }
        scale = GaussianSmoother(parameterCount: s.count, upper: upper(scaleSpacing))
        decay = GaussianSmoother(parameterCount: d.count, upper: upper(decaySpacing))
        scaleOffset = offset
        decayOffset = offset + s.count
    }

    var parameterCount: Int { scale.count + decay.count }

    /// The smoother weights of an observation at `phi` for C and for B.
    func weights(phi: Double) -> (scale: (Int, [Double]), decay: (Int, [Double])) {
        (scale.weights(at: (phi - origin) / scaleSpacing), decay.weights(at: (phi - origin) / decaySpacing))
    }
}

/// An observation's place in the model: its smoother weights and 1/(2d²) (Å⁻²).
struct ModelRow: Sendable {
    var scaleFirst: Int
    var scaleWeights: [Double]
    var decayFirst: Int
    var decayWeights: [Double]
    var halfInverseD2: Double

    /// C, B and g = C·exp(B/(2d²)) for the global parameters `p`.
    func evaluate(_ p: [Double]) -> (c: Double, b: Double, g: Double) {
        var c = 0.0, b = 0.0
        for (k, w) in scaleWeights.enumerated() { c += w * p[scaleFirst + k] }
        for (k, w) in decayWeights.enumerated() { b += w * p[decayFirst + k] }
        return (c, b, c * exp(b * halfInverseD2))
    }
}
