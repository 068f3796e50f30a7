import MXGeometry

/// The least-squares target at one parameter vector: the objective's ingredients and, when
/// asked for, the normal equations N = JᵀWJ and b = −JᵀWr (as scitbx lstbx builds them).
struct TargetEvaluation: Sendable {
    /// Σ w r² over X, Y and φ of all matched reflections.
    var weightedSquares = 0.0
    /// Number of matched reflections (each gives three equations).
    var nref = 0
    /// Σ r² of X, Y and φ, for the unweighted RMSDs.
    var squares = Vec3.zero
    var normalMatrix: DenseMatrix?
    var rhs: [Double]?
    /// Per global parameter, reflections with a gradient above 10⁻¹⁰ in X, Y or φ
    /// (DIALS's auto-reduction count); filled when gradients are evaluated.
    var gradientSupport: [Int]?

    var equationCount: Int { 3 * nref }
    var objective: Double { weightedSquares / 2 }

    var rmsd: Vec3 {
        guard nref > 0 else { return .zero }
        return Vec3((squares.x / Double(nref)).squareRoot(), (squares.y / Double(nref)).squareRoot(),
                    (squares.z / Double(nref)).squareRoot())
    }
}
