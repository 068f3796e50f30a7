import Foundation
import MXGeometry
import MXReflections

/// σ_b and σ_m of the gaussian_rs model from indexed strong spots, the way DIALS's
/// `ProfileModelCalculator` estimates them:
/// * σ_b = √(mean over spots of Σv·θ²/(Σv − 1)), θ the angle between each strong pixel's beam
///   vector and the spot's predicted s1, v its counts;
/// * σ_m by maximum likelihood over the frames of each spot that hold strong pixels, with
///   R(τ) = ½[erf((τ + Δφ/2)|ζ|/(√2σ_m)) − erf((τ − Δφ/2)|ζ|/(√2σ_m))] the fraction of the
///   rocking curve on a frame whose centre is τ from the predicted φ. This is DIALS's
///   "extended" estimator, the default of the DIALS 3.12 we test against (newer DIALS
///   documents the "basic" one, Σ log R): per spot j with frame counts nᵢ (sum of its strong
///   pixels), K = Σnᵢ and Z = ΣRᵢ, L = Σⱼ [Σᵢ nᵢ log Rᵢ − K log Z + log Z] — the frames'
///   share of the spot as a multinomial, plus the chance of recording it at all.
///
/// DIALS reads the strong pixels from the shoeboxes stored in strong.refl. Our tables keep no
/// shoeboxes, so the strong pixels are found again: the pixels of the spot finder's box that
/// stand 3σ (Poisson) above the median of a 3-pixel ring around the box — the significance
/// the dispersion threshold asks of a strong pixel.
enum ProfileEstimation {
    /// The ring width used to measure the local background of a strong spot.
    static let ring: Int32 = 3

    struct Observations: Sendable {
        /// Per spot, Σv·θ²/(Σv − 1).
        var angularVariances: [Double] = []
        /// Per (spot, frame) with strong pixels: τ (radians), ζ and the frame's strong counts;
        /// spot j owns entries spotStart[j]..<spotStart[j + 1].
        var tau: [Double] = []
        var zeta: [Double] = []
        var counts: [Double] = []
        var spotStart: [Int] = [0]
    }

    /// The box read for a spot: its own box widened by the ring, clipped to the scan.
    static func region(for spot: ReferenceSpot, scan: Scan) -> PixelRegion {
        let b = spot.bbox
        let (lo, hi) = scan.arrayRange
        return PixelRegion(panel: spot.predicted.panel, box: Int6(
            b.x0 - ring, b.x1 + ring, b.y0 - ring, b.y1 + ring,
            max(b.z0, Int32(lo)), max(min(b.z1, Int32(hi)), max(b.z0, Int32(lo)) + 1)))
    }

