import Foundation
import MXGeometry
import MXRefinement
import MXReflections

/// Times joint refinement of a multi-experiment input, and — where Debian's DIALS is
/// installed — `dials.refine scan_varying=false outlier.algorithm=tukey` on the same input
/// written as combined.expt/combined.refl.
public enum JointRefinementBenchmark {
    public struct Timing: Sendable {
        /// Wall-clock seconds.
        public var seconds: Double
        public var parameters: Int
        /// Reflections refined against (after outlier rejection).
        public var reflections: Int
        public var steps: Int
        /// Final RMSD_X, RMSD_Y (mm) and RMSD_Phi (degrees).
        public var finalRMSD: (x: Double, y: Double, phiDegrees: Double)
    }

    public struct Report: Sendable {
        public var experiments: Int
        public var inputReflections: Int
        /// Refiner construction (selection, prediction, outliers) plus the iterations.
        public var ours: Timing
        public var setupSeconds: Double
        public var dials: Timing?
        /// Why DIALS was not timed, when it was not.
        public var dialsSkipped: String?
        /// The DIALS command line that was run (in `directory`).
        public var dialsCommand: String?
    }

    /// - Parameter directory: where combined.expt/combined.refl are written and DIALS runs;
    ///   nil skips DIALS.
    public static func run(experiments: ExperimentList, reflections: ReflectionTable,
                           options: RefinementOptions = RefinementOptions(), directory: URL?) throws -> Report {
        let start = DispatchTime.now()
        let refiner = try Refiner(experiments: experiments, reflections: reflections, options: options)
        let setup = seconds(since: start)
        let result = try refiner.run()
        let total = seconds(since: start)
        let last = result.journal.last
        let ours = Timing(seconds: total, parameters: refiner.setup.parameterNames.count, reflections: refiner.setup.workingSet,
                          steps: result.journal.count,
                          finalRMSD: (last?.rmsdX ?? 0, last?.rmsdY ?? 0, last?.rmsdPhiDegrees ?? 0))
        var report = Report(experiments: experiments.count, inputReflections: reflections.nrows, ours: ours,
                            setupSeconds: setup)
        guard let directory else {
            report.dialsSkipped = "not requested"
            return report
        }
        let program = URL(fileURLWithPath: "/usr/bin/dials.refine")
        guard FileManager.default.isExecutableFile(atPath: program.path) else {
            report.dialsSkipped = "dials.refine is not installed"
            return report
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try experiments.write(to: directory.appendingPathComponent("combined.expt"))
        try reflections.write(to: directory.appendingPathComponent("combined.refl"))
        var arguments = ["combined.expt", "combined.refl", "scan_varying=false"]
        if case .none = options.outlier { arguments.append("outlier.algorithm=null") } else { arguments.append("outlier.algorithm=tukey") }
        report.dialsCommand = "dials.refine " + arguments.joined(separator: " ")
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = directory.appendingPathComponent("dials.refine.stdout")
        guard FileManager.default.createFile(atPath: output.path, contents: nil) else {
            report.dialsSkipped = "cannot write \(output.path)"
            return report
        }
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        let dialsStart = DispatchTime.now()
        try process.run()
        process.waitUntilExit()
        let wall = seconds(since: dialsStart)
        try handle.close()
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            report.dialsSkipped = "dials.refine failed with status \(process.terminationStatus); see \(output.path)"
            return report
        }
        report.dials = parse(text, seconds: wall)
        return report
    }

    /// Parameter and reflection counts and the last step row from dials.refine's log.
    static func parse(_ log: String, seconds: Double) -> Timing {
        var parameters = 0, reflections = 0, steps = 0
        var rmsd = (0.0, 0.0, 0.0)
        var inSteps = false
        for line in log.split(separator: "\n") {
            let words = line.split(separator: " ")
            if line.hasPrefix("There are "), words.count > 7 {
                parameters = Int(words[2]) ?? 0
                reflections = Int(words[7]) ?? 0
            }
            if line.hasPrefix("Refinement steps") { inSteps = true }
            if inSteps, line.hasPrefix("|") {
                let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                if cells.count == 5, let step = Int(cells[0]), let x = Double(cells[2]), let y = Double(cells[3]), let z = Double(cells[4]) {
                    steps = step + 1
                    rmsd = (x, y, z)
                }
            }
            if inSteps, line.hasPrefix("RMSD") || line.hasPrefix("Reached") { inSteps = false }
        }
        return Timing(seconds: seconds, parameters: parameters, reflections: reflections, steps: steps, finalRMSD: rmsd)
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}
