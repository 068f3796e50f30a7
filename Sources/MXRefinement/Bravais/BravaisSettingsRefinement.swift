import MXGeometry
import MXReflections
import MXSymmetry

/// `dials.refine_bravais_settings` (`refined_settings_from_refined_triclinic`): every lattice
/// Le Page's search finds for an indexed P 1 crystal (metric fit ≤ `lepageMaxDelta`), each
/// refined in its own setting, with DIALS's recommendation.
///
/// Settings are refined concurrently, one per core; each is a pure function of the input, so
/// the result does not depend on the thread count.
public struct BravaisSettingsRefinement: Sendable {
    public var experiments: ExperimentList
    public var reflections: ReflectionTable
    /// DIALS's `lepage_max_delta` (degrees).
    public var lepageMaxDelta: Double
    /// DIALS's `best_monoclinic_beta`: list a centred monoclinic lattice in its I 2 setting
    /// ("mI") when that cell is less oblique.
    public var bestMonoclinicBeta: Bool
    /// The refinement of each setting: `dials.refine`'s scan-static defaults (Tukey's outlier
    /// rejection, which `refine_bravais_settings` picks for a rotation scan) with 100
    /// reflections per degree, as `refine_bravais_settings` overrides it.
    public var options: RefinementOptions

    public static let defaultOptions: RefinementOptions = {
        var o = RefinementOptions()
        o.reflectionsPerDegree = 100
        return o
    }()

    public init(experiments: ExperimentList, reflections: ReflectionTable, lepageMaxDelta: Double = 5,
                bestMonoclinicBeta: Bool = true, options: RefinementOptions = Self.defaultOptions) {
        self.experiments = experiments
        self.reflections = reflections
        self.lepageMaxDelta = lepageMaxDelta
        self.bestMonoclinicBeta = bestMonoclinicBeta
        self.options = options
    }

    /// The refined settings, highest symmetry first and P 1 (setting 1) last — the table's order.
    public func run() throws(BravaisSettingsError) -> [RefinedBravaisSetting] {
        guard experiments.count > 0, experiments.crystals.count == 1 else {
            throw .badInput("the experiments must hold exactly one crystal (found \(experiments.crystals.count))")
        }
        let crystal = experiments.crystals[0]
        guard SymInfoTable.normalised(crystal.spaceGroupHall) == "P 1" else {
            throw .badInput("the crystal is in \(SpaceGroup.symbol(hall: crystal.spaceGroupHall)); Bravais settings start from the P 1 crystal indexing gives")
        }
        let search: LatticeSearch
        do { search = try LatticeSearch(cell: crystal, maxDelta: lepageMaxDelta, bestMonoclinicBeta: bestMonoclinicBeta) } catch {
            throw .badInput("\(error)")
        }
        let settings = search.settings
        var jobs: [(BravaisSetting, SpaceGroup)] = []
        for s in settings {
            do { jobs.append((s, try s.lowestSymmetrySpaceGroup())) } catch { throw .badInput("\(error)") }
        }
        let job = SettingRefinement(experiments: experiments, reflections: reflections, options: options)
        let fits = jobs.parallelMap { setting, group in
            Result { () throws(RefinementError) in try job.refine(setting, group: group) }
        }
        var out: [RefinedBravaisSetting] = []
        for (i, fit) in fits.enumerated() {
            let number = settings.count - i
            switch fit {
            case let .failure(error): throw .refinement(settingNumber: number, lattice: settings[i].label, error)
            case let .success(f):
                out.append(RefinedBravaisSetting(settingNumber: number, setting: settings[i], experiments: f.experiments,
                                                 rmsd: f.rmsd, matches: f.matches, correlation: f.correlation,
                                                 recommended: false))
            }
        }
        let r1 = out[out.count - 1].rmsd
        for i in out.indices {
            out[i].recommended = LikelySolutions.isRecommended(metricFit: out[i].setting.metricFit, rmsd: out[i].rmsd,
                                                               minCC: out[i].correlation.minimum, triclinicRMSD: r1)
        }
        return out
    }
}
