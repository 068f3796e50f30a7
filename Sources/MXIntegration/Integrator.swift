import Foundation
import MXGeometry
import MXImages
import MXReflections
import Synchronization

/// Summation integration of rotation experiments, DIALS's `dials.integrate
/// profile.fitting=False` in a resolution band. For each experiment: the gaussian_rs profile
/// from its indexed strong spots, every reflection predicted in the band, shoeboxes read from
/// the images, foreground/background masks with overlaps shared out, a robust Poisson
/// background, summed intensities and centroids, partiality, Lorentz–polarisation and detector
/// efficiency. Experiments may share a detector and beam (the joint step); each has its own
/// crystal, scan and images. For small cells and weak sweeps the profile may come from the
/// whole sweep's strong spots (`IntegrationOptions.profileReferences`) and a band predicting
/// too few reflections may be widened (`IntegrationOptions.automaticBand`).
///
/// ```swift
/// let result = try Integrator(options: IntegrationOptions()).integrate(experiments: refined, reflections: indexed)
/// try result.reflections.write(to: URL(fileURLWithPath: "integrated.refl"))
/// ```
public struct Integrator: Sendable {
    public let options: IntegrationOptions

    public init(options: IntegrationOptions = IntegrationOptions()) {
        self.options = options
    }

    /// - Parameters:
    ///   - reflections: the indexed (or refined) strong spots; their `id` column names the
    ///     experiment. Only needed for the profile model: with `fixedProfiles` it may be empty.
    ///   - progress: called as stages start and as images are read, from any thread.
    public func integrate(experiments list: ExperimentList, reflections: ReflectionTable,
                          progress: @escaping @Sendable (IntegrationProgress) -> Void = { _ in })
        throws(IntegrationError) -> IntegrationResult {
        guard list.count > 0 else { throw .badInput("the experiment list is empty") }
        if let fixed = options.fixedProfiles, fixed.count != 1, fixed.count != list.count {
            throw .badInput("\(fixed.count) fixed profiles for \(list.count) experiments")
        }
        var rows: [IntegratedRow] = []
        var summaries: [ExperimentIntegrationSummary] = []
        var output = list
        output.profiles = []
        var identifiers: [Int: String] = [:]
        var detectors: [Int: Detector] = [:], scans: [Int: Scan] = [:]
        for e in 0..<list.count {
            let models = try IntegrableExperiment(list, experiment: e)
            detectors[e] = models.detector
            scans[e] = models.scan
            if !list.experiments[e].identifier.isEmpty { identifiers[e] = list.experiments[e].identifier }
            let (part, summary) = try integrate(experiment: e, of: list.count, models: models, reflections: reflections,
                                                progress: progress)
            rows += part
            summaries.append(summary)
            output.experiments[e].profile = output.profiles.count
            output.profiles.append(summary.profile.json)
        }
        progress(IntegrationProgress(experiment: list.count - 1, experiments: list.count, stage: .finished, done: 0, total: 0))
        let table = IntegratedTable.make(rows, detectors: detectors, scans: scans, identifiers: identifiers)
        return IntegrationResult(reflections: table, experiments: output, summaries: summaries)
    }

