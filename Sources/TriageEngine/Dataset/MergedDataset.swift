import Foundation
import MXExport
import MXGeometry
import MXMerging
import MXReflections
import MXSymmetry

/// The dataset of a chosen set of crystals, as DIALS makes one after the tutorial's cells:
/// `dials.integrate` at full resolution per crystal (kept as `integrated_full.*`, so a crystal
/// is integrated once however often the set changes), consistent indexing (`dials.cosym`),
/// scaling (`dials.scale`), merging statistics with a CC½ resolution estimate and ΔCC½ per
/// crystal (`dials.merge`, `dials.estimate_resolution`, `dials.compute_delta_cchalf`), and the
/// files that come next: `merged/scaled.mtz`, `merged/merged.mtz`, `merged/merging-statistics.json`.
public struct MergedDataset: Sendable {
    /// What one crystal contributed.
    public struct Contribution: Sendable, Equatable, Codable {
        public var sequence: Int
        public var template: String
        /// Scaled observations kept (not outliers).
        public var observations: Int
        /// The reindexing operator applied for consistent indexing, in DIALS's spelling.
        public var cbOp: String
        /// The crystal's mean inverse scale ⟨g⟩ and relative B (Å²) against the first crystal.
        public var scale: Double
        public var relativeB: Double
        /// ΔCC½ = CC½(all) − CC½(all but this crystal); negative for a crystal that hurts.
        public var deltaCCHalf: Double?
    }

    public var spaceGroup: String
    public var unitCell: UnitCell
    public var wavelength: Double
    public var crystals: [Contribution]
    public var statistics: MergingStatistics
    public var resolution: ResolutionEstimate?
    /// DIALS's basic error model σ′² = a²(σ² + (b·I)²), nil if it was not refined.
    public var errorModel: (a: Double, b: Double)?
    /// The Laue group from the intensities, when no space group was given.
    public var intensitySymmetry: IntensitySymmetry?

    /// Builds the dataset of `sequences` (usable ones of one crystal form, in the order given)
    /// in `work`, writing `work.merged`. With `chooseLaueGroup` (no space group was given) the
    /// intensities choose the Laue group first. `log` receives one line per step.
    public static func make(sequences: [SequenceSummary], work: WorkDirectory, threads: Int, chooseLaueGroup: Bool,
                            log: (String) -> Void) throws -> MergedDataset {
        guard !sequences.isEmpty else { throw StageFailure("no included sequence reached an MTZ") }
        var lists: [ExperimentList] = [], crystals: [CrystalObservations] = []
        for summary in sequences {
            var files = SequenceFiles(directory: work.sequence(summary.number))
            let started = Date()
            let (experiments, reflections, redone) = try FullResolutionIntegration.ensure(&files, threads: threads)
            let observations = try CrystalObservations(experiments: experiments, reflections: reflections)
            if redone {
                log("\(summary.name): integrated to \(String(format: "%.2f", try FullResolutionIntegration.options(for: experiments, threads: 1).dMin)) Å, "
                    + "\(observations.count) reflections for scaling (" + String(format: "%.1f s", Date().timeIntervalSince(started)) + ")")
            }
            lists.append(experiments)
            crystals.append(observations)
        }
        let halls = Set(lists.compactMap { $0.crystals.first.map { SymInfoTable.normalised($0.spaceGroupHall) } })
        guard halls.count == 1, let hall = halls.first else {
            throw StageFailure("the crystals are not indexed in one space group (\(halls.sorted().joined(separator: ", ")))")
        }
        var group: SpaceGroup
        do { group = try SpaceGroup(hall: hall) } catch { throw StageFailure("space group \(hall): \(error)") }
        let cell = meanCell(lists.compactMap { $0.crystals.first?.unitCell })
        var symmetry: IntensitySymmetry?
        if chooseLaueGroup {
            let (found, chosen) = try intensitySymmetry(crystals, indexedIn: group, cell: cell, log: log)
            symmetry = found
            group = chosen
        }

        let indexing = try consistentIndexing(crystals, spaceGroup: group, cell: cell, log: log)
        for c in crystals.indices { crystals[c].hkl = crystals[c].hkl.map(indexing.operations[c].apply) }
        let scaled = try scale(crystals, spaceGroup: group)

        let statistics = MergingStatistics(scaled.unmerged, spaceGroup: group, cell: cell)
        let delta = sequences.count >= 3
            ? DeltaCCHalf(scaled.unmerged, groups: scaled.crystalOfUnmerged, spaceGroup: group, cell: cell) : nil
        let wavelength = lists[0].beams.first?.wavelength ?? 0
        let dataset = MergedDataset(
            spaceGroup: group.symbol, unitCell: cell, wavelength: wavelength,
            crystals: sequences.indices.map { c in
                Contribution(sequence: sequences[c].number, template: sequences[c].template,
                             observations: scaled.crystalOfUnmerged.count { $0 == c }, cbOp: indexing.cbOps[c],
                             scale: scaled.meanScale[c], relativeB: scaled.relativeB[c], deltaCCHalf: delta?.delta[c])
            },
            statistics: statistics, resolution: ResolutionEstimate(statistics), errorModel: scaled.errorModel,
            intensitySymmetry: symmetry)
        try dataset.write(lists: lists, crystals: crystals, scaled: scaled, indexing: indexing, hall: group.hall, to: work.merged)
        log(dataset.summaryLine)
        return dataset
    }

    /// "merged 5 crystals in H 3: 61234 observations, 9876 unique, 98.7 % complete to 2.60 Å,
    /// CC½ 0.998, ⟨I/σ⟩ 12.3; CC½ = 0.3 at 2.45 Å".
    public var summaryLine: String {
        let o = statistics.overall
        var line = "merged \(crystals.count) crystals in \(spaceGroup): \(o.observations) observations, \(o.unique) unique, "
            + String(format: "%.1f %% complete to %.2f Å, CC½ %.3f, ⟨I/σ⟩ %.1f", 100 * o.completeness, o.dMin, o.ccHalf, o.meanIOverSigma)
        if let resolution { line += String(format: "; CC½ = %.1f at %.2f Å", resolution.ccHalfLimit, resolution.dMin) }
        return line
    }

    static func meanCell(_ cells: [UnitCell]) -> UnitCell {
        UnitCell(parameters: (0..<6).map { p in cells.reduce(0) { $0 + $1.parameters[p] } / Double(cells.count) })
    }
}
