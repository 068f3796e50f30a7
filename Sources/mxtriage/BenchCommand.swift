import ArgumentParser
import Foundation
import MXBenchmarks
import MXImages
import MXSimulation

/// `mxtriage bench`: the benchmarks BENCHMARKS.md records, run on a release build.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure mxtriage's speed (use a release build).",
        subcommands: [DecodeBench.self, SimulateBench.self, FindSpotsBench.self, RefineBench.self, IntegrateBenchCommand.self, ClusterBenchCommand.self])

    struct DecodeBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "decode",
            abstract: "CBF decode throughput: ours, libcbf's and (where Debian's dxtbx is installed) dxtbx's, in one run.")

        @Argument(help: "CBF files (plain, .gz or .bz2).")
        var files: [String]

        @Option(help: "Repetitions; the best and median are reported.")
        var repetitions = 7

        @Flag(help: "Skip the dxtbx timings.")
        var noDxtbx = false

        func run() throws {
            for path in files {
                var r: DecodeBenchmark.Result
                do { r = try DecodeBenchmark.run(path: path, repetitions: repetitions) } catch {
                    throw CommandFailure.badInput(error.description)
                }
                if !noDxtbx { r.timings += DxtbxTiming.run(path: path, repetitions: max(repetitions, 1), pixels: r.fast * r.slow) }
                print("\(r.path): \(r.fast)×\(r.slow) = \(r.fast * r.slow) pixels; file \(r.fileBytes) B, decompressed \(r.decompressedBytes) B, packed \(r.packedBytes) B")
                for t in r.timings {
                    let rate = t.megapixelsPerSecond.map { String(format: "%8.1f Mpixel/s", $0) } ?? ""
                    print(String(format: "  %-46@ best %8.2f ms  median %8.2f ms  %@", t.name as NSString, t.best * 1000, t.median * 1000, rate as NSString))
                }
            }
        }
    }

    struct SimulateBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "simulate",
            abstract: "Simulator speed on one core: sweep set-up, image rendering and miniCBF encoding.")

        @Option(help: "Images to render.")
        var images = 10

        @Option(help: "Detector: pilatus6m or small.")
        var detector: SimulatedDetector = .pilatus6m

        func run() throws {
            let r = try SimulationBenchmark.run(images: images, detector: detector)
            print("\(detector.rawValue): \(r.pixelsPerImage) pixels per image, \(r.reflections) reflections in sweep 0")
            print(String(format: "  background shape (once per data set)  %8.1f ms", r.backgroundShapeSeconds * 1000))
            print(String(format: "  sweep set-up (prediction, footprints) %8.1f ms", r.sweepSetupSeconds * 1000))
            print(String(format: "  render one image                      best %7.1f ms  median %7.1f ms", r.renderSeconds.best * 1000, r.renderSeconds.median * 1000))
            print(String(format: "  encode one miniCBF (byte offset, MD5) best %7.1f ms  median %7.1f ms", r.encodeSeconds.best * 1000, r.encodeSeconds.median * 1000))
        }
    }
}
