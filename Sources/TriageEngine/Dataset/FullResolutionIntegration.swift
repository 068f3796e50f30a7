import Foundation
import MXGeometry
import MXIntegration
import MXReflections

/// `dials.integrate` at full resolution on one sequence's refined models: summation over
/// every reflection predicted out to the detector's corners (d_max none), the profile from
/// the sweep's refined strong spots — the intensities a dataset is scaled and merged from,
/// beside the tutorial's narrow band (integrated.refl), which stays as it was.
enum FullResolutionIntegration {
    static let experimentsFile = "integrated_full.expt"
    static let reflectionsFile = "integrated_full.refl"

    /// The sequence's full-resolution integration: the files a previous run left when they
    /// are newer than refined.expt and read back, otherwise integrated afresh and saved.
    /// `redone` says which.
    static func ensure(_ files: inout SequenceFiles, threads: Int) throws -> (experiments: ExperimentList, reflections: ReflectionTable, redone: Bool) {
        if isCurrent(files), files.isTrustworthy(experimentsFile), files.isTrustworthy(reflectionsFile) {
            return (try files.experiments(experimentsFile), try files.reflections(reflectionsFile), false)
        }
        let refined = try files.experiments("refined.expt")
        let spots = try files.reflections("refined.refl")
        let result: IntegrationResult
        do {
            result = try Integrator(options: try options(for: refined, threads: threads))
                .integrate(experiments: refined, reflections: spots)
        } catch {
            throw StageFailure("full-resolution integration: \(error)")
        }
        try files.save(result.experiments, as: experimentsFile)
        try files.save(result.reflections, as: reflectionsFile)
        return (try files.experiments(experimentsFile), try files.reflections(reflectionsFile), true)
    }

    /// The band from the best resolution on the detector (its corners, as dials.integrate's
    /// default d_min) with no low-resolution limit.
    static func options(for list: ExperimentList, threads: Int) throws -> IntegrationOptions {
        guard let beam = list.beams.first, let detector = list.detectors.first, !detector.panels.isEmpty else {
            throw StageFailure("full-resolution integration: refined.expt has no beam or detector")
        }
        var options = IntegrationOptions()
        options.dMin = detector.maxResolutionAtCorners(s0: beam.s0)
        options.dMax = nil
        options.nproc = threads
        return options
    }

    /// The full integration is no older than refined.expt (a redone refinement makes it stale).
    private static func isCurrent(_ files: SequenceFiles) -> Bool {
        func modified(_ name: String) -> Date? {
            (try? FileManager.default.attributesOfItem(atPath: files.url(name).path))?[.modificationDate] as? Date
        }
        guard let integrated = modified(reflectionsFile), let refined = modified("refined.expt") else { return false }
        return integrated >= refined
    }
}