    private func integrate(experiment e: Int, of count: Int, models m: IntegrableExperiment, reflections: ReflectionTable,
                           progress: @escaping @Sendable (IntegrationProgress) -> Void)
        throws(IntegrationError) -> ([IntegratedRow], ExperimentIntegrationSummary) {
        let o = options
        let workers = max(1, o.nproc)
        func report(_ stage: IntegrationProgress.Stage, _ done: Int = 0, _ total: Int = 0) {
            progress(IntegrationProgress(experiment: e, experiments: count, stage: stage, done: done, total: total))
        }

        // Predictions in the band, and the indexed strong spots among them: dials.integrate
        // models the profile from the reference spots that match a prediction, so with a
        // resolution band σ_b and σ_m describe the spots of that band (unless there are too
        // few of them; see `ProfileReferences`).
        report(.predicting)
        let (band, inBand) = try predictBand(experiment: e, models: m)
        var predicted = inBand
        let references = try ReferenceSpots.select(from: reflections, experiment: e, beam: m.beam, detector: m.detector,
                                                   goniometer: m.goniometer, scan: m.scan, crystal: m.crystal,
                                                   paddingDegrees: o.paddingDegrees)
        var matched = Self.matchReferences(references, predicted)
        let bandReferences = matched.compactMap { $0 }.count

        report(.modellingProfile)
        let model = try modelProfile(experiment: e, references: references, matched: matched, models: m, workers: workers)
        let profile = model.profile

        let boxes = BoundingBoxCalculator(beam: m.beam, detector: m.detector, goniometer: m.goniometer, scan: m.scan,
                                          profile: profile, sigmaBMultiplier: o.sigmaBMultiplier)
        var kept: [Int] = []
        for i in predicted.indices {
            guard let b = boxes.bbox(predicted[i]) else { continue }
            predicted[i].bbox = b
            kept.append(i)
        }
        predicted = kept.map { predicted[$0] }
        matched = kept.map { matched[$0] }

        // Which predictions are measured: those far enough from the axis.
        let integrable = predicted.indices.filter { abs(predicted[$0].zeta) >= o.minZeta }
        let frames = Atomic<Int>(0)
        let totalFrames = Set(integrable.flatMap { i in Array(Int(predicted[i].bbox.z0)..<Int(predicted[i].bbox.z1)) }).count
        report(.readingImages, 0, totalFrames)
        let pixels = try RegionReader.read(integrable.map { PixelRegion(panel: predicted[$0].panel, box: predicted[$0].bbox) },
                                           source: m.source, workers: workers) {
            progress(IntegrationProgress(experiment: e, experiments: count, stage: .readingImages,
                                         done: frames.add(1, ordering: .relaxed).newValue, total: totalFrames))
        }

        report(.integrating)
        let masker = ShoeboxMasker(beam: m.beam, detector: m.detector, goniometer: m.goniometer, profile: profile)
        let jobs = Array(zip(integrable, pixels))
        let predictedCopy = predicted
        var shoeboxes: [Shoebox] = jobs.chunkedMap(workers: workers) { i, data in
            var box = Shoebox(panel: predictedCopy[i].panel, bbox: predictedCopy[i].bbox, data: data)
            masker.mask(&box, reflection: predictedCopy[i])
            return box
        }
        let overlaps = OverlapResolution.resolve(&shoeboxes, centres: integrable.map { predicted[$0].xyzcalPx })
        let summation = SummationIntegrator(huberConstant: o.huberConstant, maxIterations: o.backgroundMaxIterations,
                                            minPixels: o.backgroundMinPixels)
        let trust = m.detector.panels.map(PixelTrust.init(panel:))
        let sums: [SummationResult] = shoeboxes.chunkedMap(workers: workers) { box in
            var box = box
            return summation.integrate(&box, trust: trust[box.panel])
        }
        var measured = [SummationResult?](repeating: nil, count: predicted.count)
        for (k, i) in integrable.enumerated() {
            var s = sums[k]
            if overlaps.overlappedForeground.contains(k) { s.flags.insert(.overlappedFg) }
            if overlaps.overlappedBackground.contains(k) { s.flags.insert(.overlappedBg) }
            measured[i] = s
        }

        // Flags of matched reference spots, partiality, corrections.
        let carried: ReflectionFlags = [.strong, .indexed, .usedInRefinement, .centroidOutlier]
        let mu = m.detector.panels.map { Corrections.sensorMu(panel: $0, wavelength: m.beam.wavelength) }
        var rows: [IntegratedRow] = []
        rows.reserveCapacity(predicted.count)
        for (i, r) in predicted.enumerated() {
            var flags: ReflectionFlags = [.predicted]
            if let ref = matched[i] {
                flags.formUnion(references[ref].flags.intersection(carried))
                flags.insert(.referenceSpot)
            }
            let sum: SummationResult
            if let s = measured[i] {
                sum = s
                flags.formUnion(s.flags)
            } else {
                sum = SummationResult()
                flags.insert(.dontIntegrate)
            }
            let phiA = m.scan.angle(arrayIndex: Double(r.bbox.z0)) * .pi / 180
            let phiB = m.scan.angle(arrayIndex: Double(r.bbox.z1)) * .pi / 180
            let partiality = profile.recordedFraction(from: min(phiA, phiB), to: max(phiA, phiB), centre: r.phi, zeta: r.zeta)
            let panel = m.detector[r.panel]
            let lp = Corrections.lp(s0: m.beam.s0, s1: r.s1, axis: m.goniometer.rotationAxis.normalized,
                                    polarizationNormal: m.beam.polarizationNormal, polarizationFraction: m.beam.polarizationFraction)
            let qe = mu[r.panel].map { Corrections.qe(mu: $0, thickness: panel.thickness, normal: panel.normal, s1: r.s1) } ?? 1
            rows.append(IntegratedRow(predicted: r, flags: flags, partiality: partiality, sum: sum, lp: lp, qe: qe))
        }

        let integrated = rows.filter { $0.flags.contains(.integratedSum) }
        let iOverSigma = integrated.map { $0.sum.variance > 0 ? $0.sum.intensity / $0.sum.variance.squareRoot() : 0 }
        let summary = ExperimentIntegrationSummary(
            experiment: e, band: band, profile: profile, profileSource: model.source, referenceSpots: model.spots,
            bandReferenceSpots: bandReferences, predicted: rows.count,
            integrated: integrated.count,
            overlapped: rows.filter { !$0.flags.isDisjoint(with: [.overlappedFg, .overlappedBg]) }.count,
            rejected: rows.count - integrated.count,
            meanIOverSigma: iOverSigma.isEmpty ? 0 : iOverSigma.reduce(0, +) / Double(iOverSigma.count))
        return (rows, summary)
    }

