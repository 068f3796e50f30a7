import Foundation
import MXGeometry
import MXImages
import MXReflections

/// Finds the strong spots of every experiment in a list, as `dials.find_spots` does:
/// threshold each image (`StrongPixelThreshold`), join strong pixels into spots across the
/// images of each image set (3-D for rotation sequences, 2-D for stills), measure and filter
/// them, and return DIALS's strong.refl table.
///
/// ```swift
/// let result = try SpotFinder().findSpots(in: experiments) { p in
///     print("Found \(p.strongPixels) strong pixels on image \(p.image)")
/// }
/// try result.reflections.write(to: URL(fileURLWithPath: "strong.refl"))
/// for failure in result.failures { print(failure) }   // the experiments left out, and why
/// ```
///
/// Images are processed on `nproc` threads, one image per thread at a time, and only each
/// image's strong pixels are kept, so memory stays bounded however long the sweeps. The output
/// is the same for any `nproc`.
public struct SpotFinder: Sendable {
    public var parameters: SpotFindingParameters
    /// Worker threads; the machine's active processor count by default.
    public var nproc: Int
    /// Check each CBF binary section's Content-MD5 before using it. dxtbx does not; it costs
    /// about as much as decoding.
    public var verifyDigests: Bool

    public init(parameters: SpotFindingParameters = SpotFindingParameters(),
                nproc: Int = ProcessInfo.processInfo.activeProcessorCount, verifyDigests: Bool = false) {
        self.parameters = parameters
        self.nproc = max(1, nproc)
        self.verifyDigests = verifyDigests
    }

    /// Finds the spots of every experiment whose images can be read.
    ///
    /// - Parameter progress: told about each image in order ("Found N strong pixels on image
    ///   i"), from worker threads, one call at a time.
    /// - Returns: the table for all experiments that could be processed, and a failure for
    ///   each group of experiments that could not (an unreadable image spoils its whole
    ///   rotation sequence, but only its own experiment among stills).
    /// - Throws: only when the parameters themselves are unusable.
    public func findSpots(in experiments: ExperimentList,
                          progress: (@Sendable (ImageStrongPixels) -> Void)? = nil) throws(SpotFindingError) -> SpotFindingResult {
        if let problem = parameters.problem { throw .invalidParameters(problem) }
        let firstType = experiments.experiments.first.flatMap { experiments.detector(of: $0)?.panels.first?.type } ?? "SENSOR_PAD"
        let minSpotSize = parameters.resolvedMinSpotSize(firstPanelType: firstType)
        guard parameters.maxSpotSize > minSpotSize else {
            throw .invalidParameters("max_spot_size (\(parameters.maxSpotSize)) must exceed min_spot_size (\(minSpotSize))")
        }

        let (jobs, planFailures) = ImageSetPlan.make(experiments)
        var failures = planFailures
        var prepared: [FrameThresholder] = []
        for job in jobs { prepared.append(try FrameThresholder(parameters: parameters, detector: job.detector)) }
        let thresholders = prepared
        let frames = jobs.flatMap(\.frames)
        let scheduler = FrameScheduler<ImageSetSpots>(frames: frames, threeD: jobs.map(\.threeD), progress: progress)
        let verify = verifyDigests, parameters = self.parameters
        let results = scheduler.run(workers: nproc, process: { frame, workspace in
            Self.process(frame, thresholder: thresholders[frame.job], workspace: workspace, verifyDigests: verify)
        }, finish: { job, outcomes in
            ImageSetSpots(job: jobs[job], outcomes: outcomes, list: experiments, minSpotSize: minSpotSize, parameters: parameters)
        })

        var spots: [StrongSpot] = []
        var ids: [Int] = []
        var identifiers: [Int: String] = [:]
        var images: [ImageStrongPixels] = []
        var counts = SpotFilterCounts()
        for case let set? in results {
            spots += set.spots
            ids += set.experimentIDs
            images += set.images
            counts = counts + set.counts
            failures += set.failures
            for e in set.succeeded where !experiments.experiments[e].identifier.isEmpty {
                identifiers[e] = experiments.experiments[e].identifier
            }
        }
        let table = StrongSpotTable.make(spots: spots, experimentIDs: ids, identifiers: identifiers)
        return SpotFindingResult(reflections: table, failures: failures, images: images, filterCounts: counts)
    }

    /// Reads one image and thresholds it.
    static func process(_ frame: FrameJob, thresholder: FrameThresholder, workspace: ThresholdWorkspace,
                        verifyDigests: Bool) -> FrameOutcome {
        do {
            let image = try CBFImage.read(path: frame.path, imageIndex: frame.imageNumber)
            let panels = try image.pixels(verifyDigest: verifyDigests)
            do {
                return .found(try thresholder.strongPixels(in: panels, frame: frame.frame, workspace: workspace))
            } catch {
                return .failed("\(frame.path): \(error.reason)")
            }
        } catch {
            return .failed(error.description)
        }
    }
}
