import MXGeometry

/// When one image's scan continues another's (dxtbx `Scan.append`): the next image number, the
/// same oscillation width, and a start angle where the scan ends (also modulo 360°), each within
/// `tolerance` × the width (dials.import's scan tolerance, 0.03).
public struct ScanContinuity: Sendable {
    public var tolerance = 0.03

    public init() {}

    public func continues(_ scan: Scan, with next: Scan) -> Bool {
        let width = scan.oscillation.width
        let eps = tolerance * abs(width)
        guard eps > 0, next.imageRange.first == scan.imageRange.last + 1,
              abs(width - next.oscillation.width) < eps else { return false }
        let end = scan.oscillationRange.end, start = next.oscillation.start
        func mod360(_ x: Double) -> Double { let r = x.truncatingRemainder(dividingBy: 360); return r < 0 ? r + 360 : r }
        let gap = min(abs(end - start), abs(mod360(end) - mod360(start)))
        return gap < eps * Double(scan.numImages)
    }
}
