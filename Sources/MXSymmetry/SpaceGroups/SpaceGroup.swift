import Foundation

/// A space group in one setting, built from CCP4's `syminfo.lib` (the table csymlib loads):
/// symbols, operations, lattice, and what the group says about each reflection — systematic
/// absence, centricity, the multiplicity ε of its special position, its symmetry equivalents.
///
/// The reflection properties are computed here from the operators (thread-safe, no C state)
/// and are checked in the tests against csymlib's own functions for every setting.
public struct SpaceGroup: Sendable, Hashable, CustomStringConvertible {
    /// The syminfo.lib block this group is.
    public let entry: SymInfoTable.Entry
    /// Primitive operations (csymlib's `symop` lines), identity first.
    public let primitiveOperations: [SymmetryOperation]
    /// Centring translations in twelfths (zero first).
    public let centringVectors: [SIMD3<Int>]

    public init(entry: SymInfoTable.Entry) throws(SymmetryError) {
        var ops: [SymmetryOperation] = []
        for line in entry.symops {
            guard let op = SymmetryOperation(xyz: line) else {
                throw .unsupportedSpaceGroup("syminfo.lib: cannot read operator \"\(line)\" of \(entry.extendedHermannMauguin)")
            }
            ops.append(op)
        }
        var centring: [SIMD3<Int>] = []
        for line in entry.cenops {
            guard let op = SymmetryOperation(xyz: line) else {
                throw .unsupportedSpaceGroup("syminfo.lib: cannot read centring \"\(line)\" of \(entry.extendedHermannMauguin)")
            }
            centring.append(op.translationTwelfths)
        }
        guard ops.first == .identity else {
            throw .unsupportedSpaceGroup("syminfo.lib: \(entry.extendedHermannMauguin) does not start with x,y,z")
        }
        self.entry = entry
        primitiveOperations = ops
        centringVectors = centring.isEmpty ? [.zero] : centring
    }

    /// The group a user names: "P 41 21 2", "P41212", "96", "H 3", "R 3:H", "C 2", "C 1 2 1",
    /// "I 21 3", "P 1 21 1", "Hall: P 2yb" — the spellings DIALS (cctbx) accepts.
    public init(_ symbol: String) throws(SymmetryError) {
        let table = try SymInfoTable.loaded()
        guard let entry = SpaceGroupSymbols.shared?.entry(for: symbol, in: table) else {
            throw .unknownSpaceGroup("\"\(symbol)\" (give a Hermann–Mauguin symbol such as \"P 41 21 2\" or \"H 3\", or a number 1–230)")
        }
        try self.init(entry: entry)
    }

    /// The group with this Hall symbol, as a crystal in a `.expt` file records it.
    public init(hall: String) throws(SymmetryError) {
        let table = try SymInfoTable.loaded()
        guard let entry = table.entry(hall: hall) else {
            throw .unsupportedSpaceGroup("Hall symbol \"\(SymInfoTable.normalised(hall))\" is not in CCP4's syminfo.lib")
        }
        try self.init(entry: entry)
    }

    /// The standard setting of International Tables number `number` (1…230).
    public init(number: Int) throws(SymmetryError) {
        try self.init(String(number))
    }

    // MARK: Names

    public var number: Int { entry.number }
    public var hall: String { entry.hall }
    public var extendedHermannMauguin: String { entry.extendedHermannMauguin }

    /// The name users read, as DIALS users write it: "H 3" and "H 3 2" for the rhombohedral
    /// groups in hexagonal axes, the extended Hermann–Mauguin symbol otherwise ("P 41 21 2",
    /// "C 1 2 1", "P 1 21 1").
    public var symbol: String {
        if extendedHermannMauguin.hasSuffix(":H"), let old = entry.oldSymbols.first { return old }
        return extendedHermannMauguin
    }

    public var description: String { symbol }

    /// The DIALS spelling of the group a Hall symbol names (" R 3" → "H 3"), for showing a
    /// crystal's `space_group_hall_symbol`; the trimmed Hall symbol itself if no setting in
    /// syminfo.lib has it.
    public static func symbol(hall: String) -> String {
        (try? SpaceGroup(hall: hall))?.symbol ?? hall.trimmingCharacters(in: .whitespaces)
    }

    // MARK: Lattice

    /// The lattice letter of the symbol (P, A, B, C, I, F or R).
    public var centringSymbol: Character { extendedHermannMauguin.first ?? "P" }

