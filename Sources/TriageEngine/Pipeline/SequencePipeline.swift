import Foundation
import MXGeometry
import MXIndexing
import MXReflections
import MXRefinement
import MXSpotFinding
import MXSymmetry
import Synchronization

/// One sequence from images to MTZ: the tutorial's per-sweep script, in process. Each stage
/// writes the tutorial's file, reports its status and results as events, and on failure leaves
/// a one-line reason; the stages after a failure are skipped. A stage already done in an
/// earlier run (its status in `summary` and its output file on disk) is not run again.
struct SequencePipeline: Sendable {
    var summary: SequenceSummary
    /// This sweep alone, from the session's import.
    let imported: ExperimentList
    let options: TriageOptions
    /// The space group of index_target (DIALS's spelling), "P 1" to index in P 1 again; nil
    /// when only the stages up to index_p1 run.
    let target: String?
    let clock: EngineClock
    let isCancelled: @Sendable () -> Bool
    let emit: @Sendable (EngineEvent) -> Void
    var files: SequenceFiles
    /// The summary as last sent in a `.sequence` event.
    private var published: SequenceSummary?
    /// A stage failed (here or in an earlier run): the rest are skipped.
    private var failed = false
    /// A stage was run in this pipeline: the done stages after it are not trusted.
    private var redone = false

    init(summary: SequenceSummary, imported: ExperimentList, options: TriageOptions, target: String?, directory: URL,
         clock: EngineClock = .continuous,
         isCancelled: @escaping @Sendable () -> Bool, emit: @escaping @Sendable (EngineEvent) -> Void) {
        self.summary = summary
        self.clock = clock
        self.imported = imported
        self.options = options
        self.target = target
        self.isCancelled = isCancelled
        self.emit = emit
        files = SequenceFiles(directory: directory)
    }

    /// The file each stage leaves behind; a resumed run trusts a `.done` stage only if it reads back (`isTrustworthy`).
    static func output(of stage: PipelineStage) -> String {
        switch stage {
        case .importImages: return "imported.expt"
        case .spots: return "strong.refl"
        case .indexP1: return "P1_models.expt"
        case .indexTarget: return "indexed.expt"
        case .refine: return "refined.expt"
        case .integrate: return "integrated.refl"
        case .export: return "integrated.mtz"
        }
    }

    /// The stages before the session's lattice is known, and those that depend on it.
    static let beforeLattice = PipelineStage.allCases.filter { $0 <= .indexP1 }
    static let afterLattice = PipelineStage.allCases.filter { $0 > .indexP1 }

    /// Runs every stage of `stages` not already done; returns the final summary.
    mutating func run(_ stages: [PipelineStage] = PipelineStage.allCases) -> SequenceSummary {
        begin(stages)
        for stage in stages { run(stage) }
        return end()
    }

    /// Prepares to run `stages`: the sequence's directory, and — for a run that indexes in the
    /// target group — index_target and the stages after it queued again when the crystal was
    /// indexed in another group before (also when one of them failed).
    mutating func begin(_ stages: [PipelineStage]) {
        do { try WorkDirectory.create(files.directory) } catch {
            fail(.importImages, StageFailure("cannot create \(files.directory.path): \(error.localizedDescription)"))
        }
        if stages.contains(.indexTarget) { retarget() }
        failed = summary.failure != nil
    }

    /// Runs `stage` unless it is done (and its file reads back, and nothing before it was
    /// redone); skips it after a failure or once cancelled.
    mutating func run(_ stage: PipelineStage) {
        if failed || isCancelled() {
            if summary[stage] != .done { set(stage, .skipped) }
            return
        }
        if summary[stage] == .done, !redone, files.isTrustworthy(Self.output(of: stage)) { return }
        if !redone {
            // What a later stage kept was computed from this stage's old result; the later
            // stages may run in another call (after the session's lattice is chosen).
            redone = true
            for later in PipelineStage.allCases where later > stage && summary[later] == .done { set(later, .queued) }
        }
        set(stage, .running(fraction: nil))
        let start = clock.seconds()
        do {
            try runStage(stage)
            summary.seconds[stage.rawValue] = clock.seconds() - start
            set(stage, .done)
            if stage != PipelineStage.allCases.last { publish() }
        } catch {
            fail(stage, error)
            failed = true
        }
    }

