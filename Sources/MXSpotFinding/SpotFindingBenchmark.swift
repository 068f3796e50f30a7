import Foundation
import MXGeometry
import MXImages

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Times spot finding for `mxtriage bench find-spots`: per image on one core (reading and
/// decoding the CBF, then thresholding it), and end to end over an experiment list on `nproc`
/// threads, with the process's peak resident memory afterwards. Use a release build.
public enum SpotFindingBenchmark {
    public struct Result: Sendable {
        public var pixelsPerImage: Int
        /// Images timed one at a time on one core.
        public var imagesTimed: Int
        /// Per image, best and median: read + decompress + decode, and threshold (all panels).
        public var readSeconds: (best: Double, median: Double)
        public var thresholdSeconds: (best: Double, median: Double)
        /// The whole experiment list through `SpotFinder` on `nproc` threads.
        public var nproc: Int
        public var images: Int
        public var endToEndSeconds: Double
        public var spots: Int
        public var failures: Int
        /// The process's peak resident set size after the run, bytes (getrusage's ru_maxrss).
        public var peakResidentBytes: Int
    }

    public static func run(experiments: ExperimentList, parameters: SpotFindingParameters = SpotFindingParameters(),
                           nproc: Int, singleCoreImages: Int = 5) throws -> Result {
        let finder = SpotFinder(parameters: parameters, nproc: nproc)
        let (jobs, _) = ImageSetPlan.make(experiments)
        var read: [Double] = [], threshold: [Double] = []
        var pixelsPerImage = 0
        if let job = jobs.first {
            let thresholder = try FrameThresholder(parameters: parameters, detector: job.detector)
            let workspace = ThresholdWorkspace()
            for frame in job.frames.prefix(singleCoreImages) {
                var start = ContinuousClock.now
                let image = try CBFImage.read(path: frame.path, imageIndex: frame.imageNumber)
                let panels = try image.pixels(verifyDigest: false)
                read.append(seconds(since: start))
                pixelsPerImage = panels.reduce(0) { $0 + $1.pixels.count }
                start = ContinuousClock.now
                _ = try thresholder.strongPixels(in: panels, frame: frame.frame, workspace: workspace)
                threshold.append(seconds(since: start))
            }
        }
        let start = ContinuousClock.now
        let result = try finder.findSpots(in: experiments)
        let total = seconds(since: start)
        return Result(pixelsPerImage: pixelsPerImage, imagesTimed: read.count, readSeconds: summary(read),
                      thresholdSeconds: summary(threshold), nproc: finder.nproc, images: jobs.reduce(0) { $0 + $1.frames.count },
                      endToEndSeconds: total, spots: result.reflections.nrows, failures: result.failures.count,
                      peakResidentBytes: peakResidentBytes())
    }

    /// The process's peak resident set size in bytes.
    public static func peakResidentBytes() -> Int {
        var usage = rusage()
        #if canImport(Darwin)
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss)  // bytes on Darwin
        #else
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
        #endif
    }

    static func summary(_ xs: [Double]) -> (best: Double, median: Double) {
        guard !xs.isEmpty else { return (.nan, .nan) }
        return (xs.min()!, xs.sorted()[xs.count / 2])
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        (ContinuousClock.now - start).seconds
    }
}
