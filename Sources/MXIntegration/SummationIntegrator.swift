import Foundation
import MXGeometry
import MXReflections

/// What summation integration measures for one reflection.
struct SummationResult: Sendable {
    var intensity = 0.0
    var variance = 0.0
    var backgroundMean = 0.0
    var backgroundSum = 0.0
    var backgroundSumVariance = 0.0
    /// xyzobs.px value and variance from the background-subtracted foreground; nil when the
    /// foreground holds no positive signal.
    var centroid: (value: Vec3, variance: Vec3)?
    var numValid: Int32 = 0
    var numBackground: Int32 = 0
    var numBackgroundUsed: Int32 = 0
    var numForeground: Int32 = 0
    var flags: ReflectionFlags = []
}

/// Background, summation and centroid of one masked shoebox, as DIALS's summation integrator
/// does them.
struct SummationIntegrator: Sendable {
    let huberConstant: Double
    let maxIterations: Int
    let minPixels: Int

    func integrate(_ box: inout Shoebox, trust: PixelTrust) -> SummationResult {
        var result = SummationResult()
        let n = box.data.count

        // Shoebox condition flags.
        for p in 0..<n {
            let m = box.mask[p], v = box.data[p]
            if trust.isOverloaded(v) { result.flags.insert(.overloaded) }
            if m.has(.foreground) && !m.has(.valid) { result.flags.insert(.foregroundIncludesBadPixels) }
            if m.has(.background) && !m.has(.valid) { result.flags.insert(.backgroundIncludesBadPixels) }
        }

        // Background: valid, background, not given to a neighbour's foreground.
        var y: [Double] = []
        y.reserveCapacity(n)
        for p in 0..<n {
            let m = box.mask[p]
            if m.has(.validBackground) && !m.has(.overlapped) { y.append(Double(box.data[p])) }
        }
        guard y.count >= minPixels,
              let fit = RobustPoissonMean(y, tuning: huberConstant, maxIterations: maxIterations) else {
            result.flags.insert(.failedDuringBackgroundModelling)
            count(box, into: &result)
            return result
        }
        let b = fit.mean
        for p in 0..<n {
            let m = box.mask[p]
            if m.has(.validBackground) && !m.has(.overlapped) { box.mask[p].insert(.backgroundUsed) }
        }
        result.backgroundMean = b
        count(box, into: &result)

        // Summation: every foreground pixel must be usable, else the reflection fails.
        var success = true
        var signal = 0.0, background = 0.0
        var nSignal = 0, nBackground = 0
        for p in 0..<n {
            let m = box.mask[p]
            if m.has(.foreground) {
                if m.has(.valid) && !m.has(.overlapped) {
                    signal += Double(box.data[p])
                    background += b
                    nSignal += 1
                } else {
                    success = false
                }
            } else if m.has(.validBackgroundUsed) {
                nBackground += 1
            }
        }
        let ratio = nBackground > 0 ? Double(nSignal) / Double(nBackground) : 0
        result.intensity = signal - background
        result.backgroundSum = background
        result.backgroundSumVariance = abs(background) * (1 + ratio)
        result.variance = abs(result.intensity) + result.backgroundSumVariance
        if success && nSignal > 0 { result.flags.insert(.integratedSum) }
        result.centroid = centroid(box, background: b)
        return result
    }

    /// DIALS's num_pixels.* counts.
    private func count(_ box: Shoebox, into r: inout SummationResult) {
        for m in box.mask {
            if m.has(.valid) { r.numValid += 1 }
            if m.has(.validBackground) { r.numBackground += 1 }
            if m.has(.validBackgroundUsed) { r.numBackgroundUsed += 1 }
            if m.has(.validForeground) { r.numForeground += 1 }
        }
    }

    /// Centre of mass of the background-subtracted foreground (pixels with c − b ≥ 0, at their
    /// centres, +0.5), with the spot finder's variance: σ² = Σw(x − μ)²·W/(W² − Σw²) and
    /// error² = σ²/W + 1/12 per axis.
    func centroid(_ box: Shoebox, background b: Double) -> (value: Vec3, variance: Vec3)? {
        var w = 0.0, w2 = 0.0, sum = Vec3.zero
        var points: [(Vec3, Double)] = []
        for k in 0..<box.nz {
            for j in 0..<box.ny {
                for i in 0..<box.nx {
                    let p = box.index(x: i, y: j, z: k)
                    guard box.mask[p].has(.validForeground) else { continue }
                    let v = Double(box.data[p]) - b
                    guard v >= 0 else { continue }
                    let c = Vec3(Double(Int(box.bbox.x0) + i) + 0.5, Double(Int(box.bbox.y0) + j) + 0.5,
                                 Double(Int(box.bbox.z0) + k) + 0.5)
                    w += v
                    w2 += v * v
                    sum += c * v
                    points.append((c, v))
                }
            }
        }
        guard w > 0 else { return nil }
        let mean = sum / w
        var spread = Vec3.zero
        for (c, v) in points { spread += (c - mean) * (c - mean) * v }
        let denominator = w * w - w2
        let variance = denominator > 0 ? spread * (w / denominator) : .zero
        return (mean, variance / w + Vec3(repeating: 1.0 / 12))
    }
}
