import ArgumentParser
import Foundation
import MXGeometry
import MXIntegration
import MXReflections

/// `mxtriage bench integrate`: wall clock of our summation integration on refined experiments,
/// and of `dials.integrate profile.fitting=False` on the same experiments when DIALS is
/// installed and a DIALS-readable reference (with shoeboxes) is given.
struct IntegrateBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "integrate",
        abstract: "Summation integration in a resolution band, timed: ours against dials.integrate.")

    @Argument(help: "The refined experiment list (.expt).")
    var experiments: String

    @Argument(help: "Our refined reflections (.refl).")
    var reflections: String

    @Option(name: .customLong("dials-reference"), help: "Indexed strong spots with shoeboxes for dials.integrate (DIALS needs them).")
    var dialsReference: String?

    @Option(name: .customLong("d-min"), help: "High-resolution limit (Å).")
    var dMin = 7.0

    @Option(name: .customLong("d-max"), help: "Low-resolution limit (Å).")
    var dMax = 8.1

    @Option(help: "Worker threads for both programs (default: all cores).")
    var nproc = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Repeat our run this many times and report the fastest.")
    var repeats = 3

    func run() throws {
        let (list, table) = try RefineInput.load(experiments: experiments, reflections: reflections)
        var options = IntegrationOptions()
        options.dMin = dMin
        options.dMax = dMax
        options.nproc = nproc
        var best = Double.infinity
        var result: IntegrationResult?
        for _ in 0..<max(1, repeats) {
            let start = DispatchTime.now()
            do { result = try Integrator(options: options).integrate(experiments: list, reflections: table) } catch {
                throw CommandFailure.processing(error.description)
            }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
        }
        let summaries = result?.summaries ?? []
        print(String(format: "mxtriage integrate  %7.2f s wall (best of %d, nproc %d)  %d experiments  %d predicted  %d integrated",
                     best, max(1, repeats), nproc, list.count, summaries.reduce(0) { $0 + $1.predicted },
                     summaries.reduce(0) { $0 + $1.integrated }))
        guard let reference = dialsReference else { return }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/dials.integrate") else {
            print("dials.integrate: not installed")
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mxtriage-bench-integrate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/dials.integrate")
        process.arguments = [URL(fileURLWithPath: experiments).path, URL(fileURLWithPath: reference).path,
                             "profile.fitting=False", "prediction.d_min=\(dMin)", "prediction.d_max=\(dMax)", "nproc=\(nproc)"]
        process.currentDirectoryURL = dir
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = DispatchTime.now()
        try process.run()
        process.waitUntilExit()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        guard process.terminationStatus == 0 else {
            throw CommandFailure.processing("dials.integrate exited with status \(process.terminationStatus)")
        }
        print(String(format: "dials.integrate     %7.2f s wall (nproc %d)   speed-up %.1f×", seconds, nproc, seconds / best))
    }
}