    /// What one spot contributes, from its region's pixels.
    static func observe(_ spot: ReferenceSpot, region: PixelRegion, pixels: [Int32], detector: Detector,
                        scan: Scan, trust: PixelTrust, into obs: inout Observations) {
        let box = region.box, inner = spot.bbox
        let nx = Int(box.x1 - box.x0), ny = Int(box.y1 - box.y0), nz = Int(box.z1 - box.z0)
        func inside(_ x: Int32, _ y: Int32) -> Bool { x >= inner.x0 && x < inner.x1 && y >= inner.y0 && y < inner.y1 }
        var ringValues: [Int32] = []
        for k in 0..<nz {
            for j in 0..<ny {
                for i in 0..<nx {
                    let (x, y) = (box.x0 + Int32(i), box.y0 + Int32(j))
                    let v = pixels[(k * ny + j) * nx + i]
                    if !inside(x, y) && trust.isValid(v, fast: Int(x), slow: Int(y)) { ringValues.append(v) }
                }
            }
        }
        let background = ringValues.isEmpty ? 0 : Double(ringValues.sorted()[ringValues.count / 2])
        let threshold = background + 3 * max(background, 1).squareRoot()
        let panel = detector[spot.predicted.panel]
        let s1 = spot.predicted.s1
        var sumV = 0.0, sumVTheta2 = 0.0
        var framesWithSignal: [(frame: Int, counts: Double)] = []
        for k in 0..<nz {
            var frameCounts = 0.0
            for j in 0..<ny {
                for i in 0..<nx {
                    let (x, y) = (box.x0 + Int32(i), box.y0 + Int32(j))
                    guard inside(x, y) else { continue }
                    let v = pixels[(k * ny + j) * nx + i]
                    guard trust.isValid(v, fast: Int(x), slow: Int(y)), Double(v) > threshold else { continue }
                    let lab = panel.labCoordinate(mm: panel.pixelToMillimeter(SIMD2(Double(x) + 0.5, Double(y) + 0.5)))
                    let theta = lab.angle(to: s1)
                    sumV += Double(v)
                    sumVTheta2 += Double(v) * theta * theta
                    frameCounts += Double(v)
                }
            }
            if frameCounts > 0 { framesWithSignal.append((Int(box.z0) + k, frameCounts)) }
        }
        guard sumV > 1 else { return }
        obs.angularVariances.append(sumVTheta2 / (sumV - 1))
        for (f, n) in framesWithSignal {
            let mid = (scan.angle(arrayIndex: Double(f)) + scan.angle(arrayIndex: Double(f + 1))) / 2 * .pi / 180
            obs.tau.append(mid - spot.predicted.phi)
            obs.zeta.append(spot.predicted.zeta)
            obs.counts.append(n)
        }
        obs.spotStart.append(obs.tau.count)
    }

    static func sigmaB(_ obs: Observations) -> Double {
        (obs.angularVariances.reduce(0, +) / Double(obs.angularVariances.count)).squareRoot()
    }

    /// −L(σ_m) of the extended estimator, with R floored at 10⁻¹⁰ as DIALS floors it.
    static func negativeLogLikelihood(sigmaM: Double, _ obs: Observations, width: Double) -> Double {
        let scale = 1 / (2.0.squareRoot() * sigmaM)
        var total = 0.0
        for j in 0..<(obs.spotStart.count - 1) {
            var sumNLogR = 0.0, k = 0.0, z = 0.0
            for i in obs.spotStart[j]..<obs.spotStart[j + 1] {
                let c = abs(obs.zeta[i]) * scale
                let r = max(0.5 * (erf((obs.tau[i] + width / 2) * c) - erf((obs.tau[i] - width / 2) * c)), 1e-10)
                sumNLogR += obs.counts[i] * log(r)
                k += obs.counts[i]
                z += r
            }
            let logZ = log(z)
            total += sumNLogR - k * logZ + logZ
        }
        return -total
    }

    /// The maximum-likelihood σ_m (radians): a scan over log σ_m from 10⁻⁵ to 0.5 rad to
    /// bracket the optimum, then golden-section search inside the bracket. DIALS runs a
    /// simplex on log σ_m (tolerance 10⁻³); both find the optimum of this one-parameter
    /// likelihood, ours to a tighter tolerance.
    static func sigmaM(_ obs: Observations, oscillationWidth width: Double) -> Double {
        func f(_ logSigma: Double) -> Double {
            negativeLogLikelihood(sigmaM: exp(logSigma), obs, width: width)
        }
        let lo = log(1e-5), hi = log(0.5), n = 120
        let grid = (0...n).map { lo + (hi - lo) * Double($0) / Double(n) }
        let values = grid.map(f)
        let best = values.indices.min { values[$0] < values[$1] }!
        var a = grid[max(best - 1, 0)], b = grid[min(best + 1, n)]
        let g = (5.0.squareRoot() - 1) / 2
        var c = b - g * (b - a), d = a + g * (b - a)
        var fc = f(c), fd = f(d)
        while b - a > 1e-9 {
            if fc < fd {
                b = d; d = c; fd = fc
                c = b - g * (b - a); fc = f(c)
            } else {
                a = c; c = d; fc = fd
                d = a + g * (b - a); fd = f(d)
            }
        }
        return exp((a + b) / 2)
    }
}
