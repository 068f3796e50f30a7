import ArgumentParser
import Foundation
import MXGeometry
import MXImages

/// `mxtriage show FILE.expt` (the models, like dials.show) or `mxtriage show --image FILE`
/// (an image's header summary and pixel statistics).
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show the models in an experiment list (like dials.show), or an image's header and pixel statistics.")

    @Argument(help: "An .expt file.")
    var file: String?

    @Option(help: "An image file (CBF, optionally .gz or .bz2) to summarise instead.")
    var image: String?

    @Flag(help: "With --image: print JSON instead of text.")
    var json = false

    func validate() throws {
        guard (file == nil) != (image == nil) else {
            throw ValidationError("give either an .expt file or --image FILE")
        }
    }

    func run() throws {
        if let image {
            let summary = try ImageSummary(path: image)
            print(json ? JSONWriter.string(summary.json) : summary.text, terminator: json ? "" : "\n")
            return
        }
        do {
            let list = try ExperimentList(contentsOf: URL(fileURLWithPath: file!))
            print(ExperimentReport.text(list), terminator: "")
        } catch {
            throw CommandFailure.badInput(error.description)
        }
    }
}
