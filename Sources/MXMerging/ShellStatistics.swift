/// Merging statistics of one resolution shell (or of all the data), in the quantities and
/// names `dials.merge` and xia2 print.
public struct ShellStatistics: Sendable, Equatable, Codable {
    /// Low- and high-resolution limits (Å).
    public var dMax: Double
    public var dMin: Double
    /// Observations with σ > 0, and the unique reflections (Laue-group ASU) they measure.
    public var observations: Int
    public var unique: Int
    /// Unique reflections the shell can hold (systematic absences excluded).
    public var possible: Int
    /// `unique / possible`, at most 1 (a fraction, not %).
    public var completeness: Double
    public var multiplicity: Double
    /// ⟨Ī⟩ and ⟨Ī/σ(Ī)⟩ over the unique reflections, Ī weighted by 1/σ².
    public var meanIntensity: Double
    public var meanIOverSigma: Double
    /// Σ|I − Ī| / ΣI over reflections measured at least twice; Rmeas weights each by
    /// √(n/(n−1)), Rpim by √(1/(n−1)).
    public var rMerge: Double
    public var rMeas: Double
    public var rPim: Double
    /// CC½ between random half data sets (cctbx's half_dataset: mt19937 seeded 1 per shell).
    public var ccHalf: Double
    /// CC½ by the σ-τ method (Assmann et al. 2016), which does not depend on a random split.
    public var ccHalfSigmaTau: Double
    /// Pairs in the CC½ (reflections measured at least twice).
    public var ccHalfPairs: Int

    public init(dMax: Double, dMin: Double, observations: Int, unique: Int, possible: Int, completeness: Double,
                multiplicity: Double, meanIntensity: Double, meanIOverSigma: Double, rMerge: Double, rMeas: Double,
                rPim: Double, ccHalf: Double, ccHalfSigmaTau: Double, ccHalfPairs: Int) {
        self.dMax = dMax; self.dMin = dMin; self.observations = observations; self.unique = unique
        self.possible = possible; self.completeness = completeness; self.multiplicity = multiplicity
        self.meanIntensity = meanIntensity; self.meanIOverSigma = meanIOverSigma; self.rMerge = rMerge
        self.rMeas = rMeas; self.rPim = rPim; self.ccHalf = ccHalf; self.ccHalfSigmaTau = ccHalfSigmaTau
        self.ccHalfPairs = ccHalfPairs
    }
}
