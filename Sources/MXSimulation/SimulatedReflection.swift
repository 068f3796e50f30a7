import MXGeometry

/// One reflection of a simulated sweep and everything true about it.
public struct SimulatedReflection: Sendable {
    public var h: SIMD3<Int32>
    public var d: Double
    public var entering: Bool
    /// Ideal rotation angle (radians) and ideal position: detector pixels (parallax included)
    /// and fractional array index — what a perfect predictor gives.
    public var phi: Double
    public var idealPx: SIMD2<Double>
    public var idealZ: Double
    /// Where the spot is really drawn: the ideal position plus the per-spot centroid error.
    public var centrePx: SIMD2<Double>
    public var centreZ: Double
    /// Expected counts of the whole reflection were it fully recorded (before Poisson noise).
    public var fullCounts: Double
    /// Width σ of the rotation profile in radians: σ_m / |ζ|.
    public var sigmaPhi: Double
    /// The spot's footprint: first pixel (fast, slow) of its box, the box size, and the
    /// fraction of the spot in each pixel of the box (row-major, sums to 1).
    public var boxOrigin: SIMD2<Int>
    public var boxSize: SIMD2<Int>
    public var weights: [Float]
}
