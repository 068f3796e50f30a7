import ArgumentParser
import Foundation
import TriageEngine

/// `mxtriage ui`: the triage screen over a set of sweeps, or over a work directory a previous
/// `process`/`ui` run left (resuming it).
struct UICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "Process sweeps live on one keyboard-driven screen: status, refinement, correlations, dendrogram, exclusions, joint refinement.")

    @Argument(help: "Image files, directories or globs; omit to resume the session in --workdir.")
    var images: [String] = []

    @Option(help: "The work directory (default ./mxtriage-work).")
    var workdir = "mxtriage-work"

    @Option(name: .customLong("space-group"),
            help: "Space group for the second indexing step, in its reference setting, e.g. \"P 41 21 2\", \"C 2\", \"H 3\" or a number; default: chosen from every crystal's refine_bravais_settings table.",
            transform: SpaceGroupArgument.parse)
    var spaceGroup: String?

    @OptionGroup var cores: CoreCountOption

    @Option(help: "Theme name (themes/NAME.toml) or path; default $MXTRIAGE_THEME or dark.")
    var theme: String?

    func run() throws {
        var inputs = images
        var options = SessionSetup(workdir: "")
        options.workdir = workdir
        options.spaceGroup = spaceGroup
        options.jobs = cores.value
        if inputs.isEmpty {
            guard let previous = SummaryFile.read(URL(fileURLWithPath: workdir).appendingPathComponent("summary.json")) else {
                throw CommandFailure.badInput("give images to process, or a --workdir with a summary.json to resume")
            }
            inputs = previous.inputs
            options.spaceGroup = spaceGroup ?? previous.options.spaceGroup
            options.dMin = previous.options.dMin
            options.dMax = previous.options.dMax
            options.widenBand = previous.options.widenBand
        }
        let (session, log) = try options.open(inputs: inputs, simulation: nil)
        try TerminalSession.run(session, log: log, title: inputs.count == 1 ? inputs[0] : "\(inputs.count) inputs", theme: theme)
    }
}
