/// Settings of ``PhysicalScaling``, defaulting to `dials.scale`'s physical model in its simple
/// form. The absorption term (spherical harmonics in the crystal frame) is omitted: the
/// observations carry no beam directions.
public struct ScalingOptions: Sendable, Equatable {
    /// Largest spacing of the smooth scale parameters over rotation (degrees).
    public var scaleInterval: Double = 15
    /// Largest spacing of the smooth B (decay) parameters over rotation (degrees).
    public var decayInterval: Double = 20
    /// Restraint weight ρ of the target's ρ·ΣB² term (Å⁻⁴), as DIALS's decay_restraint.
    public var decayRestraint: Double = 0.1
    /// Refine the basic error model σ′² = a²(σ² + (b·I)²); off keeps `initialErrorModel`.
    public var refineErrorModel: Bool = true
    /// The error model scaling starts from (DIALS: a 1, b 0.02).
    public var initialErrorModel: ErrorModel = ErrorModel(a: 1, b: 0.02)
    /// Normalised-deviation outlier threshold (DIALS's outlier_zmax).
    public var outlierZMax: Double = 6
    /// Reject outliers (DIALS's "standard" normal-deviation method).
    public var rejectOutliers: Bool = true
    /// Scale → outliers → error model rounds at most.
    public var maxCycles: Int = 6
    /// Levenberg–Marquardt iterations per round at most.
    public var maxIterations: Int = 60
    /// Stop a round when the RMSD changes by less than this fraction.
    public var rmsdTolerance: Double = 1e-6
    /// Per crystal, the sweep's oscillation range (degrees) that sets the number and spacing of
    /// smoother parameters, as DIALS takes it from the scan; nil uses the observed φ range.
    public var rotationRanges: [ClosedRange<Double>]? = nil

    public init() {}
}
