/// What to refine and how, with DIALS 3.12's scan-static defaults (`dials.refine
/// scan_varying=false`), except that the outlier algorithm is named explicitly.
public struct RefinementOptions: Sendable, Equatable {
    public enum OutlierAlgorithm: Sendable, Equatable {
        /// Tukey's rule (`outlier.algorithm=tukey`) with this IQR multiplier.
        case tukey(iqrMultiplier: Double)
        /// No rejection (`outlier.algorithm=null`).
        case none

        public static let tukey = OutlierAlgorithm.tukey(iqrMultiplier: 1.5)
    }

    /// `beam.fix`: which beam parameters stay fixed.
    public enum BeamFix: String, Sendable, CaseIterable {
        case all, inSpindlePlane, outSpindlePlane, wavelength
    }

    /// `detector.fix`.
    public enum DetectorFix: String, Sendable {
        case all, position, orientation, distance
    }

    /// `crystal.fix`.
    public enum CrystalFix: String, Sendable {
        case all, cell, orientation
    }

    /// `auto_reduction.action`.
    public enum AutoReduction: String, Sendable {
        /// Stop with an error naming the under-determined parameters (DIALS's default).
        case fail
        /// Fix those parameters and go on.
        case fix
    }

    public var outlier: OutlierAlgorithm = .tukey
    /// `outlier.minimum_number_of_reflections`: smaller outlier jobs are rejected whole.
    public var outlierMinimumReflections = 20
    /// `outlier.separate_blocks`: split each experiment's φ range into blocks for outlier
    /// rejection (indexing's candidate evaluation turns this off).
    public var outlierSeparateBlocks = true
    /// `outlier.block_width` in degrees; nil is DIALS's Auto (at least 18°, from centroid
    /// analysis).
    public var outlierBlockWidth: Double?

    public var beamFix: Set<BeamFix> = [.inSpindlePlane, .wavelength]
    public var detectorFix: DetectorFix?
    public var crystalFix: CrystalFix?

    /// `close_to_spindle_cutoff`: minimum |(s1 × s0)·e| (Å⁻²).
    public var closeToSpindleCutoff = 0.02
    /// `reflections_per_degree`; nil is Auto (all reflections unless the scan exceeds a turn).
    public var reflectionsPerDegree: Double?
    /// `minimum_sample_size`.
    public var minimumSampleSize = 1000
    /// `maximum_sample_size`.
    public var maximumSampleSize: Int?
    /// Seed of the working-subset sampler (used only when a subset is taken).
    public var randomSeed: UInt64 = 42

    /// `auto_reduction.min_nref_per_parameter` and `auto_reduction.action`.
    public var minimumReflectionsPerParameter = 5
    public var autoReduction: AutoReduction = .fail

    /// `refinery.max_iterations` (LevMar default 100).
    public var maxIterations = 100
    /// `journal.track_parameter_correlation`: compute the Jacobian-column correlations of the
    /// final step.
    public var trackParameterCorrelation = false

    public init() {}
}
