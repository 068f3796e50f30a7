import ArgumentParser
import Foundation
import TriageEngine

/// What `scale` and `merge` take: a processed work directory, the crystals to leave out, cores.
struct DatasetSelection: ParsableArguments {
    @Argument(help: "A work directory written by `mxtriage process`.")
    var workdir: String

    @Option(help: "Sequences to leave out as well as those summary.json excludes, by number: \"3,7,12\".")
    var exclude: String?

    @OptionGroup var cores: CoreCountOption

    /// Claims the directory and runs the dataset step on the chosen crystals.
    func run(table: Bool) throws -> MergedDataset {
        let directory = URL(fileURLWithPath: workdir)
        let excluded = try exclude.map { try DatasetStep.sequences($0, in: directory) } ?? []
        try WorkDirectoryClaim.take(directory)
        return try DatasetStep.run(directory, excluding: excluded,
                                   threads: cores.value ?? ProcessInfo.processInfo.activeProcessorCount, table: table)
    }
}

/// `mxtriage scale DIR`: the included crystals of a processed work directory reindexed
/// consistently and scaled (as dials.cosym and dials.scale), then merged; the per-crystal
/// operators, scales, relative B and ΔCC½ and the error model are printed.
struct ScaleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scale",
        abstract: "Integrate the included crystals at full resolution, reindex them consistently, scale and merge them.",
        discussion: "Writes DIR/merged/scaled.mtz, merged.mtz and merging-statistics.json; each crystal's full-resolution integration is kept as sequence_NN/integrated_full.* and reused.")

    @OptionGroup var selection: DatasetSelection

    func run() throws {
        for line in try selection.run(table: false).crystalLines { StandardStreams.out(line + "\n") }
    }
}

/// `mxtriage merge DIR [--exclude LIST]`: the chosen crystals scaled and merged, with the
/// merging statistics per resolution shell as dials.merge prints them.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the included crystals (less --exclude) and print the merging statistics per resolution shell.",
        discussion: "Rescales the chosen set first (excluding a crystal changes every scale), then writes DIR/merged/scaled.mtz, merged.mtz and merging-statistics.json.")

    @OptionGroup var selection: DatasetSelection

    func run() throws {
        _ = try selection.run(table: true)
    }
}
