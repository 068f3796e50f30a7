import Foundation
import MXGeometry

/// The shape of the background over the detector for one instrument, per pixel and per unit of
/// background level: air and diffuse scatter that falls off with scattering angle, plus the
/// solvent ring at ≈3.6 Å; with the module-gap and bad pixels. Computed once per data set.
public struct BackgroundShape: Sendable {
    let unit: [Float]
    let gapPixels: [Int]
    let badPixels: [Int]

    static let solventRingD = 3.6
    static let solventRingWidth = 0.012   // Å⁻¹, σ in 1/d

    public init(plan: DataSetPlan, instrument: Instrument) {
        let panel = instrument.trueDetector[0]
        let (nf, ns) = plan.detector.imageSize
        let s0 = instrument.beam.s0
        let ring = 1 / Self.solventRingD
        let rows: [(values: [Float], gaps: [Int])] = Array(0..<ns).parallelMap { s in
            var values = [Float](repeating: 0, count: nf)
            var gaps: [Int] = []
            for f in 0..<nf {
                if plan.detector.isGap(fast: f, slow: s) {
                    gaps.append(s * nf + f)
                    continue
                }
                let lab = panel.labCoordinate(mm: panel.pixelToMillimeter(SIMD2(Double(f) + 0.5, Double(s) + 0.5)))
                let s1 = lab.normalized * s0.length
                let q = (s1 - s0).length  // 1/d
                let cos2t = s1.normalized.dot(s0.normalized)
                let diffuse = 0.55 + 0.45 * cos2t * cos2t * cos2t
                let solvent = 0.9 * exp(-0.5 * pow((q - ring) / Self.solventRingWidth, 2))
                values[f] = Float(diffuse + solvent)
            }
            return (values, gaps)
        }
        unit = rows.flatMap(\.values)
        gapPixels = rows.flatMap(\.gaps)
        // A detector's bad pixels belong to the detector: the same in every sweep.
        var rng = SimulationRandom(seed: plan.seed, stream: [0xBAD])
        var bad: [Int] = []
        for _ in 0..<(nf * ns / 200_000 + 3) {
            let p = Int(rng.next() % UInt64(nf * ns))
            if unit[p] > 0 { bad.append(p) }
        }
        badPixels = bad
    }
}

/// One sweep's background: the instrument's shape times the crystal's background level, with
/// e^{−λ} precomputed so each image's Poisson draw costs little more than its random numbers.
struct BackgroundModel: Sendable {
    let lambda: [Float]
    let expMinusLambda: [Float]
    let gapPixels: [Int]
    let badPixels: [Int]

    init(shape: BackgroundShape, level: Double) {
        let l = Float(level)
        lambda = shape.unit.map { $0 * l }
        expMinusLambda = lambda.map { exp(-$0) }
        gapPixels = shape.gapPixels
        badPixels = shape.badPixels
    }
}
