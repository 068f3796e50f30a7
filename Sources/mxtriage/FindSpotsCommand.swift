import ArgumentParser
import Synchronization
import Foundation
import MXGeometry
import MXReflections
import MXSpotFinding

/// `mxtriage find-spots`: imported.expt → strong.refl, like dials.find_spots with its defaults.
struct FindSpotsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find-spots",
        abstract: "Find strong spots on every image of an experiment list and write strong.refl (like dials.find_spots).")

    @Argument(help: "The experiment list (e.g. imported.expt).")
    var experiments: String

    @Option(help: "The reflection file to write.")
    var output = "strong.refl"

    @Option(help: "Worker threads (default: all cores).")
    var nproc: Int?

    @Option(help: "Threshold algorithm: dispersion_extended (DIALS's default) or dispersion.")
    var threshold = SpotFindingParameters.Threshold.dispersionExtended.rawValue

    func validate() throws {
        guard SpotFindingParameters.Threshold(rawValue: threshold) != nil else {
            throw ValidationError("--threshold must be dispersion_extended or dispersion")
        }
        if let nproc, nproc < 1 { throw ValidationError("--nproc must be at least 1") }
    }

    func run() throws {
        let list: ExperimentList
        do { list = try ExperimentList(contentsOf: URL(fileURLWithPath: experiments)) } catch {
            throw CommandFailure.badInput(error.description)
        }
        guard list.count > 0 else { throw CommandFailure.badInput("\(experiments): no experiments") }
        var parameters = SpotFindingParameters()
        parameters.threshold = SpotFindingParameters.Threshold(rawValue: threshold)!
        var finder = SpotFinder(parameters: parameters)
        if let nproc { finder.nproc = nproc }

        let start = ContinuousClock.now
        let log = ImageSetLog()
        let result: SpotFindingResult
        do {
            result = try finder.findSpots(in: list) { log.report($0) }
        } catch {
            throw CommandFailure.badInput(error.description)
        }
        let elapsed = ContinuousClock.now - start

        let c = result.filterCounts
        print("")
        print("Extracted \(c.extracted) spots")
        print("Removed \(c.tooSmall) spots with size < \(parameters.resolvedMinSpotSize(firstPanelType: firstPanelType(list))) pixels")
        print("Removed \(c.tooLarge) spots with size > \(parameters.maxSpotSize) pixels")
        print("Filtered \(c.kept) of \(c.kept + c.separated) spots by peak-centroid distance")
        print("")
        print(SpotCountTable.text(result, list: list))
        // A failed image fails the command with one line, and no strong.refl is left behind
        // for the next step to mistake for a result.
        if !result.failures.isEmpty {
            let failed = Set(result.failures.flatMap(\.experiments)).count
            throw CommandFailure.processing("spot finding failed for \(failed) of \(list.count) experiments: \(result.failures[0]); \(output) not written")
        }
        do { try result.reflections.write(to: URL(fileURLWithPath: output)) } catch {
            throw CommandFailure.processing("\(output): cannot be written (\(error))")
        }
        let seconds = elapsed.seconds
        print("Saved \(result.reflections.nrows) reflections to \(output) (\(String(format: "%.1f", seconds)) s)")
    }

    func firstPanelType(_ list: ExperimentList) -> String {
        list.experiments.first.flatMap { list.detector(of: $0)?.panels.first?.type } ?? "SENSOR_PAD"
    }
}

/// Prints DIALS's per-image lines as they arrive, with a heading per image set.
private final class ImageSetLog: Sendable {
    /// The image set last headed; the lock also keeps two reports' lines together.
    private let current = Mutex<Int?>(nil)

    func report(_ p: ImageStrongPixels) {
        current.withLock { current in
            if current != p.imageSet {
                current = p.imageSet
                print("Finding strong spots in imageset \(p.imageSet)")
            }
            print("Found \(p.strongPixels) strong pixels on image \(p.image)")
        }
    }
}

/// Spots per experiment, with its images and strong pixels: what a user checks after spot
/// finding.
enum SpotCountTable {
    static func text(_ result: SpotFindingResult, list: ExperimentList) -> String {
        let ids = result.reflections.ints("id") ?? []
        var spots = [Int](repeating: 0, count: list.count)
        for id in ids where Int(id) >= 0 && Int(id) < list.count { spots[Int(id)] += 1 }
        var images = [Int](repeating: 0, count: list.count), pixels = [Int](repeating: 0, count: list.count)
        for image in result.images {
            images[image.experiment] += 1
            pixels[image.experiment] += image.strongPixels
        }
        let failed = Set(result.failures.flatMap(\.experiments))
        var rows: [[String]] = [["experiment", "images", "strong pixels", "spots"]]
        for i in 0..<list.count {
            rows.append([String(i), String(images[i]), String(pixels[i]), failed.contains(i) ? "failed" : String(spots[i])])
        }
        return TextTable.render(rows)
    }
}

/// `mxtriage bench find-spots EXPT` (a subcommand of `bench`): per-image read and threshold
/// times on one core, then the whole experiment list end to end on --nproc threads, and the peak
/// resident memory.
struct FindSpotsBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find-spots",
        abstract: "Spot-finding speed: per image on one core, and end to end on all cores, with peak memory.")

    @Argument(help: "An experiment list (e.g. imported.expt).")
    var experiments: String

    @Option(help: "Worker threads for the end-to-end run (default: all cores).")
    var nproc: Int?

    @Option(help: "Images timed one at a time on one core.")
    var images = 5

    func run() throws {
        let list: ExperimentList
        do { list = try ExperimentList(contentsOf: URL(fileURLWithPath: experiments)) } catch {
            throw CommandFailure.badInput(error.description)
        }
        let r: SpotFindingBenchmark.Result
        do {
            r = try SpotFindingBenchmark.run(experiments: list, nproc: nproc ?? ProcessInfo.processInfo.activeProcessorCount,
                                             singleCoreImages: images)
        } catch {
            throw CommandFailure.badInput("\(error)")
        }
        print("\(r.pixelsPerImage) pixels per image; \(r.imagesTimed) images timed on one core")
        print(String(format: "  read + decode one image      best %8.1f ms  median %8.1f ms", r.readSeconds.best * 1000, r.readSeconds.median * 1000))
        print(String(format: "  threshold one image          best %8.1f ms  median %8.1f ms", r.thresholdSeconds.best * 1000, r.thresholdSeconds.median * 1000))
        print(String(format: "end to end: %d images on %d threads in %.2f s (%.1f ms per image), %d spots, %d failures",
                     r.images, r.nproc, r.endToEndSeconds, r.endToEndSeconds * 1000 / Double(max(r.images, 1)), r.spots, r.failures))
        print(String(format: "peak resident memory %.0f MB", Double(r.peakResidentBytes) / 1e6))
    }
}
