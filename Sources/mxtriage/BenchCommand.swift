import ArgumentParser
import Foundation
import MXImages

/// `mxtriage bench`: the benchmarks BENCHMARKS.md records, run on a release build.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure mxtriage's speed (use a release build).",
        subcommands: [DecodeBench.self])

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
                let r: DecodeBenchmark.Result
                do { r = try DecodeBenchmark.run(path: path, repetitions: repetitions, includeDxtbx: !noDxtbx) } catch {
                    throw CommandFailure.badInput(error.description)
                }
                print("\(r.path): \(r.fast)×\(r.slow) = \(r.fast * r.slow) pixels; file \(r.fileBytes) B, decompressed \(r.decompressedBytes) B, packed \(r.packedBytes) B")
                for t in r.timings {
                    let rate = t.megapixelsPerSecond.map { String(format: "%8.1f Mpixel/s", $0) } ?? ""
                    print(String(format: "  %-46@ best %8.2f ms  median %8.2f ms  %@", t.name as NSString, t.best * 1000, t.median * 1000, rate as NSString))
                }
            }
        }
    }
}
