import MXRefinement

/// Which refinement a report belongs to.
public enum RefinementScope: Codable, Equatable, Hashable, Sendable {
    /// The scan-static refinement of one sequence on its own.
    case sequence(Int)
    /// The joint refinement of the included sequences with one shared detector and beam.
    case joint
}

/// One row of dials.refine's step table (Step, Nref, RMSD_X, RMSD_Y, RMSD_Phi).
public struct RefinementStepRow: Codable, Equatable, Sendable {
    public var step: Int
    public var nref: Int
    /// mm, mm and degrees, as dials.refine prints them.
    public var rmsdXmm: Double
    public var rmsdYmm: Double
    public var rmsdPhiDegrees: Double

    public init(step: Int, nref: Int, rmsdXmm: Double, rmsdYmm: Double, rmsdPhiDegrees: Double) {
        self.step = step; self.nref = nref; self.rmsdXmm = rmsdXmm; self.rmsdYmm = rmsdYmm; self.rmsdPhiDegrees = rmsdPhiDegrees
    }

    public init(_ step: RefinementStep) {
        self.init(step: step.step, nref: step.nref, rmsdXmm: step.rmsdX, rmsdYmm: step.rmsdY,
                  rmsdPhiDegrees: step.rmsdPhi * 180 / .pi)
    }
}

/// The finished refinement as the refinement view and heatmap show it.
public struct RefinementReport: Codable, Equatable, Sendable {
    public var scope: RefinementScope
    public var steps: [RefinementStepRow]
    /// Why Levenberg–Marquardt stopped, in dials.refine's words.
    public var termination: String
    /// Per experiment: the sequence number it came from and its RMSDs.
    public var experiments: [ExperimentRow]
    /// Parameter names in DIALS's vocabulary (`Dist`, `Shift1`, `Crystal1g_param_0`, …).
    public var parameterNames: [String]
    /// Correlation of the parameter estimates (from the normal matrix), row-major, one row per
    /// parameter; empty when it could not be computed.
    public var correlation: [[Double]]

    public struct ExperimentRow: Codable, Equatable, Sendable {
        public var sequence: Int
        public var nref: Int
        public var rmsdXPixels: Double
        public var rmsdYPixels: Double
        public var rmsdZImages: Double
        public init(sequence: Int, nref: Int, rmsdXPixels: Double, rmsdYPixels: Double, rmsdZImages: Double) {
            self.sequence = sequence; self.nref = nref
            self.rmsdXPixels = rmsdXPixels; self.rmsdYPixels = rmsdYPixels; self.rmsdZImages = rmsdZImages
        }
    }

    public init(scope: RefinementScope, steps: [RefinementStepRow], termination: String,
                experiments: [ExperimentRow], parameterNames: [String], correlation: [[Double]]) {
        self.scope = scope; self.steps = steps; self.termination = termination
        self.experiments = experiments; self.parameterNames = parameterNames; self.correlation = correlation
    }
}
