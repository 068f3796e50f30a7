import MXGeometry

/// How close two models read from consecutive images must be to count as the same model, so
/// that the images share it (dials.import's defaults).
public struct ModelTolerances: Sendable {
    /// Wavelength (Å), beam direction and polarisation (radians / unitless).
    public var wavelength = 1e-6
    public var direction = 1e-6
    public var polarization = 1e-6
    /// Panel axes (radians) and origin (mm).
    public var panelAxes = 1e-6
    public var panelOrigin = 5e-2
    /// Goniometer axes and matrices (elements).
    public var goniometer = 1e-6
    /// Scan continuity: allowed mismatch as a fraction of the oscillation width.
    public var scanOscillation = 0.03

    public init() {}

    public func same(_ a: Beam, _ b: Beam) -> Bool {
        abs(a.wavelength - b.wavelength) <= wavelength
            && a.direction.angle(to: b.direction) <= direction
            && (a.polarizationNormal - b.polarizationNormal).length <= polarization
            && abs(a.polarizationFraction - b.polarizationFraction) <= polarization
    }

    public func same(_ a: Detector, _ b: Detector) -> Bool {
        a.panels.count == b.panels.count && zip(a.panels, b.panels).allSatisfy { p, q in
            p.imageSize == q.imageSize
                && abs(p.pixelSize.fast - q.pixelSize.fast) <= 1e-6 && abs(p.pixelSize.slow - q.pixelSize.slow) <= 1e-6
                && p.trustedRange == q.trustedRange
                && p.fastAxis.angle(to: q.fastAxis) <= panelAxes && p.slowAxis.angle(to: q.slowAxis) <= panelAxes
                && (p.origin - q.origin).length <= panelOrigin
        }
    }

    public func same(_ a: Goniometer, _ b: Goniometer) -> Bool {
        (a.rotationAxisDatum - b.rotationAxisDatum).length <= goniometer
            && a.fixedRotation.maxAbsDifference(b.fixedRotation) <= goniometer
            && a.settingRotation.maxAbsDifference(b.settingRotation) <= goniometer
    }

    /// Whether `next` continues `scan` directly: the next image number, the same oscillation
    /// width, and a start angle where the scan ends (also modulo 360°).
    public func continues(_ scan: Scan, with next: Scan) -> Bool {
        let width = scan.oscillation.width
        let eps = scanOscillation * abs(width)
        guard eps > 0, next.imageRange.first == scan.imageRange.last + 1,
              abs(width - next.oscillation.width) < eps else { return false }
        let end = scan.oscillationRange.end, start = next.oscillation.start
        func mod360(_ x: Double) -> Double { let r = x.truncatingRemainder(dividingBy: 360); return r < 0 ? r + 360 : r }
        let gap = min(abs(end - start), abs(mod360(end) - mod360(start)))
        return gap < eps * Double(scan.numImages)
    }
}
