import MXGeometry
import MXReflections
import MXSymmetry

/// The refinement of one Bravais setting (`bravais_settings.refine_subgroup`): the P 1 crystal
/// symmetrised in the setting's lowest-symmetry group, the Miller indices reindexed h′ = P·h,
/// then scan-static refinement in two passes — first the reflections indexing used in
/// refinement with no outlier rejection (or, when none is flagged, all of them with Tukey's rule
/// at twice its IQR multiplier), then every reflection with Tukey's rule from the first pass's
/// models.
struct SettingRefinement: Sendable {
    var experiments: ExperimentList
    var reflections: ReflectionTable
    var options: RefinementOptions

    struct Fit: Sendable {
        var experiments: ExperimentList
        var rmsd: Double
        var matches: Int
        var correlation: SymmetryCorrelation
    }

    func refine(_ setting: BravaisSetting, group: SpaceGroup) throws(RefinementError) -> Fit {
        var list = experiments
        list.crystals = [setting.symmetrised(list.crystals[0], spaceGroupHall: group.hall)]
        let table = try Self.reindexed(reflections, by: setting.changeOfBasis)

        let used = (table.flags ?? []).map { $0.contains(.usedInRefinement) }
        var first = options
        let firstTable: ReflectionTable
        if used.contains(true) {
            first.outlier = .none
            do { firstTable = try table.select(used) } catch { throw .badInput("cannot select reflections: \(error)") }
        } else {
            var multiplier = 1.5
            if case let .tukey(m) = options.outlier { multiplier = m }
            first.outlier = .tukey(iqrMultiplier: 2 * multiplier)
            firstTable = table
        }
        let pass1 = try Refiner(experiments: list, reflections: firstTable, options: first).run()
        let pass2 = try Refiner(experiments: pass1.experiments, reflections: table, options: options).run()
        guard let last = pass2.journal.last else {
            throw .noReflections("too few reflections to take a refinement step")
        }
        var correlation = SymmetryCorrelation.none
        if let intensity = table.doubles("intensity.sum.value"), let variance = table.doubles("intensity.sum.variance"),
           let miller = table.millerIndices("miller_index") {
            correlation = SymmetryCorrelation(miller: miller, intensity: intensity, variance: variance, group: group)
        }
        return Fit(experiments: pass2.experiments, rmsd: (last.rmsdX * last.rmsdX + last.rmsdY * last.rmsdY).squareRoot(),
                   matches: last.nref, correlation: correlation)
    }

    /// The table with every Miller index h replaced by P·h (P: rows = new basis vectors in the
    /// old); (0, 0, 0), unindexed, stays.
    static func reindexed(_ table: ReflectionTable, by p: IntMatrix3) throws(RefinementError) -> ReflectionTable {
        guard let miller = table.millerIndices("miller_index") else {
            throw .badInput("the reflection table has no \"miller_index\" column")
        }
        var out = table
        let new = miller.map { h -> MillerIndex in
            let k = p.apply(SIMD3(Int(h.h), Int(h.k), Int(h.l)))
            return MillerIndex(Int32(k.x), Int32(k.y), Int32(k.z))
        }
        do { try out.setColumn("miller_index", new) } catch { throw .badInput("cannot reindex: \(error)") }
        return out
    }
}
