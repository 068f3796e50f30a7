import Foundation
import MXSimulation
import TriageEngine

/// Where the engine's recipe of a simulated data set meets the simulator: the program wires
/// them together, so the engine never imports the simulator.
extension SimulatedDataSet {
    public init(form: CrystalForm = .teha, sweeps: Int, seed: UInt64, detector: SimulatedDetector = .pilatus6m, maxImages: Int? = nil) {
        self.init(preset: form.name, sweeps: sweeps, seed: seed, detector: detector.rawValue, maxImages: maxImages)
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public var plan: DataSetPlan {
        get throws {
            guard let form = CrystalForm.named(preset), let detector = SimulatedDetector(rawValue: detector) else {
                throw Failure(description: "unknown simulated data set \(preset) on detector \(detector)")
            }
            return form.plan(seed: seed, sweeps: sweeps, detector: detector, maxImages: maxImages)
        }
    }

    /// The images under `cache/name`, simulated first if they are not there yet. A
    /// `.complete` marker written last means an interrupted simulation is redone, not trusted.
    public func images(in cache: URL, progress: @Sendable (DataSetGenerator.Progress) -> Void = { _ in }) throws -> URL {
        let directory = cache.appendingPathComponent(name)
        let marker = directory.appendingPathComponent(".complete")
        if FileManager.default.fileExists(atPath: marker.path) { return directory }
        try? FileManager.default.removeItem(at: directory)
        try DataSetGenerator.generate(plan: try plan, to: directory, progress: progress)
        try Data().write(to: marker)
        return directory
    }

    /// `$XDG_CACHE_HOME/mxtriage`, else `~/.cache/mxtriage`.
    public static var cacheDirectory: URL {
        let environment = ProcessInfo.processInfo.environment
        let base = environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
        return base.appendingPathComponent("mxtriage")
    }
}
