import MXGeometry

/// A single-panel detector as DIALS's `DetectorParameterisationSinglePanel`: Dist along the
/// initial normal, Shift1/Shift2 in the initial plane (mm), and rotations Tau1 (about the
/// initial normal), Tau2 (about the initial fast axis), Tau3 (about the initial slow axis), in
/// mrad. Rotations turn the plane about its centre rather than the corner pixel, so tilts are
/// not confounded with distance and shifts.
public struct DetectorParameterisation: Sendable {
    public let identifier: String
    public let experimentIDs: [Int]
    public var parameters: ParameterList
    let d1: Vec3, d2: Vec3, dn: Vec3
    /// Half the panel size in mm (fast, slow): the corner's offset from the centre.
    let halfSize: SIMD2<Double>

    public init(detector: Detector, identifier: String, experimentIDs: [Int]) throws(RefinementError) {
        guard detector.panels.count == 1 else {
            throw .unsupportedModel("\(identifier) has \(detector.panels.count) panels; only single-panel detectors can be refined")
        }
        let panel = detector[0]
        self.identifier = identifier
        self.experimentIDs = experimentIDs
        d1 = panel.fastAxis
        d2 = panel.slowAxis
        dn = panel.normal
        halfSize = panel.sizeMM / 2
        let dorg = panel.origin + d1 * halfSize.x + d2 * halfSize.y
        let distance = panel.directedDistance
        let shift = dorg - dn * distance
        parameters = ParameterList(names: ["Dist", "Shift1", "Shift2", "Tau1", "Tau2", "Tau3"],
                                   values: [distance, shift.dot(d1), shift.dot(d2), 0, 0, 0])
    }

    /// The panel frame (fast, slow, origin) and ∂d/∂p for the six parameters, where
    /// d = [fast | slow | origin] (columns).
    public func compose() -> (fast: Vec3, slow: Vec3, origin: Vec3, derivatives: [Mat3]) {
        let v = parameters.values
        let (dist, s1, s2) = (v[0], v[1], v[2])
        let t1 = v[3] / 1000, t2 = v[4] / 1000, t3 = v[5] / 1000
        let tau1 = Mat3.rotation(axis: dn, angle: t1), dTau1 = Mat3.rotationDerivative(axis: dn, angle: t1)
        let tau2 = Mat3.rotation(axis: d1, angle: t2), dTau2 = Mat3.rotationDerivative(axis: d1, angle: t2)
        let tau3 = Mat3.rotation(axis: d2, angle: t3), dTau3 = Mat3.rotationDerivative(axis: d2, angle: t3)
        let tau32 = tau3 * tau2
        let tau321 = tau32 * tau1
        let p0 = dn * dist
        let dsv = p0 + d1 * s1 + d2 * s2
        let dorg = tau321 * dsv - tau32 * p0 + p0
        let fast = (tau321 * d1).normalized
        var slow = (tau321 * d2).normalized
        let normal = fast.cross(slow).normalized
        slow = normal.cross(fast)
        let origin = dorg - fast * halfSize.x - slow * halfSize.y

        // ∂dorg, ∂d1, ∂d2 for each parameter.
        let dT1 = tau32 * dTau1
        let dT32dt2 = tau3 * dTau2, dT2 = dT32dt2 * tau1
        let dT32dt3 = dTau3 * tau2, dT3 = dT32dt3 * tau1
        let zero = Vec3.zero
        let dDorg: [Vec3] = [tau321 * dn - tau32 * dn + dn, tau321 * d1, tau321 * d2,
                             dT1 * dsv, dT2 * dsv - dT32dt2 * p0, dT3 * dsv - dT32dt3 * p0]
        let dD1: [Vec3] = [zero, zero, zero, dT1 * d1, dT2 * d1, dT3 * d1]
        let dD2: [Vec3] = [zero, zero, zero, dT1 * d2, dT2 * d2, dT3 * d2]
        var derivatives: [Mat3] = []
        for k in 0..<6 {
            let dOrigin = dDorg[k] - dD1[k] * halfSize.x - dD2[k] * halfSize.y
            let scale = k >= 3 ? 1.0 / 1000 : 1.0
            derivatives.append(Mat3(columns: dD1[k] * scale, dD2[k] * scale, dOrigin * scale))
        }
        return (fast, slow, origin, derivatives)
    }
}
