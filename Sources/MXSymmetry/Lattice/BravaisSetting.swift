import Foundation
import MXGeometry

/// One candidate lattice of a crystal, as a row of `dials.refine_bravais_settings`: the Bravais
/// type, Le Page's metric fit, and the change of basis from the input cell to the conventional
/// cell of that lattice.
public struct BravaisSetting: Sendable, Equatable {
    public var bravais: BravaisType
    /// "mI" for a monoclinic lattice given in its body-centred I 2 setting, else the type's name.
    public var label: String
    /// Le Page's δ: the largest angle (degrees) between direct and reciprocal axes of the
    /// setting's two-folds in the input cell.
    public var metricFit: Double
    /// new basis rows = P · input basis rows, integer, with det P = the lattice's centring count
    /// for a primitive input cell. Miller indices transform as h′ = P·h.
    public var changeOfBasis: IntMatrix3
    /// The input cell in this setting, before symmetrising.
    public var unitCell: UnitCell
    /// The rotations of the lattice's point group in the new basis (proper ones).
    public var rotations: Set<IntMatrix3>

    /// The cb_op in DIALS's abc notation ("a+b,-a+b,c"): the new basis vectors in the old.
    public var changeOfBasisSymbol: String {
        (0..<3).map { linearCombination(changeOfBasis.row($0), names: ["a", "b", "c"]) }.joined(separator: ",")
    }

    /// The cell made exact for the crystal system: monoclinic α = γ = 90°; orthorhombic all
    /// angles 90°; tetragonal also a = b; hexagonal and rhombohedral (hexagonal axes) a = b,
    /// γ = 120°; cubic a = b = c. Equal edges take the root mean square of the edges, which is
    /// what averaging the metric over the group's rotations gives (cctbx's symmetrised cell).
    public static func idealCell(_ cell: UnitCell, system: CrystalSystem) -> UnitCell {
        switch system {
        case .triclinic: return cell
        case .monoclinic: return UnitCell(cell.a, cell.b, cell.c, 90, cell.beta, 90)
        case .orthorhombic: return UnitCell(cell.a, cell.b, cell.c, 90, 90, 90)
        case .tetragonal:
            let ab = ((cell.a * cell.a + cell.b * cell.b) / 2).squareRoot()
            return UnitCell(ab, ab, cell.c, 90, 90, 90)
        case .hexagonal, .rhombohedral:
            let ab = ((cell.a * cell.a + cell.b * cell.b) / 2).squareRoot()
            return UnitCell(ab, ab, cell.c, 90, 90, 120)
        case .cubic:
            let m = ((cell.a * cell.a + cell.b * cell.b + cell.c * cell.c) / 3).squareRoot()
            return UnitCell(m, m, m, 90, 90, 90)
        }
    }

    /// The crystal (given in the input basis) in this setting with its metric made exact and its
    /// orientation U kept, labelled with `spaceGroupHall` — rstbx's symmetrised orientation.
    public func symmetrised(_ crystal: Crystal, spaceGroupHall: String) -> Crystal {
        let v = crystal.realSpaceVectors
        let basis = LatticeBasis(a: v.a, b: v.b, c: v.c).transformed(changeOfBasis)
        var out = Crystal(realSpaceA: basis.a, b: basis.b, c: basis.c, spaceGroupHall: spaceGroupHall)
        out.setB(Self.idealCell(out.unitCell, system: bravais.crystalSystem).fractionalization.transpose)
        return out
    }
}
