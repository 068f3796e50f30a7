import Dispatch
import Synchronization
import Foundation
import MXGeometry
import MXImages
import MXReflections

/// Writes a simulated data set to a directory: every sweep's images as Pilatus miniCBF files
/// whose headers carry the (slightly wrong) header geometry, the per-reflection truth of each
/// sweep as `truth/<name>.refl`, and `truth.json`. Images render on all cores; each image's
/// bytes depend only on the plan, so the output is the same whatever the thread count.
public enum DataSetGenerator {
    /// How far generation has got, for a progress line.
    public struct Progress: Sendable {
        public var sweep: Int
        public var sweeps: Int
        public var template: String
        public var imagesWritten: Int
        public var imagesTotal: Int
    }

    public static func generate(plan: DataSetPlan, to directory: URL,
                                progress: @Sendable (Progress) -> Void = { _ in }) throws {
        let fm = FileManager.default
        let truthDirectory = directory.appendingPathComponent("truth")
        try fm.createDirectory(at: truthDirectory, withIntermediateDirectories: true)
        let instrument = Instrument(plan: plan, siliconMu: try SiliconSensor.mu(wavelength: plan.wavelength))
        let shape = BackgroundShape(plan: plan, instrument: instrument)
        let total = plan.sweeps.reduce(0) { $0 + $1.numImages }
        var written = 0
        var reflectionFiles: [String] = []
        for sweep in plan.sweeps {
            let simulator = SweepSimulator(plan: plan, sweep: sweep, instrument: instrument, backgroundShape: shape)
            try writeImages(of: simulator, to: directory)
            written += sweep.numImages
            progress(Progress(sweep: sweep.index + 1, sweeps: plan.sweeps.count, template: sweep.template,
                              imagesWritten: written, imagesTotal: total))
            let name = "truth/" + sweep.template.replacingOccurrences(of: "_####.cbf", with: ".refl")
            try simulator.truthTable().write(to: directory.appendingPathComponent(name))
            reflectionFiles.append(name)
        }
        let truth = plan.truthJSON(instrument: instrument, reflectionFiles: reflectionFiles)
        try Data(JSONWriter.string(truth).utf8).write(to: directory.appendingPathComponent("truth.json"), options: .atomic)
    }

    /// Renders and writes the sweep's images, split into one contiguous run per core so that
    /// each worker reuses one pixel buffer.
    static func writeImages(of simulator: SweepSimulator, to directory: URL) throws {
        let sweep = simulator.sweep
        let plan = simulator.plan
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, sweep.numImages))
        let failures = FailureBox()
        let template = FilenameTemplate(directory.appendingPathComponent(sweep.template).path)!
        let (nf, ns) = plan.detector.imageSize
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var buffer: [Int32] = []
            let first = worker * sweep.numImages / workers, last = (worker + 1) * sweep.numImages / workers
            for j in first..<last {
                simulator.render(image: j, into: &buffer)
                let scan = Scan(imageRange: (j + 1, j + 1),
                                oscillation: (sweep.startAngle + Double(j) * sweep.oscillation, sweep.oscillation),
                                exposureTimes: [plan.exposureTime],
                                epochs: [1_700_000_000 + Double(sweep.index) * 600 + Double(j) * plan.exposureTime])
                do {
                    var header = try MiniCBFHeader(beam: simulator.instrument.beam,
                                                   panel: simulator.instrument.headerDetector[0], scan: scan)
                    header.detector = plan.detector.serial
                    try MiniCBFWriter.write(PixelImage(fast: nf, slow: ns, pixels: buffer), header: header,
                                            to: template.path(forIndex: j + 1))
                } catch {
                    failures.record("\(error)")
                }
            }
        }
        if let message = failures.first { throw SimulationError(message) }
    }
}

/// Why a simulation could not be written.
public struct SimulationError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ message: String) { description = message }
}

/// The first failure among concurrent workers.
private final class FailureBox: Sendable {
    private let message = Mutex<String?>(nil)
    func record(_ m: String) { message.withLock { if $0 == nil { $0 = m } } }
    var first: String? { message.withLock { $0 } }
}
