/// One integrated measurement to be scaled: which crystal measured it, its Miller index and its
/// corrected but unscaled intensity.
public struct ScalingObservation: Sendable, Equatable {
    /// The crystal (sweep) that measured it, 0..<n; crystal 0 is the reference.
    public var crystal: Int
    /// Miller index, consistently indexed across crystals (any symmetry equivalent).
    public var hkl: SIMD3<Int>
    /// Intensity after Lorentz–polarisation (and partiality) correction, counts.
    public var intensity: Double
    /// Its variance, counts².
    public var variance: Double
    /// Rotation angle φ at the observed centroid (degrees).
    public var rotationDegrees: Double
    /// Resolution d (Å).
    public var dSpacing: Double

    public init(crystal: Int, hkl: SIMD3<Int>, intensity: Double, variance: Double, rotationDegrees: Double, dSpacing: Double) {
        self.crystal = crystal
        self.hkl = hkl
        self.intensity = intensity
        self.variance = variance
        self.rotationDegrees = rotationDegrees
        self.dSpacing = dSpacing
    }
}
