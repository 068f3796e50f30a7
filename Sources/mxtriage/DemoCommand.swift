import ArgumentParser
import Foundation
import MXSimulation
import TriageEngine

/// `mxtriage demo`: the built-in simulated TehA-like data set (made once, then cached)
/// processed live on the triage screen — or, with `--headless`, processed, clustered and
/// jointly refined with the progress printed.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Simulate the built-in multi-crystal data set (cached after the first run) and triage it live.",
        discussion: """
            The images go to $XDG_CACHE_HOME/mxtriage (or ~/.cache/mxtriage); each run starts a \
            fresh work directory beside them and keeps its session log there.
            """)

    @Option(help: "Number of sweeps (crystals) in the simulated set.")
    var sweeps = CrystalForm.defaultSweeps

    @Option(help: "Simulation seed.")
    var seed: UInt64 = 1

    @Option(help: "Detector: pilatus6m (full size) or small (2×3 modules, for a quick look).")
    var detector: SimulatedDetector = .pilatus6m

    @Option(help: "At most this many images per sweep.")
    var maxImages: Int?

    @Option(name: .customLong("space-group"),
            help: "Space group to index in, e.g. \"H 3\"; default: chosen from every crystal's refine_bravais_settings table.",
            transform: SpaceGroupArgument.parse)
    var spaceGroup: String?

    @OptionGroup var cores: CoreCountOption

    @Flag(help: "No screen: process, cluster and refine jointly, printing progress (for scripts and benchmarks).")
    var headless = false

    @Option(help: "Theme name (themes/NAME.toml) or path; default $MXTRIAGE_THEME or dark.")
    var theme: String?

    @Option(help: "The session log to append to; refused if it exists and is not one (default: session.jsonl in the demo's work directory).")
    var log: String?

    func validate() throws {
        guard sweeps >= 2 else { throw ValidationError("--sweeps must be at least 2") }
        if let maxImages, maxImages < 2 { throw ValidationError("--max-images must be at least 2") }
    }

    func run() throws {
        if let log { try SessionLogOpening.check(URL(fileURLWithPath: log)) }
        let recipe = SimulatedDataSet(sweeps: sweeps, seed: seed, detector: detector, maxImages: maxImages)
        let cache = SimulatedDataSet.cacheDirectory
        let images: URL
        do {
            images = try recipe.images(in: cache) { p in
                printError("Simulating the demo data set (once): \(p.template), \(p.imagesWritten)/\(p.imagesTotal) images")
            }
        } catch {
            throw CommandFailure.processing("cannot write the demo images to \(cache.path): \(error)")
        }
        let work = cache.appendingPathComponent(recipe.name + "-work")
        // Claimed before it is cleared: another demo still running there keeps its files.
        try WorkDirectoryClaim.take(work)
        Self.clear(work)
        var options = SessionSetup(workdir: "")
        options.workdir = work.path
        options.spaceGroup = spaceGroup
        options.jobs = cores.value
        options.log = log
        let (session, sessionLog) = try options.open(inputs: [images.path], simulation: recipe, claim: false)
        if headless {
            EventPrinter.attach(to: session)
            try options.discover(session)
            session.start()
            session.perform(.runJoint)
            session.waitUntilIdle()
            try SessionLogOpening.close(sessionLog)
            print("Session log: \(sessionLog.url.path)")
            try SessionSetup.finish(session)
        } else {
            try TerminalSession.run(session, log: sessionLog, title: "demo · simulated TehA · \(sweeps) sweeps · seed \(seed)",
                                    theme: theme)
        }
    }

    /// Empties the demo's work directory for a fresh run, all but the lock this run holds.
    private static func clear(_ work: URL) {
        let items = (try? FileManager.default.contentsOfDirectory(atPath: work.path)) ?? []
        for item in items where item != WorkDirectoryLock.fileName {
            try? FileManager.default.removeItem(at: work.appendingPathComponent(item))
        }
    }
}
