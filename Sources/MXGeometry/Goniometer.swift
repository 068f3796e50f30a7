/// A goniometer in dxtbx's form: the lab reciprocal-lattice vector at rotation angle φ is
/// r(φ) = S · R(e_datum, φ) · F · A · h, with F the fixed rotation (axes between the crystal and
/// the scan axis) and S the setting rotation (axes between the scan axis and the lab).
public struct Goniometer: Equatable, Sendable {
    /// The physical axes of a multi-axis (e.g. kappa) goniometer, listed from the sample
    /// outwards as imgCIF and dxtbx list them, with their angles in degrees.
    public struct MultiAxis: Equatable, Sendable {
        public var axes: [Vec3]
        public var angles: [Double]
        public var names: [String]
        public var scanAxis: Int
        public init(axes: [Vec3], angles: [Double], names: [String], scanAxis: Int) {
            self.axes = axes
            self.angles = angles
            self.names = names
            self.scanAxis = scanAxis
        }
    }

    /// The scan axis in the datum frame, e_datum (unit).
    public var rotationAxisDatum: Vec3
    public var fixedRotation: Mat3
    public var settingRotation: Mat3
    /// Present for a multi-axis goniometer; F, S and e_datum are then derived from it.
    public private(set) var multiAxis: MultiAxis?

    /// A single-axis goniometer (Pilatus default: axis +x, F = S = I).
    public init(rotationAxis: Vec3 = Vec3(1, 0, 0), fixedRotation: Mat3 = .identity,
                settingRotation: Mat3 = .identity) {
        self.rotationAxisDatum = rotationAxis.normalized
        self.fixedRotation = fixedRotation
        self.settingRotation = settingRotation
        self.multiAxis = nil
    }

    /// A multi-axis goniometer. As dxtbx does: the axes inside the scan axis compose the fixed
    /// rotation, the axes outside it the setting rotation, each axis applied after the ones
    /// nearer the sample: F = R_{k−1}…R_0, S = R_{n−1}…R_{k+1}, k the scan axis.
    public init(multiAxis m: MultiAxis) {
        precondition(m.axes.count == m.angles.count && m.axes.count == m.names.count
            && m.scanAxis >= 0 && m.scanAxis < m.axes.count, "inconsistent multi-axis goniometer")
        func rotation(_ i: Int) -> Mat3 {
            Mat3.rotation(axis: m.axes[i], angle: m.angles[i] * .pi / 180)
        }
        var fixed = Mat3.identity
        for i in 0..<m.scanAxis { fixed = rotation(i) * fixed }
        var setting = Mat3.identity
        for i in (m.scanAxis + 1)..<m.axes.count { setting = rotation(i) * setting }
        self.rotationAxisDatum = m.axes[m.scanAxis].normalized
        self.fixedRotation = fixed
        self.settingRotation = setting
        self.multiAxis = m
    }

    /// The effective rotation axis in the lab frame, e = S · e_datum.
    public var rotationAxis: Vec3 { settingRotation * rotationAxisDatum }
}
