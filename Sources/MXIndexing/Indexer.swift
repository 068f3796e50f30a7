import Foundation
import MXGeometry
import MXReflections
import MXRefinement

/// Indexes one rotation sweep as `dials.index` does with joint=False: a basis-vector search
/// (fft3d, falling back to fft1d), candidate models refined briefly and scored, or a crystal
/// already in the experiment list (known orientation); then macro-cycles of index assignment and
/// scan-static refinement with Tukey outlier rejection, applying the target symmetry on the first.
public struct Indexer: Sendable {
    public var options: IndexingOptions

    public init(options: IndexingOptions = IndexingOptions()) { self.options = options }

    public func index(experiments: ExperimentList, strong: ReflectionTable, experiment e: Int = 0) throws(IndexingFailure) -> IndexingResult {
        guard e >= 0, e < experiments.count else { throw .badInput("experiment \(e) does not exist") }
        var models = try ExperimentModels(experiments, experiment: e)
        var spots = try PreparedSpots(table: strong, experiment: e, models: models)
        guard spots.count >= 10 else { throw .tooFewSpots(spots.count) }
        var log: [String] = []
        let method: String
        var crystal: Crystal
        var dMinStart: Double?
        if let known = experiments.crystal(of: experiments.experiments[e]) {
            crystal = known
            method = "known orientation"
            log.append("Using the crystal model in the input (known orientation): \(known.unitCell)")
        } else {
            let found = try searchBasis(spots: spots, models: models, log: &log)
            crystal = found.crystal
            method = found.method
            dMinStart = found.dMin
        }
        var refined: RefinementResult?
        var table = ReflectionTable()
        let dAll = spots.rlp.map { 1 / $0.length }.min() ?? 0
        for cycle in 0..<max(1, options.macroCycles) {
            var dMin = dAll
            if let start = dMinStart, options.macroCycles > 1 {
                dMin = max(dAll, start - Double(cycle) * (start - dAll) / Double(options.macroCycles - 1))
            }
            if cycle == 0, let target = options.targetSpaceGroup {
                crystal = try applySymmetry(target, to: crystal)
                log.append("Applied symmetry \(target.symbol): \(crystal.unitCell)")
            }
            let volumeBefore = crystal.unitCell.volume
            let assigned = IndexAssignment(tolerance: options.hklTolerance)
                .assign(rlps: spots.rlp, phis: spots.mm.map(\.z), A: crystal.A, dMin: dMin)
            table = try refinementTable(spots: spots, assigned: assigned, identifier: experiments.experiments[e].identifier)
            var refineOptions = RefinementOptions()
            refineOptions.reflectionsPerDegree = 100
            refineOptions.autoReduction = .fix
            let list = Self.singleExperiment(models: models, crystal: crystal, identifier: experiments.experiments[e].identifier)
            let result: RefinementResult
            do {
                result = try Refiner(experiments: list, reflections: table, options: refineOptions).run()
            } catch {
                throw .refinementFailed("macro-cycle \(cycle + 1): \(error)")
            }
            crystal = result.experiments.crystals[0]
            guard abs(crystal.unitCell.volume - volumeBefore) <= 0.5 * volumeBefore else {
                throw .refinementFailed("the cell volume changed by more than 50 % in macro-cycle \(cycle + 1)")
            }
            let x = result.experiments.experiments[0]
            models.beam = result.experiments.beam(of: x)!
            models.detector = result.experiments.detector(of: x)!
            spots.remap(models)
            let rmsd = result.experimentRMSDs.first
            log.append(String(format: "Macro-cycle %d: d_min %.2f Å, %d indexed, RMSD %.3f %.3f px %.3f images",
                              cycle + 1, dMin, assigned.compactMap { $0 }.count, rmsd?.xPixels ?? .nan,
                              rmsd?.yPixels ?? .nan, rmsd?.zImages ?? .nan))
            refined = result
        }
        guard let refinement = refined else { throw .refinementFailed("no macro-cycle ran") }
        let output = Self.indexedTable(refinement.reflections, intensitiesFrom: strong, rows: spots.rows)
        let indexed = output.ints("id")!.filter { $0 >= 0 }.count
        var list = Self.singleExperiment(models: models, crystal: refinement.experiments.crystals[0],
                                         identifier: experiments.experiments[e].identifier)
        if let imageset = experiments.imageset(of: experiments.experiments[e]) {
            list.imagesets = [imageset]
            list.experiments[0].imageset = 0
        }
        return IndexingResult(experiments: list, reflections: output, method: method, log: log, refinement: refinement,
                              indexedCount: indexed, unindexedCount: output.nrows - indexed)
    }

