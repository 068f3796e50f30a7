import Foundation
import MXGeometry
import MXReflections

/// Scan-static refinement of one or many experiments against their indexed reflections, as
/// `dials.refine scan_varying=false` does it: reflection selection and statistical weights,
/// outlier rejection once at the starting model, DIALS's parameterisations (shared models
/// refined once for all the experiments that share them), Levenberg–Marquardt, parameter
/// uncertainties and, on request, parameter correlations.
///
/// Construction does everything up to the first step (so a caller can show the parameter and
/// reflection counts); ``run(progress:)`` refines.
public struct Refiner: Sendable {
    public let options: RefinementOptions
    public let setup: RefinementSetup
    let experiments: ExperimentList
    let input: ReflectionTable
    let selection: ReflectionSelection
    var models: ModelParameterisations
    let target: RefinementTarget
    /// Per input row: flagged as a centroid outlier / in the working set.
    let outlierRows: [Bool]
    let workingRows: [Bool]

    public init(experiments: ExperimentList, reflections: ReflectionTable,
                options: RefinementOptions = RefinementOptions()) throws(RefinementError) {
        try Self.validate(experiments)
        guard reflections.nrows > 0 else { throw .noReflections("the reflection table is empty") }
        self.options = options
        self.experiments = experiments
        self.input = reflections
        var models = try ModelParameterisations(experiments: experiments, options: options)
        let selection = try ReflectionSelection(table: reflections, experiments: experiments,
                                                closeToSpindleCutoff: options.closeToSpindleCutoff)
        self.selection = selection
        let nexp = experiments.count
        let all = selection.observations

        // Predict at the starting model; reject outliers among the predicted observations.
        let frames = try models.frames()
        let initial = RefinementTarget(observations: all, experimentCount: nexp).predictions(frames: frames)
        let predicted = all.row.indices.filter { initial[$0].isPredicted }
        var rejected = Set<Int>()
        if case let .tukey(multiplier) = options.outlier {
            let residuals = all.row.indices.map { initial[$0].xyz - all.observed[$0] }
            let widths: [Double?] = (0..<nexp).map { e in
                guard options.outlierSeparateBlocks else { return nil }
                if let w = options.outlierBlockWidth { return w }
                let phi = predicted.filter { all.experiment[$0] == e }.map { all.observed[$0].z * 180 / .pi }
                return CentroidAnalysis.blockSize(phiDegrees: phi).map { max($0, 18) }
            }
            let jobs = CentroidOutlierJobs(rule: TukeyOutlierRejection(iqrMultiplier: multiplier, minimumObservations: 1),
                                           minimumObservations: options.outlierMinimumReflections, blockWidths: widths)
            rejected = jobs.outliers(indices: predicted, experiment: all.experiment,
                                     phiObserved: all.observed.map(\.z), residuals: residuals, experimentCount: nexp)
        }
        let matched = predicted.filter { !rejected.contains($0) }
        guard !matched.isEmpty else {
            if !predicted.isEmpty, predicted.count < options.outlierMinimumReflections {
                throw .noReflections("only \(predicted.count) indexed reflections, and outlier rejection needs at least "
                                     + "\(options.outlierMinimumReflections) per block (DIALS's minimum_number_of_reflections)")
            }
            throw .noReflections("no reflections available for refinement")
        }
        let remaining = all.subset(matched)
        let widths = experiments.experiments.map { e -> Double in
            let r = experiments.scans[e.scan!].oscillationRange
            return abs(r.end - r.start)
        }
        let keep = WorkingSubset.select(experimentRanges: remaining.experimentRanges(count: nexp),
                                        scanWidthsDegrees: widths, options: options)
        let working = remaining.subset(keep)
        var target = RefinementTarget(observations: working, experimentCount: nexp)

        // Auto-reduction: every free parameter needs enough reflections with a gradient.
        if models.count == 0 { throw .badInput("there are no free parameters for refinement") }
        let support = try target.evaluate(frames: frames, parameterCount: models.count, gradients: true).gradientSupport!
        let weak = support.indices.filter { support[$0] < options.minimumReflectionsPerParameter }
        if !weak.isEmpty {
            switch options.autoReduction {
            case .fail:
                let names = models.names
                throw .tooFewReflections(parameters: weak.map { names[$0] })
            case .fix:
                models.fixGlobal(Set(weak))
                if models.count == 0 { throw .badInput("there are no free parameters for refinement") }
                target = RefinementTarget(observations: working, experimentCount: nexp)
            }
        }
        self.models = models
        self.target = target

        var outlierRows = [Bool](repeating: false, count: reflections.nrows)
        for i in rejected { outlierRows[all.row[i]] = true }
        var workingRows = [Bool](repeating: false, count: reflections.nrows)
        for r in working.row { workingRows[r] = true }
        self.outlierRows = outlierRows
        self.workingRows = workingRows
        var perExperiment = [Int](repeating: 0, count: nexp)
        for i in rejected { perExperiment[all.experiment[i]] += 1 }
        setup = RefinementSetup(parameterNames: models.names, accepted: all.count, predicted: predicted.count,
                                outliers: rejected.count, workingSet: working.count,
                                outliersPerExperiment: perExperiment)
    }

