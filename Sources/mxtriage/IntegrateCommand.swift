import ArgumentParser
import Foundation
import MXGeometry
import MXIntegration
import MXReflections

/// `mxtriage integrate`: summation integration in a resolution band, like `dials.integrate
/// profile.fitting=False prediction.d_min=7.0 prediction.d_max=8.1` (the multi-crystal
/// tutorial's quick integration), on one sweep or a combined multi-experiment file.
struct IntegrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "integrate",
        abstract: "Integrate reflections by summation in a resolution band (like dials.integrate profile.fitting=False).")

    @Argument(help: "The refined experiment list (.expt).")
    var experiments: String

    @Argument(help: "The indexed or refined strong spots (.refl), for the profile model.")
    var reflections: String

    @Option(name: .customLong("d-min"), help: "High-resolution limit of the prediction band (Å).")
    var dMin = 7.0

    @Option(name: .customLong("d-max"), help: "Low-resolution limit of the prediction band (Å).")
    var dMax = 8.1

    @Option(help: "The integrated reflections to write.")
    var output = "integrated.refl"

    @Option(name: .customLong("output-experiments"), help: "The experiments with their profile models to write.")
    var outputExperiments = "integrated.expt"

    @Option(help: "Worker threads (default: all cores); results do not depend on it.")
    var nproc: Int?

    func validate() throws {
        guard dMin > 0, dMax > dMin else { throw ValidationError("need 0 < --d-min < --d-max") }
        if let nproc, nproc < 1 { throw ValidationError("--nproc must be at least 1") }
    }

    func run() throws {
        let (list, table) = try RefineInput.load(experiments: experiments, reflections: reflections)
        var options = IntegrationOptions()
        options.dMin = dMin
        options.dMax = dMax
        if let nproc { options.nproc = nproc }
        let start = ContinuousClock.now
        let result: IntegrationResult
        do {
            result = try Integrator(options: options).integrate(experiments: list, reflections: table)
        } catch {
            switch error {
            case .badInput, .imageRead: throw CommandFailure.badInput(error.description)
            case .tooFewPredictions, .tooFewReferenceSpots: throw CommandFailure.processing(error.description)
            }
        }
        let elapsed = ContinuousClock.now - start
        print(IntegrationReport.table(result.summaries))
        do { try result.reflections.write(to: URL(fileURLWithPath: output)) } catch {
            throw CommandFailure.badInput("\(output): cannot be written (\(error))")
        }
        do { try result.experiments.write(to: URL(fileURLWithPath: outputExperiments)) } catch {
            throw CommandFailure.badInput("\(outputExperiments): cannot be written (\(error.localizedDescription))")
        }
        let seconds = elapsed.seconds
        print(String(format: "Saved %d reflections to %@ and %d experiments to %@ (%.1f s)", result.reflections.nrows,
                     output, list.count, outputExperiments, seconds))
    }
}

/// The per-experiment summary DIALS users expect after integration.
enum IntegrationReport {
    static func table(_ summaries: [ExperimentIntegrationSummary]) -> String {
        var lines = [
            "+-------+-------------+--------------+-------------+------------+-------------+-------------+------------+",
            "|   Exp |   Predicted |   Integrated |   Rejected  | Overlapped | σ_b (°)     | σ_m (°)     |  <I/σ(I)>  |",
            "|-------+-------------+--------------+-------------+------------+-------------+-------------+------------|",
        ]
        for s in summaries {
            lines.append(String(format: "| %5d | %11d | %12d | %11d | %10d | %11.4f | %11.4f | %10.2f |",
                                s.experiment, s.predicted, s.integrated, s.rejected, s.overlapped,
                                s.profile.sigmaBDegrees, s.profile.sigmaMDegrees, s.meanIOverSigma))
        }
        lines.append(lines[0])
        return lines.joined(separator: "\n")
    }
}
