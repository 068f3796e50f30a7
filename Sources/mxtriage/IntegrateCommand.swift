import ArgumentParser
import Foundation
import MXGeometry
import MXIntegration
import MXReflections

/// `mxtriage integrate`: summation integration in a resolution band, like `dials.integrate
/// profile.fitting=False prediction.d_min=7.0 prediction.d_max=8.1` (the multi-crystal
/// tutorial's quick integration), on one sweep or a combined multi-experiment file.
/// `--profile-references` chooses the spots of the profile model (by default the band's, or
/// the whole sweep's when the band has too few); `--auto-band` widens a band that predicts
/// too few reflections, for when the MTZ only has to carry the refined cell.
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

    @Option(name: .customLong("profile-references"),
            help: "Spots for the profile model: band (those in the band, as dials.integrate), all (every indexed strong spot), band-or-all (the band's when there are enough, else all).")
    var profileReferences: ProfileReferences = .bandOrAll

    @Flag(name: .customLong("auto-band"),
          help: "Widen a band holding too few predictions (symmetrically in 1/d²) until it holds --auto-band-target of them or reaches the detector's limits.")
    var autoBand = false

    @Option(name: .customLong("auto-band-target"), help: "How many predictions a widened band should hold.")
    var autoBandTarget = 100

    @Option(help: "The integrated reflections to write.")
    var output = "integrated.refl"

    @Option(name: .customLong("output-experiments"), help: "The experiments with their profile models to write.")
    var outputExperiments = "integrated.expt"

    @Option(help: "Worker threads (default: all cores); results do not depend on it.")
    var nproc: Int?

    func validate() throws {
        guard dMin > 0, dMax > dMin else { throw ValidationError("need 0 < --d-min < --d-max") }
        if let nproc, nproc < 1 { throw ValidationError("--nproc must be at least 1") }
        guard autoBandTarget >= 1 else { throw ValidationError("--auto-band-target must be at least 1") }
    }

    func run() throws {
        let (list, table) = try RefineInput.load(experiments: experiments, reflections: reflections)
        var options = IntegrationOptions()
        options.dMin = dMin
        options.dMax = dMax
        options.profileReferences = profileReferences
        options.automaticBand = autoBand
        options.automaticBandTarget = autoBandTarget
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
        for line in IntegrationReport.notes(result.summaries, requested: ResolutionBand(dMin: dMin, dMax: dMax)) { print(line) }
        do { try result.reflections.write(to: URL(fileURLWithPath: output)) } catch {
            throw CommandFailure.processing("\(output): cannot be written (\(error))")
        }
        do { try result.experiments.write(to: URL(fileURLWithPath: outputExperiments)) } catch {
            throw CommandFailure.processing("\(outputExperiments): cannot be written (\(error.localizedDescription))")
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

    /// One line per experiment whose profile did not come from the band or whose band was
    /// widened.
    static func notes(_ summaries: [ExperimentIntegrationSummary], requested: ResolutionBand) -> [String] {
        summaries.flatMap { s -> [String] in
            var lines: [String] = []
            if s.band != requested {
                lines.append("Experiment \(s.experiment): band widened from \(requested) to \(s.band) (\(s.predicted) predicted)")
            }
            if s.profileSource == .allIndexed { lines.append("Experiment \(s.experiment): \(s.profileSourceDescription)") }
            return lines
        }
    }
}

extension ProfileReferences: ExpressibleByArgument {}
