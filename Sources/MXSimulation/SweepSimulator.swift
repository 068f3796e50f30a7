import Foundation
import MXGeometry
import MXSymmetry

/// Renders one sweep: predicts every reflection of the crystal over the scan with the same
/// predictor refinement uses, gives each a rotation profile (mosaic spread) split across images
/// by integrating over each image's angular range, a footprint on the detector (beam divergence)
/// and a random centroid error, and draws images as Poisson samples of background + spots.
public struct SweepSimulator: Sendable {
    public let plan: DataSetPlan
    public let sweep: SweepPlan
    public let instrument: Instrument
    public let scan: Scan
    public let reflections: [SimulatedReflection]
    /// For each image (array index from 0), the reflections on it and their fractions.
    public let imageContents: [[(reflection: Int, fraction: Double)]]
    let background: BackgroundModel

    /// - Parameter backgroundShape: the instrument's background shape, shared by every sweep
    ///   of a data set; computed here when not given.
    public init(plan: DataSetPlan, sweep: SweepPlan, instrument: Instrument, backgroundShape: BackgroundShape? = nil) {
        self.plan = plan
        self.sweep = sweep
        self.instrument = instrument
        let scan = instrument.scan(for: sweep, exposureTime: plan.exposureTime)
        self.scan = scan
        let reflections = Self.predictReflections(plan: plan, sweep: sweep, instrument: instrument, scan: scan)
        self.reflections = reflections
        var contents = [[(reflection: Int, fraction: Double)]](repeating: [], count: sweep.numImages)
        let width = sweep.oscillation * .pi / 180
        for (i, r) in reflections.enumerated() {
            let phiC = r.phi + (r.centreZ - r.idealZ) * width
            let startAngle = scan.oscillation.start * .pi / 180
            let firstImage = max(0, Int(((phiC - 7 * r.sigmaPhi - startAngle) / width).rounded(.down)))
            let lastImage = min(sweep.numImages - 1, Int(((phiC + 7 * r.sigmaPhi - startAngle) / width).rounded(.down)))
            guard firstImage <= lastImage else { continue }
            for j in firstImage...lastImage {
                let a = startAngle + Double(j) * width, b = a + width
                let f = Self.profileFraction(from: a, to: b, centre: phiC, sigma: r.sigmaPhi)
                if f > 1e-9 { contents[j].append((i, f)) }
            }
        }
        imageContents = contents
        background = BackgroundModel(shape: backgroundShape ?? BackgroundShape(plan: plan, instrument: instrument),
                                     level: sweep.crystal.background)
    }

    /// Fraction of a Gaussian rotation profile N(centre, σ²) that falls in [a, b].
    public static func profileFraction(from a: Double, to b: Double, centre: Double, sigma: Double) -> Double {
        0.5 * (erf((b - centre) / (2.0.squareRoot() * sigma)) - erf((a - centre) / (2.0.squareRoot() * sigma)))
    }

    static func predictReflections(plan: DataSetPlan, sweep: SweepPlan, instrument: Instrument, scan: Scan) -> [SimulatedReflection] {
        let crystal = sweep.crystal
        let A = crystal.A
        let predictor = RotationPredictor(beam: instrument.beam, detector: instrument.trueDetector,
                                          goniometer: instrument.goniometer, scan: scan, A: A)
        let s0 = instrument.beam.s0
        let axis = instrument.goniometer.rotationAxis
        let cell = crystal.cell
        // |h| ≤ a/d_min for any cell, since h = a·s and |s| ≤ 1/d_min.
        let hMax = Int32(cell.a / plan.dMin) + 1, kMax = Int32(cell.b / plan.dMin) + 1, lMax = Int32(cell.c / plan.dMin) + 1
        let structureFactors = StructureFactors(spaceGroup: plan.spaceGroup)
        let sigmaM = crystal.mosaicity * .pi / 180
        let sigmaB = plan.beamDivergence * .pi / 180
        let padding = 5 * crystal.mosaicity / 0.05 + 1
        var rng = SimulationRandom(seed: plan.seed, stream: [UInt64(sweep.index), 1])
        var out: [SimulatedReflection] = []
        let panel = instrument.trueDetector[0]
        for h in -hMax...hMax {
            for k in -kMax...kMax {
                for l in -lMax...lMax {
                    let hkl = SIMD3<Int32>(h, k, l)
                    guard hkl != .zero else { continue }
                    let d = 1 / (A * SIMD3<Double>(hkl)).length
                    guard d >= plan.dMin, structureFactors.isAllowed(hkl) else { continue }
                    for ray in predictor.predict(hkl, paddingDegrees: padding) {
                        let e1 = ray.s1.cross(s0).normalized
                        let zeta = axis.dot(e1)
                        guard abs(zeta) > 0.02 else { continue }
                        // Draw the random parts in a fixed order per accepted reflection.
                        let errX = rng.normal(), errY = rng.normal(), errZ = rng.normal()
                        let lorentz = abs(ray.s1.dot(axis.cross(s0))) / (s0.length * ray.s1.length)
                        let counts = crystal.scale * StructureFactors.wilsonMean(d: d, intensityAtOrigin: plan.intensityAtOrigin, bFactor: crystal.bFactor)
                            * structureFactors.normalisedIntensity(hkl, structure: crystal.structure)
                            * Polarization.factor(s1: ray.s1, s0: s0) / lorentz
                        let centre = ray.px + SIMD2(errX, errY) * plan.centroidErrorPixels
                        guard let cov = SpotShape.covariance(s1: ray.s1, s0: s0, panel: panel, px: ray.px, sigmaB: sigmaB) else { continue }
                        let footprint = SpotShape.weights(centre: centre, covariance: cov)
                        out.append(SimulatedReflection(
                            h: hkl, d: d, entering: ray.entering, phi: ray.phi, idealPx: ray.px, idealZ: ray.z,
                            centrePx: centre, centreZ: ray.z + errZ * plan.centroidErrorImages, fullCounts: counts,
                            sigmaPhi: sigmaM / abs(zeta), boxOrigin: footprint.origin, boxSize: footprint.size,
                            weights: footprint.weights))
                    }
                }
            }
        }
        return out
    }

