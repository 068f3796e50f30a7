import MXGeometry
import MXSymmetry

/// A crystal form the simulator draws a multi-crystal data set of: its space group, the cell of
/// its main population and how the second, non-isomorphous population differs. Everything else
/// (populations, orientations, wedges, instrument) is the same for every form, so that a
/// preset differs from the tutorial's data set only in what the crystal is.
///
/// The presets are data (``all``); `mxtriage simulate --preset NAME` picks one by ``name``.
public struct CrystalForm: Sendable, Equatable, CustomStringConvertible {
    /// The preset's name on the command line and in the cache directory, e.g. "thaumatin".
    public var name: String
    /// What the crystal is, for help text.
    public var summary: String
    /// The space group as DIALS spells it (reference setting), e.g. "P 41 21 2".
    public var spaceGroupSymbol: String
    /// The main population's cell (Å, degrees); lengths scatter about it, angles do not.
    public var cell: UnitCell
    /// The second population's name in truth.json and the factors its a, b and c are
    /// multiplied by (a and b tied where the lattice ties them).
    public var secondGroup: String
    public var secondGroupFactors: SIMD3<Double>

    public var description: String { name }

    /// Sweeps per data set unless told otherwise.
    public static let defaultSweeps = 24
    /// The crystals' relative cell scatter: each crystal's free cell lengths are drawn as
    /// length·(1 + s·N(0, 1)) before its group's factors.
    public static let defaultCellScatter = 0.001

    /// The space group, which decides absences, the Laue symmetry the intensities share and
    /// which cell lengths are tied.
    public var spaceGroup: SpaceGroup {
        // The presets' symbols are checked by the tests; a bad one is a programming error.
        do { return try SpaceGroup(spaceGroupSymbol) } catch { preconditionFailure("\(name): \(error)") }
    }
}

extension CrystalForm {
    /// The tutorial's crystal form: TehaA-like, H 3, a = b ≈ 98 Å, c ≈ 136 Å; the second group
    /// has c longer by 1.5 %.
    public static let teha = CrystalForm(
        name: "teha", summary: "TehA-like, H 3, 98 × 136 Å (the DIALS/BLEND tutorial's crystal form)",
        spaceGroupSymbol: "H 3", cell: UnitCell(98, 98, 136, 90, 90, 120),
        secondGroup: "long-c", secondGroupFactors: SIMD3(1, 1, 1.015))

    /// Every preset, the default first.
    public static let all: [CrystalForm] = [
        teha,
        CrystalForm(name: "thaumatin", summary: "thaumatin, P 41 21 2, 57.8 × 150.0 Å; a second form 56.0 × 155.2 Å",
                    spaceGroupSymbol: "P 41 21 2", cell: UnitCell(57.8, 57.8, 150.0, 90, 90, 90),
                    secondGroup: "second-form", secondGroupFactors: SIMD3(56.0 / 57.8, 56.0 / 57.8, 155.2 / 150.0)),
        CrystalForm(name: "lysozyme", summary: "hen egg-white lysozyme, P 43 21 2, 79.1 × 37.9 Å",
                    spaceGroupSymbol: "P 43 21 2", cell: UnitCell(79.1, 79.1, 37.9, 90, 90, 90),
                    secondGroup: "long-c", secondGroupFactors: SIMD3(1, 1, 1.02)),
        CrystalForm(name: "p212121", summary: "orthorhombic P 21 21 21, 52 × 64 × 79 Å",
                    spaceGroupSymbol: "P 21 21 21", cell: UnitCell(52, 64, 79, 90, 90, 90),
                    secondGroup: "long-b", secondGroupFactors: SIMD3(1, 1.02, 1)),
        CrystalForm(name: "c2", summary: "monoclinic C 2, 118.7 × 54.9 × 67.3 Å, β = 112°",
                    spaceGroupSymbol: "C 1 2 1", cell: UnitCell(118.7, 54.9, 67.3, 90, 112, 90),
                    secondGroup: "long-a", secondGroupFactors: SIMD3(1.02, 1, 1)),
        CrystalForm(name: "i213", summary: "cubic I 21 3, a = 78 Å",
                    spaceGroupSymbol: "I 21 3", cell: UnitCell(78, 78, 78, 90, 90, 90),
                    secondGroup: "long-a", secondGroupFactors: SIMD3(1.015, 1.015, 1.015)),
        CrystalForm(name: "p6122", summary: "hexagonal P 61 2 2, 60 × 150 Å",
                    spaceGroupSymbol: "P 61 2 2", cell: UnitCell(60, 60, 150, 90, 90, 120),
                    secondGroup: "long-c", secondGroupFactors: SIMD3(1, 1, 1.015)),
        CrystalForm(name: "p1", summary: "triclinic P 1, 41.2 × 52.7 × 63.1 Å, 87°, 94°, 101°",
                    spaceGroupSymbol: "P 1", cell: UnitCell(41.2, 52.7, 63.1, 87, 94, 101),
                    secondGroup: "long-c", secondGroupFactors: SIMD3(1, 1, 1.02)),
    ]

    /// The preset called `name`, or nil.
    public static func named(_ name: String) -> CrystalForm? { all.first { $0.name == name } }
}
