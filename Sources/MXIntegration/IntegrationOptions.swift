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
    /// almost empty table (unless ``automaticBand`` widens the band first).
    public var minimumPredicted: Int = 10
    /// The profile model needs at least this many usable indexed strong spots per experiment.
    public var minimumReferenceSpots: Int = 10
    /// Which indexed strong spots the profile model is estimated from. The default uses the
    /// band's reference spots whenever there are enough, as dials.integrate does, and falls
    /// back to the whole sweep's otherwise.
    public var profileReferences: ProfileReferences = .bandOrAll
    /// Widen a band that holds fewer than ``minimumPredicted`` predictions until it holds
    /// ``automaticBandTarget`` predictions or reaches the detector's limits. The band grows
    /// symmetrically in 1/d² about its centre, by a factor 1.5 in half-width per step; the
    /// low-resolution side stops at d = ∞, the high-resolution side at the detector's corners.
    /// The band used is reported in ``ExperimentIntegrationSummary/band``.
    ///
    /// Off by default, so that an explicit band keeps dials.integrate's meaning. Turn it on
    /// where the band only serves to write an MTZ that carries the refined cell (the
    /// multi-crystal tutorial's quick integration): the cells clustering uses come from
    /// refinement, not from the band, and a small cell may predict almost nothing in 7.0–8.1 Å.
    public var automaticBand: Bool = false
    /// How many predictions a widened band should hold.
    public var automaticBandTarget: Int = 100
    /// Use these profile parameters (one per experiment, or one for all) instead of
    /// estimating them from the strong spots.
    public var fixedProfiles: [GaussianRSProfile]?

    public init() {}
}