    /// Runs Levenberg–Marquardt to convergence; `progress` receives each journal row as it is
    /// made (from the calling thread).
    public func run(progress: RefinementProgress? = nil) throws(RefinementError) -> RefinementResult {
        var models = self.models
        let target = self.target
        let p = models.count
        let names = models.names
        let engine = LevenbergMarquardt(maxIterations: options.maxIterations)
        let outcome = try engine.run(initial: models.values, names: names, evaluate: { x, gradients throws(RefinementError) in
            models.values = x
            return try target.evaluate(frames: try models.frames(), parameterCount: p, gradients: gradients)
        }, progress: progress)
        models.values = outcome.parameters
        let frames = try models.frames()
        var refined = try models.updatedExperiments()

        // Uncertainties: χ²_red·(N + μI)⁻¹ of the last step, propagated into B.
        var covariance: DenseMatrix?
        var cellESDs: [Int: [Double]] = [:]
        if let factor = outcome.factor, !outcome.journal.isEmpty {
            let c = factor.inverse.scaled(by: outcome.reducedChiSquared)
            covariance = c
            for cell in try models.cellJacobians() {
                let cov = Self.propagate(c, indices: cell.indices, derivatives: cell.derivatives)
                refined.crystals[cell.crystal].bCovariance = cov
                cellESDs[cell.crystal] = CellUncertainty.esds(b: refined.crystals[cell.crystal].B, covariance: cov)
            }
        }

        var correlations = ParameterCorrelations(labels: names, estimate: covariance?.correlation)
        if options.trackParameterCorrelation {
            let m = JacobianCorrelation.compute(target: target, frames: frames, parameterCount: p)
            (correlations.x, correlations.y, correlations.phi) = (m[0], m[1], m[2])
        }

        let reflections = try ReflectionUpdate.apply(
            to: input, experiments: refined, frames: frames, selection: selection,
            flags: .init(excluded: selection.kept.map(!), outlier: outlierRows, used: workingRows))
        let esds = covariance?.diagonal.map { max(0, $0).squareRoot() }
        let parameters = names.indices.map { RefinedParameter(name: names[$0], value: outcome.parameters[$0], esd: esds?[$0]) }
        return RefinementResult(
            experiments: refined, reflections: reflections, journal: outcome.journal, termination: outcome.termination,
            experimentRMSDs: experimentRMSDs(frames: frames), parameters: parameters, covariance: covariance,
            correlations: correlations, cellESDs: cellESDs)
    }

    /// DIALS's "RMSDs by experiment" over the matched working set at the final models.
    func experimentRMSDs(frames: [ExperimentFrame]) -> [ExperimentRMSD] {
        let o = target.observations
        let predictions = target.predictions(frames: frames)
        var sums = [Vec3](repeating: .zero, count: frames.count)
        var counts = [Int](repeating: 0, count: frames.count)
        for i in 0..<o.count where predictions[i].isPredicted {
            let r = predictions[i].xyz - o.observed[i]
            sums[o.experiment[i]] += r * r
            counts[o.experiment[i]] += 1
        }
        return frames.indices.compactMap { e in
            guard counts[e] > 0 else { return nil }
            let exp = experiments.experiments[e]
            let pixel = experiments.detectors[exp.detector!][0].pixelSize
            let width = abs(frames[e].scan.oscillation.width) * .pi / 180
            let n = Double(counts[e])
            return ExperimentRMSD(experiment: e, nref: counts[e], xPixels: (sums[e].x / n).squareRoot() / pixel.fast,
                                  yPixels: (sums[e].y / n).squareRoot() / pixel.slow,
                                  zImages: (sums[e].z / n).squareRoot() / width)
        }
    }

    /// Σ_B = J·Σ_p·Jᵀ with J = ∂B/∂p (row-major B elements × parameters).
    static func propagate(_ c: DenseMatrix, indices: [Int], derivatives: [Mat3]) -> [Double] {
        let j = derivatives.map(\.rowMajor)
        var out = [Double](repeating: 0, count: 81)
        for a in 0..<9 {
            for b in 0..<9 {
                var s = 0.0
                for (k, gk) in indices.enumerated() {
                    for (l, gl) in indices.enumerated() { s += j[k][a] * c[gk, gl] * j[l][b] }
                }
                out[9 * a + b] = s
            }
        }
        return out
    }

    /// Every experiment must be a rotation scan with all five models.
    static func validate(_ list: ExperimentList) throws(RefinementError) {
        guard list.count > 0 else { throw .badInput("the experiment list is empty") }
        for (i, e) in list.experiments.enumerated() {
            for (name, index) in [("beam", e.beam), ("detector", e.detector), ("goniometer", e.goniometer),
                                  ("scan", e.scan), ("crystal", e.crystal)] where index == nil {
                throw .unsupportedModel("experiment \(i) has no \(name); scan-static refinement needs a rotation scan with a crystal")
            }
            if list.scans[e.scan!].oscillation.width == 0 {
                throw .unsupportedModel("experiment \(i) is a still (zero oscillation); only rotation scans can be refined")
            }
        }
    }
}
