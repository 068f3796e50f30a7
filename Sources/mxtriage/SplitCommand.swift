import ArgumentParser
import Foundation
import MXExport

/// `mxtriage split`: one experiment list and reflection file per experiment, named as
/// `dials.split_experiments` names them (split_0.expt … or split_00.expt … for 10 or more).
struct SplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Split an experiment list and its reflections into one pair of files per experiment.")

    @Argument(help: "The experiment list (.expt).")
    var experiments: String

    @Argument(help: "The reflections (.refl).")
    var reflections: String

    @Option(help: "File name prefix: PREFIX_NN.expt and PREFIX_NN.refl.")
    var prefix = "split"

    func run() throws {
        let (list, table) = try RefineInput.load(experiments: experiments, reflections: reflections)
        let parts: [ExperimentSplitter.Part]
        do { parts = try ExperimentSplitter.split(experiments: list, reflections: table) } catch {
            throw CommandFailure.badInput(error.description)
        }
        for (i, part) in parts.enumerated() {
            let stem = ExperimentSplitter.fileStem(prefix: prefix, index: i, count: parts.count)
            do { try part.experiments.write(to: URL(fileURLWithPath: stem + ".expt")) } catch {
                throw CommandFailure.processing("\(stem).expt: cannot be written (\(error.localizedDescription))")
            }
            do { try part.reflections.write(to: URL(fileURLWithPath: stem + ".refl")) } catch {
                throw CommandFailure.processing("\(stem).refl: cannot be written (\(error))")
            }
            print("Saving experiment \(i) and its \(part.reflections.nrows) reflections to \(stem).expt, \(stem).refl")
        }
    }
}
