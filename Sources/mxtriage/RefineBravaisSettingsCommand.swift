import ArgumentParser
import Foundation
import MXGeometry
import MXRefinement

/// `mxtriage refine-bravais-settings`: the P 1 crystal refined in every Bravais setting Le Page's
/// search finds, like `dials.refine_bravais_settings`, with DIALS's table, recommendation and
/// files (`bravais_setting_N.expt`, `bravais_summary.json`).
struct RefineBravaisSettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refine-bravais-settings",
        abstract: "Refine an indexed P 1 crystal in each Bravais setting consistent with its lattice and recommend the likely ones.")

    @Argument(help: "The indexed experiment list (.expt) with one P 1 crystal.")
    var experiments: String

    @Argument(help: "The indexed reflections (.refl).")
    var reflections: String

    @Option(name: .customLong("lepage-max-delta"), help: "Largest Le Page δ (degrees) of a lattice two-fold.")
    var lepageMaxDelta = 5.0

    @Option(name: .customLong("output-dir"), help: "Where to write bravais_setting_N.expt and bravais_summary.json.")
    var outputDirectory = "."

    func run() throws {
        let (list, table) = try RefineInput.load(experiments: experiments, reflections: reflections)
        let refined: [RefinedBravaisSetting]
        do {
            refined = try BravaisSettingsRefinement(experiments: list, reflections: table, lepageMaxDelta: lepageMaxDelta).run()
        } catch {
            switch error {
            case .badInput: throw CommandFailure.badInput(error.description)
            case let .refinement(_, _, cause): throw RefineInput.failure(cause).rewording(error.description)
            }
        }
        do { print(try ChiralSpaceGroups.table(lattices: Set(refined.map(\.lattice)))) } catch {
            throw CommandFailure.badInput("\(error)")
        }
        print(BravaisSettingsTable.render(refined))
        let dir = URL(fileURLWithPath: outputDirectory)
        do { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) } catch {
            throw CommandFailure.processing("\(outputDirectory): cannot be created (\(error.localizedDescription))")
        }
        let summary = dir.appendingPathComponent("bravais_summary.json")
        print("Saving summary as \(summary.path)")
        do { try Data(JSONWriter.string(BravaisSummary.json(refined)).utf8).write(to: summary, options: .atomic) } catch {
            throw CommandFailure.processing("\(summary.path): cannot be written (\(error.localizedDescription))")
        }
        for setting in refined {
            let file = dir.appendingPathComponent("bravais_setting_\(setting.settingNumber).expt")
            print("Saving solution \(setting.settingNumber) as \(file.path)")
            do { try setting.experiments.write(to: file) } catch {
                throw CommandFailure.processing("\(file.path): cannot be written (\(error.localizedDescription))")
            }
        }
    }
}
