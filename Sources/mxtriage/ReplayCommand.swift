import ArgumentParser
import Foundation
import TriageEngine

/// `mxtriage replay`: runs a recorded session again on the same inputs and checks that every
/// result (cells, RMSDs, clusters, exclusions, joint runs) comes out identical.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-run a recorded session log headless and compare its results (--check), or play it on screen (--ui).")

    @Argument(help: "A session log (session.jsonl) written by `ui`, `demo`, `process` or `joint`.")
    var log: String

    @Flag(help: "Re-run the session headless and fail (exit 1) if any result differs from the recording.")
    var check = false

    @Flag(help: "Play the recorded events on screen, as they happened.")
    var ui = false

    @Option(help: "Work directory for the re-run (default: a new temporary directory, removed afterwards).")
    var workdir: String?

    @Option(help: "With --ui: play this many times faster than recorded.")
    var speed = 1.0

    @Option(help: "With --ui: theme name or path.")
    var theme: String?

    func validate() throws {
        guard check != ui else { throw ValidationError("give exactly one of --check and --ui") }
        guard speed > 0 else { throw ValidationError("--speed must be positive") }
    }

    func run() throws {
        let reader: SessionLogReader
        do { reader = try SessionLogReader(url: URL(fileURLWithPath: log)) } catch {
            throw CommandFailure.badInput("\(error)")
        }
        if ui {
            try ReplayOnScreen.play(reader, speed: speed, theme: theme)
            return
        }
        let temporary = workdir == nil
        let directory = workdir.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("mxtriage-replay-\(getpid())")
        defer { if temporary { try? FileManager.default.removeItem(at: directory) } }
        print("Replaying \(log): \(reader.header.inputs.count) input(s), \(reader.commands.beforeFinish.count + reader.commands.afterFinish.count) command(s)")
        let differences: [String]
        do { differences = try SessionReplay.check(reader, workDirectory: directory) } catch {
            throw CommandFailure.badInput("\(error)")
        }
        for line in differences { printError("differs: \(line)") }
        guard differences.isEmpty else {
            throw CommandFailure.processing("replay differs from the recording in \(differences.count) result(s)")
        }
        print("Replay identical: every sequence, refinement, cluster analysis, joint run and exclusion matches the recording")
    }
}
