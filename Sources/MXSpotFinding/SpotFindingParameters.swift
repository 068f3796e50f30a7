/// The spot finder's settings, with DIALS's defaults (`dials.find_spots`, DIALS 3.12).
///
/// Names follow the phil parameters they mirror (`spotfinder.threshold.dispersion.*` and
/// `spotfinder.filter.*`), so a DIALS user can carry a parameter across unchanged.
public struct SpotFindingParameters: Sendable, Equatable {
    /// Which local threshold decides that a pixel is strong (`spotfinder.threshold.algorithm`).
    public enum Threshold: String, Sendable, CaseIterable {
        /// DIALS ≥ 3 default: a variance test marks background, which is eroded and used to
        /// estimate the local mean for the final count test.
        case dispersionExtended = "dispersion_extended"
        /// The classic index-of-dispersion test on a 7 × 7 window.
        case dispersion
    }

    public var threshold: Threshold = .dispersionExtended
    /// Half-size of the local window in pixels (fast, slow): (3, 3) is a 7 × 7 window.
    ///
    /// DIALS's `kernel_size = a b` reaches its C++ as `kernel_size_[0] = a` for the slow
    /// direction and `kernel_size_[1] = b` for the fast one, so `kernel_size = a b` here is
    /// `(fast: b, slow: a)`.
    public var kernelSize: (fast: Int, slow: Int) = (3, 3)
    /// σ multipliers of the background (variance) and strong (count) tests.
    public var sigmaBackground = 6.0
    public var sigmaStrong = 3.0
    /// Fewest valid pixels in a window for the variance test to be made (`min_local`); 0 or
    /// less means the whole window, as in DIALS.
    public var minLocal = 2
    /// Detector gain for the threshold formulas. nil is DIALS's "None": the gain-free formulas,
    /// which are not bit-for-bit those with a gain of 1, so the two are kept apart.
    public var gain: Double?
    /// Pixels at or below this value are never strong.
    public var globalThreshold = 0.0
    /// Spots with fewer pixels are dropped. nil is DIALS's "Auto": 3 when the first detector's
    /// first panel is a pixel-array detector (type SENSOR_PAD), 6 otherwise.
    public var minSpotSize: Int?
    /// Spots with more pixels are dropped.
    public var maxSpotSize = 1000
    /// A spot whose peak pixel lies further than this (pixels, in 3-D) from its centroid is
    /// dropped; nil switches the filter off, as `max_separation = None` does.
    public var maxSeparation: Double? = 2.0
    /// An image with more than ⌈fraction × pixels⌉ strong pixels stops spot finding for its
    /// image set: DIALS raises an error rather than label a sea of noise.
    public var maxStrongPixelFraction = 0.25

    public init() {}

    /// Pixels in a full local window, (2k_x + 1)(2k_y + 1).
    public var windowPixels: Int { (2 * kernelSize.fast + 1) * (2 * kernelSize.slow + 1) }

    /// The `min_local` DIALS applies: non-positive values mean the whole window.
    public var effectiveMinLocal: Int { minLocal <= 0 ? windowPixels : minLocal }

    /// The minimum spot size DIALS uses for a detector whose first panel has type `panelType`.
    public func resolvedMinSpotSize(firstPanelType panelType: String) -> Int {
        minSpotSize ?? (panelType == "SENSOR_PAD" ? 3 : 6)
    }

    /// Why the parameters cannot be used, or nil. DIALS enforces the same limits with phil
    /// types and assertions.
    public var problem: String? {
        if kernelSize.fast < 1 || kernelSize.slow < 1 { return "kernel_size must be at least 1 1" }
        if minLocal == 1 || minLocal > windowPixels { return "min_local must be 2 … \(windowPixels), or ≤ 0 for the whole window" }
        if !(globalThreshold >= 0) { return "global_threshold must be ≥ 0" }
        if !(sigmaBackground >= 0) || !(sigmaStrong >= 0) { return "sigma_background and sigma_strong must be ≥ 0" }
        if let g = gain, !(g > 0) { return "gain must be > 0" }
        if let m = minSpotSize, m < 1 { return "min_spot_size must be ≥ 1" }
        if maxSpotSize <= (minSpotSize ?? 3) { return "max_spot_size must exceed min_spot_size" }
        if let s = maxSeparation, !(s >= 0) { return "max_separation must be ≥ 0" }
        if !(maxStrongPixelFraction >= 0 && maxStrongPixelFraction <= 1) { return "max_strong_pixel_fraction must lie in [0, 1]" }
        return nil
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.threshold == b.threshold && a.kernelSize == b.kernelSize && a.sigmaBackground == b.sigmaBackground
            && a.sigmaStrong == b.sigmaStrong && a.minLocal == b.minLocal && a.gain == b.gain
            && a.globalThreshold == b.globalThreshold && a.minSpotSize == b.minSpotSize
            && a.maxSpotSize == b.maxSpotSize && a.maxSeparation == b.maxSeparation
            && a.maxStrongPixelFraction == b.maxStrongPixelFraction
    }
}
