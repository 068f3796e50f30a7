import MXMerging

/// One crystal's refined scale model and its summary.
public struct CrystalScale: Sendable, Equatable {
    /// Smoothed scale parameters C (dimensionless) and B parameters (Å²), first to last in φ.
    public var scaleParameters: [Double]
    public var decayParameters: [Double]
    /// Mean of C(φ) over the crystal's observations, relative to crystal 0's.
    public var meanScale: Double
    /// Mean of B(φ) over the crystal's observations minus crystal 0's (Å²).
    public var relativeB: Double
    /// Observations, and those rejected as outliers.
    public var observations: Int
    public var outliers: Int
}

/// What ``PhysicalScaling/scale(_:spaceGroup:options:)`` found, per input observation in input
/// order.
public struct ScalingResult: Sendable, Equatable {
    /// g per observation; the scaled intensity is I/g.
    public var inverseScaleFactors: [Double]
    /// σ′²/g², σ′² from the refined error model (counts² on the scaled scale).
    public var scaledVariances: [Double]
    public var isOutlier: [Bool]
    public var crystals: [CrystalScale]
    public var errorModel: ErrorModel
    /// Scale → outlier → error-model rounds run.
    public var cycles: Int
    /// Weighted RMSD √(Σw(I − gĪ)²/n) of the last round (counts).
    public var rmsd: Double
    /// The inputs' Miller indices and intensities (kept for ``unmerged``).
    var hkls: [SIMD3<Int>]
    var intensities: [Double]

    /// Scaled non-outlier observations with σ′² > 0 (I/g, σ′²/g²), in input order, ready for
    /// ``MergingStatistics``.
    public var unmerged: [UnmergedObservation] {
        unmergedIndices.map { i in
            UnmergedObservation(hkl: hkls[i], intensity: intensities[i] / inverseScaleFactors[i], variance: scaledVariances[i])
        }
    }

    /// The input observation behind each element of ``unmerged``, ascending.
    public var unmergedIndices: [Int] {
        hkls.indices.filter { !isOutlier[$0] && scaledVariances[$0] > 0 && inverseScaleFactors[$0] > 0 }
    }
}
