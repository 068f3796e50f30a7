extension ExperimentList {
    /// Appends another list's experiments and models, keeping each list's own sharing (indices
    /// are shifted; models are not merged across the two lists).
    public mutating func append(_ other: ExperimentList) {
        let offsets = (beams.count, detectors.count, goniometers.count, scans.count, crystals.count, imagesets.count, profiles.count)
        beams += other.beams
        detectors += other.detectors
        goniometers += other.goniometers
        scans += other.scans
        crystals += other.crystals
        imagesets += other.imagesets
        profiles += other.profiles
        experiments += other.experiments.map { e in
            Experiment(identifier: e.identifier, beam: e.beam.map { $0 + offsets.0 }, detector: e.detector.map { $0 + offsets.1 },
                       goniometer: e.goniometer.map { $0 + offsets.2 }, scan: e.scan.map { $0 + offsets.3 },
                       crystal: e.crystal.map { $0 + offsets.4 }, imageset: e.imageset.map { $0 + offsets.5 },
                       profile: e.profile.map { $0 + offsets.6 })
        }
    }
}
