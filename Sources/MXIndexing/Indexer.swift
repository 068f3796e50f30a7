import Foundation
import MXGeometry
import MXReflections
import MXRefinement

/// Indexes one rotation sweep as `dials.index` does with joint=False: a basis-vector search
/// (fft3d, falling back to fft1d), candidate models refined briefly and ranked, or a crystal
/// already in the experiment list (known orientation); then macro-cycles of index assignment and
/// scan-static refinement with Tukey outlier rejection, applying the target symmetry on the first.
/// Unlike dials.index, a solution whose final RMSDs or indexed fraction show it is wrong is
/// rejected and the next-ranked candidate is tried (`IndexingOptions.candidatesTried`).
public struct Indexer: Sendable {
    public var options: IndexingOptions

    public init(options: IndexingOptions = IndexingOptions()) { self.options = options }

    public func index(experiments: ExperimentList, strong: ReflectionTable, experiment e: Int = 0) throws(IndexingFailure) -> IndexingResult {
        guard e >= 0, e < experiments.count else { throw .badInput("experiment \(e) does not exist") }
        let models = try RotationModels(experiments, experiment: e)
        let spots = try PreparedSpots(table: strong, experiment: e, models: models)
        guard spots.count >= 10 else { throw .tooFewSpots(spots.count) }
        var log: [String] = []
        let identifier = experiments.experiments[e].identifier
        var outcome: MacroCycleOutcome
        if let known = experiments.crystal(of: experiments.experiments[e]) {
            log.append("Using the crystal model in the input (known orientation): \(known.unitCell)")
            outcome = try macroCycles(from: known, dMinStart: nil, method: "known orientation", spots: spots, models: models,
                                      identifier: identifier, log: &log)
            if let reason = rejection(of: outcome, spots: spots.count) { throw .noCandidateSurvived("known orientation: \(reason)") }
        } else {
            outcome = try firstAcceptedCandidate(spots: spots, models: models, identifier: identifier, log: &log)
        }
        let output = Self.indexedTable(outcome.refinement.reflections, intensitiesFrom: strong, rows: spots.rows)
        let indexed = output.ints("id")!.filter { $0 >= 0 }.count
        var list = Self.singleExperiment(models: outcome.models, crystal: outcome.refinement.experiments.crystals[0],
                                         identifier: identifier)
        if let imageset = experiments.imageset(of: experiments.experiments[e]) {
            list.imagesets = [imageset]
            list.experiments[0].imageset = 0
        }
        return IndexingResult(experiments: list, reflections: output, method: outcome.method, log: log,
                              refinement: outcome.refinement, indexedCount: indexed, unindexedCount: output.nrows - indexed)
    }

    /// The basis-vector searches in turn (fft3d, then fft1d), each one's best-ranked candidate
    /// models taken through the macro-cycles until one passes ``rejection(of:spots:)``: a
    /// solution DIALS would not keep is never returned, and when none passes the reasons for
    /// each rejection are the failure.
    func firstAcceptedCandidate(spots: PreparedSpots, models: RotationModels, identifier: String,
                                log: inout [String]) throws(IndexingFailure) -> MacroCycleOutcome {
        let maxCell = try maxCell(spots: spots)
        log.append(String(format: "Found max_cell: %.1f Å", maxCell))
        let methods: [IndexingOptions.Method] = options.method == .fft3d && options.fallbackToFFT1D ? [.fft3d, .fft1d] : [options.method]
        var rejections: [String] = []
        for method in methods {
            let ranked: RankedCandidates
            do { ranked = try rankedCandidates(method, spots: spots, models: models, maxCell: maxCell, log: &log) } catch {
                rejections.append("\(method.rawValue): \(error)")
                continue
            }
            for (rank, candidate) in ranked.crystals.prefix(options.candidatesTried).enumerated() {
                let name = "\(method.rawValue) candidate \(rank + 1)"
                log.append("\(name): \(candidate.unitCell)")
                do {
                    let outcome = try macroCycles(from: candidate, dMinStart: ranked.dMin, method: method.rawValue, spots: spots,
                                                  models: models, identifier: identifier, log: &log)
                    guard let reason = rejection(of: outcome, spots: spots.count) else { return outcome }
                    log.append("\(name) rejected: \(reason)")
                    rejections.append("\(name): \(reason)")
                } catch {
                    log.append("\(name) rejected: \(error)")
                    rejections.append("\(name): \(error)")
                }
            }
        }
        throw .noCandidateSurvived(rejections.joined(separator: " · "))
    }

    /// The macro-cycles' result for one starting model.
    struct MacroCycleOutcome {
        var refinement: RefinementResult
        /// Beam and detector as the last cycle refined them.
        var models: RotationModels
        var method: String
        var indexed: Int
    }

    /// Why a refined solution is not kept, or nil: RMSDs in x or y above
    /// `maxAcceptedRMSDPixels`, or fewer than `minIndexedFraction` of the spots indexed.
    func rejection(of outcome: MacroCycleOutcome, spots: Int) -> String? {
        let fraction = Double(outcome.indexed) / Double(max(spots, 1))
        guard let r = outcome.refinement.experimentRMSDs.first else { return "refinement reported no RMSDs" }
        if r.xPixels > options.maxAcceptedRMSDPixels || r.yPixels > options.maxAcceptedRMSDPixels {
            return String(format: "RMSD %.2f %.2f px is above %.2f px", r.xPixels, r.yPixels, options.maxAcceptedRMSDPixels)
        }
        if fraction < options.minIndexedFraction {
            return String(format: "%d of %d spots indexed (%.0f %%, need %.0f %%)", outcome.indexed, spots, 100 * fraction,
                          100 * options.minIndexedFraction)
        }
        return nil
    }

    /// dials.index's macro-cycles from one model: index assignment, the target symmetry on the
    /// first cycle, scan-static refinement with Tukey outlier rejection, d_min stepped from the
    /// search's resolution to all data. A volume change of more than 50 % in one cycle (DIALS's
    /// sanity check) ends the attempt.
    func macroCycles(from start: Crystal, dMinStart: Double?, method: String, spots initialSpots: PreparedSpots,
                     models initialModels: RotationModels, identifier: String,
                     log: inout [String]) throws(IndexingFailure) -> MacroCycleOutcome {
        var crystal = start
        var models = initialModels
        var spots = initialSpots
        var outcome: MacroCycleOutcome?
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
            let table = try refinementTable(spots: spots, assigned: assigned, identifier: identifier)
            var refineOptions = RefinementOptions()
            refineOptions.reflectionsPerDegree = 100
            refineOptions.autoReduction = .fix
            let list = Self.singleExperiment(models: models, crystal: crystal, identifier: identifier)
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
            let indexed = assigned.compactMap { $0 }.count
            log.append(String(format: "Macro-cycle %d: d_min %.2f Å, %d indexed, RMSD %.3f %.3f px %.3f images",
                              cycle + 1, dMin, indexed, rmsd?.xPixels ?? .nan, rmsd?.yPixels ?? .nan, rmsd?.zImages ?? .nan))
            outcome = MacroCycleOutcome(refinement: result, models: models, method: method, indexed: indexed)
        }
        guard let outcome else { throw .refinementFailed("no macro-cycle ran") }
        return outcome
    }

    /// The experiment list refinement works on: these models and one crystal.
    static func singleExperiment(models: RotationModels, crystal: Crystal, identifier: String) -> ExperimentList {
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
