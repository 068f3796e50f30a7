import Foundation
import MXGeometry

/// Le Page's lattice-symmetry search as `dials.refine_bravais_settings` runs it before refining
/// (cctbx `metric_subgroups` via rstbx's `iotbx_converter`): Niggli-reduce the cell, find the
/// lattice's rotation group from the two-folds with δ ≤ `maxDelta` (DIALS: 5°), and list every
/// subgroup that is the holohedry of a Bravais lattice, with its conventional cell and metric fit.
///
/// Settings come in DIALS's order: larger metric fit first, and when two fits differ by less
/// than 0.01° the higher-symmetry lattice first (the order the table prints, numbered N … 1).
public struct LatticeSearch: Sendable {
    public let maxDelta: Double
    /// The Niggli-reduced basis the search ran in.
    public let reducedBasis: LatticeBasis
    /// Rows: the reduced basis vectors in the input basis.
    public let toReduced: IntMatrix3
    public let latticeGroup: LatticeGroup
    /// Highest first; the last is always aP.
    public let settings: [BravaisSetting]

    /// - Parameter bestMonoclinicBeta: give a monoclinic C lattice in its I 2 setting (label
    ///   "mI") when that β is nearer 90°, as `refine_bravais_settings` prints it; indexing into a
    ///   C-centred target keeps C.
    public init(cell crystal: Crystal, maxDelta: Double = 5, bestMonoclinicBeta: Bool = true) throws(SymmetryError) {
        let v = crystal.realSpaceVectors
        try self.init(a: v.a, b: v.b, c: v.c, maxDelta: maxDelta, bestMonoclinicBeta: bestMonoclinicBeta)
    }

    public init(a: Vec3, b: Vec3, c: Vec3, maxDelta: Double = 5, bestMonoclinicBeta: Bool = true) throws(SymmetryError) {
        let reduction: NiggliReduction
        do { reduction = try NiggliReduction(a: a, b: b, c: c) } catch {
            throw .latticeNotSupported("the cell cannot be Niggli-reduced (\(error))")
        }
        self.maxDelta = maxDelta
        let n = reduction.P  // columns: reduced vectors in the input basis
        let toReduced = IntMatrix3([n[0][0], n[1][0], n[2][0], n[0][1], n[1][1], n[2][1], n[0][2], n[1][2], n[2][2]])
        let basis = LatticeBasis(a: reduction.vectors.a, b: reduction.vectors.b, c: reduction.vectors.c)
        let latticeGroup = LatticeGroup(reducedBasis: basis, maxDelta: maxDelta)
        self.toReduced = toReduced
        self.reducedBasis = basis
        self.latticeGroup = latticeGroup
        let input = LatticeBasis(a: a, b: b, c: c)
        let inputIsReduced = zip(Self.sortedEdges(input.unitCell), Self.sortedEdges(basis.unitCell))
            .allSatisfy { abs($0 - $1) <= 1e-5 * $1 }
        // Rows: the input basis vectors in the reduced basis (toReduced has determinant ±1).
        let fromReduced = IntMatrix3(toReduced.adjugate.e.map { $0 * toReduced.determinant })
        var found: [BravaisSetting] = []
        for group in latticeGroup.subgroups {
            guard let conventional = ConventionalCell.find(group: group, basis: basis,
                                                           preferBodyCentredMonoclinic: bestMonoclinicBeta) else { continue }
            var p = conventional.p * toReduced
            var rotations = Set(group.map { Self.conjugate($0, by: conventional.p) })
            // cctbx keeps the input basis when it is already a conventional cell of the lattice
            // (the same rotations, a similar cell): P 1 keeps a reduced input cell as it is,
            // thaumatin's tP setting is "a,b,c".
            let inInput = Set(group.map { Self.conjugate($0, by: fromReduced) })
            if (group.count == 1 && inputIsReduced)
                || (group.count > 1 && inInput == rotations
                    && input.unitCell.isSimilar(to: input.transformed(p).unitCell, relativeLength: 0.01, angle: 1)) {
                p = .identity
                rotations = inInput
            }
            let inSetting = input.transformed(p)
            found.append(BravaisSetting(bravais: conventional.bravais, label: conventional.label,
                                        metricFit: LatticeGroup.maxDelta(of: group, in: basis),
                                        changeOfBasis: p, unitCell: inSetting.unitCell, rotations: rotations))
        }
        settings = Self.dialsOrder(found)
    }

    static func sortedEdges(_ cell: UnitCell) -> [Double] { [cell.a, cell.b, cell.c].sorted() }

    /// R in the basis P (rows = new vectors in the old): coordinates transform as x′ = P⁻ᵀx, so
    /// R′ = P⁻ᵀ·R·Pᵀ.
    static func conjugate(_ r: IntMatrix3, by p: IntMatrix3) -> IntMatrix3 {
        let d = p.determinant
        let product = p.adjugate.transpose * r * p.transpose
        return IntMatrix3(product.e.map { $0 / d })
    }

    /// cctbx's order: candidates listed by decreasing group order then lattice number, then
    /// placed one by one by binary insertion (what Python's sort does for short lists) under the
    /// comparison "larger δ first; δ within 0.01° → higher lattice number first".
    static func dialsOrder(_ settings: [BravaisSetting]) -> [BravaisSetting] {
        let start = settings.sorted { l, r in
            let (kl, kr) = (l.rotations.count * l.bravais.centringCount, r.rotations.count * r.bravais.centringCount)
            if kl != kr { return kl > kr }
            if l.bravais.holohedryNumber != r.bravais.holohedryNumber { return l.bravais.holohedryNumber > r.bravais.holohedryNumber }
            return l.metricFit > r.metricFit
        }
        func before(_ x: BravaisSetting, _ y: BravaisSetting) -> Bool {
            if abs(x.metricFit - y.metricFit) < 0.01 { return x.bravais.holohedryNumber > y.bravais.holohedryNumber }
            return x.metricFit > y.metricFit
        }
        var out: [BravaisSetting] = []
        for s in start {
            var lo = 0, hi = out.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if before(s, out[mid]) { hi = mid } else { lo = mid + 1 }
            }
            out.insert(s, at: lo)
        }
        return out
    }

    /// The setting of this lattice type with the smallest metric fit (how `dials.index` picks the
    /// setting for a target space group), or nil if the cell has none within `maxDelta`.
    public func bestSetting(for bravais: BravaisType) -> BravaisSetting? {
        settings.filter { $0.bravais == bravais && $0.label != "mI" }.min { $0.metricFit < $1.metricFit }
    }
}
