import ArgumentParser
import Foundation
import MXGeometry

/// `mxtriage show FILE.expt`: the models, like dials.show.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show the models in an experiment list (like dials.show), or an image's header and pixel statistics.")

    @Argument(help: "An .expt file.")
    var file: String

    func run() throws {
        do {
            let list = try ExperimentList(contentsOf: URL(fileURLWithPath: file))
            print(ExperimentReport.text(list), terminator: "")
        } catch {
            throw CommandFailure.badInput(error.description)
        }
    }
}
