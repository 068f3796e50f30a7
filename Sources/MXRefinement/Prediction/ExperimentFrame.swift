import MXGeometry

/// Everything needed to predict and differentiate the reflections of one experiment at the
/// current parameter values: the composed models, their precomputed products, and the
/// derivatives of the models with respect to the free parameters that touch this experiment.
///
/// The free parameters an experiment depends on are listed in ``globalIndices`` in DIALS's
/// global order restricted to this experiment: detector, beam, crystal orientation, unit cell.
/// The four derivative arrays hold, in that order, the derivatives for those parameters.
struct ExperimentFrame: Sendable {
    let s0: Vec3
    let setting: Mat3
    let fixed: Mat3
    let axisDatum: Vec3
    /// e = S·e_datum, the lab rotation axis.
    let axisLab: Vec3
    /// unit(s0 × e): a ray is entering the Ewald sphere when s1 points against it.
    let enteringNormal: Vec3
    let angles: RotationAngles
    let u: Mat3
    let b: Mat3
    /// F·U·B.
    let fixedUB: Mat3
    /// Per panel: d = [fast | slow | origin] and D = d⁻¹.
    let panelD: [Mat3]
    let scan: Scan

    let detectorDerivatives: [Mat3]
    let beamDerivatives: [Vec3]
    let orientationDerivatives: [Mat3]
    let cellDerivatives: [Mat3]
    /// Global parameter index of each local parameter (detector, beam, orientation, cell order).
    let globalIndices: [Int]

    var localCount: Int { globalIndices.count }

    init(s0: Vec3, goniometer: Goniometer, u: Mat3, b: Mat3, panels: [Mat3], scan: Scan,
         detectorDerivatives: [Mat3], beamDerivatives: [Vec3], orientationDerivatives: [Mat3],
         cellDerivatives: [Mat3], globalIndices: [Int]) {
        self.s0 = s0
        setting = goniometer.settingRotation
        fixed = goniometer.fixedRotation
        axisDatum = goniometer.rotationAxisDatum.normalized
        axisLab = goniometer.rotationAxis
        enteringNormal = s0.cross(goniometer.rotationAxis).normalized
        angles = RotationAngles(s0: s0, goniometer: goniometer)
        self.u = u
        self.b = b
        fixedUB = goniometer.fixedRotation * (u * b)
        panelD = panels.map(\.inverse)
        self.scan = scan
        self.detectorDerivatives = detectorDerivatives
        self.beamDerivatives = beamDerivatives
        self.orientationDerivatives = orientationDerivatives
        self.cellDerivatives = cellDerivatives
        self.globalIndices = globalIndices
        precondition(globalIndices.count == detectorDerivatives.count + beamDerivatives.count
            + orientationDerivatives.count + cellDerivatives.count, "one global index per local parameter")
    }
}