    /// The experiment list refinement works on: these models and one crystal.
    static func singleExperiment(models: ExperimentModels, crystal: Crystal, identifier: String) -> ExperimentList {
        var list = ExperimentList()
        list.beams = [models.beam]
        list.detectors = [models.detector]
        list.goniometers = [models.goniometer]
        list.scans = [models.scan]
        list.crystals = [crystal]
        list.experiments = [Experiment(identifier: identifier, beam: 0, detector: 0, goniometer: 0, scan: 0, crystal: 0)]
        return list
    }

    /// The table refinement reads: every spot, indexed ones with id 0.
    func refinementTable(spots: PreparedSpots, assigned: [SIMD3<Int32>?], identifier: String) throws(IndexingFailure) -> ReflectionTable {
        var t = ReflectionTable(nrows: spots.count, identifiers: [0: identifier])
        do {
            try t.setColumn("id", assigned.map { $0 == nil ? Int32(-1) : 0 })
            try t.setColumn("miller_index", assigned.map { h in h.map { MillerIndex($0.x, $0.y, $0.z) } ?? .zero })
            try t.setColumn("panel", spots.panel.map(UInt64.init))
            try t.setColumn("xyzobs.mm.value", spots.mm)
            try t.setColumn("xyzobs.mm.variance", spots.mmVariance)
            try t.setColumn("entering", spots.entering)
            try t.setColumn("rlp", spots.rlp)
            try t.setColumn("bbox", spots.bbox)
            let flags = assigned.map { ($0 == nil ? ReflectionFlags.strong : [.strong, .indexed]).rawValue }
            try t.setColumn(ReflectionTable.flagsColumn, flags)
        } catch {
            throw .badInput("cannot build the reflection table: \(error)")
        }
        return t
    }

    /// indexed.refl as dials.index writes it: refinement's outliers become unindexed (id −1,
    /// Miller index 0), and the spot finder's summed intensities (`intensity.sum.value`,
    /// `intensity.sum.variance` of the strong table's `rows`) come along, which
    /// `refine_bravais_settings` correlates. (The xyzobs.px columns are not carried over.)
    static func indexedTable(_ refined: ReflectionTable, intensitiesFrom strong: ReflectionTable, rows: [Int]) -> ReflectionTable {
        var t = refined
        for name in ["intensity.sum.value", "intensity.sum.variance"] {
            if let values = strong.doubles(name) { try? t.setColumn(name, rows.map { values[$0] }) }
        }
        let flags = t.flags ?? []
        var ids = t.ints("id") ?? []
        var miller = t.millerIndices("miller_index") ?? []
        var raw = t.sizes(ReflectionTable.flagsColumn) ?? []
        for i in 0..<t.nrows where flags.indices.contains(i) && flags[i].contains(.centroidOutlier) {
            ids[i] = -1
            miller[i] = .zero
            raw[i] &= ~ReflectionFlags.indexed.rawValue
        }
        try? t.setColumn("id", ids)
        try? t.setColumn("miller_index", miller)
        try? t.setColumn(ReflectionTable.flagsColumn, raw)
        return t
    }
}
