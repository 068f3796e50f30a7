import MXGeometry

/// Groups image headers into experiments the way dials.import (DIALS 3.12) does:
/// - in path order, each image shares the previous image's beam, detector and goniometer when
///   they agree within tolerance;
/// - consecutive rotation images with one template, shared models and a continuous scan form
///   one sweep (an ImageSequence); a gap in numbering or a jump in angle starts a new sweep;
/// - a still (zero oscillation width) is one experiment with a one-image scan of zero width;
///   consecutive stills with one template share one ImageSequence, as DIALS records a grid scan;
/// - an image with no scan or no number in its name is an experiment in a plain ImageSet.
public enum SweepGrouping {
    public static func group(_ records: [ImageMetadata], tolerances: ModelTolerances = ModelTolerances(),
                             scanContinuity: ScanContinuity = ScanContinuity()) -> ExperimentList {
        var list = ExperimentList()
        var grouping = State()
        for record in records {
            let models = grouping.shareModels(record, in: &list, tolerances: tolerances)
            let parsed = FilenameTemplate.parse(record.path)
            if let scan = record.scan, let (template, _) = parsed {
                if record.isRotation {
                    grouping.addRotationImage(scan, template: template, models: models, to: &list, continuity: scanContinuity)
                } else {
                    grouping.addStill(scan, template: template, models: models, to: &list)
                }
            } else {
                grouping.addUntemplated(record.path, models: models, to: &list)
            }
        }
        return list
    }

    private typealias Models = (beam: Int, detector: Int, goniometer: Int?)

    /// What the previous image left open: a sweep to extend, a still sequence or a plain image set
    /// to add to.
    private struct State {
        var previous: Models?
        var sweep: (scan: Int, template: FilenameTemplate, models: Models)?
        var stills: (imageset: Int, template: FilenameTemplate, models: Models)?
        var plainSet: Int?

        mutating func shareModels(_ r: ImageMetadata, in list: inout ExperimentList, tolerances t: ModelTolerances) -> Models {
            func share<T>(_ model: T, _ previous: Int?, _ array: inout [T], _ same: (T, T) -> Bool) -> Int {
                if let p = previous, same(array[p], model) { return p }
                array.append(model)
                return array.count - 1
            }
            let beam = share(r.beam, previous?.beam, &list.beams, t.same)
            let detector = share(r.detector, previous?.detector, &list.detectors, t.same)
            let goniometer = r.goniometer.map { share($0, previous?.goniometer, &list.goniometers, t.same) }
            previous = (beam, detector, goniometer)
            return (beam, detector, goniometer)
        }

        static func same(_ a: Models, _ b: Models) -> Bool {
            a.beam == b.beam && a.detector == b.detector && a.goniometer == b.goniometer
        }

        mutating func addRotationImage(_ scan: Scan, template: FilenameTemplate, models: Models,
                                       to list: inout ExperimentList, continuity: ScanContinuity) {
            (stills, plainSet) = (nil, nil)
            if let s = sweep, s.template == template, Self.same(s.models, models),
               continuity.continues(list.scans[s.scan], with: scan) {
                list.scans[s.scan].imageRange.last = scan.imageRange.last
                list.scans[s.scan].exposureTimes += scan.exposureTimes
                list.scans[s.scan].epochs += scan.epochs
                return
            }
            list.scans.append(scan)
            list.imagesets.append(.sequence(template: template.description))
            list.experiments.append(Experiment(beam: models.beam, detector: models.detector, goniometer: models.goniometer,
                                               scan: list.scans.count - 1, imageset: list.imagesets.count - 1))
            sweep = (list.scans.count - 1, template, models)
        }

        mutating func addStill(_ scan: Scan, template: FilenameTemplate, models: Models, to list: inout ExperimentList) {
            (sweep, plainSet) = (nil, nil)
            if stills == nil || stills!.template != template || !Self.same(stills!.models, models) {
                list.imagesets.append(.sequence(template: template.description))
                stills = (list.imagesets.count - 1, template, models)
            }
            list.scans.append(scan)
            list.experiments.append(Experiment(beam: models.beam, detector: models.detector, goniometer: models.goniometer,
                                               scan: list.scans.count - 1, imageset: stills!.imageset))
        }

        mutating func addUntemplated(_ path: String, models: Models, to list: inout ExperimentList) {
            (sweep, stills) = (nil, nil)
            if let i = plainSet, case let .imageSet(paths, _) = list.imagesets[i] {
                list.imagesets[i] = .imageSet(paths: paths + [path], singleFileIndices: nil)
            } else {
                list.imagesets.append(.imageSet(paths: [path], singleFileIndices: nil))
                plainSet = list.imagesets.count - 1
            }
            list.experiments.append(Experiment(beam: models.beam, detector: models.detector, goniometer: models.goniometer,
                                               imageset: plainSet))
        }
    }
}
