/// The spot finder's settings, with DIALS's defaults (`dials.find_spots`).
public struct SpotFindingParameters: Sendable, Equatable {
    /// Which local threshold decides that a pixel is strong.
    public enum Threshold: String, Sendable, CaseIterable {
        /// DIALS ≥ 3 default: a variance test marks background, which is eroded and used to
        /// estimate the local mean for the final count test.
        case dispersionExtended = "dispersion_extended"
        /// The classic index-of-dispersion test on a 7 × 7 window.
        case dispersion
    }

    public var threshold: Threshold = .dispersionExtended
    /// Half-size of the local window in pixels (fast, slow): (3, 3) is a 7 × 7 window.
    public var kernelSize: (fast: Int, slow: Int) = (3, 3)
    /// σ multipliers of the background (variance) and strong (count) tests.
    public var sigmaBackground = 6.0
    public var sigmaStrong = 3.0
    /// Fewest valid pixels in a window for the test to be made.
    public var minLocal = 2
    /// Detector gain; DIALS's default "None" means 1.
    public var gain = 1.0
    /// Pixels at or below this value are never strong.
    public var globalThreshold = 0.0
    /// Spots with fewer or more pixels than these are dropped (3 for pixel-array detectors).
    public var minSpotSize = 3
    public var maxSpotSize = 1000
    /// A spot whose peak lies further than this (pixels) from its centroid is dropped.
    public var maxSeparation = 2.0

    public init() {}

    public static func == (a: Self, b: Self) -> Bool {
        a.threshold == b.threshold && a.kernelSize == b.kernelSize && a.sigmaBackground == b.sigmaBackground
            && a.sigmaStrong == b.sigmaStrong && a.minLocal == b.minLocal && a.gain == b.gain
            && a.globalThreshold == b.globalThreshold && a.minSpotSize == b.minSpotSize
            && a.maxSpotSize == b.maxSpotSize && a.maxSeparation == b.maxSeparation
    }
}
