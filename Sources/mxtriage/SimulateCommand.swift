import ArgumentParser
import Synchronization
import Foundation
import MXGeometry
import MXSimulation

/// `mxtriage simulate`: writes a simulated multi-crystal data set of one crystal form.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Write a simulated multi-crystal rotation data set (Pilatus miniCBF) with its ground truth.")

    @Option(help: ArgumentHelp("The crystal form: \(CrystalForm.all.map(\.name).joined(separator: ", ")).",
                               discussion: CrystalForm.all.map { "\($0.name): \($0.summary)" }.joined(separator: "\n")),
            transform: { name in
                guard let form = CrystalForm.named(name) else {
                    throw ValidationError("unknown preset \"\(name)\" (give one of \(CrystalForm.all.map(\.name).joined(separator: ", ")))")
                }
                return form
            })
    var preset = CrystalForm.teha

    @Option(help: "The directory to write images, truth.json and truth/*.refl into.")
    var output: String?

    /// `--out`, the earlier name of `--output`.
    @Option(name: .customLong("out"), help: .hidden)
    var out: String?

    @Option(help: "Number of sweeps (crystals).")
    var sweeps = CrystalForm.defaultSweeps

    @Option(help: "Random seed: the same seed writes the same bytes.")
    var seed: UInt64 = 1

    @Option(help: "At most this many images per sweep.")
    var maxImages: Int?

    @Option(help: "Detector: pilatus6m (full size) or small (2×3 modules, for quick tests).")
    var detector: SimulatedDetector = .pilatus6m

    @Option(help: "Relative scatter of the crystals' cells (0 makes the main group identical).")
    var cellScatter = CrystalForm.defaultCellScatter

    func validate() throws {
        guard cellScatter >= 0 else { throw ValidationError("--cell-scatter must not be negative") }
        guard sweeps >= 1 else { throw ValidationError("--sweeps must be at least 1") }
        if let m = maxImages, m < 1 { throw ValidationError("--max-images must be at least 1") }
        guard output ?? out != nil else { throw ValidationError("--output DIR is required: where to write the images") }
    }

    func run() throws {
        let out = output ?? out ?? ""
        let plan = preset.plan(seed: seed, sweeps: sweeps, detector: detector, maxImages: maxImages, cellScatter: cellScatter)
        let start = ContinuousClock.now
        let progress = ProgressLine()
        do {
            try DataSetGenerator.generate(plan: plan, to: URL(fileURLWithPath: out)) { p in
                progress.update("simulate: sweep \(p.sweep)/\(p.sweeps) \(p.template)  images \(p.imagesWritten)/\(p.imagesTotal)")
            }
        } catch {
            progress.finish()
            throw CommandFailure.processing("\(out): \(error)")
        }
        progress.finish()
        let seconds = (ContinuousClock.now - start).seconds
        let images = plan.sweeps.reduce(0) { $0 + $1.numImages }
        print(String(format: "Wrote %d sweeps, %d images and truth.json to %@ in %.1f s", plan.sweeps.count, images, out, seconds))
    }
}

extension SimulatedDetector: ExpressibleByArgument {}

/// A progress line on stderr, redrawn in place when stderr is a terminal.
final class ProgressLine: Sendable {
    private let isTerminal = isatty(STDERR_FILENO) != 0
    /// Whether a line is on screen; the lock also keeps two updates from interleaving.
    private let shown = Mutex(false)

    func update(_ text: String) {
        guard isTerminal else { return }
        shown.withLock { shown in
            StandardStreams.error("\r\u{1B}[K" + text)
            shown = true
        }
    }

    func finish() {
        shown.withLock { shown in
            if shown { StandardStreams.error("\r\u{1B}[K") }
            shown = false
        }
    }
}
