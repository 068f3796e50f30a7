import MXRefinement
import MXSymmetry

/// The lattices refine_bravais_settings recommends for one crystal indexed in P 1: the
/// highest-symmetry one first (the crystal's own recommendation), then every other setting that
/// passes DIALS's rule, down to aP, which every crystal supports.
public struct LatticeSuggestion: Codable, Equatable, Sendable {
    /// One recommended setting.
    public struct Candidate: Codable, Equatable, Sendable {
        /// The Bravais lattice as DIALS prints it: "aP", "mC", "mI", "oP", "tP", "hR", "cI", …
        public var lattice: String
        /// Le Page's metric fit δ of the setting (degrees).
        public var delta: Double
        /// The lattice's lowest-symmetry space group as DIALS spells it ("P 2 2 2", "H 3").
        public var spaceGroup: String

        public init(lattice: String, delta: Double, spaceGroup: String) {
            self.lattice = lattice; self.delta = delta; self.spaceGroup = spaceGroup
        }

        /// The Bravais type of the label ("mI" is a setting of mC).
        public var bravaisType: BravaisType? { BravaisType(label: lattice) }
    }

    /// Highest symmetry first; never empty.
    public private(set) var candidates: [Candidate]

    /// The crystal's own recommendation.
    public var recommended: Candidate { candidates[0] }
    public var lattice: String { recommended.lattice }
    public var delta: Double { recommended.delta }
    public var spaceGroup: String { recommended.spaceGroup }

    /// `candidates` in the order given (highest symmetry first), with aP added if missing.
    public init(candidates: [Candidate]) {
        var list = candidates
        if !list.contains(where: { $0.lattice == "aP" }) { list.append(Candidate(lattice: "aP", delta: 0, spaceGroup: "P 1")) }
        self.candidates = list
    }

    /// One recommended lattice (and aP).
    public init(lattice: String, delta: Double, spaceGroup: String) {
        self.init(candidates: [Candidate(lattice: lattice, delta: delta, spaceGroup: spaceGroup)])
    }

    /// The recommended settings of a refine_bravais_settings table (which lists highest
    /// symmetry first); nil when none is recommended.
    public init?(_ settings: [RefinedBravaisSetting]) {
        let recommended = settings.filter(\.recommended).compactMap { s -> Candidate? in
            guard let group = try? s.setting.lowestSymmetrySpaceGroup() else { return nil }
            return Candidate(lattice: s.lattice, delta: s.setting.metricFit, spaceGroup: group.symbol)
        }
        guard !recommended.isEmpty else { return nil }
        self.init(candidates: recommended)
    }

    /// This crystal's recommended setting of `type`, if it has one.
    public func candidate(_ type: BravaisType) -> Candidate? {
        candidates.first { $0.bravaisType == type }
    }
}
