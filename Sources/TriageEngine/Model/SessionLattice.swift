import Foundation
import MXSymmetry

/// The lattice and space group a session indexes its crystals in (the second `dials.index`
/// call of the tutorial), and who chose them.
///
/// Without `--space-group` every crystal is first indexed in P 1 and its lattices refined as
/// `dials.refine_bravais_settings` does; the session's lattice is then the highest-symmetry one
/// that more than half of those crystals support, indexed in its lowest-symmetry group. A
/// crystal that does not support it — a second crystal form — is indexed in its own recommended
/// lattice and kept apart: out of the main form's clustering and joint refinement.
public struct SessionLattice: Codable, Equatable, Sendable {
    public enum Choice: String, Codable, Sendable {
        /// From the crystals' refine_bravais_settings tables.
        case automatic
        /// `--space-group` on the command line: every crystal is indexed in it, unchecked.
        case commandLine
        /// Typed by the user in the session (a lattice or a space group).
        case user
    }

    /// The Bravais lattice, "hR", "oP", …
    public var lattice: BravaisType
    /// The space group crystals of this lattice are indexed in, as DIALS spells it.
    public var spaceGroup: String
    public var choice: Choice
    /// Crystals indexed in P 1 whose table supports the lattice, and how many there were
    /// (both 0 for a command-line choice, which indexes without the lattice search).
    public var supporting: Int
    public var crystals: Int

    public init(lattice: BravaisType, spaceGroup: String, choice: Choice, supporting: Int = 0, crystals: Int = 0) {
        self.lattice = lattice; self.spaceGroup = spaceGroup; self.choice = choice
        self.supporting = supporting; self.crystals = crystals
    }

    /// The highest-symmetry lattice that more than half of the crystals with a lattice search
    /// support (ties: more support, then the symbol), or nil when no crystal has one. aP is
    /// supported by every crystal, so there is always such a lattice.
    public static func automatic(_ summaries: [SequenceSummary]) -> SessionLattice? {
        let suggestions = summaries.compactMap(\.lattice)
        guard !suggestions.isEmpty else { return nil }
        var support: [BravaisType: Int] = [:]
        for s in suggestions {
            for type in Set(s.candidates.compactMap(\.bravaisType)) { support[type, default: 0] += 1 }
        }
        let majority = support.filter { 2 * $0.value > suggestions.count }
        guard let best = majority.max(by: { a, b in
            if a.key.holohedryNumber != b.key.holohedryNumber { return a.key.holohedryNumber < b.key.holohedryNumber }
            if a.value != b.value { return a.value < b.value }
            return a.key.rawValue > b.key.rawValue
        }) else { return nil }
        return SessionLattice(lattice: best.key, spaceGroup: indexingGroup(best.key), choice: .automatic,
                              supporting: best.value, crystals: suggestions.count)
    }

    /// What the user asked for: a lattice symbol ("oP", "mC") indexes in its lowest-symmetry
    /// group; anything else must be a space group DIALS accepts ("P 21 21 21", "19").
    public static func requested(_ text: String, choice: Choice, summaries: [SequenceSummary]) throws(SymmetryError) -> SessionLattice {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let group: SpaceGroup
        if let type = BravaisType(label: trimmed) {
            group = try SpaceGroup(number: type.lowestSpaceGroupNumber)
        } else {
            group = try SpaceGroup(trimmed)
        }
        var lattice = SessionLattice(lattice: group.bravaisType, spaceGroup: group.symbol, choice: choice)
        let suggestions = summaries.compactMap(\.lattice)
        lattice.crystals = suggestions.count
        lattice.supporting = suggestions.filter { $0.candidate(group.bravaisType) != nil }.count
        return lattice
    }

    /// The space group `summary`'s crystal is indexed in: the session's, if the crystal supports
    /// its lattice (or the choice came from the command line), else the crystal's own
    /// recommendation. A crystal whose lattice search failed (too few reflections) has shown
    /// no disagreement, so it is tried in the session's group too.
    public func target(for summary: SequenceSummary) -> String {
        if choice == .commandLine || lattice == .aP { return spaceGroup }
        guard let suggestion = summary.lattice else { return spaceGroup }
        if suggestion.candidate(lattice) != nil { return spaceGroup }
        return suggestion.recommended.bravaisType.map(Self.indexingGroup) ?? "P 1"
    }

    /// Whether `summary` was (or is being) indexed in the session's group: the main crystal form.
    public func isMainForm(_ summary: SequenceSummary) -> Bool {
        guard let target = summary.targetSpaceGroup else { return true }
        return target == spaceGroup
    }

    /// The lattice's lowest-symmetry space group in its reference setting, the one indexing
    /// takes: C 1 2 1 for a monoclinic lattice refine_bravais_settings gave as mI.
    static func indexingGroup(_ type: BravaisType) -> String {
        (try? SpaceGroup(number: type.lowestSpaceGroupNumber))?.symbol ?? "P 1"
    }

    /// One line for the session log and the screen: "hR · H 3 · automatic: 5 of 6 crystals".
    public var description: String {
        var line = "\(lattice.rawValue) · \(spaceGroup) · "
        switch choice {
        case .automatic: line += "automatic"
        case .commandLine: line += "--space-group"
        case .user: line += "chosen"
        }
        if crystals > 0 { line += ": \(supporting) of \(crystals) crystals" }
        return line
    }
}
