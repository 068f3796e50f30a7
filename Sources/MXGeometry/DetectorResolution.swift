/// Resolution limits of a detector for a beam, as dials.show reports them.
extension Detector {
    /// d (Å) of the scattered ray through a lab point: d = 1 / |s1 − s0| with |s1| = |s0|.
    static func resolution(at lab: Vec3, s0: Vec3) -> Double {
        let s1 = lab.normalized * s0.length
        return 1 / (s1 - s0).length
    }

    /// The best resolution reached anywhere on the detector: the minimum d over the four
    /// corner pixels of every panel, taken through the panel's px→mm strategy as dxtbx's
    /// `get_max_resolution` does.
    public func maxResolutionAtCorners(s0: Vec3) -> Double {
        var best = Double.infinity
        for p in panels {
            let (w, h) = (Double(p.imageSize.fast), Double(p.imageSize.slow))
            for corner in [SIMD2(0, 0), SIMD2(w, 0), SIMD2(0, h), SIMD2(w, h)] {
                best = min(best, Self.resolution(at: p.labCoordinate(mm: p.pixelToMillimeter(corner)), s0: s0))
            }
        }
        return best
    }
}
