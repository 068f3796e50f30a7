/// What `mxtriage index` does, with DIALS's defaults (`dials.index`, joint=False).
public struct IndexingOptions: Sendable, Equatable {
    public enum Method: String, Sendable, CaseIterable {
        case fft3d, fft1d
    }

    /// Target symmetries the indexer can apply. H 3 (R 3 in the hexagonal setting) is the one
    /// the multi-crystal workflow needs; P 1 is no constraint.
    public enum TargetSymmetry: String, Sendable, CaseIterable {
        case h3 = "H 3"

        /// Parses the spellings users give dials.index: "H 3", "H3", "R 3:H", "R3:H", "146:H".
        public init?(symbol: String) {
            let compact = symbol.replacingOccurrences(of: " ", with: "").uppercased()
            guard ["H3", "R3:H", "146:H", "R3"].contains(compact) else { return nil }
            self = .h3
        }
    }

    public var method: Method = .fft3d
    /// When the chosen search finds no acceptable model, try the 1-D FFT search.
    public var fallbackToFFT1D = true
    public var targetSymmetry: TargetSymmetry?
    public var macroCycles = 5
    public var hklTolerance = 0.3
    /// At most this many candidate models are refined and scored.
    public var maxRefineCandidates = 50
    /// Overrides the nearest-neighbour max_cell estimate (Å).
    public var maxCell: Double?

    public init() {}
}
