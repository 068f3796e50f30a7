import ArgumentParser
import Foundation

/// The `mxtriage` command: the triage sessions, and one subcommand per processing stage named
/// as DIALS names them; grouped so `--help` reads by what a user came to do.
struct MXTriage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mxtriage",
        abstract: "Multi-crystal triage for rotation data: import, process, cluster, refine jointly.",
        version: MXTriageVersion.string,
        groupedSubcommands: [
            CommandGroup(name: "Triage session", subcommands: [
                ProcessCommand.self, UICommand.self, JointCommand.self, DemoCommand.self, ReplayCommand.self,
            ]),
            CommandGroup(name: "Processing step (as DIALS)", subcommands: [
                ImportCommand.self, ShowCommand.self, FindSpotsCommand.self, IndexCommand.self, RefineCommand.self,
                RefineBravaisSettingsCommand.self, CombineCommand.self, IntegrateCommand.self, ExportCommand.self, SplitCommand.self,
                ScaleCommand.self, MergeCommand.self,
            ]),
            CommandGroup(name: "Clustering (as BLEND)", subcommands: [ClusterCommand.self]),
            CommandGroup(name: "Simulation and benchmark", subcommands: [SimulateCommand.self, BenchCommand.self]),
        ])
}

enum MXTriageVersion {
    static let string = "0.1.0"
}

/// Runs the command line with the design's exit statuses: 0 success, 1 a processing failure,
/// 2 bad usage or unreadable input — always with one line on stderr, never a stack trace.
@main
enum Main {
    static func main() {
        MemoryTuning.keepImageBuffers()
        // A closed pipe (a session log read by a program that stopped) is a write failure
        // to report in one line with exit 1, not a silent death by SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command: ParsableCommand
            do { command = try MXTriage.parseAsRoot() } catch {
                // `--nproc -1`: parsed again with the value attached, for the option's own reason.
                guard let attached = NegativeOptionValues.attached(Array(CommandLine.arguments.dropFirst())) else { throw error }
                command = try MXTriage.parseAsRoot(attached)
            }
            try command.run()
        } catch let failure as CommandFailure {
            StandardStreams.error("mxtriage: \(failure)\n")
            exit(failure.exitCode.rawValue)
        } catch {
            let code = MXTriage.exitCode(for: error)
            if code == .validationFailure {
                // The parser's first line names the option and the reason; the usage text after
                // it is one `--help` away and would break the one-line rule.
                let message = MXTriage.message(for: error).split(separator: "\n").first.map(String.init) ?? "bad usage"
                StandardStreams.error("mxtriage: \(message)\n")
                exit(2)
            }
            MXTriage.exit(withError: error)
        }
    }
}
