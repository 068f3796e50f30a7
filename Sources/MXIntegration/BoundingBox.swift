import Foundation
import MXGeometry
import MXReflections

/// The shoebox of a reflection (DIALS `BBoxCalculator3D`): on the detector, the pixel box
/// around the four beam vectors at (±Δ, ±Δ) in e1/e2 with Δ = n_σ·σ_b·multiplier; in rotation,
/// the frames between φ ± n_σ·σ_m/ζ. Minima round down, maxima up; frames are clipped to the
/// scan but a box always keeps at least one frame.
struct BoundingBoxCalculator: Sendable {
    let s0: Vec3
    let m2: Vec3
    let detector: Detector
    let scan: Scan
    let deltaB: Double
    let deltaM: Double

    init(beam: Beam, detector: Detector, goniometer: Goniometer, scan: Scan, profile: GaussianRSProfile,
         sigmaBMultiplier: Double) {
        s0 = beam.s0
        m2 = goniometer.rotationAxis.normalized
        self.detector = detector
        self.scan = scan
        deltaB = profile.deltaB * sigmaBMultiplier
        deltaM = profile.deltaM
    }

    /// The box, or nil when a corner ray misses the reflection's panel plane.
    func bbox(_ r: PredictedReflection) -> Int6? {
        let frame = KabschFrame(m2: m2, s0: s0, s1: r.s1, phi: r.phi)
        let panel = detector[r.panel]
        var xs: [Double] = [], ys: [Double] = []
        for c in [SIMD2(-deltaB, -deltaB), SIMD2(deltaB, -deltaB), SIMD2(-deltaB, deltaB), SIMD2(deltaB, deltaB)] {
            guard let mm = panel.rayIntersection(frame.beamVector(c)) else { return nil }
            let px = panel.millimeterToPixel(mm)
            xs.append(px.x)
            ys.append(px.y)
        }
        let phi1 = frame.rotationAngle(e3Coordinate: -deltaM), phi2 = frame.rotationAngle(e3Coordinate: deltaM)
        let z1 = scan.arrayIndex(angle: phi1 * 180 / .pi), z2 = scan.arrayIndex(angle: phi2 * 180 / .pi)
        // A ray almost parallel to the panel lands absurdly far away: no box there.
        guard (xs + ys).allSatisfy({ abs($0) < 1e7 }), z1.isFinite, z2.isFinite else { return nil }
        let (lo, hi) = scan.arrayRange
        // Clamp before converting: a reflection almost on the axis has an enormous z range.
        func clampZ(_ z: Double) -> Double { min(max(z, Double(lo - 1)), Double(hi + 1)) }
        var z0 = Int32(clampZ(min(z1, z2)).rounded(.down)), zEnd = Int32(clampZ(max(z1, z2)).rounded(.up))
        z0 = min(max(z0, Int32(lo)), Int32(hi - 1))
        zEnd = max(min(zEnd, Int32(hi)), Int32(lo + 1))
        let x0 = Int32(xs.min()!.rounded(.down)), x1 = Int32(xs.max()!.rounded(.up))
        let y0 = Int32(ys.min()!.rounded(.down)), y1 = Int32(ys.max()!.rounded(.up))
        guard x1 > x0, y1 > y0, zEnd > z0 else { return nil }
        return Int6(x0, x1, y0, y1, z0, zEnd)
    }
}
