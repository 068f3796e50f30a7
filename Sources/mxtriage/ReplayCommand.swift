import ArgumentParser
import Foundation
import TriageEngine

/// `mxtriage replay`: runs a recorded session again on the same inputs and checks that every
/// result (cells, RMSDs, clusters, exclusions, joint runs) comes out identical.
///
/// A log holds one session per run in its work directory, appended in order, and each run
/// resumed from what the ones before it left. So `--check` replays them in the same order in
/// one work directory — session 2 resumes from session 1's files as it did when recorded —
/// and compares each with its recording; `--session N` stops after the N-th.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-run a recorded session log headless and compare its results (--check), or play it on screen (--ui).",
        discussion: """
            A log with several sessions (one per run in the same work directory) is replayed \
            session by session in one work directory, each compared with its recording; \
            --session N replays sessions 1 to N. --ui plays the last session, or the N-th.
            """)

    @Argument(help: "A session log (session.jsonl) written by `ui`, `demo`, `process` or `joint`.")
    var log: String

    @Flag(help: "Re-run the session headless and fail (exit 1) if any result differs from the recording.")
    var check = false

    @Flag(help: "Play the recorded events on screen, as they happened.")
    var ui = false

    @Option(help: "The session of the log to replay, counting from 1 (default: the last); --check replays the ones before it first.")
    var session: Int?

    @Option(help: "Work directory for the re-run (default: a new temporary directory, removed afterwards).")
    var workdir: String?

    @Option(help: "With --ui: play this many times faster than recorded.")
    var speed = 1.0

    @Option(help: "With --ui: theme name or path.")
    var theme: String?

    func validate() throws {
        guard check != ui else { throw ValidationError("give exactly one of --check and --ui") }
        guard speed > 0 else { throw ValidationError("--speed must be positive") }
        if let session, session < 1 { throw ValidationError("--session counts from 1 (got \(session))") }
    }

    func run() throws {
        let sessions: [SessionLogReader]
        do { sessions = try SessionLogReader.sessions(in: URL(fileURLWithPath: log)) } catch {
            throw CommandFailure.badInput("\(error)")
        }
        let last = session ?? sessions.count
        guard last <= sessions.count else {
            throw CommandFailure.badInput("--session \(last): \(log) holds \(sessions.count) session\(sessions.count == 1 ? "" : "s")")
        }
        if ui {
            try ReplayOnScreen.play(sessions[last - 1], speed: speed, theme: theme)
            return
        }
        let temporary = workdir == nil
        let directory = workdir.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("mxtriage-replay-\(getpid())")
        defer { if temporary { try? FileManager.default.removeItem(at: directory) } }
        try WorkDirectoryClaim.take(directory)
        var differing = 0
        for (n, reader) in sessions.prefix(last).enumerated() {
            let name = sessions.count == 1 ? log : "\(log), session \(n + 1) of \(sessions.count) (line \(reader.line))"
            // A run that stopped before it started (no terminal, no sweeps) recorded nothing
            // to reproduce, and left nothing for the next session to resume from.
            guard reader.records.count > 1 else {
                print("Skipping \(name): nothing recorded after its header")
                continue
            }
            print("Replaying \(name): \(reader.header.inputs.count) input(s), \(reader.commands.beforeFinish.count + reader.commands.afterFinish.count) command(s)")
            let differences: [String]
            do { differences = try SessionReplay.check(reader, workDirectory: directory) { recipe in
                try recipe.images(in: SimulatedDataSet.cacheDirectory)
            } } catch {
                throw CommandFailure.badInput("\(error)")
            }
            let prefix = sessions.count == 1 ? "" : "session \(n + 1): "
            for line in differences { printError("differs: \(prefix)\(line)") }
            differing += differences.count
        }
        guard differing == 0 else {
            throw CommandFailure.processing("replay differs from the recording in \(differing) result(s)")
        }
        print("Replay identical: every sequence, refinement, cluster analysis, joint run and exclusion matches the recording")
    }
}
