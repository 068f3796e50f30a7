extension ExperimentList {
    /// The list holding only experiment `index` and the models it uses, re-indexed from 0 —
    /// what `dials.split_experiments` writes for each experiment.
    public func selecting(experiment index: Int) -> ExperimentList {
        let e = experiments[index]
        var list = ExperimentList()
        func take<T>(_ i: Int?, _ source: [T], _ into: inout [T]) -> Int? {
            guard let i else { return nil }
            into.append(source[i])
            return into.count - 1
        }
        list.experiments = [Experiment(
            identifier: e.identifier,
            beam: take(e.beam, beams, &list.beams),
            detector: take(e.detector, detectors, &list.detectors),
            goniometer: take(e.goniometer, goniometers, &list.goniometers),
            scan: take(e.scan, scans, &list.scans),
            crystal: take(e.crystal, crystals, &list.crystals),
            imageset: take(e.imageset, imagesets, &list.imagesets),
            profile: take(e.profile, profiles, &list.profiles))]
        return list
    }
}
