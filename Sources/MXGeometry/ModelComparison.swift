import Foundation


/// dxtbx's `is_similar_to` tests with the import tolerances: what `dials.import` uses to decide
/// that consecutive images share a model, and what `dials.combine_experiments` applies before
/// replacing a model by the reference (`compare_models=True`). Each `difference` returns nil
/// when the models agree, else the first difference in words.
public struct ModelTolerances: Sendable, Equatable {
    public var beamWavelength = 1e-6
    /// Angles in radians.
    public var beamDirection = 1e-6
    public var polarizationNormal = 1e-6
    public var polarizationFraction = 1e-6
    public var detectorFastAxis = 1e-6
    public var detectorSlowAxis = 1e-6
    /// mm, per origin component.
    public var detectorOrigin = 5e-2
    public var rotationAxis = 1e-6
    public var fixedRotation = 1e-6
    public var settingRotation = 1e-6

    public init() {}

    public func difference(_ a: Beam, _ b: Beam) -> String? {
        let angle = a.direction.angle(to: b.direction)
        if angle > beamDirection { return String(format: "beam direction differs by %.3g rad (tolerance %.3g)", angle, beamDirection) }
        let dl = abs(a.wavelength - b.wavelength)
        if dl > beamWavelength { return String(format: "wavelength differs by %.3g Å (tolerance %.3g)", dl, beamWavelength) }
        let pn = a.polarizationNormal.angle(to: b.polarizationNormal)
        if pn > polarizationNormal { return String(format: "polarization normal differs by %.3g rad (tolerance %.3g)", pn, polarizationNormal) }
        let pf = abs(a.polarizationFraction - b.polarizationFraction)
        if pf > polarizationFraction { return String(format: "polarization fraction differs by %.3g (tolerance %.3g)", pf, polarizationFraction) }
        return nil
    }

    public func difference(_ a: Detector, _ b: Detector) -> String? {
        guard a.panels.count == b.panels.count else {
            return "detectors have \(a.panels.count) and \(b.panels.count) panels"
        }
        for (i, (p, q)) in zip(a.panels, b.panels).enumerated() {
            let name = a.panels.count > 1 ? "panel \(i) " : ""
            if p.imageSize != q.imageSize { return "\(name)image sizes differ" }
            if abs(p.pixelSize.fast - q.pixelSize.fast) > 1e-7 || abs(p.pixelSize.slow - q.pixelSize.slow) > 1e-7 {
                return "\(name)pixel sizes differ"
            }
            let fast = Self.maxComponent(p.fastAxis - q.fastAxis), slow = Self.maxComponent(p.slowAxis - q.slowAxis)
            if fast > detectorFastAxis { return String(format: "%@fast axis differs by %.3g (tolerance %.3g)", name, fast, detectorFastAxis) }
            if slow > detectorSlowAxis { return String(format: "%@slow axis differs by %.3g (tolerance %.3g)", name, slow, detectorSlowAxis) }
            let origin = Self.maxComponent(p.origin - q.origin)
            if origin > detectorOrigin {
                return String(format: "%@origin differs by %.3g mm (tolerance %.3g)", name, origin, detectorOrigin)
            }
            if abs(p.trustedRange.lower - q.trustedRange.lower) > 1e-7 || abs(p.trustedRange.upper - q.trustedRange.upper) > 1e-7 {
                return "\(name)trusted ranges differ"
            }
        }
        return nil
    }

    public func difference(_ a: Goniometer, _ b: Goniometer) -> String? {
        let axis = a.rotationAxisDatum.angle(to: b.rotationAxisDatum)
        if axis > rotationAxis { return String(format: "rotation axis differs by %.3g rad (tolerance %.3g)", axis, rotationAxis) }
        let f = a.fixedRotation.maxAbsDifference(b.fixedRotation)
        if f > fixedRotation { return String(format: "fixed rotation differs by %.3g (tolerance %.3g)", f, fixedRotation) }
        let s = a.settingRotation.maxAbsDifference(b.settingRotation)
        if s > settingRotation { return String(format: "setting rotation differs by %.3g (tolerance %.3g)", s, settingRotation) }
        return nil
    }

    public func same(_ a: Beam, _ b: Beam) -> Bool { difference(a, b) == nil }
    public func same(_ a: Detector, _ b: Detector) -> Bool { difference(a, b) == nil }
    public func same(_ a: Goniometer, _ b: Goniometer) -> Bool { difference(a, b) == nil }

    static func maxComponent(_ v: Vec3) -> Double { max(abs(v.x), abs(v.y), abs(v.z)) }
}
