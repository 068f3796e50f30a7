import Foundation
import MXExport
import MXGeometry
import MXMerging
import MXSymmetry

extension MergedDataset {
    /// scaled.mtz (every crystal's scaled observations, outliers left out, batches numbered on
    /// from crystal to crystal), merged.mtz and merging-statistics.json, each written atomically.
    func write(lists: [ExperimentList], crystals: [CrystalObservations], scaled: ScaledCrystals,
               indexing: CrystalReindexing, hall: String, to directory: URL) throws {
        try WorkDirectory.create(directory)
        var combined = ExperimentList()
        for (c, list) in lists.enumerated() {
            var reindexed = list
            // h′ = R·h, so A′ = A·R⁻¹ keeps every reflection's scattering vector A·h.
            let r = indexing.operations[c]
            let rInverse = Mat3(rowMajor: r.e.map(Double.init)).inverse
            // The merged group may be the intensities' Laue group rather than the indexing's.
            reindexed.crystals = reindexed.crystals.map { var x = $0; x.A = x.A * rInverse; x.spaceGroupHall = hall; return x }
            combined.append(reindexed)
        }
        var rows: [ScaledObservationRow] = []
        for (c, crystal) in crystals.enumerated() {
            for k in 0..<crystal.count {
                let s = scaled.index(crystal: c, observation: k)
                guard !scaled.isOutlier[s] else { continue }
                rows.append(ScaledObservationRow(
                    experiment: c, hkl: crystal.hkl[k], intensity: crystal.intensity[k] / scaled.inverseScale[s],
                    sigma: scaled.scaledVariance[s].squareRoot(), inverseScale: scaled.inverseScale[s],
                    xyzobsPx: crystal.xyzobsPx[k], rotationDegrees: crystal.rotationDegrees[k], partiality: crystal.partiality[k]))
            }
        }
        var options = MTZExportOptions()
        options.title = "From mxtriage scale"
        options.history = ["From mxtriage scale (scaled unmerged MTZ, as dials.export after dials.scale)"]
        do {
            try ScaledMTZ.write(experiments: combined, rows: rows, to: directory.appendingPathComponent("scaled.mtz"), options: options)
            options.title = "From mxtriage merge"
            options.history = ["From mxtriage merge (merged MTZ, as dials.merge)"]
            try MergedMTZ.write(MergedIntensities(scaled.unmerged, spaceGroup: try SpaceGroup(hall: hall), cell: unitCell),
                                spaceGroupHall: hall, cell: unitCell, wavelength: wavelength,
                                to: directory.appendingPathComponent("merged.mtz"), options: options)
        } catch {
            throw StageFailure("merged files: \(error)")
        }
        let json = try JSONCoding.encoder(pretty: true).encode(MergingStatisticsFile(self))
        do {
            try json.write(to: directory.appendingPathComponent("merging-statistics.json"), options: .atomic)
        } catch {
            throw StageFailure("merging-statistics.json cannot be written: \(error.localizedDescription)")
        }
    }
}

/// merged/merging-statistics.json: the set's crystals with their contributions, the error
/// model, and the merging statistics overall and per shell under the names dials.merge's JSON
/// and xia2 use (`n_obs`, `cc_one_half`, `r_pim`, …; completeness as a fraction).
struct MergingStatisticsFile: Encodable {
    struct Shell: Encodable {
        var d_max: Double, d_min: Double, n_obs: Int, n_uniq: Int, n_possible: Int
        var completeness: Double, multiplicity: Double, i_mean: Double, i_over_sigma_mean: Double
        var r_merge: Double, r_meas: Double, r_pim: Double, cc_one_half: Double, cc_one_half_sigma_tau: Double
        var cc_one_half_pairs: Int

        init(_ s: ShellStatistics) {
            d_max = s.dMax; d_min = s.dMin; n_obs = s.observations; n_uniq = s.unique; n_possible = s.possible
            completeness = s.completeness; multiplicity = s.multiplicity; i_mean = s.meanIntensity
            i_over_sigma_mean = s.meanIOverSigma; r_merge = s.rMerge; r_meas = s.rMeas; r_pim = s.rPim
            cc_one_half = s.ccHalf; cc_one_half_sigma_tau = s.ccHalfSigmaTau; cc_one_half_pairs = s.ccHalfPairs
        }
    }
    struct Crystal: Encodable {
        var sequence: Int, template: String, observations: Int, cb_op: String
        var scale: Double, relative_b: Double, delta_cc_half: Double?
    }
    struct ErrorModel: Encodable { var a: Double, b: Double }
    struct Resolution: Encodable { var cc_half_limit: Double, d_min: Double }
    struct LaueGroup: Encodable { var laue_group: String, likelihood: Double, confidence: Double, space_group: String, applied: Bool }

    var format = "mxtriage-merging-statistics"
    var version = 1
    var space_group: String
    var unit_cell: [Double]
    var wavelength: Double
    var crystals: [Crystal]
    var error_model: ErrorModel?
    var overall: Shell
    var shells: [Shell]
    var resolution_estimate: Resolution?
    var laue_group_from_intensities: LaueGroup?

    init(_ d: MergedDataset) {
        space_group = d.spaceGroup
        unit_cell = d.unitCell.parameters
        wavelength = d.wavelength
        crystals = d.crystals.map {
            Crystal(sequence: $0.sequence, template: $0.template, observations: $0.observations, cb_op: $0.cbOp,
                    scale: $0.scale, relative_b: $0.relativeB, delta_cc_half: $0.deltaCCHalf)
        }
        error_model = d.errorModel.map { ErrorModel(a: $0.a, b: $0.b) }
        overall = Shell(d.statistics.overall)
        shells = d.statistics.shells.map(Shell.init)
        resolution_estimate = d.resolution.map { Resolution(cc_half_limit: $0.ccHalfLimit, d_min: $0.dMin) }
        laue_group_from_intensities = d.intensitySymmetry.map {
            LaueGroup(laue_group: $0.laueGroup, likelihood: $0.likelihood, confidence: $0.confidence,
                      space_group: $0.spaceGroup, applied: $0.applied)
        }
    }
}
