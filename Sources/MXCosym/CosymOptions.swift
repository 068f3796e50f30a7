/// Settings of consistent indexing and Laue-group scoring (DIALS's defaults where it has one).
public struct CosymOptions: Sendable, Equatable {
    /// Le Page δ limit (degrees) for the lattice's symmetry (dials.cosym: 5).
    public var latticeSymmetryMaxDelta: Double = 5
    /// Fewest common reflections for a pairwise correlation to count (dials.cosym: 3).
    public var minPairs: Int = 3
    /// Fewest common reflections for aligning two datasets in the Laue-group analysis (a pair
    /// aligned on a handful of reflections would add noise to every element's correlation).
    public var minPairsToAlign: Int = 50
    /// Resolution limits applied before anything else. dMin nil: automatic (see
    /// `autoDMinIOverSigma`).
    public var dMin: Double? = nil
    public var dMax: Double? = nil
    /// With dMin nil, the limit where the pooled unmerged ⟨I⟩/⟨σ⟩ falls below this (dials.cosym:
    /// 4 on merged data); nil: no limit.
    public var autoDMinIOverSigma: Double? = 4
    /// Reflections with I/σ below this are dropped (dials.cosym: −5).
    public var minIOverSigma: Double = -5
    /// Resolution shells of a dataset (about 200 reflections each) with ⟨I⟩/⟨σ⟩ below this are
    /// dropped (DIALS instead cuts the merged data at ⟨I⟩/⟨σ⟩ = 4 or CC½ = 0.6).
    public var minShellIOverSigma: Double = 2
    /// Wilson outliers: reflections with E² at or above this are dropped (dials.cosym: 16).
    public var maxE2: Double = 16
    /// Most passes of the iterative assignment.
    public var maxCycles: Int = 100
    /// σ of a correlation coefficient in the likelihood scoring (DIALS's floor: 0.1).
    public var sigmaCC: Double = 0.1

    public init() {}
}
