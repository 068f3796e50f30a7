import Foundation

/// Widening of a resolution band that holds too few predictions.
///
/// The multi-crystal tutorial integrates 7.0–8.1 Å only to write an MTZ that carries each
/// crystal's refined cell for BLEND; the cells the clustering uses come from refinement, not
/// from the band. A small cell (say 52 × 64 × 79 Å) or a thin wedge may predict fewer than
/// ten reflections there, and the MTZ would fail for want of reflections that nobody needs
/// for their intensities. So the band grows until it holds enough.
///
/// Growth is symmetric in 1/d² about the band's centre: step k has half-width w₀·1.5ᵏ, w₀
/// the starting half-width (at least 10⁻³ Å⁻²). The low-resolution side stops at 1/d² = 0
/// (no d_max), the high-resolution side at the detector's corners (or the starting d_min if
/// that is finer). Widening stops at the first step holding the target number of
/// predictions, or when both sides have reached their limits. The steps depend only on the
/// starting band and the detector, so the result is deterministic.
enum AutomaticBand {
    static let growth = 1.5
    static let minimumHalfWidth = 1e-3

    /// The band of step `k` (k = 0 is the starting band itself) and whether both of its sides
    /// are at their limits.
    static func step(_ k: Int, from start: ResolutionBand, detectorLimit: Double) -> (band: ResolutionBand, atLimits: Bool) {
        guard k > 0 else { return (start, false) }
        let sHi0 = 1 / (start.dMin * start.dMin)
        let sLo0 = start.dMax.map { 1 / ($0 * $0) } ?? 0
        let sMax = detectorLimit.isFinite && detectorLimit > 0 ? max(sHi0, 1 / (detectorLimit * detectorLimit)) : sHi0
        let centre = (sHi0 + sLo0) / 2
        let w = max((sHi0 - sLo0) / 2, minimumHalfWidth) * pow(growth, Double(k))
        let sHi = min(centre + w, sMax), sLo = centre - w
        let band = ResolutionBand(dMin: 1 / sHi.squareRoot(), dMax: sLo > 0 ? 1 / sLo.squareRoot() : nil)
        return (band, sHi >= sMax && sLo <= 0)
    }

    /// Widens `start` step by step, predicting each band, until it holds `target`
    /// predictions or reaches the limits; returns the last band and its predictions.
    static func widen(_ start: ResolutionBand, detectorLimit: Double, target: Int,
                      predict: (ResolutionBand) -> [PredictedReflection]) -> (ResolutionBand, [PredictedReflection]) {
        var k = 1
        while true {
            let (band, atLimits) = step(k, from: start, detectorLimit: detectorLimit)
            let predicted = predict(band)
            if predicted.count >= target || atLimits { return (band, predicted) }
            k += 1
        }
    }
}
