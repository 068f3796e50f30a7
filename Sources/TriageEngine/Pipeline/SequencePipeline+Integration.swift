import Foundation
import MXExport
import MXIntegration

extension SequencePipeline {
    /// `dials.integrate profile.fitting=False prediction.d_min=… prediction.d_max=…` on the
    /// refined models, with the profile estimated from the refined strong spots.
    mutating func integrate() throws {
        let list = try files.experiments("refined.expt")
        let spots = try files.reflections("refined.refl")
        let number = summary.number
        let emit = self.emit
        let result: IntegrationResult
        do {
            result = try Integrator(options: options.integration(threads: options.threadsPerJob))
                .integrate(experiments: list, reflections: spots) { progress in
                    guard progress.total > 0 else { return }
                    emit(.stage(sequence: number, stage: .integrate,
                                status: .running(fraction: Double(progress.done) / Double(progress.total))))
                }
        } catch {
            throw StageFailure("\(error)")
        }
        try files.save(result.experiments, as: "integrated.expt")
        try files.save(result.reflections, as: "integrated.refl")
        let integrated = result.summaries.reduce(0) { $0 + $1.integrated }
        summary.integratedCount = integrated
        for s in result.summaries {
            if s.band.dMin != options.dMin || s.band.dMax != options.dMax {
                log(String(format: "band %.2f–%.2f Å predicts too few reflections: widened to ", options.dMin, options.dMax)
                    + s.band.description)
            }
            log("integrated \(s.integrated) of \(s.predicted) predicted in \(s.band.description) "
                + String(format: "(σ_b %.4f°, σ_m %.4f°, mean I/σ %.2f; ", s.profile.sigmaBDegrees, s.profile.sigmaMDegrees,
                         s.meanIOverSigma)
                + "\(s.profileSourceDescription))")
        }
    }

    /// `dials.export`: the unmerged MTZ BLEND reads.
    mutating func export() throws {
        let list = try files.experiments("integrated.expt")
        let table = try files.reflections("integrated.refl")
        do {
            let written = try UnmergedMTZ.write(experiments: list, reflections: table, to: files.url("integrated.mtz"))
            log(written.line)
        } catch {
            throw StageFailure("\(error)")
        }
    }
}

extension TriageOptions {
    /// The integration settings: the session's band, widened if it must be, `threads` cores.
    func integration(threads: Int) -> IntegrationOptions {
        var integration = IntegrationOptions()
        integration.dMin = dMin
        integration.dMax = dMax
        integration.automaticBand = widenBand
        integration.nproc = threads
        return integration
    }
}
