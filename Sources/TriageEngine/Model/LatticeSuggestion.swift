import MXRefinement

/// The lattice refine_bravais_settings recommends for one crystal indexed in P 1, and what the
/// crystals of a session recommend together.
public struct LatticeSuggestion: Codable, Equatable, Sendable {
    /// The Bravais lattice as DIALS prints it: "aP", "mC", "mI", "oP", "tP", "hR", "cI", …
    public var lattice: String
    /// Le Page's metric fit δ of the setting (degrees).
    public var delta: Double
    /// The lattice's lowest-symmetry space group as DIALS spells it ("P 2 2 2", "H 3", "C 1 2 1").
    public var spaceGroup: String

    public init(lattice: String, delta: Double, spaceGroup: String) {
        self.lattice = lattice; self.delta = delta; self.spaceGroup = spaceGroup
    }

    /// The highest-symmetry recommended setting (the table lists highest symmetry first).
    public init?(_ settings: [RefinedBravaisSetting]) {
        guard let best = settings.first(where: \.recommended),
              let group = try? best.setting.lowestSymmetrySpaceGroup() else { return nil }
        self.init(lattice: best.lattice, delta: best.setting.metricFit, spaceGroup: group.symbol)
    }

    /// One line for the session log: the lattice most crystals recommend, and how many do.
    /// Ties are broken by the lattice symbol, so the line does not depend on the order the
    /// crystals finished in. Nil when no crystal has a suggestion.
    public static func consensus(_ summaries: [SequenceSummary]) -> String? {
        let suggestions = summaries.compactMap(\.lattice)
        guard !suggestions.isEmpty else { return nil }
        var counts: [String: (count: Int, maxDelta: Double, group: String)] = [:]
        for s in suggestions {
            let old = counts[s.lattice] ?? (0, 0, s.spaceGroup)
            counts[s.lattice] = (old.count + 1, max(old.maxDelta, s.delta), s.spaceGroup)
        }
        let ranked = counts.sorted { a, b in
            a.value.count != b.value.count ? a.value.count > b.value.count : a.key < b.key
        }
        let best = ranked[0]
        var line = "lattice: \(best.key) recommended for \(best.value.count) of \(suggestions.count) crystals indexed in P 1"
            + " (δ ≤ \(String(format: "%.2f", best.value.maxDelta))°)"
        let others = ranked.dropFirst().map { "\($0.key) \($0.value.count)" }
        if !others.isEmpty { line += "; " + others.joined(separator: ", ") }
        if best.key != "aP" { line += "; --space-group \"\(best.value.group)\" indexes in it (a re-run keeps spots and P 1)" }
        return line
    }
}
