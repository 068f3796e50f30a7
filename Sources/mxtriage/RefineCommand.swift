import ArgumentParser
import Foundation
import MXGeometry
import MXImages
import MXRefinement
import MXReflections
import MXSimulation
import MXSymmetry

/// `mxtriage refine`: scan-static refinement of indexed experiments, like `dials.refine
/// scan_varying=false` (Tukey outlier rejection by default), with DIALS's tables.
struct RefineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refine",
        abstract: "Refine detector, beam and crystal models against indexed reflections (scan-static; shared models are refined jointly).")

    enum Outlier: String, ExpressibleByArgument, CaseIterable {
        case tukey, none
    }

    @Argument(help: "The indexed experiment list (.expt).")
    var experiments: String

    @Argument(help: "The indexed reflections (.refl).")
    var reflections: String

    @Option(help: "Outlier rejection: tukey (DIALS's IQR × 1.5 rule) or none.")
    var outlier: Outlier = .tukey

    @Option(help: "Write parameter correlations (DIALS corrgram JSON plus the estimate correlations) to this file.")
    var correlation: String?

    @Option(name: .customLong("output-experiments"), help: "The refined experiment list to write.")
    var outputExperiments = "refined.expt"

    @Option(name: .customLong("output-reflections"), help: "The reflections with updated predictions to write.")
    var outputReflections = "refined.refl"

    func run() throws {
        let (list, table) = try RefineInput.load(experiments: experiments, reflections: reflections)
        var options = RefinementOptions()
        options.outlier = outlier == .tukey ? .tukey : .none
        options.trackParameterCorrelation = correlation != nil
        let refiner: Refiner
        do { refiner = try Refiner(experiments: list, reflections: table, options: options) } catch {
            throw RefineInput.failure(error)
        }
        let setup = refiner.setup
        if setup.outliers > 0 { print("\(setup.outliers) reflections have been flagged as outliers") }
        print("There are \(setup.parameterNames.count) parameters to refine against \(setup.workingSet) reflections in 3 dimensions")
        print(list.count == 1 ? "Performing refinement of a single Experiment..." : "Performing refinement of \(list.count) Experiments...")
        let result: RefinementResult
        do { result = try refiner.run() } catch { throw RefineInput.failure(error) }

        print("\nRefinement steps:")
        print(DIALSTable.steps(result.journal))
        print(result.termination.rawValue)
        print("\nRMSDs by experiment:")
        print(DIALSTable.experiments(result.experimentRMSDs))
        if result.experiments.crystals.count == 1, let esd = result.cellESDs[0] {
            let cell = result.experiments.crystals[0].unitCell.parameters
            print("\nFinal refined crystal model:")
            print("    Unit cell: " + zip(cell, esd).map { String(format: "%.4f(%.4f)", $0, $1) }.joined(separator: ", "))
            print("    Space group: \(SpaceGroup.symbol(hall: result.experiments.crystals[0].spaceGroupHall))")
        }

        do { try result.experiments.write(to: URL(fileURLWithPath: outputExperiments)) } catch {
            throw CommandFailure.processing("\(outputExperiments): cannot be written (\(error.localizedDescription))")
        }
        print("Saving refined experiments to \(outputExperiments)")
        do { try result.reflections.write(to: URL(fileURLWithPath: outputReflections)) } catch {
            throw CommandFailure.processing("\(outputReflections): cannot be written (\(error))")
        }
        print("Saving reflections with updated predictions to \(outputReflections)")
        if let correlation {
            do {
                try Data(JSONWriter.string(result.correlations.json).utf8).write(to: URL(fileURLWithPath: correlation), options: .atomic)
            } catch {
                throw CommandFailure.processing("\(correlation): cannot be written (\(error.localizedDescription))")
            }
            print("Saving parameter correlation matrices to \(correlation)")
        }
    }
}

/// Reading refine/combine inputs, with the design's exit statuses for failures.
enum RefineInput {
    static func load(experiments: String, reflections: String) throws -> (ExperimentList, ReflectionTable) {
        let list: ExperimentList
        do { list = try ExperimentList(contentsOf: URL(fileURLWithPath: experiments)) } catch {
            throw CommandFailure.badInput(error.description)
        }
        let table: ReflectionTable
        do { table = try ReflectionTable(contentsOf: URL(fileURLWithPath: reflections)) } catch {
            throw CommandFailure.badInput(error.description)
        }
        return (list, table)
    }

    /// Input the models or tables cannot support is bad input (2); refinement that cannot
    /// proceed on good input is a processing failure (1).
    static func failure(_ error: RefinementError) -> CommandFailure {
        switch error {
        case .badInput, .unsupportedModel, .unsupportedSpaceGroup: return .badInput(error.description)
        default: return .processing(error.description)
        }
    }
}
