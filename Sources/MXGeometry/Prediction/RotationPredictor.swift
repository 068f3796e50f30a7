import Foundation

/// One predicted reflection of a rotating crystal: where and when reciprocal-lattice point `h`
/// meets the Ewald sphere.
public struct PredictedRay: Sendable, Equatable {
    public var h: SIMD3<Int32>
    /// Rotation angle in radians (unwrapped into the scan's range).
    public var phi: Double
    /// Diffracted wave vector in the lab frame (Å⁻¹).
    public var s1: Vec3
    /// True when the point is entering the Ewald sphere: s1·(s0 × e) < 0.
    public var entering: Bool
    public var panel: Int
    /// Impact position on the panel plane (mm) and in pixels (fast, slow), parallax-corrected.
    public var mm: SIMD2<Double>
    public var px: SIMD2<Double>
    /// Fractional array index (image − 1) at which the rotation reaches `phi`.
    public var z: Double
}

/// Predicts reflections for a crystal in a rotation scan: both Ewald crossings of each h, every
/// full turn inside the scan, the panel hit, and the frame. The single source of this formula for
/// the simulator, indexing, refinement and integration.
public struct RotationPredictor: Sendable {
    public let s0: Vec3
    public let goniometer: Goniometer
    public let detector: Detector
    public let scan: Scan
    let angles: RotationAngles
    let fixedA: Mat3
    let axisLab: Vec3

    public init(beam: Beam, detector: Detector, goniometer: Goniometer, scan: Scan, A: Mat3) {
        self.s0 = beam.s0
        self.goniometer = goniometer
        self.detector = detector
        self.scan = scan
        self.angles = RotationAngles(s0: beam.s0, goniometer: goniometer)
        self.fixedA = goniometer.fixedRotation * A
        self.axisLab = goniometer.rotationAxis
    }

    /// The lab reciprocal-lattice vector of h at angle φ: r = S·R(e, φ)·F·A·h.
    public func r(_ h: SIMD3<Double>, phi: Double) -> Vec3 {
        goniometer.settingRotation * (Mat3.rotation(axis: goniometer.rotationAxisDatum, angle: phi) * (fixedA * h))
    }

    /// The diffracted beam s1 = s0 + r at angle φ, and its entering flag.
    public func ray(_ h: SIMD3<Int32>, phi: Double) -> (s1: Vec3, entering: Bool) {
        let s1 = s0 + r(SIMD3<Double>(h), phi: phi)
        return (s1, s1.dot(s0.cross(axisLab)) < 0)
    }

    /// Every crossing of h within the scan's angular range widened by `padding` degrees on
    /// each side, that hits a panel.
    public func predict(_ h: SIMD3<Int32>, paddingDegrees padding: Double = 0) -> [PredictedRay] {
        guard let (a, b) = angles.angles(fixedA * SIMD3<Double>(h)) else { return [] }
        let range = scan.oscillationRange
        let lo = min(range.start, range.end) - padding, hi = max(range.start, range.end) + padding
        var out: [PredictedRay] = []
        for phi0 in [a, b] {
            // Every φ + 360°·n inside [lo, hi].
            let deg = phi0 * 180 / .pi
            var n = ((lo - deg) / 360).rounded(.up)
            while deg + 360 * n <= hi {
                let phiDeg = deg + 360 * n
                n += 1
                let phi = phiDeg * .pi / 180
                let (s1, entering) = ray(h, phi: phi)
                guard let hit = detector.rayIntersection(s1) else { continue }
                let px = detector[hit.panel].millimeterToPixel(hit.mm)
                out.append(PredictedRay(h: h, phi: phi, s1: s1, entering: entering, panel: hit.panel,
                                        mm: hit.mm, px: px, z: scan.arrayIndex(angle: phiDeg)))
            }
        }
        return out
    }
}
