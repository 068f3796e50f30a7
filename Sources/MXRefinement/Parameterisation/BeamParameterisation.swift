import MXGeometry

/// The beam as DIALS's `BeamParameterisation`: two small rotations of the initial beam
/// direction, Mu1 about dir1 and Mu2 about dir2 (mrad), and the wavenumber nu = |s0| (Å⁻¹):
/// s0 = ν·unit(Mu2·Mu1·ŝ0₀). The axes come from the spindle: dir2 = unit(s0 × e) is normal to
/// the spindle–beam plane and dir1 = unit(dir2 × s0) lies in it, so fixing Mu1 (DIALS's default
/// `fix=in_spindle_plane`) keeps the beam from tilting in the plane where that tilt is
/// indistinguishable from a detector shift over a narrow scan; nu is fixed by default too.
public struct BeamParameterisation: Sendable {
    public let identifier: String
    public let experimentIDs: [Int]
    public var parameters: ParameterList
    let initialUnitS0: Vec3
    let initialPolarizationNormal: Vec3
    let dir1: Vec3
    let dir2: Vec3

    /// - Parameter spindle: the lab rotation axis e = S·e_datum of the first experiment using
    ///   this beam (DIALS takes the first associated goniometer).
    public init(beam: Beam, spindle: Vec3, identifier: String, experimentIDs: [Int]) {
        let s0 = beam.s0
        self.identifier = identifier
        self.experimentIDs = experimentIDs
        initialUnitS0 = beam.unitS0
        initialPolarizationNormal = beam.polarizationNormal
        dir2 = s0.cross(spindle).normalized
        dir1 = dir2.cross(s0).normalized
        parameters = ParameterList(names: ["Mu1", "Mu2", "nu"], values: [0, 0, s0.length])
    }

    /// s0, the rotated polarisation normal, and ∂s0/∂p for Mu1, Mu2, nu (per mrad, per Å⁻¹).
    public func compose() -> (s0: Vec3, polarizationNormal: Vec3, derivatives: [Vec3]) {
        let v = parameters.values
        let mu1 = v[0] / 1000, mu2 = v[1] / 1000, nu = v[2]
        let r1 = Mat3.rotation(axis: dir1, angle: mu1), dr1 = Mat3.rotationDerivative(axis: dir1, angle: mu1)
        let r2 = Mat3.rotation(axis: dir2, angle: mu2), dr2 = Mat3.rotationDerivative(axis: dir2, angle: mu2)
        let r21 = r2 * r1
        let direction = (r21 * initialUnitS0).normalized
        let pn = (r21 * initialPolarizationNormal).normalized
        let d1 = (r2 * dr1) * initialUnitS0 * (nu / 1000)
        let d2 = (dr2 * r1) * initialUnitS0 * (nu / 1000)
        return (direction * nu, pn, [d1, d2, direction])
    }
}
