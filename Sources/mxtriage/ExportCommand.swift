import ArgumentParser
import Foundation
import MXExport

/// `mxtriage export`: integrated reflections to the unmerged MTZ `dials.export` writes
/// (summation intensities, LP/QE-corrected, one batch per image).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write integrated reflections as an unmerged MTZ file, as dials.export does.")

    @Argument(help: "The integrated experiment list (.expt).")
    var experiments: String

    @Argument(help: "The integrated reflections (.refl).")
    var reflections: String

    @Option(help: "The MTZ file to write.")
    var output = "integrated.mtz"

    /// `--mtz`, the earlier name of `--output`.
    @Option(name: .customLong("mtz"), help: .hidden)
    var mtz: String?

    @Option(name: .customLong("partiality-threshold"), help: "Drop reflections whose partiality is below this.")
    var partialityThreshold = 0.4

    @Option(name: .customLong("min-isigi"), help: "Drop reflections with I/σ(I) below this.")
    var minISigI = -5.0

    func run() throws {
        let mtz = self.mtz ?? output
        let (list, table) = try RefineInput.load(experiments: experiments, reflections: reflections)
        var options = MTZExportOptions()
        options.partialityThreshold = partialityThreshold
        options.minISigI = minISigI
        let summary: MTZExportSummary
        do {
            summary = try UnmergedMTZ.write(experiments: list, reflections: table, to: URL(fileURLWithPath: mtz), options: options)
        } catch {
            switch error {
            case .writeFailed: throw CommandFailure.processing(error.description)
            case .noIntegratedReflections: throw CommandFailure.processing(error.description)
            default: throw CommandFailure.badInput(error.description)
            }
        }
        print("\(mtz): \(summary.line)")
    }
}
