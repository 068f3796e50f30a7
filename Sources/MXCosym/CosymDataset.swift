/// The reflections of one crystal, indexed in the common setting: Miller indices as integrated
/// (any symmetry equivalent, unmerged), intensities, variances and resolutions.
public struct CosymDataset: Sendable, Equatable {
    public var hkl: [SIMD3<Int>]
    public var intensity: [Double]
    public var variance: [Double]
    /// d (Å) of each reflection.
    public var dSpacing: [Double]

    public init(hkl: [SIMD3<Int>], intensity: [Double], variance: [Double], dSpacing: [Double]) {
        precondition(hkl.count == intensity.count && hkl.count == variance.count && hkl.count == dSpacing.count,
                     "CosymDataset: columns of different lengths")
        self.hkl = hkl
        self.intensity = intensity
        self.variance = variance
        self.dSpacing = dSpacing
    }

    public var count: Int { hkl.count }
}
