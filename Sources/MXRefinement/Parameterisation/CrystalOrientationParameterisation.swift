import MXGeometry

/// The crystal orientation as DIALS's `CrystalOrientationParameterisation`: U = Φ3·Φ2·Φ1·U₀
/// with Φᵢ rotations about the lab x, y and z axes by φᵢ (mrad) — small-angle Tait–Bryan
/// corrections to the orientation at the start of refinement.
public struct CrystalOrientationParameterisation: Sendable {
    public let identifier: String
    public let experimentIDs: [Int]
    public var parameters: ParameterList
    let initialU: Mat3
    static let axes = [Vec3(1, 0, 0), Vec3(0, 1, 0), Vec3(0, 0, 1)]

    public init(crystal: Crystal, identifier: String, experimentIDs: [Int]) {
        self.identifier = identifier
        self.experimentIDs = experimentIDs
        initialU = crystal.U
        parameters = ParameterList(names: ["Phi1", "Phi2", "Phi3"], values: [0, 0, 0])
    }

    /// U and ∂U/∂φᵢ (per mrad).
    public func compose() -> (u: Mat3, derivatives: [Mat3]) {
        let a = parameters.values.map { $0 / 1000 }
        let r = (0..<3).map { Mat3.rotation(axis: Self.axes[$0], angle: a[$0]) }
        let dr = (0..<3).map { Mat3.rotationDerivative(axis: Self.axes[$0], angle: a[$0]) }
        let u = r[2] * r[1] * r[0] * initialU
        let d1 = r[2] * r[1] * dr[0] * initialU * (1.0 / 1000)
        let d2 = r[2] * dr[1] * r[0] * initialU * (1.0 / 1000)
        let d3 = dr[2] * r[1] * r[0] * initialU * (1.0 / 1000)
        return (u, [d1, d2, d3])
    }
}
