import MXGeometry

/// Groups image headers into experiments the way dials.import does: in path order, each image
/// shares the previous image's beam, detector and goniometer when they agree within
/// tolerance; consecutive rotation images with one template, shared models and a continuous
/// scan form one sweep (ImageSequence); a gap in numbering or a jump in angle starts a new
/// sweep; stills (zero oscillation) become one experiment each in a shared image set.
public enum SweepGrouping {
    public static func group(_ records: [ImageMetadata], tolerances: ModelTolerances = ModelTolerances()) -> ExperimentList {
        var list = ExperimentList()
        // Current open sweep: its scan index, template and model indices.
        var open: (scan: Int, template: FilenameTemplate, beam: Int, detector: Int, goniometer: Int?)?
        // Current run of stills sharing one image set.
        var stillSet: (imageset: Int, paths: [String])?
        var previous: (beam: Int, detector: Int, goniometer: Int?)?

        func closeStills() {
            if let s = stillSet { list.imagesets[s.imageset] = .imageSet(paths: s.paths, singleFileIndices: nil) }
            stillSet = nil
        }

        for record in records {
            // Share models with the previous image when they agree.
            let beam: Int
            if let p = previous, tolerances.same(list.beams[p.beam], record.beam) { beam = p.beam } else {
                list.beams.append(record.beam)
                beam = list.beams.count - 1
            }
            let detector: Int
            if let p = previous, tolerances.same(list.detectors[p.detector], record.detector) { detector = p.detector } else {
                list.detectors.append(record.detector)
                detector = list.detectors.count - 1
            }
            var goniometer: Int?
            if let g = record.goniometer {
                if let p = previous, let pg = p.goniometer, tolerances.same(list.goniometers[pg], g) { goniometer = pg } else {
                    list.goniometers.append(g)
                    goniometer = list.goniometers.count - 1
                }
            }
            previous = (beam, detector, goniometer)

            guard record.isRotation, let scan = record.scan, let (template, _) = FilenameTemplate.parse(record.path) else {
                // A still: one experiment per image, in the current run's image set.
                open = nil
                if stillSet == nil {
                    list.imagesets.append(.imageSet(paths: [], singleFileIndices: nil))
                    stillSet = (list.imagesets.count - 1, [])
                }
                stillSet!.paths.append(record.path)
                list.experiments.append(Experiment(beam: beam, detector: detector, goniometer: goniometer,
                                                   imageset: stillSet!.imageset))
                continue
            }
            closeStills()
            if let o = open, o.template == template, o.beam == beam, o.detector == detector, o.goniometer == goniometer,
               tolerances.continues(list.scans[o.scan], with: scan) {
                var merged = list.scans[o.scan]
                merged.imageRange.last = scan.imageRange.last
                merged.exposureTimes += scan.exposureTimes
                merged.epochs += scan.epochs
                list.scans[o.scan] = merged
                continue
            }
            list.scans.append(scan)
            list.imagesets.append(.sequence(template: template.description))
            list.experiments.append(Experiment(beam: beam, detector: detector, goniometer: goniometer,
                                               scan: list.scans.count - 1, imageset: list.imagesets.count - 1))
            open = (list.scans.count - 1, template, beam, detector, goniometer)
        }
        closeStills()
        return list
    }
}
