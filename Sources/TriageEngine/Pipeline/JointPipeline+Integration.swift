import Foundation
import MXExport
import MXGeometry
import MXIntegration
import MXReflections

extension JointPipeline {
    /// Integrates the jointly refined experiments in the session's band, splits them into one
    /// experiment per file (`split_NN.expt/.refl`, as dials.split_experiments names them) and
    /// exports one MTZ each.
    mutating func integrateSplitExport(_ experiments: ExperimentList, _ reflections: ReflectionTable,
                                       _ files: inout SequenceFiles) throws {
        begin("integrate")
        let result: IntegrationResult
        do {
            result = try Integrator(options: options.integration(threads: TriageOptions.cores))
                .integrate(experiments: experiments, reflections: reflections)
        } catch {
            throw StageFailure("integrate: \(error)")
        }
        try files.save(result.experiments, as: "integrated.expt")
        try files.save(result.reflections, as: "integrated.refl")
        begin("split")
        let parts: [ExperimentSplitter.Part]
        // Split and export read back what the step before wrote, as in the per-sequence
        // pipeline (see SequenceFiles), so these files equal the subcommands' to the last bit.
        do {
            parts = try ExperimentSplitter.split(experiments: try files.experiments("integrated.expt"),
                                                 reflections: try files.reflections("integrated.refl"))
        } catch let failure as StageFailure {
            throw failure
        } catch {
            throw StageFailure("split: \(error)")
        }
        begin("export")
        var exported: [String] = []
        for (i, part) in parts.enumerated() {
            let stem = ExperimentSplitter.fileStem(prefix: "split", index: i, count: parts.count)
            try files.save(part.experiments, as: stem + ".expt")
            try files.save(part.reflections, as: stem + ".refl")
            let (list, table) = (try files.experiments(stem + ".expt"), try files.reflections(stem + ".refl"))
            do {
                try UnmergedMTZ.write(experiments: list, reflections: table, to: files.url(stem + ".mtz"))
            } catch {
                throw StageFailure("export \(stem): \(error)")
            }
            exported.append(files.url(stem + ".mtz").path)
        }
        mtzFiles = exported
    }
}
