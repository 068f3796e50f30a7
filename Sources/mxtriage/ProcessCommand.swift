import ArgumentParser
import Foundation
import MXGeometry
import TriageEngine

/// `mxtriage process`: the per-sequence pipeline on every sweep found, headless, on all cores,
/// then the cluster analysis of the refined cells and the dataset of the included crystals
/// (scaled and merged); the tutorial's files in `--workdir`.
struct ProcessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process",
        abstract: "Process every sweep (import → spots → index P1 → index in the space group → refine → integrate → export), then cluster the cells.",
        discussion: """
            Writes DIR/sequence_NN/ with the tutorial's files, DIR/summary.json, DIR/clusters/ \
            (CLUSTERS.txt, dendrogram.txt, clusters.json), DIR/merged/ (scaled.mtz, merged.mtz, \
            merging-statistics.json of the included crystals) and appends to the session log DIR/session.jsonl. \
            Running it again in the same DIR resumes: finished stages are not repeated. Sweeps that \
            fail are reported and skipped; the exit status is 1 only if no sweep reached an MTZ.
            """)

    @Argument(help: "Image files, directories (read one level deep) or glob patterns.")
    var images: [String]

    @OptionGroup var session: SessionOptions

    @Flag(name: .customLong("no-merge"),
          help: "Stop after the cluster analysis: no full-resolution integration, scaling or merging into DIR/merged/.")
    var noMerge = false

    func run() throws {
        let setup = session.setup
        let (triage, log) = try setup.open(inputs: images, simulation: nil)
        EventPrinter.attach(to: triage, verbose: session.verbose)
        try setup.discover(triage)
        triage.start()
        triage.waitUntilIdle()
        try SessionLogOpening.close(log)
        try SessionSetup.finish(triage)
        if !noMerge { DatasetStep.runReportingFailure(triage.work.url, threads: triage.options.jobs) }
    }
}

/// The options `process`, `joint` and `demo --headless` share.
struct SessionOptions: ParsableArguments {
    @Option(help: "The work directory.")
    var workdir: String

    @Option(name: .customLong("space-group"),
            help: "Space group for the second indexing step, in its reference setting, e.g. \"P 41 21 2\", \"C 2\", \"H 3\" or a number; default: chosen from every crystal's refine_bravais_settings table.",
            transform: SpaceGroupArgument.parse)
    var spaceGroup: String?

    @OptionGroup var cores: CoreCountOption

    @Option(name: .customLong("d-min"), help: "High-resolution limit of the integration band (Å).")
    var dMin = 7.0

    @Option(name: .customLong("d-max"), help: "Low-resolution limit of the integration band (Å).")
    var dMax = 8.1

    @Flag(name: .customLong("fixed-band"),
          help: "Integrate in --d-min…--d-max even where it predicts fewer than 10 reflections (the sweep then fails); by default such a band is widened.")
    var fixedBand = false

    @Option(help: "The session log to append to; refused if it exists and is not one (default WORKDIR/session.jsonl).")
    var log: String?

    @Flag(help: "Print every sequence's log lines.")
    var verbose = false

    func validate() throws {
        if let why = TriageOptions.problem(jobs: cores.value, dMin: dMin, dMax: dMax) { throw ValidationError(why) }
    }

    var setup: SessionSetup {
        SessionSetup(workdir: workdir, spaceGroup: spaceGroup, jobs: cores.value, dMin: dMin, dMax: dMax, widenBand: !fixedBand, log: log)
    }
}

/// How `process`, `joint`, `ui` and `demo` set a session up: the work directory, the options
/// and the log. A plain value, so commands can fill it from a previous run's summary.
struct SessionSetup {
    var workdir: String
    var spaceGroup: String?
    var jobs: Int?
    var dMin = 7.0
    var dMax = 8.1
    var widenBand = true
    var log: String?

    var options: TriageOptions {
        TriageOptions(spaceGroup: spaceGroup, dMin: dMin, dMax: dMax, widenBand: widenBand, jobs: jobs)
    }

    /// A session in the work directory with its log attached. Everything that can refuse the
    /// run — inputs that do not exist, a `--log` that is not a session log, a work directory
    /// another run holds — is checked before anything is written. `claim` false: the caller has
    /// already claimed the work directory (`demo` clears it first).
    func open(inputs: [String], simulation: SimulatedDataSet?, claim: Bool = true) throws -> (TriageSession, SessionLog) {
        let directory = URL(fileURLWithPath: workdir)
        let logURL = URL(fileURLWithPath: log ?? directory.appendingPathComponent("session.jsonl").path)
        try InputPaths.check(inputs)
        try SessionLogOpening.check(logURL)
        if claim { try WorkDirectoryClaim.take(directory) }
        let absolute = inputs.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        let triage = TriageSession(inputs: absolute, workDirectory: directory, options: options)
        let header = SessionLogHeader(program: "mxtriage \(MXTriageVersion.string)", inputs: absolute, options: options,
                                      simulation: simulation, started: ISO8601DateFormatter().string(from: Date()))
        let sessionLog = try SessionLogOpening.open(logURL, header: header)
        sessionLog.attach(to: triage)
        return (triage, sessionLog)
    }

    func discover(_ triage: TriageSession, retryFailed: Bool = true) throws {
        let problems: [String]
        do { problems = try triage.discover(retryFailed: retryFailed) } catch {
            throw CommandFailure.processing("\(workdir): \(error.localizedDescription)")
        }
        guard !triage.summaries.isEmpty else {
            let reason = problems.first.map { ": \($0)" } ?? ""
            throw CommandFailure.badInput("no rotation sweeps found in \(triage.inputs.joined(separator: " "))\(reason)")
        }
    }

    /// The closing line, and exit status 1 when nothing could be refined.
    static func finish(_ triage: TriageSession) throws {
        let all = triage.summaries
        let failed = all.filter { $0.failure != nil }.count
        let usable = all.filter(\.isUsable).count
        print("\(all.count) sequences: \(all.count - failed) processed, \(failed) failed, \(usable) reached an MTZ; summary in \(triage.work.summary.path)")
        if usable == 0 { throw CommandFailure.processing("no sequence reached an MTZ") }
    }
}
