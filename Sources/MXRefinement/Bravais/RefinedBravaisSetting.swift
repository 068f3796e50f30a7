import MXGeometry
import MXSymmetry

/// One row of `dials.refine_bravais_settings`: a Le Page setting of the P 1 crystal after the
/// crystal was symmetrised in the lattice's lowest-symmetry space group and refined with the
/// reflections reindexed into the setting.
public struct RefinedBravaisSetting: Sendable {
    /// N … 1 in table order; the P 1 setting is 1.
    public var settingNumber: Int
    /// The lattice, its metric fit and the change of basis from the input cell.
    public var setting: BravaisSetting
    /// The refined experiments, crystal in the setting's basis and lowest-symmetry group (what
    /// `bravais_setting_N.expt` holds).
    public var experiments: ExperimentList
    /// √(RMSD_X² + RMSD_Y²) over the refinement matches (mm).
    public var rmsd: Double
    /// The number of refinement matches (DIALS's `Nmatches`, "#spots").
    public var matches: Int
    /// Correlations of intensities related by the lowest-symmetry group's operators.
    public var correlation: SymmetryCorrelation
    /// `identify_likely_solutions`'s verdict ("*" in the table).
    public var recommended: Bool

    /// The lattice as DIALS prints it ("oP", "mC", "mI", "hR").
    public var lattice: String { setting.label }

    /// The refined cell of the setting.
    public var unitCell: UnitCell { experiments.crystals[0].unitCell }
}
