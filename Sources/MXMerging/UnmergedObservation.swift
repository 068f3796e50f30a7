/// One measurement of a reflection: its Miller index as indexed (any symmetry equivalent), and
/// its scaled intensity and variance (I/g and σ²/g² for a scale factor g).
public struct UnmergedObservation: Sendable, Equatable {
    public var hkl: SIMD3<Int>
    public var intensity: Double
    public var variance: Double

    public init(hkl: SIMD3<Int>, intensity: Double, variance: Double) {
        self.hkl = hkl
        self.intensity = intensity
        self.variance = variance
    }
}