    /// Reports the final summary (once more, if it changed) and returns it.
    mutating func end() -> SequenceSummary {
        publish()
        return summary
    }

    /// Queues index_target and the stages after it when they were done (or failed) for
    /// another space group than ``target``.
    private mutating func retarget() {
        guard let target, let previous = summary.targetSpaceGroup, !Self.sameGroup(previous, target) else { return }
        guard !Self.beforeLattice.contains(where: { summary[$0].isFailed }) else { return }
        for stage in Self.afterLattice { set(stage, .queued) }
        summary.failure = nil
        summary.indexedCount = nil
        summary.spaceGroup = nil
        summary.rmsd = nil
        summary.integratedCount = nil
        log("indexed in \(previous) before: index_target and the stages after it run again in \(target)")
    }

    static func sameGroup(_ a: String, _ b: String) -> Bool {
        guard let ga = try? SpaceGroup(a), let gb = try? SpaceGroup(b) else { return a == b }
        return ga == gb
    }

    /// Reports the summary if it changed since it was last reported: after every stage, so
    /// the screen shows results as they come, and once more at the end with the final state.
    private mutating func publish() {
        guard summary != published else { return }
        published = summary
        emit(.sequence(summary))
    }

    private mutating func runStage(_ stage: PipelineStage) throws {
        switch stage {
        case .importImages: try importImages()
        case .spots: try findSpots()
        case .indexP1: try indexP1()
        case .indexTarget: try indexTarget()
        case .refine: try refine()
        case .integrate: try integrate()
        case .export: try export()
        }
    }

    private mutating func set(_ stage: PipelineStage, _ status: StageStatus) {
        summary[stage] = status
        emit(.stage(sequence: summary.number, stage: stage, status: status))
    }

    private mutating func fail(_ stage: PipelineStage, _ error: Error) {
        let reason = (error as? StageFailure)?.description ?? String(describing: error)
        summary.failure = "\(stage.rawValue): \(reason)"
        set(stage, .failed(reason: reason))
        emit(.log(sequence: summary.number, line: "\(stage.rawValue) failed: \(reason)"))
    }

    func log(_ line: String) { emit(.log(sequence: summary.number, line: line)) }

    // MARK: - Stages

    private mutating func importImages() throws {
        try files.save(imported, as: "imported.expt")
        log("imported \(summary.imageCount) images: \(summary.template)")
    }

    private mutating func findSpots() throws {
        let list = try files.experiments("imported.expt")
        let finder = SpotFinder(nproc: options.threadsPerJob)
        let number = summary.number
        let total = Double(max(1, summary.imageCount))
        let emit = self.emit
        let imagesDone = Atomic<Int>(0)
        let result: SpotFindingResult
        do {
            // One call per image, in whatever order the worker threads finish them.
            result = try finder.findSpots(in: list) { _ in
                let done = imagesDone.add(1, ordering: .relaxed).newValue
                emit(.stage(sequence: number, stage: .spots, status: .running(fraction: Double(done) / total)))
            }
        } catch {
            throw StageFailure("\(error)")
        }
        if let failure = result.failures.first { throw StageFailure("\(failure)") }
        try files.save(result.reflections, as: "strong.refl")
        summary.spotCount = result.reflections.nrows
        log("found \(result.reflections.nrows) strong spots")
        guard result.reflections.nrows > 0 else { throw StageFailure("no strong spots found (blank images?)") }
    }

    private mutating func indexP1() throws {
        let list = try files.experiments("imported.expt")
        let strong = try files.reflections("strong.refl")
        let result: IndexingResult
        do { result = try Indexer().index(experiments: list, strong: strong) } catch {
            throw StageFailure("\(error)")
        }
        for line in result.log { log(line) }
        summary.indexingMethod = result.method
        summary.indexedCount = result.indexedCount
        summary.cell = result.experiments.crystals[0].unitCell.parameters
        try files.save(result.experiments, as: "P1_models.expt")
        log("P 1: \(result.indexedCount) indexed (\(result.method))")
        if options.spaceGroup == nil {
            // The lattice search's input, kept so that dials.refine_bravais_settings
            // P1_models.expt P1_indexed.refl reproduces bravais_summary.json.
            var table = result.reflections
            table.identifiers = [0: result.experiments.experiments[0].identifier]
            try files.save(table, as: "P1_indexed.refl")
            suggestLattice(result)
        }
    }