    public var crystalSystem: CrystalSystem {
        switch number {
        case 1...2: return .triclinic
        case 3...15: return .monoclinic
        case 16...74: return .orthorhombic
        case 75...142: return .tetragonal
        case 143...167: return centringSymbol == "R" ? .rhombohedral : .hexagonal
        case 168...194: return .hexagonal
        default: return .cubic
        }
    }

    /// The group's Bravais lattice type (A/B/C/I-centred monoclinic is mC, A/B/C orthorhombic oC).
    public var bravaisType: BravaisType {
        let c = centringSymbol
        switch crystalSystem {
        case .triclinic: return .aP
        case .monoclinic: return c == "P" ? .mP : .mC
        case .orthorhombic: return c == "P" ? .oP : (c == "I" ? .oI : (c == "F" ? .oF : .oC))
        case .tetragonal: return c == "I" ? .tI : .tP
        case .hexagonal: return .hP
        case .rhombohedral: return .hR
        case .cubic: return c == "I" ? .cI : (c == "F" ? .cF : .cP)
        }
    }

    /// Whether this is the setting International Tables gives first for its number.
    public var isStandardSetting: Bool { entry.isStandardSetting }

    // MARK: Operations

    /// Every operation: each primitive one combined with each centring vector, centring-major
    /// (csymlib's order).
    public var operations: [SymmetryOperation] {
        centringVectors.flatMap { c in
            primitiveOperations.map { SymmetryOperation(rotation: $0.rotation, translationTwelfths: $0.translationTwelfths &+ c) }
        }
    }

    /// The rotation parts of the primitive operations (the point group, proper and improper).
    public var rotations: [IntMatrix3] { primitiveOperations.map(\.rotation) }

    /// Whether the group has no improper rotations (a protein crystal's group is).
    public var isChiral: Bool { rotations.allSatisfy { $0.determinant == 1 } }

    /// The metric constraints refinement applies to a crystal of this group.
    public var metricConstraints: MetricConstraints { MetricConstraints(rotations: rotations) }

    // MARK: Reflections

    /// Extinct by the lattice centring or a screw axis or glide plane: some operation fixes h
    /// (h·R = h) but shifts its phase (h·t not an integer).
    public func isSystematicallyAbsent(_ h: SIMD3<Int>) -> Bool {
        for c in centringVectors where (h.x * c.x + h.y * c.y + h.z * c.z) % 12 != 0 { return true }
        for op in primitiveOperations.dropFirst() where op.rotate(h) == h {
            for c in centringVectors where (op.phaseTwelfths(h) + h.x * c.x + h.y * c.y + h.z * c.z) % 12 != 0 {
                return true
            }
        }
        return false
    }

    /// Some operation takes h to −h (its intensity statistics are centric).
    public func isCentric(_ h: SIMD3<Int>) -> Bool {
        primitiveOperations.contains { $0.rotate(h) == 0 &- h }
    }

    /// ε, the number of primitive rotations that leave h unchanged (cctbx's `epsilon`; csymlib's
    /// `ccp4spg_get_multiplicity` is this times the number of centring vectors).
    public func epsilon(_ h: SIMD3<Int>) -> Int {
        primitiveOperations.count { $0.rotate(h) == h }
    }

    /// h's symmetry equivalents and their Friedel mates (distinct, sorted).
    public func equivalents(_ h: SIMD3<Int>) -> [SIMD3<Int>] {
        var set = Set<SIMD3<Int>>()
        for op in primitiveOperations {
            let k = op.rotate(h)
            set.insert(k)
            set.insert(0 &- k)
        }
        return set.sorted { ($0.x, $0.y, $0.z) < ($1.x, $1.y, $1.z) }
    }

    /// One representative per set of equivalents under the Laue group (the lexicographically
    /// smallest of ``equivalents(_:)``): reflections that must share an intensity share it.
    public func laueRepresentative(_ h: SIMD3<Int>) -> SIMD3<Int> {
        var best = h
        for op in primitiveOperations {
            let k = op.rotate(h)
            for c in [k, 0 &- k] where (c.x, c.y, c.z) < (best.x, best.y, best.z) { best = c }
        }
        return best
    }

    public static func == (a: SpaceGroup, b: SpaceGroup) -> Bool { a.entry == b.entry }
    public func hash(into hasher: inout Hasher) { hasher.combine(entry.hall) }
}
