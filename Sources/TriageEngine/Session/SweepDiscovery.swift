import Foundation
import MXGeometry
import MXImages

/// Finds the sweeps in the user's images, as one `dials.import` of everything would, and hands
/// each one out as its own single-experiment list (the tutorial imports each sweep on its own).
public struct SweepDiscovery: Sendable {
    public struct Sweep: Sendable {
        public var summary: SequenceSummary
        public var experiments: ExperimentList
    }

    public var sweeps: [Sweep]
    /// Files that could not be read and other one-line warnings; the sweeps found still run.
    public var problems: [String]

    public init(inputs: [String]) {
        let report = ImageImporter.importImages(inputs)
        problems = report.skipped.map { "skipped \($0)" } + report.warnings
        let list = report.experiments
        sweeps = (0..<list.count).compactMap { i in
            let single = list.selecting(experiment: i)
            let e = single.experiments[0]
            // Stills are not sweeps: the triage pipeline is rotation data only.
            guard let scan = single.scan(of: e), scan.oscillation.width != 0 else { return nil }
            var template = "?", directory = ""
            switch single.imageset(of: e) {
            case let .sequence(path)?:
                template = (path as NSString).lastPathComponent
                directory = (path as NSString).deletingLastPathComponent
            case let .imageSet(paths, _)?:
                template = ((paths.first ?? "") as NSString).lastPathComponent
                directory = ((paths.first ?? "") as NSString).deletingLastPathComponent
            case nil:
                break
            }
            return Sweep(summary: SequenceSummary(number: 0, template: template, directory: directory,
                                                  imageCount: scan.imageRange.last - scan.imageRange.first + 1),
                         experiments: single)
        }
        for i in sweeps.indices { sweeps[i].summary.number = i }
        let stills = list.count - sweeps.count
        if stills > 0 { problems.append("ignored \(stills) still image set\(stills == 1 ? "" : "s"): triage needs rotation sweeps") }
    }
}