    /// For each prediction, the reference spot it is (an index into `references`): same h,
    /// entering flag and panel, the nearest prediction to that spot's own prediction within one
    /// frame. A prediction claimed by two spots (a split spot) keeps the first.
    static func matchReferences(_ references: [ReferenceSpot], _ predicted: [PredictedReflection]) -> [Int?] {
        struct Key: Hashable { var h: MillerIndex; var entering: Bool; var panel: Int }
        var byKey: [Key: [Int]] = [:]
        for (i, p) in predicted.enumerated() { byKey[Key(h: p.h, entering: p.entering, panel: p.panel), default: []].append(i) }
        var out = [Int?](repeating: nil, count: predicted.count)
        for (k, ref) in references.enumerated() {
            let r = ref.predicted
            guard let candidates = byKey[Key(h: r.h, entering: r.entering, panel: r.panel)],
                  let best = candidates.min(by: { abs(predicted[$0].z - r.z) < abs(predicted[$1].z - r.z) }),
                  abs(predicted[best].z - r.z) < 1, out[best] == nil else { continue }
            out[best] = k
        }
        return out
    }
}

/// One experiment checked to be integrable: a rotation scan with a crystal, and its images.
struct IntegrableExperiment: Sendable {
    let beam: Beam
    let detector: Detector
    let goniometer: Goniometer
    let scan: Scan
    let crystal: Crystal
    let source: ImageSource

    init(_ list: ExperimentList, experiment e: Int) throws(IntegrationError) {
        let x = list.experiments[e]
        guard let beam = list.beam(of: x), let detector = list.detector(of: x), let goniometer = list.goniometer(of: x),
              let scan = list.scan(of: x), let crystal = list.crystal(of: x), let imageset = list.imageset(of: x) else {
            throw .badInput("experiment \(e) lacks a beam, detector, goniometer, scan, crystal or image set")
        }
        guard abs(scan.oscillation.width) > 1e-7, scan.numImages > 0 else {
            throw .badInput("experiment \(e) is not a rotation scan; only rotation data can be integrated")
        }
        guard crystal.A.determinant.isFinite, abs(crystal.A.determinant) > 0 else {
            throw .badInput("experiment \(e) has a degenerate crystal model")
        }
        self.beam = beam
        self.detector = detector
        self.goniometer = goniometer
        self.scan = scan
        self.crystal = crystal
        source = try ImageSource(imageset: imageset, scan: scan, experiment: e)
    }
}

