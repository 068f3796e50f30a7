/// One row of the refinement journal — what DIALS prints as the "Refinement steps" table —
/// streamed to a progress callback as soon as the step is taken.
public struct RefinementStep: Sendable, Equatable {
    /// Step number from 0 (the starting model).
    public var step: Int
    /// Reflections matched to predictions at this step.
    public var nref: Int
    /// Unweighted RMSDs of X and Y (mm) and φ (radians).
    public var rmsdX: Double
    public var rmsdY: Double
    public var rmsdPhi: Double
    /// ½ Σ w r² at this step.
    public var objective: Double
    /// Levenberg–Marquardt damping μ and its growth factor ν when the step was solved.
    public var mu: Double
    public var nu: Double
    /// Σ w r² / (n_equations − n_parameters).
    public var reducedChiSquared: Double

    /// RMSD of φ in degrees, as the table shows it.
    public var rmsdPhiDegrees: Double { rmsdPhi * 180 / .pi }
}

/// Why the Levenberg–Marquardt iterations stopped, with DIALS's wording.
public enum TerminationReason: String, Sendable, Equatable {
    case rmsdConverged = "RMSD no longer decreasing"
    case maxIterations = "Reached maximum number of iterations"
    case maxTrialIterations = "Reached maximum number of consecutive unsuccessful trial steps"
    case degreesOfFreedomTooLow = "Not enough degrees of freedom to refine"
    case objectiveFlat = "Refinement failure: zero expected decrease of the objective"
}

/// The callback that receives each new journal row (the UI's live step table).
public typealias RefinementProgress = @Sendable (RefinementStep) -> Void
