import MXGeometry

/// One image set's share of the result: its spots with their experiment ids, the images that
/// went into them, the filter counts, and the experiments it could not process.
struct ImageSetSpots: Sendable {
    var spots: [StrongSpot] = []
    var experimentIDs: [Int] = []
    var images: [ImageStrongPixels] = []
    var counts = SpotFilterCounts()
    var failures: [SpotFindingFailure] = []
    /// Experiments of the set whose identifiers go into the table.
    var succeeded: [Int] = []

    /// Labels, measures and filters the spots of one image set from its images' outcomes (in
    /// image order), panel by panel as DIALS does.
    ///
    /// A failed image spoils a 3-D (rotation) set entirely; among stills it costs only the
    /// experiment it belongs to.
    init(job: ImageSetJob, outcomes: [FrameOutcome], list: ExperimentList, minSpotSize: Int,
         parameters: SpotFindingParameters) {
        var found: [(FrameJob, [StrongPixelList])] = []
        var failed: [(experiment: Int, reason: String)] = []
        for (frame, outcome) in zip(job.frames, outcomes) {
            switch outcome {
            case let .found(lists): found.append((frame, lists))
            case let .failed(reason): failed.append((frame.experiment, reason))
            case .skipped: break
            }
        }
        if let first = failed.first, job.threeD {
            failures = [SpotFindingFailure(experiments: job.experiments, reason: first.reason)]
            return
        }
        failures = failed.map { SpotFindingFailure(experiments: [$0.experiment], reason: $0.reason) }
        let failedExperiments = Set(failed.map(\.experiment))
        found.removeAll { failedExperiments.contains($0.0.experiment) }
        succeeded = job.experiments.filter { !failedExperiments.contains($0) }

        images = found.map { frame, lists in
            ImageStrongPixels(imageSet: job.ordinal, experiment: frame.experiment, image: frame.frame + 1,
                              strongPixels: lists.reduce(0) { $0 + $1.count })
        }
        for (p, panel) in job.detector.panels.enumerated() {
            let lists = found.map { $0.1[p] }
            guard lists.contains(where: { $0.count > 0 }) else { continue }
            let (panelSpots, panelCounts) = SpotExtraction.spots(
                panel: p, frames: lists, width: panel.imageSize.fast, threeD: job.threeD,
                minSize: minSpotSize, maxSize: parameters.maxSpotSize, maxSeparation: parameters.maxSeparation)
            spots += panelSpots
            counts = counts + panelCounts
        }
        experimentIDs = spots.map { Self.experimentID(of: $0, job: job, list: list) }
    }

    /// DIALS's experiment id for a spot: among the image set's experiments with a scan, the
    /// last whose array range (z₀, z₁) strictly contains the centroid's z; without a scan, the
    /// experiment that owns the spot's first image.
    static func experimentID(of spot: StrongSpot, job: ImageSetJob, list: ExperimentList) -> Int {
        var id: Int?
        for e in job.experiments {
            guard let scan = list.scan(of: list.experiments[e]) else { continue }
            let (z0, z1) = scan.arrayRange
            if spot.centroid.z > Double(z0) && spot.centroid.z < Double(z1) { id = e }
        }
        if let id { return id }
        let z = Int(spot.bbox.z0)
        return job.frames.first { $0.frame == z }?.experiment ?? job.experiments[0]
    }
}
