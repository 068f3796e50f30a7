import MXGeometry
import MXSymmetry

/// The unit cell as DIALS's `CrystalUnitCellParameterisation`: the symmetry-independent
/// elements of the reciprocal metric g (see ``MetricConstraints``), scaled by 10⁵ so their
/// shifts are of order one, named `g_param_0`, `g_param_1`, …. B follows from g by
/// ``ReciprocalMetric``; U is left alone, so only the cell changes.
public struct CrystalUnitCellParameterisation: Sendable {
    public let identifier: String
    public let experimentIDs: [Int]
    public var parameters: ParameterList
    public let constraints: MetricConstraints
    static let scale = 1.0e5

    public init(crystal: Crystal, identifier: String, experimentIDs: [Int]) throws(RefinementError) {
        self.identifier = identifier
        self.experimentIDs = experimentIDs
        do { constraints = try MetricConstraints(hallSymbol: crystal.spaceGroupHall) } catch {
            throw .unsupportedSpaceGroup(error.description)
        }
        let g = ReciprocalMetric.metric(of: crystal.B)
        let values = constraints.reduce(g).map { $0 * Self.scale }
        parameters = ParameterList(names: values.indices.map { "g_param_\($0)" }, values: values)
    }

    /// B and ∂B/∂pₖ for every parameter k.
    public func compose() throws(RefinementError) -> (b: Mat3, derivatives: [Mat3]) {
        let g = constraints.expand(parameters.values.map { $0 / Self.scale })
        let (b, dg) = try ReciprocalMetric.matrixAndDerivatives(g)
        let derivatives = constraints.expansion.map { column -> Mat3 in
            var d = Mat3.zero
            for i in 0..<6 where column[i] != 0 { d = d + dg[i] * (column[i] / Self.scale) }
            return d
        }
        return (b, derivatives)
    }
}