    /// The second indexing step, from the P 1 orientation, in ``target`` (P 1 again for an aP
    /// lattice, as the tutorial's single dials.index call would leave it).
    private mutating func indexTarget() throws {
        let group = target ?? "P 1"
        summary.targetSpaceGroup = group
        var indexing = IndexingOptions()
        do { indexing.targetSpaceGroup = try IndexingOptions.targetSpaceGroup(group) } catch {
            throw StageFailure("\(error)")
        }
        let list = try files.experiments("P1_models.expt")
        let strong = try files.reflections("strong.refl")
        try saveIndexed(try index(list, strong, indexing))
    }

    /// `refine_bravais_settings` on the P 1 solution: the recommended lattices are recorded
    /// (the session's lattice is chosen from them) and `bravais_summary.json` written beside
    /// them. A crystal whose settings cannot be refined has no suggestion (the reason is in its log)
    /// and is indexed in the session's group.
    private mutating func suggestLattice(_ indexed: IndexingResult) {
        let settings: [RefinedBravaisSetting]
        do { settings = try BravaisSettingsRefinement(experiments: indexed.experiments, reflections: indexed.reflections).run() } catch {
            log("refine_bravais_settings: \(error)")
            return
        }
        summary.lattice = LatticeSuggestion(settings)
        if let s = summary.lattice {
            log("refine_bravais_settings recommends \(s.lattice) (δ \(String(format: "%.3f", s.delta))°, \(s.spaceGroup))")
        }
        do { try files.save(text: JSONWriter.string(BravaisSummary.json(settings)), as: "bravais_summary.json") } catch {
            log("\(error)")
        }
    }

    private func index(_ list: ExperimentList, _ strong: ReflectionTable, _ options: IndexingOptions) throws -> IndexingResult {
        do { return try Indexer(options: options).index(experiments: list, strong: strong) } catch {
            throw StageFailure("\(error)")
        }
    }

    private mutating func saveIndexed(_ result: IndexingResult) throws {
        for line in result.log { log(line) }
        var table = result.reflections
        table.identifiers = [0: result.experiments.experiments[0].identifier]
        try files.save(result.experiments, as: "indexed.expt")
        try files.save(table, as: "indexed.refl")
        let crystal = result.experiments.crystals[0]
        summary.indexedCount = result.indexedCount
        summary.cell = crystal.unitCell.parameters
        summary.spaceGroup = SpaceGroup.symbol(hall: crystal.spaceGroupHall)
        log("indexed \(result.indexedCount) reflections, \(result.unindexedCount) unindexed")
    }

    private mutating func refine() throws {
        let list = try files.experiments("indexed.expt")
        let table = try files.reflections("indexed.refl")
        let scope = RefinementScope.sequence(summary.number)
        let emit = self.emit
        let result: RefinementResult
        do {
            result = try Refiner(experiments: list, reflections: table, options: RefinementOptions())
                .run { step in emit(.refinementStep(scope: scope, row: RefinementStepRow(step))) }
        } catch {
            throw StageFailure("\(error)")
        }
        try files.save(result.experiments, as: "refined.expt")
        try files.save(result.reflections, as: "refined.refl")
        let crystal = result.experiments.crystals[0]
        summary.cell = crystal.unitCell.parameters
        summary.spaceGroup = SpaceGroup.symbol(hall: crystal.spaceGroupHall)
        if let r = result.experimentRMSDs.first {
            summary.rmsd = .init(xPixels: r.xPixels, yPixels: r.yPixels, zImages: r.zImages, nref: r.nref)
        }
        emit(.refinement(RefinementReport(result, scope: scope, sequences: [summary.number])))
        log("refined: \(result.termination.rawValue)")
    }
}
