import ArgumentParser
import Foundation
import MXGeometry
import MXIndexing
import MXReflections

/// `mxtriage index`: a sweep's strong spots → a crystal model and indexed reflections, like
/// `dials.index` (joint=False: each experiment on its own).
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Index strong spots: a basis-vector search (or the crystal already in EXPT), then refinement macro-cycles.")

    @Argument(help: "The experiment list (imported.expt, or P1_models.expt for a known orientation).")
    var experiments: String

    @Argument(help: "The strong spots (strong.refl).")
    var reflections: String

    @Option(name: .customLong("space-group"),
            help: "Target space group in its reference setting, e.g. \"P 41 21 2\", \"C 2\", \"H 3\" or a number; default P 1.",
            transform: SpaceGroupArgument.parse)
    var spaceGroup: String?

    @Option(help: "Basis-vector search: fft3d (falls back to fft1d by itself) or fft1d.")
    var method: IndexingOptions.Method = .fft3d

    @Option(name: .customLong("output-experiments"), help: "Where to write the indexed experiments.")
    var outputExperiments = "indexed.expt"

    @Option(name: .customLong("output-reflections"), help: "Where to write the indexed reflections.")
    var outputReflections = "indexed.refl"

    func run() throws {
        var options = IndexingOptions()
        options.method = method
        options.targetSpaceGroup = try spaceGroup.flatMap { try IndexingOptions.targetSpaceGroup($0) }
        let list: ExperimentList
        let strong: ReflectionTable
        do {
            list = try ExperimentList(contentsOf: URL(fileURLWithPath: experiments))
            strong = try ReflectionTable(contentsOf: URL(fileURLWithPath: reflections))
        } catch {
            throw CommandFailure.badInput("\(error)")
        }
        var outExperiments = ExperimentList()
        var outReflections = ReflectionTable()
        var failures: [String] = []
        for e in 0..<list.count {
            do {
                let result = try Indexer(options: options).index(experiments: list, strong: strong, experiment: e)
                for line in result.log { print(line) }
                print("Experiment \(e): \(result.indexedCount) indexed, \(result.unindexedCount) unindexed (\(result.method))")
                let offset = outExperiments.count
                outExperiments.append(result.experiments)
                var table = result.reflections
                try? table.modifyColumn("id", as: Int32.self) { ids in
                    for i in ids.indices where ids[i] >= 0 { ids[i] += Int32(offset) }
                }
                table.identifiers = [offset: list.experiments[e].identifier]
                do { try outReflections.extend(table) } catch { failures.append("experiment \(e): \(error)") }
            } catch {
                failures.append("experiment \(e): \(error)")
            }
        }
        // Nothing indexed: the reason is the one line; otherwise the failures are warnings.
        guard outExperiments.count > 0 else {
            throw CommandFailure.processing(failures.first ?? "nothing indexed")
        }
        for f in failures { printError(f) }
        do {
            try outExperiments.write(to: URL(fileURLWithPath: outputExperiments))
            try outReflections.write(to: URL(fileURLWithPath: outputReflections))
        } catch {
            throw CommandFailure.processing("cannot write the output: \(error)")
        }
        print("Saved \(outExperiments.count) experiment\(outExperiments.count == 1 ? "" : "s") to \(outputExperiments) and \(outReflections.nrows) reflections to \(outputReflections)")
        if !failures.isEmpty { throw CommandFailure.processing("\(failures.count) experiment(s) did not index") }
    }
}

extension IndexingOptions.Method: ExpressibleByArgument {}