    /// The expected counts per pixel of image `j` (array index from 0 within the sweep): the
    /// background plus every spot's share — the mean the Poisson draw is taken about.
    public func expectedCounts(image j: Int) -> [Float] {
        var lambda = background.lambda
        for (p, counts) in spotCounts(image: j) { lambda[p] += Float(counts) }
        return lambda
    }

    /// Image `j` as the detector records it: Poisson counts, −1 in module gaps, −2 at the
    /// detector's bad pixels, and a few zingers.
    public func image(_ j: Int) -> [Int32] {
        var pixels: [Int32] = []
        render(image: j, into: &pixels)
        return pixels
    }

    /// `image(_:)` into a caller's buffer, so that a worker rendering many images reuses one
    /// 25 MB allocation instead of faulting in a new one per image.
    public func render(image j: Int, into pixels: inout [Int32]) {
        let (nf, ns) = plan.detector.imageSize
        let n = nf * ns
        if pixels.count != n { pixels = [Int32](repeating: 0, count: n) }
        var rng = SimulationRandom(seed: plan.seed, stream: [UInt64(sweep.index), 2, UInt64(j)])
        // 1/k for the inversion loop: a multiply is much cheaper than a divide.
        let reciprocal = (0..<64).map { $0 == 0 ? 0 : 1 / Double($0) }
        // Background everywhere, by inversion with e^{−λ} from the sweep's table.
        background.lambda.withUnsafeBufferPointer { bg in
            background.expMinusLambda.withUnsafeBufferPointer { bgExp in
                pixels.withUnsafeMutableBufferPointer { out in
                    reciprocal.withUnsafeBufferPointer { inv in
                        for p in 0..<n {
                            out[p] = Int32(Self.poissonByInversion(lambda: Double(bg[p]), expMinusLambda: Double(bgExp[p]),
                                                                   u: rng.uniform(), reciprocal: inv))
                        }
                    }
                }
            }
        }
        // Pixels under spots are drawn again from background + spot: an independent draw, so
        // replacing the background-only one leaves the statistics exact.
        for (p, extra) in spotCounts(image: j) {
            pixels[p] = Int32(clamping: rng.poisson(Double(background.lambda[p]) + extra))
        }
        // Zingers: cosmic rays and stray events, single bright pixels.
        let zingers = rng.poisson(2)
        for _ in 0..<zingers {
            let p = Int(rng.next() % UInt64(n))
            pixels[p] += Int32(200 + rng.next() % 3000)
        }
        for p in background.badPixels { pixels[p] = -2 }
        for p in background.gapPixels { pixels[p] = -1 }
    }

    /// The Poisson(λ) deviate for uniform `u` by inversion: k = #{j : u > P(X ≤ j)}. The first
    /// eight comparisons are made unconditionally (no data-dependent branches, which is what makes
    /// the per-pixel background draw cheap); a sequential search continues past them in the rare
    /// case u lies beyond P(X ≤ 7).
    @inline(__always)
    static func poissonByInversion(lambda: Double, expMinusLambda: Double, u: Double,
                                   reciprocal inv: UnsafeBufferPointer<Double>) -> Int {
        var term = expMinusLambda, cdf = term, k = 0
        for j in 1...8 {
            k &+= u > cdf ? 1 : 0
            term *= lambda * inv[j]
            cdf += term
        }
        guard k == 8 else { return k }
        var j = 8
        while u > cdf && j < inv.count - 1 {
            j += 1
            term *= lambda * inv[j]
            cdf += term
        }
        return j
    }

    /// Expected spot counts of image `j` per pixel, summed over overlapping spots, in pixel order.
    func spotCounts(image j: Int) -> [(pixel: Int, counts: Double)] {
        let (nf, ns) = plan.detector.imageSize
        var entries: [(pixel: Int, counts: Double)] = []
        for (index, fraction) in imageContents[j] {
            let r = reflections[index]
            let counts = r.fullCounts * fraction
            for row in 0..<r.boxSize.y {
                let s = r.boxOrigin.y + row
                guard s >= 0, s < ns else { continue }
                for col in 0..<r.boxSize.x {
                    let f = r.boxOrigin.x + col
                    guard f >= 0, f < nf else { continue }
                    entries.append((s * nf + f, counts * Double(r.weights[row * r.boxSize.x + col])))
                }
            }
        }
        entries.sort { $0.pixel < $1.pixel }
        var merged: [(pixel: Int, counts: Double)] = []
        merged.reserveCapacity(entries.count)
        for e in entries {
            if let last = merged.last, last.pixel == e.pixel {
                merged[merged.count - 1].counts += e.counts
            } else {
                merged.append(e)
            }
        }
        return merged
    }
}
