import Foundation
import MXGeometry

/// DIALS's "gaussian_rs" profile model: a reflection is a Gaussian of standard deviation σ_b
/// (beam divergence) across the diffracted beam and σ_m (mosaicity) along the rocking curve,
/// cut off at n_σ standard deviations. Angles are radians here and degrees in `.expt` files.
public struct GaussianRSProfile: Sendable, Equatable {
    public var sigmaB: Double
    public var sigmaM: Double
    public var nSigma: Double

    public init(sigmaB: Double, sigmaM: Double, nSigma: Double = 3) {
        self.sigmaB = sigmaB
        self.sigmaM = sigmaM
        self.nSigma = nSigma
    }

    public init(sigmaBDegrees: Double, sigmaMDegrees: Double, nSigma: Double = 3) {
        self.init(sigmaB: sigmaBDegrees * .pi / 180, sigmaM: sigmaMDegrees * .pi / 180, nSigma: nSigma)
    }

    public var sigmaBDegrees: Double { sigmaB * 180 / .pi }
    public var sigmaMDegrees: Double { sigmaM * 180 / .pi }

    /// Half-widths of the foreground: Δb = n_σ·σ_b, Δm = n_σ·σ_m.
    var deltaB: Double { nSigma * sigmaB }
    var deltaM: Double { nSigma * sigmaM }

    /// The `.expt` profile entry DIALS writes after integration.
    public var json: JSONValue {
        .object([("__id__", .string("gaussian_rs")), ("n_sigma", .number(nSigma)),
                 ("sigma_b", .number(sigmaBDegrees)), ("sigma_m", .number(sigmaMDegrees))])
    }

    /// The fraction of a reflection's rocking curve between rotation angles φa and φb
    /// (radians), for a reflection centred at φc with factor ζ:
    /// ½[erf(c(φb − φc)) − erf(c(φa − φc))] with c = |ζ|/(√2 σ_m).
    public func recordedFraction(from phiA: Double, to phiB: Double, centre phiC: Double, zeta: Double) -> Double {
        let c = abs(zeta) / (2.0.squareRoot() * sigmaM)
        return 0.5 * (erf(c * (phiB - phiC)) - erf(c * (phiA - phiC)))
    }
}
