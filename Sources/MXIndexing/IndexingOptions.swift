import MXSymmetry

/// What `mxtriage index` does, with DIALS's defaults (`dials.index`, joint=False).
public struct IndexingOptions: Sendable, Equatable {
    public enum Method: String, Sendable, CaseIterable {
        case fft3d, fft1d
    }

    public var method: Method = .fft3d
    /// When the chosen search finds no acceptable model, try the 1-D FFT search.
    public var fallbackToFFT1D = true
    /// The space group the crystal is indexed in after the P 1 basis search (dials.index
    /// `space_group=`); nil leaves it in P 1. Always a reference setting (see
    /// ``targetSpaceGroup(_:)``).
    public var targetSpaceGroup: SpaceGroup?
    public var macroCycles = 5
    public var hklTolerance = 0.3
    /// At most this many candidate models are refined and scored.
    public var maxRefineCandidates = 50
    /// At most this many of each search's best-ranked models are taken through the macro-cycles
    /// before the next search is tried.
    public var candidatesTried = 3
    /// A solution whose final RMSD in x or y exceeds this (pixels) is rejected: a right cell on
    /// a usable sweep refines to a fraction of a pixel, a wrong one to several.
    public var maxAcceptedRMSDPixels = 1.5
    /// A solution that indexes fewer than this fraction of the strong spots is rejected.
    public var minIndexedFraction = 0.5
    /// Overrides the nearest-neighbour max_cell estimate (Å).
    public var maxCell: Double?

    public init() {}

    /// The target for a user's `--space-group`, checked before any image is read: nil for P 1
    /// (no constraint), the group for a reference setting, and a one-line error otherwise.
    ///
    /// Non-reference settings (I 1 2 1, R 3 :R, P 2 21 21 …) are refused rather than guessed:
    /// the lattice search puts the crystal in the reference setting of its lattice (C 2 for mC,
    /// hexagonal axes for hR, a < b < c for oP), and a label from another setting on that cell
    /// would be wrong.
    public static func targetSpaceGroup(_ symbol: String) throws(SymmetryError) -> SpaceGroup? {
        let group = try SpaceGroup(symbol)
        guard group.number > 1 else { return nil }
        guard group.isStandardSetting else {
            let reference = (try? SpaceGroup(number: group.number))?.symbol ?? "its reference setting"
            throw .unsupportedSpaceGroup(
                "space group \(group.symbol) is not a reference setting; index in \(reference) and reindex afterwards")
        }
        return group
    }
}
