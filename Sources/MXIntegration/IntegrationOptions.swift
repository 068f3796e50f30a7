import Foundation

/// What `Integrator` does, with dials.integrate's defaults for summation integration in a
/// resolution band (`profile.fitting=False prediction.d_min=7.0 prediction.d_max=8.1`, the
/// multi-crystal tutorial's quick integration).
public struct IntegrationOptions: Sendable, Equatable {
    /// High-resolution limit of the prediction band (Å).
    public var dMin: Double = 7.0
    /// Low-resolution limit of the prediction band (Å); nil predicts down to the lowest angle.
    public var dMax: Double? = 8.1
    /// Extent of the gaussian_rs profile in standard deviations (DIALS `n_sigma`).
    public var nSigma: Double = 3
    /// The bounding box is wider than the foreground by this factor in e1/e2
    /// (DIALS `sigma_b_multiplier`), which leaves a background ring around every spot.
    public var sigmaBMultiplier: Double = 2
    /// Reflections this close to the rotation axis (|ζ| below it) are not integrated
    /// (DIALS `filter.min_zeta`): their rocking curves are too wide to bound.
    public var minZeta: Double = 0.05
    /// Predictions are made this far (degrees) beyond each end of the scan
    /// (DIALS `prediction.padding`), so reflections whose tails reach the scan are kept.
    public var paddingDegrees: Double = 1.0
    /// Robust background: the Huber tuning constant, iteration limit and the fewest
    /// background pixels a reflection needs (DIALS glm defaults).
    public var huberConstant: Double = 1.345
    public var backgroundMaxIterations: Int = 100
    public var backgroundMinPixels: Int = 10
    /// Worker threads for image reading and per-reflection work; results do not depend on it.
    public var nproc: Int = ProcessInfo.processInfo.activeProcessorCount
    /// An experiment with fewer predictions in the band than this is an error, not an
    /// almost empty table.
    public var minimumPredicted: Int = 10
    /// The profile model needs at least this many usable indexed strong spots per experiment.
    public var minimumReferenceSpots: Int = 10
    /// Use these profile parameters (one per experiment, or one for all) instead of
    /// estimating them from the strong spots.
    public var fixedProfiles: [GaussianRSProfile]?

    public init() {}
}
