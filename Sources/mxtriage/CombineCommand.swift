import ArgumentParser
import Foundation
import MXGeometry
import MXRefinement
import MXReflections

/// `mxtriage combine`: many experiment/reflection pairs into one, like
/// `dials.combine_experiments`; `--reference-from N` makes experiment N's beam, goniometer and
/// detector shared by all (after checking they agree within DIALS's tolerances, unless
/// `--force`).
struct CombineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "combine",
        abstract: "Combine experiment lists and their reflections, optionally sharing one experiment's beam, goniometer and detector.")

    @Argument(help: "Pairs of files: EXPT REFL [EXPT REFL ...] (or all .expt files followed by all .refl files).")
    var files: [String]

    @Option(name: .customLong("reference-from"), help: "Take beam, goniometer and detector from this experiment (index over all inputs) for every experiment.")
    var referenceFrom: Int?

    @Flag(help: "Replace models by the reference even when they differ beyond tolerance (DIALS compare_models=False).")
    var force = false

    @Option(name: .customLong("output-experiments"), help: "The combined experiment list to write.")
    var outputExperiments = "combined.expt"

    @Option(name: .customLong("output-reflections"), help: "The combined reflections to write.")
    var outputReflections = "combined.refl"

    func run() throws {
        let expts = files.filter { $0.hasSuffix(".expt") || $0.hasSuffix(".json") }
        let refls = files.filter { $0.hasSuffix(".refl") || $0.hasSuffix(".pickle") }
        guard !expts.isEmpty, expts.count == refls.count, expts.count + refls.count == files.count else {
            throw CommandFailure.badInput("combine needs the same number of .expt and .refl files (got \(expts.count) and \(refls.count))")
        }
        var inputs: [ExperimentCombiner.Input] = []
        for (e, r) in zip(expts, refls) {
            let (list, table) = try RefineInput.load(experiments: e, reflections: r)
            inputs.append(.init(experiments: list, reflections: table, name: (e as NSString).lastPathComponent))
        }
        var options = ExperimentCombiner.Options()
        if let referenceFrom { options = .reference(from: referenceFrom, compareModels: !force) }
        let output: ExperimentCombiner.Output
        do { output = try ExperimentCombiner.combine(inputs, options: options) } catch {
            throw RefineInput.failure(error)
        }
        print(DIALSTable.render(header: ["Experiment", "Number of reflections"],
                                rows: output.reflectionsPerExperiment.enumerated().map { [String($0), String($1)] }))
        do { try output.experiments.write(to: URL(fileURLWithPath: outputExperiments)) } catch {
            throw CommandFailure.processing("\(outputExperiments): cannot be written (\(error.localizedDescription))")
        }
        do { try output.reflections.write(to: URL(fileURLWithPath: outputReflections)) } catch {
            throw CommandFailure.processing("\(outputReflections): cannot be written (\(error))")
        }
        print("Saving combined experiments to \(outputExperiments)")
        print("Saving combined reflections to \(outputReflections)")
    }
}
