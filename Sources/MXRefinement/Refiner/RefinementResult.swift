import MXGeometry
import MXReflections

/// The RMSDs of one experiment's matched reflections after refinement, in image units as
/// DIALS's "RMSDs by experiment" table shows them.
public struct ExperimentRMSD: Sendable, Equatable {
    public var experiment: Int
    public var nref: Int
    /// RMSD of X and Y in pixels (panel 0's pixel size) and of φ in images.
    public var xPixels: Double
    public var yPixels: Double
    public var zImages: Double
}

/// One refined parameter.
public struct RefinedParameter: Sendable, Equatable {
    public var name: String
    public var value: Double
    /// √ of the diagonal of the variance–covariance matrix (nil when it could not be formed).
    public var esd: Double?
}

/// Parameter correlations after refinement.
public struct ParameterCorrelations: Sendable, Equatable {
    public var labels: [String]
    /// DIALS's Jacobian-column correlations of the final step (`track_parameter_correlation`)
    /// for the X, Y and φ residuals; nil unless requested.
    public var x: DenseMatrix?
    public var y: DenseMatrix?
    public var phi: DenseMatrix?
    /// Correlations of the parameter estimates, Cᵢⱼ/√(CᵢᵢCⱼⱼ) of the variance–covariance C.
    public var estimate: DenseMatrix?
}

/// Everything a refinement run produces.
public struct RefinementResult: Sendable {
    /// The refined experiment list (B_covariance set on refined crystals).
    public var experiments: ExperimentList
    /// The input reflections with updated predictions (s1, xyzcal.mm, xyzcal.px, entering) and
    /// flags (predicted, used_in_refinement, centroid_outlier, excluded_for_refinement).
    public var reflections: ReflectionTable
    public var journal: [RefinementStep]
    public var termination: TerminationReason
    public var experimentRMSDs: [ExperimentRMSD]
    public var parameters: [RefinedParameter]
    /// χ²_red·(N + μI)⁻¹ of the last step, over the refined parameters (nil if not formed).
    public var covariance: DenseMatrix?
    public var correlations: ParameterCorrelations
    /// Per crystal model index: cell ESDs (Å, °) from the B covariance.
    public var cellESDs: [Int: [Double]]
}

/// What the refiner set up before running: the counts DIALS logs.
public struct RefinementSetup: Sendable, Equatable {
    public var parameterNames: [String]
    /// Rows of the input table that passed the inclusion criteria.
    public var accepted: Int
    /// Of those, rows with a prediction at the starting model.
    public var predicted: Int
    /// Rows flagged as centroid outliers.
    public var outliers: Int
    /// Rows in the working set (after outliers and any random subset).
    public var workingSet: Int
    /// Outlier count per experiment.
    public var outliersPerExperiment: [Int]
}
