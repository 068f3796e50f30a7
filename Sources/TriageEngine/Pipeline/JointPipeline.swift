import Foundation
import MXClustering
import MXGeometry
import MXReflections
import MXRefinement

/// The tutorial's joint step on the included sequences: combine their refined experiments and
/// indexed reflections with experiment 0's beam, detector and goniometer shared by all (model
/// comparison off: individually refined beams differ beyond tolerance), refine jointly with
/// Tukey outliers, integrate in the same band, split into one experiment per file, export one
/// MTZ each — then the caller clusters the jointly refined cells. Files go to `joint/`.
struct JointPipeline {
    let sequences: [Int]
    let work: WorkDirectory
    let options: TriageOptions
    var status: JointStatus
    let emit: @Sendable (EngineEvent) -> Void
    /// The split MTZ files, in `sequences` order, once exported.
    var mtzFiles: [String] = []

    init(sequences: [Int], work: WorkDirectory, options: TriageOptions, runs: Int,
         emit: @escaping @Sendable (EngineEvent) -> Void) {
        self.sequences = sequences
        self.work = work
        self.options = options
        self.emit = emit
        status = JointStatus(phase: .idle, sequences: sequences, runs: runs)
    }

    /// Runs every step; returns the cluster analysis of the jointly refined cells, or nil after
    /// reporting a failure.
    mutating func run() -> ClusterResult? {
        do {
            try WorkDirectory.create(work.joint)
            var files = SequenceFiles(directory: work.joint)
            begin("combine")
            let combined = try combine()
            try files.save(combined.experiments, as: "combined.expt")
            try files.save(combined.reflections, as: "combined.refl")
            begin("refine")
            // Each step reads what the last one wrote, as the subcommands do (see SequenceFiles).
            let refined = try refine(try files.experiments("combined.expt"), try files.reflections("combined.refl"))
            try files.save(refined.experiments, as: "refined.expt")
            try files.save(refined.reflections, as: "refined.refl")
            let individual = try files.experiments("combined.expt"), experiments = try files.experiments("refined.expt")
            status.cells = experiments.crystals.map(\.unitCell.parameters)
            status.individualVariation = .init(individual.crystals.map(\.unitCell))
            status.jointVariation = .init(experiments.crystals.map(\.unitCell))
            if let detector = experiments.detectors.first, let beam = experiments.beams.first {
                status.distanceMM = detector[0].distance
                if let hit = detector.rayIntersection(beam.s0) {
                    let px = detector[hit.panel].millimeterToPixel(hit.mm)
                    status.beamCentrePixels = [px.x, px.y]
                }
            }
            try integrateSplitExport(experiments, try files.reflections("refined.refl"), &files)
            begin("cluster")
            let result = ClusterResult(source: .joint, sequences: sequences, cells: status.cells)
            status.phase = .done
            emit(.joint(status))
            return result
        } catch {
            let reason = (error as? StageFailure)?.description ?? String(describing: error)
            status.phase = .failed(reason: reason)
            emit(.log(sequence: nil, line: "joint refinement failed: \(reason)"))
            emit(.joint(status))
            return nil
        }
    }

    /// Reports that step `name` (combine, refine, integrate, split, export, cluster) started.
    mutating func begin(_ name: String) {
        status.phase = .running(stage: name)
        emit(.joint(status))
    }

    private func combine() throws -> ExperimentCombiner.Output {
        var inputs: [ExperimentCombiner.Input] = []
        for number in sequences {
            var files = SequenceFiles(directory: work.sequence(number))
            inputs.append(.init(experiments: try files.experiments("refined.expt"),
                                reflections: try files.reflections("indexed.refl"),
                                name: SequenceSummary.directoryName(number)))
        }
        do {
            return try ExperimentCombiner.combine(inputs, options: .reference(from: 0, compareModels: false))
        } catch {
            throw StageFailure("combine: \(error)")
        }
    }

    private func refine(_ experiments: ExperimentList, _ reflections: ReflectionTable) throws -> RefinementResult {
        var refinement = RefinementOptions()
        refinement.trackParameterCorrelation = true
        let emit = self.emit
        let result: RefinementResult
        do {
            result = try Refiner(experiments: experiments, reflections: reflections, options: refinement)
                .run { step in emit(.refinementStep(scope: .joint, row: RefinementStepRow(step))) }
        } catch {
            throw StageFailure("refine: \(error)")
        }
        emit(.refinement(RefinementReport(result, scope: .joint, sequences: sequences)))
        emit(.log(sequence: nil, line: "joint refinement of \(sequences.count) experiments: \(result.termination.rawValue)"))
        return result
    }
}

extension JointStatus.CellVariation {
    init(_ cells: [UnitCell]) {
        let variation = LinearCellVariation(cells: cells)
        self.init(lcv: variation.lcv, alcv: variation.alcv)
    }
}
